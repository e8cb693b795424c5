/**
 * A venue as notes write it → its parts. The country is the last part
 * ("Accra, Ghana") or a final parenthesis that names one ("Accra
 * (Ghana)"); the city is the part just before it, or before a state's
 * abbreviation ("Bogota, D.C., Colombia"), and what comes before the city
 * is the place ("Labadi Beach Hotel, Accra, Ghana"). A final
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

/** A state's or district's abbreviation after the city: "D.C.", "NY", "DF". */
const abbreviation = /^\p{Lu}[\p{Lu}.]{1,4}$/u

/** The parts of a venue text; each part is a span of it, so it keeps its place in the note. */
export function readVenue(text: Span): VenueParts {
  const parenthesis = finalParenthesis(text.text)
  const inner = parenthesis && text.slice(parenthesis.open + 1, parenthesis.close).trim()
  const whole = parenthesis ? text.slice(0, parenthesis.start) : text
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
  // "Bogota, D.C., Colombia", "New York, NY, USA": the city is the part before its state's abbreviation.
  if (venue.country && before.length > 1 && abbreviation.test(before.at(-1)?.span.text ?? '')) {
    before = before.slice(0, -1)
  }
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

/**
 * The final parenthesis of a venue, as `/\s*\(([^()]+)\)[.;]?$/` finds it:
 * the `)` that ends the text (perhaps before a period or semicolon), the
 * `(` that opens it with no parenthesis between them, and where the white
 * space before the `(` starts. Found from the end: that expression, tried
 * at every position, is quadratic on a long run of white space.
 */
export function finalParenthesis(text: string): {start: number; open: number; close: number} | undefined {
  const last = text.charAt(text.length - 1)
  const close = last === '.' || last === ';' ? text.length - 2 : text.length - 1
  if (text.charAt(close) !== ')') return undefined
  const open = text.lastIndexOf('(', close)
  if (open === -1 || open === close - 1 || text.lastIndexOf(')', close - 1) > open) return undefined
  return {start: open - trailingRun(text.slice(0, open), /\s/), open, close}
}
