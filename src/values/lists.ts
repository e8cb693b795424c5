/**
 * Lists written as prose: "A, the B (BB), and C." → names.
 */
import type {Span} from '../span.js'

const opening = '(['
const closing = ')]'
const finalAnd = /\s(?:and|y|et)\s/gi

/**
 * Splits on semicolons outside parentheses when there are any (each item may
 * then hold commas), else on commas; in a comma list, a final "and" (or "y",
 * "et") splits the last item too. Items come back trimmed, empty ones dropped.
 */
export function splitList(list: Span): Span[] {
  const semicolons = separators(list.text, ';')
  const cuts = semicolons.length > 0 ? semicolons : separators(list.text, ',')
  const items: Span[] = []
  let from = 0
  for (const cut of [...cuts, list.text.length]) {
    items.push(list.slice(from, cut).trim())
    from = cut + 1
  }
  const last = items.at(-1)
  if (semicolons.length === 0 && items.length > 1 && last) {
    const depth = depths(last.text)
    const and = [...last.text.matchAll(finalAnd)].filter((match) => depth[match.index] === 0).at(-1)
    if (and && and.index > 0) {
      items.splice(-1, 1, last.slice(0, and.index).trim(), last.slice(and.index + and[0].length).trim())
    }
  }
  return items.filter((item) => item.text !== '')
}

/**
 * A name as a record value: without a leading "and", a leading article and a
 * final period (kept after a one-letter abbreviation: "U.S.").
 */
export function cleanName(name: Span): Span {
  const lead =
    /^(?:(?:and|y|et)\s+)?(?:(?:the|el|la|los|las|le|les)\s+|l['’]\s*)?/i.exec(name.text)?.[0] ?? ''
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
