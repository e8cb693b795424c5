/**
 * The text of a note as PDF text extraction leaves it → the Markdown a tidy
 * note would be, read before parsing (see `parse.ts`). Each pass finds one
 * kind of damage in the lines of the note and says how to repair it as edits
 * of the source, with an info message per repair: page furniture dropped,
 * section titles made headings, run-on header lines split at each label,
 * header values wrapped mid-name joined, plain-digit footnote markers made
 * markers, sub-headings set apart. The edits are applied at once; `map`
 * keeps, for each character of the new text, the offset it comes from, so
 * that every position in the parsed tree, and so every message, points into
 * the note as it was written.
 */
import type {VFile} from 'vfile'
import type {Labels} from './labels.js'
import {footnoteLines} from './reflow/footnote-lines.js'
import {furniture} from './reflow/furniture.js'
import {headings} from './reflow/headings.js'
import {type Edit, Note} from './reflow/note.js'
import {runOn} from './reflow/run-on.js'
import {subheadings} from './reflow/subheadings.js'
import {wrappedValues} from './reflow/wrapped-values.js'

export interface Reflowed {
  /** The repaired text, which is parsed. */
  text: string
  /** For each character of `text` (and its end), the offset in the note it comes from. */
  map: Int32Array
}

/** Repairs the text of `file` (leaving `file.data.reflow` when there was anything to repair). */
export function reflow(file: VFile, labels: Labels): void {
  const note = new Note(file, labels)
  // In this order: dropped lines are skipped by the others, and the first
  // heading, found by `headings`, ends the header that `runOn` splits.
  const edits = [
    ...furniture(note),
    ...headings(note),
    ...runOn(note),
    ...wrappedValues(note),
    ...footnoteLines(note),
    ...subheadings(note)
  ]
  if (edits.length > 0) file.data.reflow = apply(note.text, edits)
}

/** `text` with `edits` made; an edit within a range an earlier one replaced is left out. */
function apply(text: string, edits: readonly Edit[]): Reflowed {
  const sorted = edits
    .map((edit, order) => ({...edit, order}))
    .sort((a, b) => a.start - b.start || a.order - b.order)
  const pieces: string[] = []
  const offsets: number[] = []
  let done = 0
  const copy = (to: number) => {
    pieces.push(text.slice(done, to))
    for (let offset = done; offset < to; offset++) offsets.push(offset)
    done = to
  }
  for (const edit of sorted) {
    if (edit.start < done) {
      // An edit inside a range an earlier one replaced (a dropped line a join spans) is done already.
      if (edit.end > done)
        throw new Error(`Overlapping repairs at ${edit.start}–${edit.end} and before ${done}`)
      continue
    }
    copy(edit.start)
    pieces.push(edit.insert)
    for (let index = 0; index < edit.insert.length; index++) {
      offsets.push(edit.from === undefined ? edit.start : edit.from + index)
    }
    done = edit.end
  }
  copy(text.length)
  offsets.push(text.length)
  return {text: pieces.join(''), map: Int32Array.from(offsets)}
}
