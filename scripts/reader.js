// What a careful reader takes from a note, to measure a record against
// (tests/wild/*.expected.json): 13 fields, compared as a reader would
// (white space collapsed, a trailing "(ACRONYM)" of a name aside).

/** The fields of a reader's expectation, in their order. */
export const readerFields = [
  'title',
  'name',
  'start',
  'end',
  'place',
  'city',
  'countryCode',
  'organizers',
  'groups',
  'entries',
  'sections',
  'footnote',
  'contact'
]

/** The fields `record` gives that differ from a reader's `expected`, in order. */
export function misreadFields(expected, record) {
  const want = fromExpectation(expected)
  const got = record ? fromRecord(record) : {}
  return readerFields.filter((field) => JSON.stringify(want[field]) !== JSON.stringify(got[field]))
}

function fromRecord(record) {
  const event = record.event ?? {}
  const venue = event.venue ?? {}
  return {
    title: record.title?.toLowerCase() ?? null,
    name: clean(event.name),
    start: event.dates?.start ?? null,
    end: event.dates?.end ?? null,
    place: clean(venue.place),
    city: clean(venue.city),
    countryCode: venue.countryCode ?? null,
    organizers: (event.organizers ?? []).map((organizer) => withoutAcronym(organizer.name)),
    groups: (record.participants ?? []).map((group) => [group.category, clean(group.label)]),
    entries: (record.participants ?? []).map((group) =>
      group.entries.map((entry) => withoutAcronym(entry.name))
    ),
    sections: (record.sections ?? []).map((section) => clean(section.title)),
    footnote: (record.footnotes ?? []).map((footnote) => clean(footnote.text)),
    contact: (record.contacts ?? []).map((contact) => contact.value)
  }
}

function fromExpectation(expected) {
  return {
    title: expected.title?.toLowerCase() ?? null,
    name: clean(expected.name),
    start: expected.start,
    end: expected.end,
    place: expected.place,
    city: expected.city,
    countryCode: expected.countryCode,
    organizers: expected.organizers.map(withoutAcronym),
    groups: expected.participants.map((group) => [group.category, group.label]),
    entries: expected.participants.map((group) => group.entries.map(withoutAcronym)),
    sections: expected.sections,
    footnote: [clean(expected.footnote)],
    contact: [expected.contact]
  }
}

function clean(text) {
  return typeof text === 'string' ? text.replace(/\s+/g, ' ').replace(/ :/g, ':').trim() : null
}

function withoutAcronym(name) {
  return clean(name.replace(/\s*\([^()]*\)\s*$/, ''))
}
