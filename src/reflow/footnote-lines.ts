/**
 * Footnote texts as PDF text extraction leaves them: a plain digit opening
 * the text (`1 For information – not an official report.`) at the start of
 * a line wherever the page broke, or run into the end of a line. It is a
 * footnote's text when it is the disclaimer, or when the note marks that
 * footnote (`Information Note1`, a superscript, a digit glued to a word:
 * `participation2`) and the line starts a block: after a blank line, the
 * end of a sentence or a page break, never a wrapped line such as
 * `1 June 2016 in Accra`. Its digit gets the `^` that makes it a marker the
 * footnote plugin reads; a text stranded among the note's lines moves to the
 * end, so that the paragraph the page break cut in two is whole again.
 */
import {titleMarker} from '../labels.js'
import {report} from '../message.js'
import {superscripts} from '../normalize/footnotes.js'
import {isSyntax, type Line} from './layout.js'
import type {Edit, Note} from './note.js'

/** A footnote's text: its number, a space, then a capital or an opening quote. */
const definition = /^([ \t]{0,3})(\d{1,2})[ \t]+(?=[\p{Lu}"“«‘(])/u
/** The same, run into a line after the end of a sentence or a value. */
const runIn = /(?<=[.;)\]»”])([ \t]+)(\d{1,2})[ \t]+(?=\p{Lu})/gu
/** A footnote marked as Markdown or text already: `^1 `, `[^1]: `, `¹ `. */
const marked = /^\s*(?:\^(\d{1,3})|\[\^?(\d{1,3})\]|([⁰¹²³⁴⁵⁶⁷⁸⁹]+))/
/** The disclaimer every note has, in its three languages. */
const disclaimer =
  /^(?:for information|para informaci[oó]n|pour information|not an official|no es un informe|ceci n)/iu
/** A day and its month: "1 June 2016", "1 de junio", "1er juin" is a date, not a footnote. */
const dayAndMonth =
  /^(?:er\s+|de\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic|janv|f[eé]v|avr|mai|juin|juil|ao[uû]t|sept|d[eé]c)/iu
/** How much of a footnote's text tells what it is. */
const opening = 40

interface Footnote {
  number: string
  /** Its first line (and that line's index), and whether it is run into that line rather than opening it. */
  line: Line
  index: number
  runIn: boolean
  /** Where the whitespace before a run-in text starts; the line's start for a text that opens its line. */
  cut: number
  /** Where its digit starts. */
  digit: number
}

export function footnoteLines(note: Note): Edit[] {
  const candidates = findCandidates(note)
  const title =
    note.title === undefined ? undefined : titleMarker.exec(note.lines[note.title]?.text ?? '')?.[4]
  const titleNumber = title?.replace(/[[\]]/g, '')
  const glued = gluedMarkers(note, new Set(candidates.map((found) => found.number)))
  const referenced = new Set([
    ...(titleNumber ? [titleNumber] : []),
    ...superscriptMarkers(note.text),
    ...glued.keys()
  ])
  const taken = markedNumbers(note)
  const edits: Edit[] = []
  for (const found of candidates) {
    const start = found.digit + found.number.length
    const rest = note.text.slice(start, start + opening).trimStart()
    const known = disclaimer.test(rest) || (referenced.has(found.number) && startsBlock(note, found, rest))
    if (taken.has(found.number) || !known) continue
    taken.add(found.number)
    const last = lastLine(note, found.index)
    const end = Math.min(
      (note.lines[last] as Line).end,
      note.cutAfter(found.digit) ?? Number.POSITIVE_INFINITY
    )
    edits.push(...(isStranded(note, last) ? move(note, found, end, last) : mark(found)))
    if (found.number !== titleNumber) edits.push(...(glued.get(found.number) ?? []))
  }
  return edits
}

/** The lines that open with a plain digit and a capital, and texts run into a line's end. */
function findCandidates(note: Note): Footnote[] {
  const found: Footnote[] = []
  for (const [index, line] of note.lines.entries()) {
    if (!note.isText(index)) continue
    const match = definition.exec(line.text)
    if (match?.[2]) {
      const digit = line.start + (match[1]?.length ?? 0)
      found.push({number: match[2], line, index, runIn: false, cut: line.start, digit})
      continue
    }
    for (const run of line.text.matchAll(runIn)) {
      const digit = line.start + run.index + (run[1]?.length ?? 0)
      found.push({number: run[2] ?? '', line, index, runIn: true, cut: line.start + run.index, digit})
    }
  }
  return found
}

