/**
 * A PDF's lines, grouped into the blocks of the note: paragraphs (a gap
 * larger than the line spacing ends one; a full last line on a page goes on
 * onto the next page), headings (a short line all in bold or in larger
 * type), list items (a bullet or a number, their nesting from their
 * indentation), and the footnotes at the foot of the pages. Page furniture
 * is set aside first.
 */
import {furnitureOf} from './pdf-furniture.js'
import type {PageLine} from './pdf-lines.js'
import {footnoteLabel, type ListMarker, listMarker, plainText, startsWithLabel} from './pdf-text.js'

/** Lines of one block: at least one. */
export type Lines = [PageLine, ...PageLine[]]

export type Block =
  | {kind: 'paragraph'; lines: Lines}
  | {kind: 'heading'; lines: Lines; depth: 1 | 2}
  /** A list item, nested `level` deep (from 0). */
  | {kind: 'item'; lines: Lines; marker: ListMarker; level: number}

export interface FootnoteBlock {
  label: string
  lines: Lines
}

/** The measures of a note's body text. */
export interface Metrics {
  /** Type size of most of the text. */
  size: number
  /** Distance between the baselines of two lines of one paragraph, at that size. */
  leading: number
  /** Where most lines start, and where the longest end. */
  left: number
  right: number
}

export interface Layout {
  blocks: Block[]
  footnotes: FootnoteBlock[]
  metrics: Metrics
}

export function layoutOf(pages: readonly (readonly PageLine[])[]): Layout {
  const size = mostCommon(
    pages.flat().flatMap((line) => line.runs.map((run) => [line.size, run.text.length]))
  )
  const furniture = furnitureOf(pages, size)
  const kept = pages.map((lines) => lines.filter((line) => !furniture.has(line)))
  const metrics = metricsOf(kept.flat(), size)
  const footnotes: FootnoteBlock[] = []
  const body: PageLine[] = []
  // Whether the last page ended in a footnote, which may go on at the foot of the next.
  let open = false
  for (const lines of kept) {
    const foot = footOf(lines, metrics, open)
    if (foot.continued.length > 0) footnotes.at(-1)?.lines.push(...foot.continued)
    footnotes.push(...foot.notes)
    open = foot.notes.length > 0 || (open && foot.continued.length > 0)
    body.push(...lines.slice(0, lines.length - foot.taken))
  }
  return {
    blocks: withLevels(blocksOf(body, metrics)).map((block) => asHeading(block, metrics)),
    footnotes,
    metrics
  }
}

/** The value that has the most weight in `[value, weight]` pairs; of equals, the smallest. */
function mostCommon(pairs: readonly number[][]): number {
  const totals = new Map<number, number>()
  for (const [value = 0, weight = 1] of pairs) totals.set(value, (totals.get(value) ?? 0) + weight)
  let best = 0
  let most = -1
  for (const [value, total] of totals) {
    if (total > most || (total === most && value < best)) [best, most] = [value, total]
  }
  return best
}

function metricsOf(body: readonly PageLine[], size: number): Metrics {
  const atSize = body.filter((line) => Math.abs(line.size - size) < 0.5)
  const pitches: number[] = []
  for (const [index, line] of atSize.entries()) {
    const next = atSize[index + 1]
    if (next && next.page === line.page && line.y > next.y)
      pitches.push(Math.round((line.y - next.y) * 2) / 2)
  }
  return {
    size,
    leading: leadingOf(pitches, size),
    left: mostCommon(atSize.map((line) => [Math.round(line.left), 1])),
    right: atSize.reduce((right, line) => Math.max(right, line.right), 0)
  }
}

/**
 * The distance between two lines of one paragraph: the smallest distance
 * between lines that recurs (a note of short paragraphs and list items has
 * more gaps between paragraphs than lines within one).
 */
function leadingOf(pitches: readonly number[], size: number): number {
  const counts = new Map<number, number>()
  for (const pitch of pitches) counts.set(pitch, (counts.get(pitch) ?? 0) + 1)
  const recurring = [...counts]
    .filter(([pitch, count]) => pitch >= 0.9 * size && count >= 2)
    .map(([pitch]) => pitch)
  const candidates = recurring.length > 0 ? recurring : pitches
  return candidates.length > 0 ? candidates.reduce((least, pitch) => Math.min(least, pitch)) : 1.2 * size
}

/**
 * The footnotes at the foot of a page: the lines of its foot (see
 * `footStart`) from the first that starts with a number. Lines above that
 * first number go on the last footnote of the page before, if any.
 */
function footOf(
  lines: readonly PageLine[],
  metrics: Metrics,
  open: boolean
): {notes: FootnoteBlock[]; continued: PageLine[]; taken: number} {
  const {size} = metrics
  const small = lines.slice(footStart(lines, metrics))
  const first = small.findIndex((line) => footnoteLabel(line, size) !== undefined)
  if (first === -1) return {notes: [], continued: [], taken: 0}
  const continued = open ? small.slice(0, first) : []
  const notes: FootnoteBlock[] = []
  for (const line of small.slice(first)) {
    const label = footnoteLabel(line, size)
    if (label !== undefined) notes.push({label, lines: [line]})
    else notes.at(-1)?.lines.push(line)
  }
  return {notes, continued, taken: small.length - (open ? 0 : first)}
}

