/**
 * Lists written as prose: "A, the B (BB), and C." → names.
 */
import type {Span} from '../span.js'
import {keepsArticle, namesWithConjunction} from './countries.js'

/** Character codes of `(` `[` and of `)` `]`. */
const opening = [0x28, 0x5b]
const closing = [0x29, 0x5d]
const finalAnd = /\s(?:and|y|et)\s/gi
/** "X, with the support of Y" names two. */
const support =
  /,?\s+(?:with the support of|with support from|in cooperation with|in collaboration with|con el apoyo del?|en cooperaci[oó]n con|avec le soutien d[eu]|avec l'appui d[eu]|en coop[ée]ration avec)\s+/gi

/** Where the names of known bodies stand in a text: a list is never cut inside one (see organizations.ts). */
export type Names = (text: string) => readonly {from: number; to: number}[]

/** A role after a name, which a comma does not cut off: "Government of Japan, as Chair of …". */
const roleAfter = /^\s+(?:as|en tant que|en qualit[ée] de|en su calidad de|como)\s/i

/** The items of a list, and its empty entries ("Chile, , Peru"), each placed at the separator that ends it. */
export interface Entries {
  items: Span[]
  empty: Span[]
}

/**
 * Splits on semicolons outside parentheses when there are any (each item may
 * then hold commas), else on commas; in a comma list, a final "and" (or "y",
 * "et") splits the last item too. Items come back trimmed, empty ones dropped.
 */
export function splitList(list: Span, pair?: (left: Span, right: Span) => boolean, names?: Names): Span[] {
  return splitEntries(list, pair, names).items
}

/**
 * `splitList`, with the empty entries it dropped: an entry is empty when a
 * separator follows nothing (", Ghana", "Chile, , Peru"); a separator that
 * ends the list is punctuation ("Chile, Peru,").
 */
export function splitEntries(
  list: Span,
  pair?: (left: Span, right: Span) => boolean,
  names?: Names
): Entries {
  const parts = list.split(support).map((part) => splitPart(part, pair, names))
  return {items: parts.flatMap((part) => part.items), empty: parts.flatMap((part) => part.empty)}
}

/**
 * The empty entries of a value that lists parts with commas or semicolons
 * ("Venue and Date: , , 9-10 June 2015"); separators inside `whole` (the
 * dates, which hold commas of their own) do not count.
 */
export function emptyEntries(value: Span, whole?: {from: number; to: number}): Span[] {
  const cuts = separators(value.text, ',;').filter((cut) => !whole || cut < whole.from || cut >= whole.to)
  let from = 0
  const empty: Span[] = []
  for (const cut of cuts) {
    if (!value.text.slice(from, cut).trim()) empty.push(value.slice(cut, cut))
    from = cut + 1
  }
  return empty
}

/** A part of a value, trimmed, and where it stands (with its white space) in the value's text. */
export interface Part {
  span: Span
  from: number
  to: number
}

/** The parts of a value between commas and semicolons outside parentheses, empty ones dropped. */
export function splitParts(value: Span): Part[] {
  const cuts = separators(value.text, ',;')
  const parts: Part[] = []
  let from = 0
  for (const cut of [...cuts, value.text.length]) {
    const span = value.slice(from, cut).trim()
    if (span.text) parts.push({span, from, to: cut})
    from = cut + 1
  }
  return parts
}

/**
 * `pair` says whether a list of one item holding "and" ("Chile and Peru")
 * is two items; without it such an item stays whole.
 */
function splitPart(list: Span, pair?: (left: Span, right: Span) => boolean, names?: Names): Entries {
  const inName = covered(list.text, names)
  const kept = (cut: number) => !inName(cut) && !roleAfter.test(list.text.slice(cut + 1, cut + 24))
  const semicolons = separators(list.text, ';').filter(kept)
  const cuts = semicolons.length > 0 ? semicolons : separators(list.text, ',').filter(kept)
  const items: Span[] = []
  const empty: Span[] = []
  let from = 0
  for (const cut of [...cuts, list.text.length]) {
    const item = list.slice(from, cut).trim()
    if (!item.text && cut < list.text.length) empty.push(list.slice(cut, cut))
    items.push(item)
    from = cut + 1
  }
  const last = items.at(-1)
  if (semicolons.length === 0 && last) {
    const ands = [...last.text.matchAll(finalAnd)]
    const depth = ands.length > 0 ? depths(last.text) : undefined
    const inNames = ands.length > 0 ? insideCountryNames(last.text) : undefined
    const offset = list.text.length - last.text.length - trailingOf(list.text)
    const and = ands
      .filter(
        (match) => depth?.[match.index] === 0 && !inNames?.(match.index) && !inName(offset + match.index)
      )
      .at(-1)
    const left = and && last.slice(0, and.index).trim()
    const right = and && last.slice(and.index + and[0].length).trim()
    const named = (side: Span) => isOneName(cleanName(side).text, names)
    const two = left?.text && right?.text && (pair?.(left, right) || named(left) || named(right))
    if (left?.text && right?.text && (items.length > 1 || two)) items.splice(-1, 1, left, right)
  }
  return {items: items.filter((item) => item.text !== ''), empty}
}

/** Whether an index of `text` falls inside a known body's name. */
function covered(text: string, names: Names | undefined): (index: number) => boolean {
  const found = names?.(text) ?? []
  if (found.length === 0) return () => false
  const flags = new Uint8Array(text.length)
  for (const {from, to} of found) flags.fill(1, from, to)
  return (index) => flags[index] === 1
}

/** Whether all of `text` is one known body's name: "Ministerio … de Guatemala y Centro Regional … (UNLIREC)" names two. */
function isOneName(text: string, names: Names | undefined): boolean {
  return names?.(text).some((found) => found.from === 0 && found.to === text.length) ?? false
}

function trailingOf(text: string): number {
  return text.length - text.trimEnd().length
}

/** "Government of Japan, as Chair of the G7 Global Partnership" → the name and its role; "Ghana (host)" too. */
export function splitRole(name: Span): {name: Span; role?: Span} {
  const after = /,?\s+(?:as|en tant que|en qualit[ée] de|en su calidad de|como)\s+(?=\S)/i.exec(name.text)
  if (after)
    return {name: name.slice(0, after.index).trim(), role: name.slice(after.index + after[0].length).trim()}
  const host = /\s*\((host|co-host|chair|anfitri[oó]n|sede|h[ôo]te|pr[ée]sidence)\)$/i.exec(name.text)
  if (!host?.[1]) return {name}
  const open = host.index + host[0].indexOf('(') + 1
  return {name: name.slice(0, host.index).trim(), role: name.slice(open, open + host[1].length)}
}

/**
 * A name as a record value: without a leading "and", a leading article
 * (unless it belongs to a country's name: "El Salvador") and a final period
 * (kept after a one-letter abbreviation: "U.S.").
 */
export function cleanName(name: Span): Span {
  const and = /^(?:and|y|et)\s+/i.exec(name.text)?.[0].length ?? 0
  const rest = name.text.slice(and)
  const article = keepsArticle(rest)
    ? ''
    : (/^(?:(?:the|el|la|los|las|le|les)\s+|l['’]\s*)/i.exec(rest)?.[0] ?? '')
  const lead = name.text.slice(0, and) + article
  return name.slice(lead.length, name.text.length - finalPeriods(name.text)).trim()
}

/**
 * How many periods end `text`, as `/(?<!\b\p{Lu})\.+$/u` would take them:
 * all, or all but one after a one-letter abbreviation ("U.S."). Counted
 * from the end, as that expression is tried at every position.
 */
function finalPeriods(text: string): number {
  let start = text.length
  while (start > 0 && text.charAt(start - 1) === '.') start--
  const periods = text.length - start
  afterCapital.lastIndex = start
  return periods === 0 || !afterCapital.test(text) ? periods : periods - 1
}

/** Matches (empty) where a capital letter that starts a word ends. */
const afterCapital = /(?<=\b\p{Lu})/uy

/** "Organization of American States (OAS)" → the name and "OAS". */
export function splitAcronym(name: Span): {name: Span; acronym?: Span} {
  const match = /\s*\(([^()\s]+)\)$/.exec(name.text)
  const acronym = match?.[1]
  if (
    !match ||
    !acronym ||
    !/^\p{Lu}[\p{L}\d&./-]*$/u.test(acronym) ||
    (acronym.match(/\p{Lu}/gu) ?? []).length < 2
  ) {
    return {name}
  }
  const open = match.index + match[0].indexOf('(')
  return {name: name.slice(0, match.index).trim(), acronym: name.slice(open + 1, name.text.length - 1)}
}

/** Whether an index of `text` falls inside a country name that holds "and" ("Bosnia and Herzegovina"). */
function insideCountryNames(text: string): (index: number) => boolean {
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
  const search = folded.length === text.length ? folded : text.toLowerCase()
  // One flag per index: a list of spans would be searched once per "and".
  const covered = new Uint8Array(text.length)
  for (const name of namesWithConjunction()) {
    for (let at = search.indexOf(name); at !== -1; at = search.indexOf(name, at + 1)) {
      covered.fill(1, at, at + name.length)
    }
  }
  return (index) => covered[index] === 1
}

/** Indices, in order, of any of `chars` (`,`, `;`, or both: the parts of a value) at parenthesis depth 0. */
function separators(text: string, chars: ',' | ';' | ',;'): number[] {
  const indices: number[] = []
  let depth: Uint32Array | undefined
  for (let index = 0; index < text.length; index++) {
    if (!chars.includes(text.charAt(index))) continue
    depth ??= depths(text)
    if (depth[index] === 0) indices.push(index)
  }
  return indices
}

/** The parenthesis depth at each index of `text`. */
function depths(text: string): Uint32Array {
  const result = new Uint32Array(text.length)
  let depth = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (opening.includes(code)) depth++
    else if (closing.includes(code) && depth > 0) depth--
    result[index] = depth
  }
  return result
}