/**
 * Whether a marked footnote's text stands where a block starts, not in a
 * wrapped line: first on a page, after a blank line or the end of a
 * sentence, or run in after one; and not a date ("1 June 2016").
 */
function startsBlock(note: Note, found: Footnote, rest: string): boolean {
  if (dayAndMonth.test(rest)) return false
  if (found.runIn || found.line.feed !== undefined) return true
  const previous = note.neighbour(found.index, -1)
  return !note.isText(previous) || /[.!?:;)»”]\s*$/.test((note.lines[previous] as Line).text)
}

/** The last line of a footnote's text: lines go on while a sentence does. */
function lastLine(note: Note, index: number): number {
  let last = index
  for (let next = index + 1; note.isText(next); next++) {
    const line = note.lines[next] as Line
    const ended = /[.!?:;)»”]\s*$/.test((note.lines[last] as Line).text) && !/^\s*\p{Ll}/u.test(line.text)
    if (ended || isSyntax(line) || definition.test(line.text) || marked.test(line.text)) break
    if (note.section(next)) break
    last = next
  }
  return last
}

/** Whether note text (not another footnote) follows line `last`. */
function isStranded(note: Note, last: number): boolean {
  for (let index = last + 1; index < note.lines.length; index++) {
    const line = note.lines[index] as Line
    if (note.isText(index) && !definition.test(line.text) && !marked.test(line.text)) return true
  }
  return false
}

/** `1 For information …` → `^1 For information …`, where it is. */
function mark(found: Footnote): Edit[] {
  const caret = {start: found.digit, end: found.digit, insert: '^'}
  return found.runIn ? [{start: found.cut, end: found.digit, insert: '\n'}, caret] : [caret]
}

/** The footnote's text, up to `end`, taken out of the lines it interrupts and put at the end of the note. */
function move(note: Note, found: Footnote, end: number, last: number): Edit[] {
  const next = note.lines[last + 1]
  const whole = !found.runIn && end === (note.lines[last] as Line).end
  const to = whole && next ? next.start : end
  const at = note.text.length
  const digit = found.digit - found.line.start
  report(
    note.file,
    'moved-footnote',
    `Moved the text of footnote ${found.number}, left where a page broke, to the end of the note`,
    note.span(found.line, digit, digit + found.number.length)
  )
  return [
    {start: found.cut, end: to, insert: ''},
    {start: at, end: at, insert: '\n\n'},
    {start: at, end: at, insert: '^', from: found.digit},
    {start: at, end: at, insert: note.text.slice(found.digit, end), from: found.digit}
  ]
}

/** For each number, the edits that make its digits glued to a word markers: `participation^2`. */
function gluedMarkers(note: Note, numbers: ReadonlySet<string>): Map<string, Edit[]> {
  const found = new Map<string, Edit[]>()
  if (numbers.size === 0) return found
  const glued = new RegExp(`(?<=\\p{Ll}{3}[.,;)]?)(${[...numbers].join('|')})(?=[\\s.,;:)]|$)`, 'gu')
  for (const [index, line] of note.lines.entries()) {
    if (!note.isText(index) || definition.test(line.text)) continue
    for (const match of line.text.matchAll(glued)) {
      const number = match[1] ?? ''
      const edits = found.get(number) ?? []
      edits.push({start: line.start + match.index, end: line.start + match.index, insert: '^'})
      found.set(number, edits)
    }
  }
  return found
}

/** The numbers of the footnotes whose texts the note marks already (`¹ `, `^1 `, `[^1]: `). */
function markedNumbers(note: Note): Set<string> {
  const numbers = new Set<string>()
  for (const [index, line] of note.lines.entries()) {
    const match = note.isText(index) ? marked.exec(line.text) : null
    const number = match?.[1] ?? match?.[2] ?? (match?.[3] ? toDigits(match[3]) : undefined)
    if (number) numbers.add(String(Number(number)))
  }
  return numbers
}

/** Footnote numbers the note marks with superscript digits. */
function superscriptMarkers(text: string): string[] {
  return [...text.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g)].map((match) => toDigits(match[0]))
}

function toDigits(marker: string): string {
  return Array.from(marker, (char) => String(superscripts.indexOf(char))).join('')
}
