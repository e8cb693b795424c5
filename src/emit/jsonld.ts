/**
 * Each note as linked data, `<stem>.jsonld`: a schema.org `Report` by the
 * 1540 Committee whose `about` is the `Event` (its dates, its `Place` and
 * `PostalAddress`, its organizers and attendees in order), with the sections
 * as `hasPart` and the note's file as its `encoding` (path and sha256). The
 * `@context` is in the document and defines every term (no `@vocab`, no
 * remote context), so a processor needs no network and drops nothing.
 *
 * What schema.org has no property for is said with terms of our own, each a
 * full IRI under docs/outputs.md: a participant's category and the note's
 * label for it, the group a State is named under, the role of an organizer
 * or participant, a section's kind, and the footnotes. The category is a
 * plain property on each attendee, not a schema.org `Role`: a `Role` wraps
 * the attendee in a second node (so consumers find the Country one level
 * deeper, and only for some attendees), and `roleName` means the part one
 * plays, which the category is not. Left out: `extra`, the contacts (the
 * note does not say whose they are; they stay in the text they were found
 * in), the dates and venue parts as written (they are in `Place.name` or in
 * events.csv), the labels of categories without participants, sub-headings.
 */
import type {
  InformationNote,
  Organizer,
  Participant,
  ParticipantGroup,
  Section,
  Venue
} from '../generated/information-note.js'
import type {NoteEmitter} from './emitter.js'
import {sectionText} from './section-text.js'

export const jsonld: NoteEmitter = {
  name: 'jsonld',
  scope: 'note',
  files: [{suffix: '.jsonld', content: (record) => `${JSON.stringify(jsonLdOf(record), null, 2)}\n`}]
}

/** Where our own terms are defined: docs/outputs.md, whose section on JSON-LD lists them. */
export const infonoteVocabulary = 'https://github.com/infonote/infonote/blob/main/docs/outputs.md#'

const committee = {
  '@type': 'Organization',
  name: 'Security Council Committee established pursuant to resolution 1540 (2004)',
  url: 'https://www.un.org/en/sc/1540/'
}

const list = '@list'
const date = 'schema:Date'

/** Every term a document uses, each an IRI; ordered lists are `@list`s, so their order is kept. */
export const context: Readonly<Record<string, string | Record<string, string>>> = {
  schema: 'https://schema.org/',
  infonote: infonoteVocabulary,
  Country: 'schema:Country',
  CreativeWork: 'schema:CreativeWork',
  Event: 'schema:Event',
  MediaObject: 'schema:MediaObject',
  Organization: 'schema:Organization',
  Place: 'schema:Place',
  PostalAddress: 'schema:PostalAddress',
  Report: 'schema:Report',
  about: 'schema:about',
  address: 'schema:address',
  addressCountry: 'schema:addressCountry',
  addressLocality: 'schema:addressLocality',
  alternateName: 'schema:alternateName',
  attendee: {'@id': 'schema:attendee', '@container': list},
  author: 'schema:author',
  encoding: 'schema:encoding',
  encodingFormat: 'schema:encodingFormat',
  endDate: {'@id': 'schema:endDate', '@type': date},
  hasPart: {'@id': 'schema:hasPart', '@container': list},
  identifier: 'schema:identifier',
  inLanguage: 'schema:inLanguage',
  location: 'schema:location',
  name: 'schema:name',
  organizer: {'@id': 'schema:organizer', '@container': list},
  position: 'schema:position',
  sha256: 'schema:sha256',
  startDate: {'@id': 'schema:startDate', '@type': date},
  text: 'schema:text',
  url: {'@id': 'schema:url', '@type': '@id'},
  categoryLabel: 'infonote:categoryLabel',
  footnote: {'@id': 'infonote:footnote', '@container': list},
  group: 'infonote:group',
  marker: 'infonote:marker',
  participantCategory: 'infonote:participantCategory',
  role: 'infonote:role',
  sectionKind: 'infonote:sectionKind'
}

const mediaTypes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
}

/** The JSON-LD document of a record; a field the record lacks gives no property. */
export function jsonLdOf(record: InformationNote): object {
  const {source} = record
  return defined({
    '@context': context,
    '@type': 'Report',
    identifier: record.id,
    name: record.title,
    inLanguage: record.language,
    author: committee,
    about: eventOf(record),
    hasPart: nonEmpty((record.sections ?? []).map(sectionOf)),
    footnote: nonEmpty((record.footnotes ?? []).map(({marker, text}) => ({marker, text}))),
    encoding: defined({
      '@type': 'MediaObject',
      name: source.path,
      sha256: source.sha256,
      encodingFormat: 'format' in source ? mediaTypes[source.format] : undefined
    })
  })
}

function eventOf({event, participants}: InformationNote): object {
  const {dates, venue} = event
  return defined({
    '@type': 'Event',
    name: event.name,
    startDate: dates.start,
    endDate: dates.end,
    location: venue && placeOf(venue),
    organizer: nonEmpty((event.organizers ?? []).map(organizerOf)),
    attendee: nonEmpty((participants ?? []).flatMap(attendeesOf))
  })
}

/** The venue as written is the place's name; its city and ISO country code, when known, its address. */
function placeOf(venue: Venue): object {
  const address = defined({addressLocality: venue.city, addressCountry: venue.countryCode})
  return defined({
    '@type': 'Place',
    name: venue.text,
    address: Object.keys(address).length > 0 ? {'@type': 'PostalAddress', ...address} : undefined
  })
}

function organizerOf(organizer: Organizer): object {
  return defined({
    '@type': 'Organization',
    name: organizer.name,
    alternateName: organizer.acronym,
    identifier: organizer.org,
    role: organizer.role
  })
}

/**
 * A group's participants: a `Country` when it has an ISO code or is listed
 * among States (its code as `identifier`), else an `Organization` (its
 * registry id as `identifier`); each keeps its category.
 */
function attendeesOf({category, label, entries}: ParticipantGroup): object[] {
  return entries.map((entry: Participant) => {
    const country = entry.countryCode !== undefined || (category === 'states' && entry.org === undefined)
    const identifiers = [entry.countryCode, entry.org].filter((value) => value !== undefined)
    return defined({
      '@type': country ? 'Country' : 'Organization',
      name: entry.name,
      alternateName: entry.acronym,
      identifier: identifiers.length > 1 ? identifiers : identifiers[0],
      participantCategory: category,
      categoryLabel: label,
      group: entry.group,
      role: entry.role
    })
  })
}

function sectionOf(section: Section): object {
  return defined({
    '@type': 'CreativeWork',
    position: section.number,
    name: section.title,
    sectionKind: section.kind,
    text: sectionText(section)
  })
}

/** `properties` without the absent ones, in the order given. */
function defined(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined))
}

function nonEmpty<T>(values: T[]): T[] | undefined {
  return values.length > 0 ? values : undefined
}
