/**
 * A venue as notes write it → its parts. The country is the last part
 * ("Accra, Ghana") or a final parenthesis that names one ("Accra
 * (Ghana)"); the city is the part just before it, and what comes before
 * the city is the place ("Labadi Beach Hotel, Accra, Ghana"). A final
 * parenthesis that is not a country is the detail ("Vienna, Austria
 * (Vienna International Centre)").
 */
import type {Span} from '../span.js'
import {countryCode} from './countries.js'
import {splitParts} from './lists.js'
import {trailingRun} from './runs.js'

export interface VenueParts {
  place?: Span
  city?: Span
  country?: Span
  countryCode?: string
  detail?: Span
  /** The last of several parts, when it is not a country: no city or place is read then. */
  unknownCountry?: Span
}

/** A word that introduces the venue: "in Bogota", "at the Hilton", "à Genève". */
const preposition = /^(?:in|at|en|à|a)\s+/i

/** The parts of a venue text; each part is a span of it, so it keeps its place in the note. */
export function readVenue(text: Span): VenueParts {
  const parenthesis = /\s*\(([^()]+)\)[.;]?$/.exec(text.text)
  const open = parenthesis ? parenthesis.index + parenthesis[0].indexOf('(') + 1 : 0
  const inner = parenthesis?.[1] ? text.slice(open, open + parenthesis[1].length).trim() : undefined
  const whole = parenthesis ? text.slice(0, parenthesis.index) : text
  const body = whole.slice(0, whole.text.length - trailingRun(whole.text, /[\s.;,]/))
  const parts = splitParts(body)
  const venue: VenueParts = {}
  let before = parts
  if (inner && countryCode(inner.text)) {
    venue.country = inner
  } else {
    if (inner?.text) venue.detail = inner
    const last = parts.at(-1)
    if (last && countryCode(last.span.text)) venue.country = last.span
    else if (parts.length > 1 && last) venue.unknownCountry = last.span
    before = venue.country ? parts.slice(0, -1) : []
  }
  const code = venue.country && countryCode(venue.country.text)
  if (code) venue.countryCode = code
  const city = before.at(-1)
  const first = before[0]
  if (!city || !first) return venue
  const lead = preposition.exec(first.span.text)?.[0].length ?? 0
  if (before.length === 1) {
    venue.city = city.span.slice(lead)
  } else {
    const place = body.slice(first.from, before.at(-2)?.to).trim()
    venue.place = place.slice(lead)
    venue.city = city.span
  }
  return venue
}
