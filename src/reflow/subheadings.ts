/**
 * Sub-headings inside a section (`Day 2 (14 May):`, `Session 3:`), which PDF
 * text extraction runs into the paragraph below them: each becomes a
 * paragraph of its own, which the section keeps as a sub-heading.
 */
import {isSubheading} from '../labels.js'
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
    if (note.isText(note.neighbour(index, -1))) edits.push({start: line.start, end: line.start, insert: '\n'})
    if (note.isText(note.neighbour(index, 1))) edits.push({start: line.end, end: line.end, insert: '\n'})
  }
  return edits
}
