/**
 * Page furniture that PDF text extraction leaves among the note's lines: page
 * numbers (`3`, `- 2 -`, `Page 2 of 4`), running headers repeated at page
 * breaks, and, before the title, a download site's banner and file details
 * (`Pages: 4`, `Format: PDF, 310 KB`, `>>`). Each line is dropped, with an
 * info; none is ever read as a title or a field. The form feed that starts a
 * page (as pdftotext writes it) goes too.
 */
import {noteTitles} from '../labels.js'
import {report} from '../message.js'
import {isSyntax, type Line} from './layout.js'
import type {Edit, Note} from './note.js'

/** A page number that says so: "Page 2 of 4", "Página 2 de 4", "Page 2 sur 4", "- 2 -". */
const pageWords =
  /^\s*(?:(?:page|p[aá]gina|p[aá]g\.?|p\.)\s*\d{1,3}(?:\s*(?:of|de|sur|\/)\s*\d{1,3})?|[-–—]\s*\d{1,3}\s*[-–—])\s*$/iu
/** A bare one: "3", "2/4"; a page number only at a page break, not in a wrapped sentence. */
const bareNumber = /^\s*(\d{1,3})(?:\s*\/\s*\d{1,3})?\s*$/u
/** A running header with its page number far to its right: "Comité 1540 – Nota informativa      Página 2 de 2". */
const numberedHeader = /\S[ \t]{3,}(?:page|p[aá]gina)\s*\d{1,3}(?:\s*(?:of|de|sur|\/)\s*\d{1,3})?\s*$/iu
const maxHeaderWords = 12
/** What a running header says: the note's title, or the Committee's name. */
const titleWords = new RegExp(`${noteTitles}|1540\\s+committee|comit[eé]\\s+1540`, 'iu')

export function furniture(note: Note): Edit[] {
  const context = {repeated: runningHeaders(note), page: 0}
  const edits: Edit[] = []
  for (const [index, line] of note.lines.entries()) {
    const reason = note.isText(index) ? why(note, index, context) : undefined
    if (!reason) {
      // The form feed that starts a page is not text.
      if (line.feed !== undefined) edits.push({start: line.feed, end: line.start, insert: ''})
      continue
    }
    note.dropped.add(index)
    report(note.file, 'page-furniture', reason, note.span(line))
    const next = note.lines[index + 1]
    edits.push({start: line.feed ?? line.start, end: next ? (next.feed ?? next.start) : line.end, insert: ''})
  }
  return edits
}

interface Context {
  repeated: ReadonlySet<string>
  /** The last page number dropped. */
  page: number
}

/** Why line `index` is furniture, if it is. */
function why(note: Note, index: number, context: Context): string | undefined {
  const text = (note.lines[index] as Line).text.trim()
  if (index < (note.title ?? 0)) {
    return `Dropped the line "${text}" before the title: it is not part of the note`
  }
  if (isPage(note, index, text, context)) return `Dropped the page number "${text}"`
  if (numberedHeader.test(text)) {
    return `Dropped the running header and page number "${text.replace(/\s+/g, ' ')}"`
  }
  if (index !== note.title && context.repeated.size > 0 && context.repeated.has(key(text))) {
    return `Dropped the running header "${text}", repeated at page breaks`
  }
  return undefined
}

/**
 * Whether a line is a page number: one that says so ("Page 2 of 4"), or a
 * bare number at a page break or a block's edge, or next after the last page
 * number ("- 2 -", then "3" in the middle of a sentence the page cut). "12"
 * in a wrapped sentence is none of these.
 */
function isPage(note: Note, index: number, text: string, context: Context): boolean {
  const bare = bareNumber.exec(text)
  if (
    !pageWords.test(text) &&
    !(bare && (atBlockEdge(note, index) || Number(bare[1]) === context.page + 1))
  ) {
    return false
  }
  context.page = Number(/\d+/.exec(text)?.[0] ?? context.page)
  return true
}

/**
 * Lines of text found twice or more (or once, when they name the note or the
 * Committee) that can only be a running header or footer: short, not a
 * sentence, and next to a page number (or a form feed) at least once, which
 * is what shows a page break.
 */
function runningHeaders(note: Note): Set<string> {
  const counts = new Map<string, number>()
  const atBreak = new Set<string>()
  for (const [index, line] of note.lines.entries()) {
    // A copy above the title (a banner) counts too.
    if (!note.isText(index) || isSyntax(line)) continue
    const text = line.text.trim()
    if (!couldBeRunningHeader(text, note) || note.section(index)) continue
    // Said once, at a page break, a line naming the note is its running header too.
    const once = index !== note.title && titleWords.test(text) ? 1 : 0
    const folded = key(text)
    counts.set(folded, (counts.get(folded) ?? 0) + 1 + once)
    if (besidePageBreak(note, index)) atBreak.add(folded)
  }
  return new Set([...counts].filter(([text, count]) => count > 1 && atBreak.has(text)).map(([text]) => text))
}

/**
 * A few words with a letter, not ending like a sentence: not a field
 * ("Contacts: …"), an address or a footnote's text, which
 * a note may say twice.
 */
function couldBeRunningHeader(line: string, note: Note): boolean {
  // Emphasis aside: "**Event:** Seminar" is a field.
  const text = line.replace(/[*_]+/g, '').trim()
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

/** Whether a page starts at line `index`, or the nearest line of text before or after it is a page number. */
function besidePageBreak(note: Note, index: number): boolean {
  if (note.lines[index]?.feed !== undefined) return true
  return [-1, 1].some((step) => {
    let at = index + step
    while ((note.lines[at]?.text.trim() ?? 'end') === '') at += step
    const line = note.lines[at]
    return line !== undefined && (isPageNumber(line.text) || (step === 1 && line.feed !== undefined))
  })
}

function isPageNumber(text: string): boolean {
  return pageWords.test(text) || bareNumber.test(text)
}

/** Whether line `index` starts a page, or is the first or last of its block (a blank line, or the note's end, beside it). */
function atBlockEdge(note: Note, index: number): boolean {
  const blank = (at: number) => (note.lines[at]?.text.trim() ?? '') === ''
  const feed = note.lines[index]?.feed !== undefined || note.lines[index + 1]?.feed !== undefined
  return feed || blank(index - 1) || blank(index + 1)
}

function key(text: string): string {
  return text.replace(/\s+/g, ' ').toLowerCase()
}
