// The forms PDF text extraction leaves, made from a tidy note's text, for the
// property test (tests/extraction.test.ts) and the accuracy measure
// (scripts/accuracy.js):
//
// - joinHeader: the title and every header line on one line, as
//   `Information Note¹ Event: … Organizers: … Participants: States: …`;
// - addFurniture: page numbers and a repeated running header at page breaks;
//
// and the fixtures they are tried on (validFixtures). Both transforms take
// decoded text (no BOM; `\r\n` is read as `\n`) and are pure: the same text
// (and the same random numbers) give the same form.

import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

/** `Label: value`, as src/extract/header.ts reads a field line: a short label, not a URL's `https:`. */
const labelLine = /^(\p{L}[^:\n]{0,59}?)[ \t\u00a0]*:(?!\/\/)[ \t\u00a0]*/u
const maxLabelWords = 6
/** A setext underline, or a thematic break. */
const underline = /^ {0,3}(?:=+|-+)[ \t]*$/
const atxHeading = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/
const bullet = /^[ \t]*[-*+][ \t\u00a0]+/
/** A numbered section heading once markup is gone: `1. Objectives`, `2) Background`. */
const numbered = /^\d{1,3}[.)][ \t]+\S/

/**
 * Joins the title and the header (every line before the first section
 * heading: `## 1. Objectives`, `**1. Objectives**`, `1. **Objectives**`, a
 * setext heading, or an unnumbered `## Heading` once a `Label:` line was
 * seen) into one line. List markers and emphasis markers of those lines are
 * dropped, a `## Label` heading becomes `Label:`, and the lines of a
 * one-per-line list under a bare label (`States:` then `Fiji`, `Palau`) are
 * joined with `; `, every other line with a space. A line for which `keep`
 * is true (a field infonote does not know, which only its line break tells
 * from the value before it) stays on its own line.
 *
 * @param {string} text
 * @param {{keep?: (line: string) => boolean}} [options]
 * @returns {string}
 */
export function joinHeader(text, {keep = () => false} = {}) {
  const lines = text.split(/\r?\n/)
  const end = headerEnd(lines)
  const title = lines.findIndex((line) => line.trim() !== '')
  const tokens = lines.slice(0, end).flatMap((line, index) => headerToken(line, index === title))
  const joined = joinTokens(tokens, keep)
  const rest = lines.slice(end)
  return [...joined, ...(rest.length > 0 ? ['', ...rest] : [])].join('\n')
}

/**
 * The index of the first line of the first section heading (or the number of
 * lines). An unnumbered `## Heading` is a label in a header of `## Label`
 * headings, and a section after a header of `Label:` lines.
 */
function headerEnd(lines) {
  const title = lines.findIndex((line) => line.trim() !== '')
  let style = 'none'
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '' || underline.test(line)) continue
    if (index === title) {
      if (isLabel(clean(line))) style = 'lines'
      continue
    }
    if (underline.test(lines[index + 1] ?? '')) return index
    const heading = atxHeading.exec(line)
    const cleaned = clean(heading ? (heading[1] ?? '') : line)
    if (numbered.test(cleaned)) return index
    if (heading && style === 'lines') return index
    if (style === 'none') style = heading ? 'headings' : isLabel(cleaned) ? 'lines' : 'none'
  }
  return lines.length
}

/**
 * One header line as a token: its text, and whether it is the title, a
 * label with its value, a bare label (`States:`) or other text.
 *
 * @returns {{text: string, kind: 'title' | 'label' | 'bare' | 'text'}[]}
 */
function headerToken(line, isTitle) {
  if (line.trim() === '' || (underline.test(line) && !isTitle)) return []
  const heading = atxHeading.exec(line)
  const cleaned = clean(heading ? (heading[1] ?? '') : line)
  if (cleaned === '') return []
  if (isTitle && !isLabel(cleaned)) return [{text: cleaned, kind: 'title'}]
  if (heading) return [{text: cleaned.endsWith(':') ? cleaned : `${cleaned}:`, kind: 'bare'}]
  if (!isLabel(cleaned)) return [{text: cleaned, kind: 'text'}]
  const bare = labelLine.exec(cleaned)?.[0].length === cleaned.length
  return [{text: cleaned, kind: bare ? 'bare' : 'label'}]
}

/**
 * Joins tokens into lines: one line, broken only around the lines to keep;
 * kept text without a label (a paragraph of its own in the note) stays a
 * paragraph.
 */
