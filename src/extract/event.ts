/**
 * The event: its name, dates, venue and organizers, from the header fields.
 * The dates come from a "Date" field, from "Start Date" and "End Date", or
 * from a combined "Date and Venue" value in either order.
 */
import type {Root} from 'mdast'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {Field} from '../data.js'
import type {Dates, Event, Organizer, Venue} from '../generated/information-note.js'
import type {FieldKey} from '../labels.js'
import {report, reportEmptyEntries} from '../message.js'
import {Span} from '../span.js'
import {type DateRange, locateDates, readDates} from '../values/dates.js'
import {cleanName, emptyEntries, splitAcronym, splitEntries} from '../values/lists.js'
import {leadingRun, trailingRun} from '../values/runs.js'
import {readVenue} from '../values/venue.js'
import {bodiesOf, linkTo, reportUnknown, withoutRole} from './organizations.js'
import {type Recorder, recorder} from './source-map.js'

export default function extractEvent() {
  return (_: Root, file: VFile) => {
    const record = recorder(file)
    const fields = file.data.header?.fields ?? []
    const field = (key: FieldKey) => fields.find((candidate) => candidate.key === key)
    const missing = (found: Field | undefined) => missingAt(found, file, record)
    const event: Partial<Event> = {}

    const name = textOf(field('event'))
    if (name?.text) {
      event.name = record.value('/event/name', name)
    } else {
      report(
        file,
        'missing-event',
        'Missing event, expected a field like "Event: Seminar on resolution 1540"',
        missing(field('event'))
      )
    }

    const {dates, venue} = datesAndVenue(fields, file, record)
    if (dates) {
      const read = recordDates(dates, file, record)
      if (read) event.dates = read
    } else {
      report(
        file,
        'missing-date',
        'Missing date, expected a field like "Date and Venue: 12-14 March 2012, Bogota, Colombia"',
        missing(field('date') ?? field('startDate') ?? field('endDate') ?? field('dateAndVenue'))
      )
    }
    if (venue?.text) {
      event.venue = recordVenue(venue, file, record)
    } else {
      report(
        file,
        'missing-venue',
        'Missing venue, expected a city and country like "Bogota, Colombia" after the date',
        missing(field('venue') ?? field('dateAndVenue'))
      )
    }
    const organizers = recordOrganizers(fields, file, record)
    if (organizers) event.organizers = organizers
    file.data.event = event
  }
}

/** Where a missing value is reported: its empty field, else the header. */
function missingAt(found: Field | undefined, file: VFile, record: Recorder): Point | Position | undefined {
  return found ? record.position(found.label ?? found.value) : file.data.header?.start
}

/**
 * The organizers of every organizers field ("Hosted by", "Supported by":
 * all count), or a warning that there are none.
 */
function recordOrganizers(fields: Field[], file: VFile, record: Recorder): Organizer[] | undefined {
  const given = fields.filter((field) => field.key === 'organizers')
  const first = given[0]
  const list = readOrganizers(given, file, record)
  if (first && list.length > 0) {
    record.mark('/event/organizers', first.label ?? first.value)
    return list
  }
  report(
    file,
    'missing-organizers',
    'Missing organizers, expected a field like "Organizers: Government of Colombia, UNODA"',
    missingAt(first, file, record)
  )
  return undefined
}

/** The dates as written: one text, or the texts of a start and an end date field. */
type DatesText = {text: Span} | {start: Span; end: Span | undefined}

/**
 * The dates and venue texts. Separate fields win; a combined "Date and
 * Venue" value (in either order) holds the dates somewhere, and the venue
 * is the rest. Its empty entries are dropped with a warning.
 */
function datesAndVenue(
  fields: Field[],
  file: VFile,
  record: Recorder
): {dates: DatesText | undefined; venue: Span | undefined} {
  const text = (key: FieldKey) => textOf(fields.find((field) => field.key === key))
  const start = text('startDate')
  const date = text('date')
  let dates: DatesText | undefined = date?.text
    ? {text: date}
    : start?.text
      ? {start, end: text('endDate')}
      : undefined
  const venue = text('venue')
  if (venue) reportEmptyEntries(file, record, labelOf(fields, 'venue'), emptyEntries(venue))
  const combined = fields.find((field) => field.key === 'dateAndVenue')
  if (!combined) return {dates, venue}
  const value = textOf(combined) as Span
  const found = locateDates(value.text)
  reportEmptyEntries(file, record, labelOf(fields, 'dateAndVenue'), emptyEntries(value, found))
  if (!found) return {dates, venue: venue ?? value}
  dates ??= {text: value.slice(found.from, found.to).trim()}
  return {dates, venue: venue ?? around(value, found)}
}

/** A field's label as written, for messages. */
function labelOf(fields: Field[], key: FieldKey): Span {
  const field = fields.find((candidate) => candidate.key === key) as Field
  return field.label ?? field.value
}

/** The text of `value` before and after the dates, without the separators next to them. */
function around(value: Span, dates: {from: number; to: number}): Span {
  const before = value.slice(0, dates.from)
  const after = value.slice(dates.to)
  const head = before.slice(
    leadingRun(before.text, /[\s,;]/),
    before.text.length - trailingRun(before.text, joiner)
  )
  const tail = after.slice(leadingRun(after.text, joiner))
  return head.text && tail.text ? Span.join([head, tail], ', ') : head.text ? head : tail
}

/** What stands between the dates and the venue: "3-4 May 2016, Accra", "Accra – 3-4 May 2016". */
const joiner = /[\s,;:–—-]/

