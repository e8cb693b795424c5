/**
 * Footnote texts as PDF text extraction leaves them: a plain digit opening
 * the text (`1 For information – not an official report.`) at the start of
 * a line wherever the page broke, or run into the end of a line. It is a
 * footnote's text when the note marks that footnote (`Information Note1`, a
 * superscript, a digit glued to a word: `participation2`) or when it is the
 * disclaimer. Its digit gets the `^` that makes it a marker the footnote
 * plugin reads; a text stranded among the note's lines moves to the end, so
 * that the paragraph the page break cut in two is whole again.
 */
import {titleMarker} from '../labels.js'
import {report} from '../message.js'
import {isSyntax, type Line} from './layout.js'
import type {Edit, Note} from './note.js'

/** A footnote's text: its number, a space, then a capital or an opening quote. */
const definition = /^([ \t]{0,3})(\d{1,2})[ \t]+(?=[\p{Lu}"“«‘(])/u
/** The same, run into a line after the end of a sentence or a value. */
const runIn = /(?<=[.;)\]»”])([ \t]+)(\d{1,2})[ \t]+(?=\p{Lu})/gu
/** A footnote marked as Markdown or text already: `^1 `, `[^1]: `, `¹ `. */
const marked = /^\s*(?:\^\d|\[\^?\d+\]|[⁰¹²³⁴⁵⁶⁷⁸⁹])/
/** The disclaimer every note has, in its three languages. */
const disclaimer =
  /^(?:for information|para informaci[oó]n|pour information|not an official|no es un informe|ceci n)/iu
const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹'

interface Footnote {
  number: string
  /** Its first line, and whether it is run into that line rather than opening it. */
  line: Line
  runIn: boolean
  /** Where the whitespace before a run-in text starts; the line's start for a text that opens its line. */
  cut: number
  /** Where its digit starts, and where its text ends (the end of its last line). */
  digit: number
  end: number
  /** The index of its last line. */
  last: number
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
  const taken = new Set<string>()
  const edits: Edit[] = []
  for (const found of candidates) {
    const rest = note.text.slice(found.digit + found.number.length).trimStart()
    if (taken.has(found.number) || !(referenced.has(found.number) || disclaimer.test(rest))) continue
    taken.add(found.number)
    edits.push(...(isStranded(note, found) ? move(note, found) : mark(found)))
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
      const last = lastLine(note, index)
      const end = (note.lines[last] as Line).end
      const digit = line.start + (match[1]?.length ?? 0)
      found.push({number: match[2], line, runIn: false, cut: line.start, digit, end, last})
      continue
    }
    for (const run of line.text.matchAll(runIn)) {
      const last = lastLine(note, index)
      const digit = line.start + run.index + (run[1]?.length ?? 0)
      const end = (note.lines[last] as Line).end
      found.push({number: run[2] ?? '', line, runIn: true, cut: line.start + run.index, digit, end, last})
    }
  }
  return found
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

/** Whether note text (not another footnote) follows the footnote's text. */
function isStranded(note: Note, found: Footnote): boolean {
  for (let index = found.last + 1; index < note.lines.length; index++) {
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

/** The footnote's text taken out of the lines it interrupts and put at the end of the note. */
function move(note: Note, found: Footnote): Edit[] {
  const next = note.lines[found.last + 1]
  const to = !found.runIn && next ? next.start : found.end
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
    {start: at, end: at, insert: note.text.slice(found.digit, found.end), from: found.digit}
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

/** Footnote numbers the note marks with superscript digits. */
function superscriptMarkers(text: string): string[] {
  return [...text.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g)].map((match) =>
    Array.from(match[0], (char) => String(superscripts.indexOf(char))).join('')
  )
}
