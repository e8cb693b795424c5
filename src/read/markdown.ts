/**
 * Writing rebuilt Markdown while remembering where each piece came from:
 * for each line of the Markdown, the columns at which text from a page's
 * line starts. Messages about the Markdown are then placed in the document
 * as its reader sees it (page 2, line 14).
 */
import type {Point, Position} from 'unist'

/** Where a piece of rebuilt text was read: the page, and the line on that page. */
export interface Origin {
  page: number
  line: number
}

/** For each line of the Markdown (from 0), the columns (from 1) where text of each origin starts. */
export type LineMap = {column: number; origin: Origin}[][]

/** Markdown being written, line by line, with the origin of its text. */
export class MarkdownWriter {
  private readonly lines: string[] = []
  private readonly map: LineMap = []
  private line = ''
  private marks: LineMap[number] = []

  /** Adds `text` (one line's worth, no line break) read at `origin`. */
  write(text: string, origin?: Origin): void {
    if (origin && text !== '' && this.marks.at(-1)?.origin !== origin) {
      this.marks.push({column: this.line.length + 1, origin})
    }
    this.line += text
  }

  /** Ends the line. */
  newline(): void {
    this.lines.push(this.line)
    this.map.push(this.marks)
    this.line = ''
    this.marks = []
  }

  /** Ends the line, unless nothing was written on it yet. */
  startLine(): void {
    if (this.line !== '') this.newline()
  }

  /** Ends the block: one blank line between blocks. */
  endBlock(): void {
    this.startLine()
    if (this.lines.length > 0 && this.lines.at(-1) !== '') this.newline()
  }

  /** The Markdown, ending in one line break, and where each of its lines was read. */
  finish(): {markdown: string; map: LineMap} {
    this.startLine()
    while (this.lines.at(-1) === '') this.lines.pop()
    return {markdown: `${this.lines.join('\n')}\n`, map: this.map.slice(0, this.lines.length)}
  }
}

/**
 * Where `point` of the Markdown was read: `{line: page, column: line on the
 * page}`. The start of the file (where messages about the whole note are)
 * stays the start of the file.
 */
function originOf(map: LineMap, point: Point): Point | undefined {
  if (point.line === 1 && point.column === 1) return {line: 1, column: 1}
  // A point on a line of markup only (a blank line) is placed at the text before it.
  let index = Math.min(point.line, map.length) - 1
  while (index > 0 && map[index]?.length === 0) index--
  const marks = map[index]
  const mark = marks?.findLast((mark) => mark.column <= point.column) ?? marks?.[0]
  return mark && {line: mark.origin.page, column: mark.origin.line}
}

/** `place` of the Markdown, placed in the document it was read from. */
export function placeIn(map: LineMap, place: Point | Position): Point | Position {
  if (!('start' in place)) return originOf(map, place) ?? place
  const start = originOf(map, place.start)
  const end = originOf(map, place.end)
  return start && end ? {start, end} : place
}

/** Each line of `text` after the `page:line` it was read at (blank for a line of markup only). */
export function withPlaces(text: string, map: LineMap): string {
  const places = map.map((marks) => (marks[0] ? `${marks[0].origin.page}:${marks[0].origin.line}` : ''))
  const width = places.reduce((widest, place) => Math.max(widest, place.length), 0)
  const lines = text.replace(/\n$/, '').split('\n')
  return `${lines.map((line, index) => `${(places[index] ?? '').padStart(width)} | ${line}`.trimEnd()).join('\n')}\n`
}

const special = /[\\`*_[\]<~]|&(?=#?\w+;)/g

/** Text as Markdown that reads back as the same text: the characters Markdown gives a meaning escaped. */
export function escapeText(text: string): string {
  return text.replace(special, '\\$&')
}

/** What a block's first line must not start with unescaped: it would open a heading, quote, list or code. */
export function escapeStart(text: string): string {
  return text
    .replace(/^(\s*)([#>+=-])/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^ {4,}/, '')
}
