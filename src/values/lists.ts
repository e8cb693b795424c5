/**
 * Lists written as prose: "A, the B (BB), and C." → names.
 */
import type {Span} from '../span.js'
import {keepsArticle, namesWithConjunction} from './countries.js'

const opening = '(['
const closing = ')]'
const finalAnd = /\s(?:and|y|et)\s/gi
/** "X, with the support of Y" names two. */
const support =
  /,?\s+(?:with the support of|with support from|in cooperation with|in collaboration with|con el apoyo del?|en cooperaci[oó]n con|avec le soutien d[eu]|avec l'appui d[eu]|en coop[ée]ration avec)\s+/gi

/**
 * Splits on semicolons outside parentheses when there are any (each item may
 * then hold commas), else on commas; in a comma list, a final "and" (or "y",
 * "et") splits the last item too. Items come back trimmed, empty ones dropped.
 */
export function splitList(list: Span, pair?: (left: Span, right: Span) => boolean): Span[] {
  return list.split(support).flatMap((part) => splitPart(part, pair))
}

/**
 * `pair` says whether a list of one item holding "and" ("Chile and Peru")
 * is two items; without it such an item stays whole.
 */
function splitPart(list: Span, pair?: (left: Span, right: Span) => boolean): Span[] {
  const semicolons = separators(list.text, ';')
  const cuts = semicolons.length > 0 ? semicolons : separators(list.text, ',')
  const items: Span[] = []
  let from = 0
  for (const cut of [...cuts, list.text.length]) {
    items.push(list.slice(from, cut).trim())
    from = cut + 1
  }
  const last = items.at(-1)
  if (semicolons.length === 0 && last) {
    const depth = depths(last.text)
    const inNames = insideCountryNames(last.text)
    const and = [...last.text.matchAll(finalAnd)]
      .filter((match) => depth[match.index] === 0 && !inNames(match.index))
      .at(-1)
    const left = and && last.slice(0, and.index).trim()
    const right = and && last.slice(and.index + and[0].length).trim()
    if (left?.text && right?.text && (items.length > 1 || pair?.(left, right)))
      items.splice(-1, 1, left, right)
  }
  return items.filter((item) => item.text !== '')
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
  const trail = /(?<!\b\p{Lu})\.+$/u.exec(name.text)?.[0] ?? ''
  return name.slice(lead.length, name.text.length - trail.length).trim()
}

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
  const covered: [number, number][] = []
  for (const name of namesWithConjunction()) {
    for (let at = search.indexOf(name); at !== -1; at = search.indexOf(name, at + 1)) {
      covered.push([at, at + name.length])
    }
  }
  return (index) => covered.some(([start, end]) => index >= start && index < end)
}

/** Indices of `char` at parenthesis depth 0. */
function separators(text: string, char: string): number[] {
  const depth = depths(text)
  const indices: number[] = []
  for (let index = text.indexOf(char); index !== -1; index = text.indexOf(char, index + 1)) {
    if (depth[index] === 0) indices.push(index)
  }
  return indices
}

/** The parenthesis depth at each index of `text`. */
function depths(text: string): number[] {
  const result: number[] = []
  let depth = 0
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index)
    if (opening.includes(char)) depth++
    else if (closing.includes(char)) depth = Math.max(0, depth - 1)
    result.push(depth)
  }
  return result
}
