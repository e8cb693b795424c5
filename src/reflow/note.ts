/**
 * What the text passes share: the note's lines, what is known of them so
 * far, and the edits they make, each a piece of the source replaced.
 */
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import type {Location} from 'vfile-location'
import type {Labels} from '../labels.js'
import {placeOf} from '../tree.js'
import {hiddenLines, type Line, linesOf, type SectionLine, sectionLine, titleLine} from './layout.js'

/** The source from `start` to `end` replaced by `insert` (an insertion when they are equal). */
export interface Edit {
  start: number
  end: number
  insert: string
  /** Where `insert` is copied from in the source, when it is moved text: its characters point there. */
  from?: number
}

export class Note {
  readonly text: string
  readonly lines: Line[]
  /** Lines inside code or comments. */
  readonly hidden: boolean[]
  /** The title line, when the note has one among its first lines. */
  readonly title: number | undefined
  /** Lines dropped as page furniture. */
  readonly dropped = new Set<number>()
  /** Where a line is split (a label or a heading run into it starts there), in the order found. */
  readonly cuts: number[] = []
  /** Where the first section heading starts: the header ends there. */
  headerEnd: {line: number; offset: number} | undefined
  private readonly place: Location
  private readonly sections = new Map<number, SectionLine | undefined>()

  constructor(
    readonly file: VFile,
    readonly labels: Labels
  ) {
    this.text = String(file.value)
    this.lines = linesOf(this.text)
    this.hidden = hiddenLines(this.lines)
    this.title = titleLine(this.lines, this.hidden)
    this.place = placeOf(file)
  }

  /** Whether line `index` holds note text: not hidden, not dropped, not blank. */
  isText(index: number): boolean {
    const line = this.lines[index]
    return line !== undefined && !this.hidden[index] && !this.dropped.has(index) && line.text.trim() !== ''
  }

  /** The first place after `offset` where a line is split, if any. */
  cutAfter(offset: number): number | undefined {
    let found: number | undefined
    for (const cut of this.cuts) if (cut > offset && (found === undefined || cut < found)) found = cut
    return found
  }

  /** The nearest line before (`step` -1) or after (1) line `index` that is not dropped: dropping a line joins them. */
  neighbour(index: number, step: -1 | 1): number {
    let at = index + step
    while (this.dropped.has(at)) at += step
    return at
  }

  /** The section heading line `index` is, if it is one (each line is read once). */
  section(index: number): SectionLine | undefined {
    if (!this.sections.has(index))
      this.sections.set(index, sectionLine(this.lines[index]?.text ?? '', this.labels))
    return this.sections.get(index)
  }

  /** The position of `line`, or of its characters `from` to `to`. */
  span(line: Line, from = 0, to = line.text.length): Position | undefined {
    const start = this.place.toPoint(line.start + from)
    const end = this.place.toPoint(line.start + to)
    return start && end ? {start, end} : undefined
  }
}