/**
 * Where the foot of a page starts: at the lines in smaller type that end
 * it or, where footnotes are set in the text's size, at the groups of lines
 * set apart by a gap at the end of the page that each open with a raised
 * number.
 */
function footStart(lines: readonly PageLine[], metrics: Metrics): number {
  let start = lines.length
  while (start > 0 && (lines[start - 1]?.size ?? metrics.size) < 0.92 * metrics.size) start--
  if (start < lines.length) return start
  const gapAbove = (index: number) =>
    (lines[index - 1]?.y ?? Number.POSITIVE_INFINITY) - (lines[index]?.y ?? 0)
  for (let top = lines.length - 1; top > 0; top--) {
    if (gapAbove(top) <= 1.3 * metrics.leading) continue
    const first = lines[top]?.runs.find((run) => run.text.trim() !== '')
    if (!first?.superscript || !/^\s*\d{1,3}\s*$/.test(first.text)) break
    start = top
  }
  return start
}

function blocksOf(lines: readonly PageLine[], metrics: Metrics): Block[] {
  const blocks: Block[] = []
  let previous: PageLine | undefined
  for (const line of lines) {
    const marker = listMarker(line, metrics.left)
    const current = blocks.at(-1)
    if (
      !current ||
      !previous ||
      marker ||
      leavesItem(current, previous, line, metrics) ||
      breaksBetween(previous, line, metrics)
    ) {
      blocks.push(
        marker ? {kind: 'item', lines: [line], marker, level: 0} : {kind: 'paragraph', lines: [line]}
      )
    } else {
      current.lines.push(line)
    }
    previous = line
  }
  return blocks
}

/**
 * Whether `line` is out of the item `block`: an item's own lines hang under
 * its text, or follow at the line spacing; text back at the marker after a
 * wider gap is a paragraph after the list.
 */
function leavesItem(block: Block, previous: PageLine, line: PageLine, metrics: Metrics): boolean {
  if (block.kind !== 'item' || line.left > block.lines[0].left + 2) return false
  return previous.page !== line.page || previous.y - line.y > 1.1 * metrics.leading
}

/** Whether a new block starts at `line`, after `previous`. */
function breaksBetween(previous: PageLine, line: PageLine, metrics: Metrics): boolean {
  if (Math.abs(previous.size - line.size) > 0.15 * metrics.size) return true
  // A short line all in bold over text that is not: a heading without space below it.
  if (allBold(previous) && !allBold(line) && !isFull(previous, metrics) && !startsWithLabel(previous))
    return true
  if (previous.page !== line.page) return !goesOn(previous, line, metrics)
  const gap = previous.y - line.y
  const expected = (metrics.leading * Math.max(previous.size, line.size)) / metrics.size
  return gap <= 0 || gap > 1.3 * expected
}

/**
 * Whether the paragraph that `previous` ends a page with goes on at `line`:
 * its last line there is full and does not end a sentence, or the next
 * page goes on in lower case.
 */
function goesOn(previous: PageLine, line: PageLine, metrics: Metrics): boolean {
  if (!isFull(previous, metrics) || startsWithLabel(line)) return false
  return !/[.!?:;]["'’”»)]*\s*$/.test(plainText(previous)) || /^\s*\p{Ll}/u.test(plainText(line))
}

function isFull(line: PageLine, metrics: Metrics): boolean {
  return line.right >= metrics.right - 0.1 * (metrics.right - metrics.left)
}

/** Whether the text of `line` (superscripts aside) is all bold. */
function allBold(line: PageLine): boolean {
  return line.runs.every((run) => run.bold || run.superscript || run.text.trim() === '')
}

/** Each item's nesting: deeper than the item before it when it starts further right. */
function withLevels(blocks: Block[]): Block[] {
  const open: number[] = []
  for (const block of blocks) {
    if (block.kind !== 'item') {
      open.length = 0
      continue
    }
    const left = block.lines[0].left
    while (open.length > 0 && (open.at(-1) ?? 0) > left + 2) open.pop()
    if (open.length > 0 && Math.abs((open.at(-1) ?? 0) - left) <= 2) open.pop()
    block.level = open.length
    open.push(left)
  }
  return blocks
}

/**
 * A paragraph (or a numbered item: `1. Objectives`) of one or two lines all
 * in bold or in larger type, and not a label, is a heading.
 */
function asHeading(block: Block, metrics: Metrics): Block {
  if (block.kind === 'item' && !block.marker.ordered) return block
  if (block.lines.length > 2) return block
  const text = block.lines.map(plainText).join(' ').trim()
  const size = Math.max(...block.lines.map((line) => line.size))
  const large = size >= 1.15 * metrics.size
  if (!(large || block.lines.every(allBold)) || text.length > 150 || /:(\s|$)/.test(text)) return block
  return {kind: 'heading', lines: block.lines, depth: size >= 1.3 * metrics.size ? 1 : 2}
}
