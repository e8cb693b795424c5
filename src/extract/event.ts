/**
 * The event: its name, dates, venue and organizers, from the header fields.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Field} from '../data.js'
import type {Dates, Event, Organizer, Venue} from '../generated/information-note.js'
import type {FieldKey} from '../labels.js'
import {report} from '../message.js'
import {Span} from '../span.js'
import {countryCode} from '../values/countries.js'
import {endOfDates, parseDates} from '../values/dates.js'
import {cleanName, splitAcronym, splitList} from '../values/lists.js'
import {trailingRun} from '../values/runs.js'
import {type Recorder, recorder} from './source-map.js'

export default function extractEvent() {
  return (_: Root, file: VFile) => {
    const record = recorder(file)
    const fields = file.data.header?.fields ?? []
    const field = (key: FieldKey) => fields.find((candidate) => candidate.key === key)
    /** Where a missing value is reported: its empty field, else the header. */
    const missing = (found: Field | undefined) =>
      found ? record.position(found.label ?? found.value) : file.data.header?.start
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

    // Organizers may be given in more than one field: all count.
    const organizers = field('organizers')
    const list = readOrganizers(
      fields.filter((candidate) => candidate.key === 'organizers'),
      record
    )
    if (organizers && list.length > 0) {
      record.mark('/event/organizers', organizers.label ?? organizers.value)
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
  let dates = textOf(date)
  let place = textOf(venue)
  if (combined) {
    const value = textOf(combined) as Span
    const comma = value.text.indexOf(',')
    const end = endOfDates(value.text) ?? (comma === -1 ? value.text.length : comma)
    dates ??= value.slice(0, end).trim()
    const rest = value.slice(end)
    place ??= rest.slice(/^[\s,;:–—-]*/.exec(rest.text)?.[0].length ?? 0)
  }
  return {dates, venue: place}
}

/** A field's text: its value and the lines under it. */
function textOf(field: Field | undefined): Span | undefined {
  return field && Span.join([field.value, ...field.items], ' ').clean()
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

/**
 * "City, Country (detail)": the part after the last comma is the country,
 * when it is one; a trailing parenthesis is the detail.
 */
function readVenue(text: Span, file: VFile, record: Recorder): Venue {
  record.mark('/event/venue', text)
  const venue: Venue = {text: record.value('/event/venue/text', text)}
  const parenthesis = /\s*\(([^()]+)\)[.;]?$/.exec(text.text)
  const whole = parenthesis ? text.slice(0, parenthesis.index) : text
  const place = whole.slice(0, whole.text.length - trailingRun(whole.text, /[\s.;,]/))
  const comma = place.text.lastIndexOf(',')
  const country = place.slice(comma + 1).trim()
  const code = countryCode(country.text)
  if (code) {
    const city = place.slice(0, Math.max(comma, 0)).trim()
    const preposition = /^(?:in|at|en|à|a)\s+/i.exec(city.text)?.[0].length ?? 0
    const name = city.slice(preposition)
    if (name.text) venue.city = record.value('/event/venue/city', name)
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
  if (parenthesis?.[1]?.trim()) {
    const open = parenthesis.index + parenthesis[0].indexOf('(') + 1
    venue.detail = record.value('/event/venue/detail', text.slice(open, open + parenthesis[1].length).trim())
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

function readOrganizers(fields: Field[], record: Recorder): Organizer[] {
  const organizers: Organizer[] = []
  const lines = fields.flatMap((field) => [field.value, ...field.items])
  for (const item of lines.flatMap((line) => splitList(line.clean(), twoOrganizations))) {
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
