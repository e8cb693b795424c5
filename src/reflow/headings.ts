/**
 * Section headings that PDF text extraction left as plain text: a line that
 * is only a section title (`Background`, `ANTECEDENTES:`, `2. Highlights`)
 * becomes a Markdown heading, and so does a numbered heading run into a line
 * (`… (IAEA) 1. Objectives of the Committee's participation Present the …`)
 * when its number comes next and its title starts with a section word. The
 * first section heading ends the header.
 */
import {report} from '../message.js'
import {isSyntax, type Line, lookupLength, markdownHeading, titleEnd} from './layout.js'
import type {Edit, Note} from './note.js'

/** A numbered heading inside a line (or at its start), before a capital; a run of blanks is tried once. */
const inline = /(^|(?<![ \t])[ \t]+)(\d{1,2})[.)][ \t]+(?=\p{Lu})/gu

interface Found {
  /** Where the whitespace before the number starts, and where the number starts. */
  before: number
  start: number
  number: number
  /** Where the title ends, and where the text after it starts (none at the end of the line). */
  end: number
  next?: number
}

export function headings(note: Note): Edit[] {
  const edits: Edit[] = []
  const {marked, numbers} = lineHeadings(note)
  let last = 0
  for (const [index, line] of note.lines.entries()) {
    if (!note.isText(index)) continue
    const whole = readAsHeading(note, index, marked)
    // A Markdown heading is one heading, whatever it holds.
    const found =
      whole || markdownHeading.test(line.text)
        ? []
        : inlineHeadings(line.text, last + 1, note).filter((heading) => !numbers.has(heading.number))
    if (whole) {
      note.headerEnd ??= {line: index, offset: line.start}
      last = whole.number ?? last + 1
      if (needsMarker(note, index)) {
        const at = line.start + (line.text.length - line.text.trimStart().length)
        edits.push({start: at, end: at, insert: '## '})
        const text = line.text.trim()
        report(
          note.file,
          'section-title-line',
          `Read the line "${text}" as a section heading`,
          note.span(line)
        )
      }
    }
    for (const heading of found) {
      note.headerEnd ??= {line: index, offset: line.start + heading.start}
      last = heading.number
      if (heading.start > 0) note.cuts.push(line.start + heading.before)
      edits.push(...splitAround(line, heading))
      const title = line.text.slice(heading.start, heading.end)
      report(
        note.file,
        'run-on-line',
        `Read "${title}" inside this line as a section heading, on a line of its own`,
        note.span(line, heading.start, heading.end)
      )
    }
  }
  return edits
}

/**
 * What the note's lines say of its headings: whether some are marked as
 * Markdown (`## 1. Objectives`, `**2. Background**`), and the numbers of
 * those on lines of their own, which no heading run into a line takes.
 */
function lineHeadings(note: Note): {marked: boolean; numbers: Set<number>} {
  const numbers = new Set<number>()
  let marked = false
  for (const [index, line] of note.lines.entries()) {
    const heading = note.isText(index) ? note.section(index) : undefined
    if (!heading) continue
    if (heading.number !== undefined) numbers.add(heading.number)
    marked ||= isMarked(line)
  }
  return {marked, numbers}
}

/**
 * Line `index` as a section heading: a title on a line of its own. In a note
 * whose headings are marked, a bare unnumbered title ("Outcomes:") is a
 * line of its section, not a heading.
 */
function readAsHeading(note: Note, index: number, marked: boolean) {
  const heading = note.section(index)
  const bare = heading?.number === undefined && !isMarked(note.lines[index] as Line)
  return heading && !(marked && bare) ? heading : undefined
}

/** A heading marked as Markdown: `## …`, or in bold or italics. */
function isMarked(line: Line): boolean {
  return markdownHeading.test(line.text) || /[*_]/.test(line.text)
}

/**
 * Whether a whole-line title needs a heading marker: it is plain text, or it
 * is a list item or bold line that the parser would run into the lines
 * around it. A Markdown heading, or a lone `1. **Objectives**`, is read as
 * it is.
 */
function needsMarker(note: Note, index: number): boolean {
  const line = note.lines[index] as Line
  const next = note.lines[index + 1]
  if (markdownHeading.test(line.text) || (next && /^ {0,3}(?:=+|-+)\s*$/.test(next.text))) return false
  const plain = !isSyntax(line) && !/[*_]/.test(line.text)
  return plain || note.isText(index - 1) || note.isText(index + 1)
}

/** Numbered headings in `text`, the first numbered `expected`, each the next. */
function inlineHeadings(text: string, expected: number, note: Note): Found[] {
  const found: Found[] = []
  for (const match of text.matchAll(inline)) {
    const number = Number(match[2])
    const start = match.index + (match[1]?.length ?? 0)
    const titleStart = match.index + match[0].length
    if (number !== expected + found.length || titleStart < (found.at(-1)?.end ?? 0)) continue
    const known = note.labels.section(text.slice(titleStart, titleStart + lookupLength))
    if (!known) continue
    const end = titleEnd(text, titleStart, known.words)
    const title = text.slice(titleStart, end).replace(/[\s:.]+$/, '')
    if (!note.labels.section(title) || note.labels.isLabel(title)) continue
    // A title alone on its line is a whole-line heading; one at the start with text after it is split.
    if (start === 0 && end >= text.trimEnd().length) continue
    const next = /\S/.exec(text.slice(end))
    found.push({before: match.index, start, number, end, ...(next ? {next: end + next.index} : {})})
  }
  return found
}

/** The line break before the heading, its `## ` marker, and the break after it. */
function splitAround(line: Line, heading: Found): Edit[] {
  const edits: Edit[] = []
  if (heading.start > 0)
    edits.push({start: line.start + heading.before, end: line.start + heading.start, insert: '\n'})
  edits.push({start: line.start + heading.start, end: line.start + heading.start, insert: '## '})
  if (heading.next !== undefined) {
    edits.push({start: line.start + heading.end, end: line.start + heading.next, insert: '\n'})
  }
  return edits
}
