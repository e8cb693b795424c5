/**
 * Header values that PDF text extraction wrapped onto the next line in the
 * middle of a name (`Organización Mundial de` / `Aduanas (OMA)`,
 * `African Centre for Science` / `and International Security`): the line
 * break becomes a space, so that the name stays one entry. A line that opens
 * with a label (known or not), a list item or a heading is never joined to
 * the one before, and a short line is taken as ending where it ends: a tidy
 * note may list names one line after another.
 */
import {joiningWords} from '../labels.js'
import {report} from '../message.js'
import {isSyntax, type Line} from './layout.js'
import type {Edit, Note} from './note.js'

/** A line that goes on with the one before: it opens in lower case or with a conjunction. */
const goesOn = /^\s*(?:\p{Ll}|(?:and|y|et|&)\s)/u
/** A label opening a line, known or not: `States:`, `**Organizers:**`, `Moderator:`. */
const opening = /^\s*(?:[-*+]\s+)?[*_]*\p{Lu}[^:*_]{0,59}?[*_]*\s*:(?!\/\/)/u
/** How long a line must be to have been wrapped by the page's width rather than ended by its writer. */
const wrapWidth = 60

export function wrappedValues(note: Note): Edit[] {
  const edits: Edit[] = []
  const first = note.title ?? 0
  const last = note.headerEnd?.line ?? note.lines.length
  for (let index = first; index < last; index++) {
    const next = note.neighbour(index, 1)
    const line = note.lines[index] as Line
    const following = note.lines[next]
    if (!note.isText(index) || !note.isText(next) || next >= last || !following) continue
    if (isSyntax(following) || note.section(next) || opening.test(following.text)) continue
    if (!isWrapped(line.text, following.text)) continue
    edits.push({start: line.end, end: following.start, insert: ' '})
    report(
      note.file,
      'wrapped-value',
      'Joined this line and the next: a value wrapped in the middle of a name',
      note.span(line)
    )
  }
  return edits
}

/**
 * Whether `next` goes on with the name `text` ends with: `text` ends in a
 * joining word, `next` opens in lower case, or `text` is as long as a
 * wrapped line and lists names with commas, the last of more than one word
 * ("…, Oficina de Asuntos de Desarme de las Naciones").
 */
function isWrapped(text: string, next: string): boolean {
  const end = text.trimEnd()
  // A footnote's text (`1 For information …`) opens with its marker.
  if (end === '' || /[,;:.)\]]$/.test(end) || /^\s*[\d⁰¹²³⁴⁵⁶⁷⁸⁹^[]/.test(next)) return false
  const lastWord = end.slice(end.lastIndexOf(' ') + 1).toLowerCase()
  if (joiningWords.has(lastWord) || goesOn.test(next)) return true
  const value = end.slice(end.lastIndexOf(':') + 1)
  const lastName = value.slice(value.lastIndexOf(',') + 1).trim()
  return end.length >= wrapWidth && value.includes(',') && lastName.split(/\s+/).length > 1
}
