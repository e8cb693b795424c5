/**
 * Page furniture that PDF text extraction leaves among the note's lines: page
 * numbers (`3`, `- 2 -`, `Page 2 of 4`), running headers repeated at page
 * breaks, and, before the title, a download site's banner and file details
 * (`Pages: 4`, `Format: PDF, 310 KB`, `>>`). Each line is dropped, with an
 * info; none is ever read as a title or a field.
 */
import {report} from '../message.js'
import {isSyntax, type Line} from './layout.js'
import type {Edit, Note} from './note.js'

const pageNumber =
  /^\s*(?:[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}|\d{1,3}\s*\/\s*\d{1,3}|(?:page|p[aá]gina|p[aá]g\.?|p\.)\s*\d{1,3}(?:\s*(?:of|de|sur|\/)\s*\d{1,3})?)\s*$/iu
const maxHeaderWords = 12

export function furniture(note: Note): Edit[] {
  const dropped: [number, string][] = []
  const banner = note.title ?? 0
  const repeated = runningHeaders(note)
  for (const [index, line] of note.lines.entries()) {
    if (!note.isText(index)) continue
    const text = line.text.trim()
    if (index < banner)
      dropped.push([index, `Dropped the line "${text}" before the title: it is not part of the note`])
    else if (pageNumber.test(text)) dropped.push([index, `Dropped the page number "${text}"`])
    else if (index !== note.title && repeated.has(key(text)))
      dropped.push([index, `Dropped the running header "${text}", repeated at page breaks`])
  }
  return dropped.map(([index, reason]) => {
    const line = note.lines[index] as (typeof note.lines)[number]
    note.dropped.add(index)
    report(note.file, 'page-furniture', reason, note.span(line))
    const next = note.lines[index + 1]
    return {start: line.start, end: next ? next.start : line.end, insert: ''}
  })
}

/**
 * Lines of text found twice or more that can only be a running header or
 * footer: short, not a sentence, and next to a page number (or a form feed)
 * at least once, which is what shows a page break.
 */
function runningHeaders(note: Note): Set<string> {
  const counts = new Map<string, number>()
  const atBreak = new Set<string>()
  for (const [index, line] of note.lines.entries()) {
    if (!note.isText(index) || index < (note.title ?? 0) || isSyntax(line)) continue
    const text = line.text.trim()
    if (!couldBeRunningHeader(text, note) || note.section(index)) continue
    counts.set(key(text), (counts.get(key(text)) ?? 0) + 1)
    if (besidePageBreak(note, index)) atBreak.add(key(text))
  }
  return new Set([...counts].filter(([text, count]) => count > 1 && atBreak.has(text)).map(([text]) => text))
}

/**
 * A few words with a letter, not ending like a sentence: not a field
 * ("Contacts: …"), an address or a footnote's text, which
 * a note may say twice.
 */
function couldBeRunningHeader(text: string, note: Note): boolean {
  const words = text.split(/\s+/).length
  return (
    words >= 2 &&
    words <= maxHeaderWords &&
    /\p{L}/u.test(text) &&
    !/[.;,!?:]$/.test(text) &&
    !/:\s|@|:\/\/|www\./.test(text) &&
    !/^(?:\d{1,2}\s|[⁰¹²³⁴⁵⁶⁷⁸⁹^[])/.test(text) &&
    !note.labels.isLabel(text)
  )
}

/** Whether the nearest line of text before or after line `index` is a page number or a form feed. */
function besidePageBreak(note: Note, index: number): boolean {
  return [-1, 1].some((step) => {
    let at = index + step
    while (at >= 0 && at < note.lines.length && (note.lines[at] as Line).text.trim() === '') at += step
    const text = note.lines[at]?.text ?? ''
    return text.includes('\f') || pageNumber.test(text.replace(/\f/g, ''))
  })
}

function key(text: string): string {
  return text.replace(/\s+/g, ' ').toLowerCase()
}
