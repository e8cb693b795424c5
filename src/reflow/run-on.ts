/**
 * Header lines run together by PDF text extraction: the title, every label
 * and every value on one line. A known label followed by its colon (a header
 * field, or a participant category once the participants have begun) starts
 * a line of its own wherever it stands; a colon that follows no known label
 * (`Workshop II: Border Security`) stays in its value.
 */
import {maxLabelLength, maxLabelWords} from '../labels.js'
import {report} from '../message.js'
import {trimRun} from '../values/runs.js'
import type {Line} from './layout.js'
import type {Edit, Note} from './note.js'

/** Emphasis around a label: `**Organizers:**`, `*States*:`. */
const emphasis = /[*_]/

interface Cut {
  /** Where the label (with its emphasis) starts in the line. */
  at: number
  label: string
}

export function runOn(note: Note): Edit[] {
  const edits: Edit[] = []
  const state = {participants: false}
  const first = note.title ?? note.lines.findIndex((_, index) => note.isText(index))
  const last = note.headerEnd?.line ?? note.lines.length - 1
  for (let index = Math.max(first, 0); index <= last; index++) {
    const line = note.lines[index] as Line
    if (!note.isText(index)) continue
    const limit = index === note.headerEnd?.line ? note.headerEnd.offset - line.start : line.text.length
    const cuts = labelCuts(line.text.slice(0, limit), note, state)
    if (cuts.length === 0) continue
    for (const cut of cuts) {
      note.cuts.push(line.start + cut.at - 1)
      edits.push({start: line.start + cut.at - 1, end: line.start + cut.at, insert: '\n'})
    }
    const names = cuts.map((cut) => `"${cut.label}"`).join(', ')
    report(note.file, 'run-on-line', `Split this run-on line before the fields ${names}`, note.span(line))
  }
  return edits
}

/** The labels inside `text` (not at its start) that start a field. */
function labelCuts(text: string, note: Note, state: {participants: boolean}): Cut[] {
  const cuts: Cut[] = []
  /** Where the words before the next colon start, and where the value of the last known label starts. */
  let floor = 0
  let value = 0
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    if (text.startsWith('//', colon + 1)) continue
    // A whole label at the start of the line ("African Union Member States:") is read as it stands.
    const first = floor === 0 ? wholeLabel(text.slice(0, colon), note) : undefined
    const found = first ? undefined : labelBefore(text, floor, colon, note, state.participants)
    floor = colon + 1
    const label = first ?? found?.label
    if (label === undefined) continue
    if (note.labels.field(label)?.key === 'participants') state.participants = true
    // A label at the start of the line is where it should be, and one right
    // after another label ("Participants: States: Chile") is read as it is.
    if (found && /[\p{L}\p{N}]/u.test(text.slice(value, found.at))) cuts.push(found)
    value = colon + 1
  }
  return cuts
}

/** The label a line opens with, list marker and emphasis aside, when it is one infonote knows. */
function wholeLabel(start: string, note: Note): string | undefined {
  if (start.length > maxLabelLength) return undefined
  const label = trimRun(start.replace(/^\s*(?:[-*+]\s+|\d{1,9}[.)]\s+)?/, '').trim(), emphasis).trim()
  return note.labels.field(label) || note.labels.category(label) ? label : undefined
}

/**
 * The longest known label that ends at `colon`, of at most six words after
 * `floor`: "Date and venue" rather than "venue". Inside a line it must start
 * with a capital; a category counts once the participants have begun.
 */
function labelBefore(
  text: string,
  floor: number,
  colon: number,
  note: Note,
  participants: boolean
): Cut | undefined {
  const words = [...text.slice(floor, colon).matchAll(/\S+/g)]
  let found: Cut | undefined
  for (let count = 1; count <= Math.min(maxLabelWords, words.length); count++) {
    const word = words[words.length - count]
    // Emphasis markers standing alone (`** States`) are not a word of the label.
    if (!word || !/[\p{L}\p{N}]/u.test(word[0])) continue
    const at = floor + word.index
    const label = trimRun(text.slice(at, colon).trim(), emphasis).trim()
    if (!/^\p{Lu}/u.test(label)) continue
    const known =
      note.labels.field(label) !== undefined ||
      (participants && note.labels.category(label, true) !== undefined)
    if (known) found = {at, label}
  }
  return found
}
