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
  private readonly lines: string[] = ['']
  readonly map: LineMap = [[]]

  /** Adds `text` (one line's worth, no line break) read at `origin`. */
  write(text: string, origin?: Origin): void {
    const at = this.lines.length - 1
    if (origin && text !== '') {
      const marks = this.map[at] ?? []
      const column = (this.lines[at] ?? '').length + 1
      if (marks.at(-1)?.origin !== origin) marks.push({column, origin})
      this.map[at] = marks
    }
    this.lines[at] += text
  }

  /** Ends the line. */
  newline(): void {
    this.lines.push('')
    this.map.push([])
  }

  /** Ends the line, unless nothing was written on it yet. */
  startLine(): void {
    if (this.lines.at(-1) !== '') this.newline()
  }

  /** Ends the block: one blank line between blocks. */
  endBlock(): void {
    if (this.lines.at(-1) !== '') this.newline()
    if (this.lines.length > 1 && this.lines.at(-2) !== '') this.newline()
  }

  toString(): string {
    const lines = [...this.lines]
    while (lines.length > 0 && lines.at(-1) === '') lines.pop()
    return `${lines.join('\n')}\n`
  }
}

/**
 * Where `point` of the Markdown was read: `{line: page, column: line on the
 * page}`. The start of the file (where messages about the whole note are)
 * stays the start of the file.
 */
export function originOf(map: LineMap, point: Point): Point | undefined {
  if (point.line === 1 && point.column === 1) return {line: 1, column: 1}
  let index = point.line - 1
  let marks = map[index]
  // A point on a line of markup only (a blank line) is placed at the text before it.
  while (index > 0 && (!marks || marks.length === 0)) marks = map[--index]
  const mark = marks?.findLast((mark) => mark.column <= point.column) ?? marks?.[0]
  return mark ? {line: mark.origin.page, column: mark.origin.line} : undefined
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
  const lines = text.split('\n')
  const places = lines.map((_, index) => {
    const mark = map[index]?.[0]
    return mark ? `${mark.origin.page}:${mark.origin.line}` : ''
  })
  const width = Math.max(...places.map((place) => place.length))
  return lines
    .map((line, index) =>
      index === lines.length - 1 && line === ''
        ? ''
        : `${(places[index] ?? '').padStart(width)} | ${line}`.trimEnd()
    )
    .join('\n')
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