/** A field's text: its value and the lines under it. */
function textOf(field: Field | undefined): Span | undefined {
  return field && Span.join([field.value, ...field.items], ' ').clean()
}

function recordDates(dates: DatesText, file: VFile, record: Recorder): Dates | undefined {
  if ('text' in dates) {
    const range = readRange(dates.text, file, record)
    if (!range) return undefined
    for (const pointer of ['/event/dates', '/event/dates/start', '/event/dates/end'])
      record.mark(pointer, dates.text)
    return {text: record.value('/event/dates/text', dates.text), ...range}
  }
  const {start, end} = dates
  const text = end?.text ? Span.join([start, end], ' – ') : start
  const range = startAndEnd(start, end, file, record)
  if (!range) return undefined
  record.mark('/event/dates', text)
  record.mark('/event/dates/start', start)
  if (end && range.end) record.mark('/event/dates/end', end)
  return {text: record.value('/event/dates/text', text), ...range}
}

/**
 * Separate "Start Date" and "End Date" fields: the start of one, the end of
 * the other. Without an end date the record has no end: the note does not
 * say the event lasted one day.
 */
function startAndEnd(
  start: Span,
  end: Span | undefined,
  file: VFile,
  record: Recorder
): {start: string; end?: string} | undefined {
  const first = readRange(start, file, record)
  if (!end?.text) return first && {start: first.start}
  const last = readRange(end, file, record)
  if (!first || !last) return undefined
  if (first.start <= last.end) return {start: first.start, end: last.end}
  const both = Span.join([start, end], ' – ')
  report(
    file,
    'unparsed-date',
    `Unexpected date "${both.value}": the end is before the start`,
    record.position(both)
  )
  return undefined
}

/** The range a date text gives, with an error when it gives none and an info when its order was a choice. */
function readRange(text: Span, file: VFile, record: Recorder): DateRange | undefined {
  const reading = readDates(text.text)
  if (reading.kind !== 'range') {
    const why =
      reading.kind === 'impossible'
        ? `: ${reading.reason}`
        : ', expected a day, month and year like "12-14 March 2012"'
    report(file, 'unparsed-date', `Unexpected date "${text.value}"${why}`, record.position(text))
    return undefined
  }
  const range = {start: reading.start, end: reading.end}
  const order = reading.numeric
  if (order) {
    const reason =
      order.order === 'day-first'
        ? `Read "${text.value}" day first (${show(range)}), as the UN writes dates; month first it would be ${show(order.monthFirst)}`
        : `Read "${text.value}" month first (${show(range)}), as day first ${order.dayFirst}`
    report(file, 'ambiguous-date', reason, record.position(text))
  }
  return range
}

function show({start, end}: DateRange): string {
  return start === end ? start : `${start} to ${end}`
}

/** The venue and its parts, in the record's order; a last part that is not a country is a warning. */
function recordVenue(text: Span, file: VFile, record: Recorder): Venue {
  record.mark('/event/venue', text)
  const parts = readVenue(text)
  const venue: Venue = {text: record.value('/event/venue/text', text)}
  if (parts.place) venue.place = record.value('/event/venue/place', parts.place)
  if (parts.city) venue.city = record.value('/event/venue/city', parts.city)
  if (parts.country && parts.countryCode) {
    venue.country = record.value('/event/venue/country', parts.country)
    record.mark('/event/venue/countryCode', parts.country)
    venue.countryCode = parts.countryCode
  }
  if (parts.detail) venue.detail = record.value('/event/venue/detail', parts.detail)
  if (parts.unknownCountry) {
    report(
      file,
      'unknown-country',
      `Unexpected country "${parts.unknownCountry.value}" in the venue, expected a country name like "Colombia"`,
      record.position(parts.unknownCountry)
    )
  }
  return venue
}

/**
 * Whether "X and Y" names two organizers: when one side is an acronym
 * ("UNODA", "… (OAS)") or the second opens with an article ("… and the
 * OAS"). "Ministry of Defence and Foreign Affairs" stays one.
 */
function twoOrganizations(left: Span, right: Span): boolean {
  const acronym = (side: Span) => /^\p{Lu}[\p{Lu}\d&-]+$|\(\p{Lu}[\p{Lu}\d&-]+\)$/u.test(side.text)
  return acronym(left) || acronym(right) || /^(?:(?:the|el|la|los|las|le|les)\s|l['’])/i.test(right.text)
}

function readOrganizers(fields: Field[], file: VFile, record: Recorder): Organizer[] {
  const organizers: Organizer[] = []
  const bodies = bodiesOf(file)
  const items = fields.flatMap((field) =>
    [field.value, ...field.items].flatMap((line) => {
      const {items, empty} = splitEntries(line.clean(), twoOrganizations, bodies.find)
      reportEmptyEntries(file, record, field.label ?? field.value, empty)
      return items
    })
  )
  for (const item of items) {
    const pointer = `/event/organizers/${organizers.length}`
    const {name: withRole, role} = withoutRole(cleanName(item), pointer, record)
    const {name, acronym} = splitAcronym(withRole)
    if (!name.text) continue
    record.mark(pointer, item)
    const organizer: Organizer = {name: record.value(`${pointer}/name`, name)}
    const linked = linkTo(bodies, name, acronym, pointer, record)
    if (!linked) reportUnknown(file, name, record)
    const written = acronym ? {acronym: record.value(`${pointer}/acronym`, acronym)} : {}
    organizers.push({...organizer, ...(linked ?? written), ...(role ? {role} : {})})
  }
  return organizers
}