function joinTokens(tokens, keep) {
  const lines = []
  let current = ''
  /** Under a bare label: `open` before its first entry, `entries` after it. */
  let list = 'none'
  for (const token of tokens) {
    if (token.kind !== 'title' && keep(token.text)) {
      if (current) lines.push(current)
      lines.push(...(token.kind === 'text' ? ['', token.text, ''] : [token.text]))
      current = ''
      list = 'none'
      continue
    }
    const separator = current === '' ? '' : list === 'entries' && token.kind === 'text' ? '; ' : ' '
    current += separator + token.text
    if (token.kind === 'text') list = list === 'none' ? 'none' : 'entries'
    else list = token.kind === 'bare' ? 'open' : 'none'
  }
  if (current) lines.push(current)
  while (lines.at(-1) === '') lines.pop()
  return lines
}

/** A header line without its list marker, emphasis markers, hard break and outer white space. */
function clean(line) {
  return line
    .replace(bullet, '')
    .replace(/(?<!\\)\*+/g, '')
    .replace(/\\$/, '')
    .trim()
}

function isLabel(text) {
  const label = labelLine.exec(text)?.[1]
  return label !== undefined && label.trim().split(/\s+/).length <= maxLabelWords
}

/**
 * Whether a cleaned header line is one of the record's `extra` items: a
 * field with that label, or text with that value. For `joinHeader`'s `keep`.
 *
 * @param {readonly {label?: string, value?: string}[]} extra
 * @returns {(line: string) => boolean}
 */
export function keepExtras(extra) {
  const fold = (text) => text.normalize('NFC').replace(/\s+/g, ' ').trim()
  return (line) => {
    const text = fold(line)
    return extra.some((item) =>
      item.label === undefined
        ? item.value !== undefined && fold(item.value) === text
        : text.startsWith(item.label) && /^[ \t\u00a0]*:/.test(text.slice(item.label.length))
    )
  }
}

const runningHeaders = [
  '1540 Committee – Information Note',
  'Security Council Committee established pursuant to resolution 1540 (2004)',
  'United Nations – 1540 Committee'
]

/** Page-number lines: `2`, `- 2 -`, `Page 2 of 4`. */
const pageStyles = [
  (page) => String(page),
  (page) => `- ${page} -`,
  (page, pages) => `Page ${page} of ${pages}`
]

/**
 * Breaks the note into pages at paragraph breaks chosen with `random`
 * (2 to 4 breaks, fewer when the note has fewer): at each, a running header
 * line (the same at every break; left out when there is one break only)
 * and the new page's number (`2`, `- 2 -` or `Page 2 of 4`, one style per
 * note), each as its own paragraph. Only breaks before a line that is not
 * indented are used, so that no list item or footnote loses its
 * continuation.
 *
 * @param {string} text
 * @param {() => number} random numbers in [0, 1), as Math.random gives
 * @returns {string}
 */
export function addFurniture(text, random) {
  const lines = text.split(/\r?\n/)
  const breaks = paragraphBreaks(lines)
  const count = Math.min(breaks.length, 2 + Math.floor(random() * 3))
  const chosen = []
  for (let left = count; left > 0; left--) {
    chosen.push(...breaks.splice(Math.floor(random() * breaks.length), 1))
  }
  const style = pick(pageStyles, random)
  const header = pick(runningHeaders, random)
  const inserts = new Map(
    chosen
      .sort((a, b) => a - b)
      .map((at, index) => [at, [...(count > 1 ? ['', header] : []), '', style(index + 2, count + 1), '']])
  )
  return lines.flatMap((line, index) => inserts.get(index) ?? [line]).join('\n')
}

/** Indices of blank lines between two blocks, where the next block starts at column 1. */
function paragraphBreaks(lines) {
  const breaks = []
  for (const [index, line] of lines.entries()) {
    if (line.trim() !== '' || index === 0 || lines[index - 1]?.trim() === '') continue
    let next = index + 1
    while (next < lines.length && lines[next]?.trim() === '') next++
    if (next < lines.length && /^\S/.test(lines[next] ?? '')) breaks.push(index)
  }
  return breaks
}

function pick(list, random) {
  return list[Math.floor(random() * list.length)]
}

/**
 * A seeded random function (mulberry32): numbers in [0, 1), the same for
 * the same seed.
 *
 * @param {number} seed
 * @returns {() => number}
 */
export function seededRandom(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * The fixtures of `folder` (tests/fixtures) whose `record.json` is a record
 * (not `null`), in name order: their name, the path they are converted
 * with, their bytes and their record.
 */
export function validFixtures(folder) {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const file = path.join(folder, name, 'record.json')
      const record = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
      if (!record) return []
      const [note] = readdirSync(path.join(folder, name, 'input'))
      return [
        {name, path: `input/${note}`, bytes: readFileSync(path.join(folder, name, 'input', note)), record}
      ]
    })
}
