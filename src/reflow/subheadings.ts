/**
 * Sub-headings inside a section (`Day 2 (14 May):`, `Session 3:`), which PDF
 * text extraction runs into the paragraph below them: each becomes a
 * paragraph of its own, which the section keeps as a sub-heading. Only a
 * line that starts a block is one: after a blank line, the end of a
 * sentence, a heading or a page break; `… Office for Disarmament Affairs
 * (UNODA):` in a wrapped sentence is not.
 */
import {isSubheading} from '../labels.js'
import {report} from '../message.js'
import {isSyntax, type Line} from './layout.js'
import type {Edit, Note} from './note.js'

export function subheadings(note: Note): Edit[] {
  const edits: Edit[] = []
  const start = note.headerEnd?.line
  if (start === undefined) return edits
  for (let index = start + 1; index < note.lines.length; index++) {
    const line = note.lines[index] as Line
    if (!note.isText(index) || isSyntax(line) || !isSubheading(line.text)) continue
    if (note.labels.isLabel(line.text.trim()) || note.section(index)) continue
    const previous = note.neighbour(index, -1)
    const after = note.isText(previous) ? (note.lines[previous] as Line) : undefined
    if (after && !startsBlockAfter(note, previous, after)) continue
    const next = note.neighbour(index, 1)
    if (!after && !note.isText(next)) continue
    if (after) edits.push({start: line.start, end: line.start, insert: '\n'})
    if (note.isText(next)) edits.push({start: line.end, end: line.end, insert: '\n'})
    const text = line.text.trim()
    report(
      note.file,
      'subheading-line',
      `Read the line "${text}" as a sub-heading of its section`,
      note.span(line)
    )
  }
  return edits
}

/** Whether a block may start after line `index`: it ends a sentence or is a heading, or a page starts after it. */
function startsBlockAfter(note: Note, index: number, line: Line): boolean {
  const pageBreak = note.lines[index + 1]?.feed !== undefined || note.dropped.has(index + 1)
  return pageBreak || note.section(index) !== undefined || /[.!?:;)»”]\s*$/.test(line.text)
}
