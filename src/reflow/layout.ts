/**
 * The lines of a note and what each one is, read before the note is parsed:
 * which line holds the title, where the header ends and the sections begin,
 * and which lines are Markdown syntax that the text passes leave alone.
 */
import {joiningWords, type Labels, noteTitles} from '../labels.js'

export interface Line {
  /** Offset of the line's first character (after the form feeds that start a page, if any). */
  start: number
  /** Offset just after its last character (before `\r\n` or `\n`). */
  end: number
  text: string
  /** Where the form feeds start, on the first line of a page as pdftotext writes it. */
  feed?: number
}

/** A line of Markdown syntax: heading, quote, table, fence, HTML, list item, thematic break, indented code. */
const syntax =
  /^(?: {4}|\t| {0,3}(?:#{1,6}(?:\s|$)|>|\||```|~~~|<|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|[-*_=]{3,}\s*$))/
/** The title of the note at the start of a line, with the marker extraction glued to it. */
const titleStart = new RegExp(`^[\\s#*_]*(?:${noteTitles})(?![\\p{L}])`, 'iu')
/** How many words may follow the title on its line when no label does. */
const maxTitleRest = 8
/** A Markdown heading: all of the line is its title. */
export const markdownHeading = /^ {0,3}#{1,6}(?:\s|$)/
/** A numbered section heading: "2. Highlights", "2) Highlights". */
const numbered = /^(\d{1,2})[.)]\s+(\S.*)$/
/** More than the longest section word, with what follows it. */
export const lookupLength = 64

const formFeed = 12
const carriageReturn = 13

export function linesOf(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (let index = text.indexOf('\n'); ; index = text.indexOf('\n', start)) {
    const stop = index === -1 ? text.length : index
    const end = stop > start && text.charCodeAt(stop - 1) === carriageReturn ? stop - 1 : stop
    let from = start
    while (from < end && text.charCodeAt(from) === formFeed) from++
    lines.push({start: from, end, text: text.slice(from, end), ...(from > start ? {feed: start} : {})})
    if (index === -1) return lines
    start = index + 1
  }
}

function isBlank(line: Line | undefined): boolean {
  return line === undefined || line.text.trim() === ''
}

/** Whether the line is Markdown syntax rather than plain text. */
export function isSyntax(line: Line): boolean {
  return syntax.test(line.text)
}

/**
 * Lines inside fenced code or HTML comments: not note text. (A comment may
 * be a suppression comment, which must stay where it is.)
 */
export function hiddenLines(lines: readonly Line[]): boolean[] {
  const hidden: boolean[] = []
  let fence: string | undefined
  let comment = false
  for (const {text} of lines) {
    const trimmed = text.trim()
    const opens = /^ {0,3}(```|~~~)/.exec(text)?.[1]
    hidden.push(fence !== undefined || comment || opens !== undefined || trimmed.startsWith('<!--'))
    if (fence !== undefined) {
      if (trimmed.startsWith(fence)) fence = undefined
    } else if (opens) {
      fence = opens
    } else if (comment || trimmed.startsWith('<!--')) {
      comment = !trimmed.includes('-->')
    }
  }
  return hidden
}

/**
 * The index of the title line among the first lines of text, if there is
 * one: the note's title words (and perhaps a marker), then nothing, a label
 * ("Information Note1 Event: …") or a few words ("Information Note on the
 * visit to Peru"); "Information notes from the Committee are …" is a sentence.
 */
export function titleLine(lines: readonly Line[], hidden: readonly boolean[]): number | undefined {
  let seen = 0
  for (const [index, line] of lines.entries()) {
    if (hidden[index] || isBlank(line)) continue
    const title = titleStart.exec(line.text)
    const rest = title ? line.text.slice(title[0].length) : ''
    if (title && (/^[^:]{0,60}:/.test(rest) || rest.split(/\s+/).length <= maxTitleRest)) return index
    if (++seen >= 12) return undefined
  }
  return undefined
}

/** A section heading's number and title, from a line of plain text (`2. Highlights`, `Background:`). */
export interface SectionLine {
  number?: number
  title: string
}

export function sectionLine(text: string, labels: Labels): SectionLine | undefined {
  const plain = text
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/[*_]{1,2}/g, '')
    .trim()
  const match = numbered.exec(plain)
  const raw = match?.[2] ?? plain
  const title = raw.endsWith(':') ? raw.slice(0, -1).trimEnd() : raw
  // A numbered title starts with a section word ("1. Objectives of the visit"); a bare one is one.
  // A section word is short: its start is all a long line needs to be looked up by.
  const known = match
    ? labels.section(title.slice(0, lookupLength))
    : title.length <= lookupLength
      ? labels.sectionTitle(title)
      : undefined
  if (!known || labels.isLabel(title)) return undefined
  // "2. Contexte Le Mali a soumis …" is a heading run into its text, not a title; "## …" is a heading.
  if (match && !markdownHeading.test(text) && titleEnd(title, 0, known.words) < title.length) return undefined
  return {...(match?.[1] ? {number: Number(match[1])} : {}), title}
}

const maxTitleWords = 10

/**
 * Where a section title that starts at `start` in `text` ends: after its
 * first `known` words (the section words: "Additional Comments"), before the
 * first capitalised word that follows a word it cannot go on from
 * ("Objectives Present the …"), after a colon or a period, or after the
 * section words when nothing says where within ten words.
 */
export function titleEnd(text: string, start: number, known = 1): number {
  const word = /\S+/g
  word.lastIndex = start
  let previous: RegExpExecArray | undefined
  let last = text.length
  for (let index = 0; index <= maxTitleWords; index++) {
    const next = word.exec(text)
    if (!next) return text.length
    const free = index >= known
    if (free && previous && /^\p{Lu}/u.test(next[0]) && !joiningWords.has(previous[0].toLowerCase())) {
      return previous.index + previous[0].length
    }
    if (/[:.]$/.test(next[0])) return next.index + next[0].length
    if (index === known - 1) last = next.index + next[0].length
    previous = next
  }
  return last
}
