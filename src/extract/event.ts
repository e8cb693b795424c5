/**
 * The event: its name, dates, venue and organizers, from the header fields.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Field} from '../data.js'
import type {Dates, Event, Organizer, Venue} from '../generated/information-note.js'
import type {FieldKey} from '../labels.js'
import {report} from '../message.js'
import type {Span} from '../span.js'
import {countryCode} from '../values/countries.js'
import {endOfDates, parseDates} from '../values/dates.js'
import {cleanName, splitAcronym, splitList} from '../values/lists.js'
import {type Recorder, recorder} from './source-map.js'

export default function extractEvent() {
  return (_: Root, file: VFile) => {
    const record = recorder(file)
    const fields = file.data.header?.fields ?? []
    const field = (key: FieldKey) => fields.find((candidate) => candidate.key === key)
    /** Where a missing value is reported: its empty field, else the header. */
    const missing = (found: Field | undefined) =>
      found ? record.position(found.label) : file.data.header?.start
    const event: Partial<Event> = {}

    const name = field('event')?.value.clean()
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

    const {dates, venue} = datesAndVenue(field('dateAndVenue'), field('date'), field('venue'))
    if (dates?.text) {
      const read = readDates(dates, file, record)
      if (read) event.dates = read
    } else {
      report(
        file,
        'missing-date',
        'Missing date, expected a field like "Date and Venue: 12-14 March 2012, Bogota, Colombia"',
        missing(field('date') ?? field('dateAndVenue'))
      )
    }
    if (venue?.text) {
      event.venue = readVenue(venue, file, record)
    } else {
      report(
        file,
        'missing-venue',
        'Missing venue, expected a city and country like "Bogota, Colombia" after the date',
        missing(field('venue') ?? field('dateAndVenue'))
      )
    }

    const organizers = field('organizers')?.value.clean()
    const list = organizers ? readOrganizers(organizers, record) : []
    if (organizers && list.length > 0) {
      record.mark('/event/organizers', organizers)
      event.organizers = list
    } else {
      report(
        file,
        'missing-organizers',
        'Missing organizers, expected a field like "Organizers: Government of Colombia, UNODA"',
        missing(field('organizers'))
      )
    }
    file.data.event = event
  }
}

/** A combined "Date and Venue" value is cut just after the year; separate fields win. */
function datesAndVenue(
  combined: Field | undefined,
  date: Field | undefined,
  venue: Field | undefined
): {dates: Span | undefined; venue: Span | undefined} {
  let dates = date?.value.clean()
  let place = venue?.value.clean()
  if (combined) {
    const value = combined.value.clean()
    const comma = value.text.indexOf(',')
    const end = endOfDates(value.text) ?? (comma === -1 ? value.text.length : comma)
    dates ??= value.slice(0, end).trim()
    const rest = value.slice(end)
    place ??= rest.slice(/^[\s,;:–—-]*/.exec(rest.text)?.[0].length ?? 0)
  }
  return {dates, venue: place}
}

function readDates(text: Span, file: VFile, record: Recorder): Dates | undefined {
  const parsed = parseDates(text.text)
  if (!parsed) {
    report(
      file,
      'unparsed-date',
      `Unexpected date "${text.value}", expected a day, month and year like "12-14 March 2012"`,
      record.position(text)
    )
    return undefined
  }
  record.mark('/event/dates', text)
  record.mark('/event/dates/start', text)
  record.mark('/event/dates/end', text)
  return {text: record.value('/event/dates/text', text), start: parsed.start, end: parsed.end}
}

/** "City, Country": the part after the last comma is the country, when it is one. */
function readVenue(text: Span, file: VFile, record: Recorder): Venue {
  record.mark('/event/venue', text)
  const venue: Venue = {text: record.value('/event/venue/text', text)}
  const comma = text.text.lastIndexOf(',')
  const country = text.slice(comma + 1).trim()
  const code = countryCode(country.text)
  if (code) {
    if (comma !== -1) venue.city = record.value('/event/venue/city', text.slice(0, comma).trim())
    venue.country = record.value('/event/venue/country', country)
    record.mark('/event/venue/countryCode', country)
    venue.countryCode = code
  } else if (comma !== -1) {
    report(
      file,
      'unknown-country',
      `Unexpected country "${country.value}" in the venue, expected a country name like "Colombia"`,
      record.position(country)
    )
  }
  return venue
}

function readOrganizers(value: Span, record: Recorder): Organizer[] {
  const organizers: Organizer[] = []
  for (const item of splitList(value)) {
    const {name, acronym} = splitAcronym(cleanName(item))
    if (!name.text) continue
    const pointer = `/event/organizers/${organizers.length}`
    record.mark(pointer, item)
    const organizer: Organizer = {name: record.value(`${pointer}/name`, name)}
    if (acronym) organizer.acronym = record.value(`${pointer}/acronym`, acronym)
    organizers.push(organizer)
  }
  return organizers
}
