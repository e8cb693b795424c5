/**
 * Footnote texts as PDF text extraction leaves them: a plain digit opening
 * the text at the start of a line (`1 For information – not an official
 * report.`) wherever the page broke, also at the end of a run-on line. It
 * is a footnote's text when the note marks that footnote (the title's
 * `Information Note1`, a superscript) or when it is the disclaimer. Each
 * gets the `^` that makes it a marker the footnote plugin reads (`^1 For
 * information …`); a digit glued to a word in the body (`participation2`)
 * does too when the note has that footnote's text.
 */
import {titleMarker} from '../labels.js'
import type {Line} from './layout.js'
import type {Edit, Note} from './note.js'

/** A footnote's text: its number, a space, then a capital or an opening quote. */
const definition = /^([ \t]{0,3})(\d{1,2})[ \t]+(?=[\p{Lu}"“«‘(])/u
/** The same, run into a line after the end of a sentence or a value. */
const runIn = /(?<=[.;)\]»”])([ \t]+)(\d{1,2})[ \t]+(?=\p{Lu})/gu
/** The disclaimer every note has, in its three languages. */
const disclaimer =
  /^(?:for information|para informaci[oó]n|pour information|not an official|no es un informe|ceci n)/iu
const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹'

export function footnoteLines(note: Note): Edit[] {
  const edits: Edit[] = []
  const title =
    note.title === undefined ? undefined : titleMarker.exec(note.lines[note.title]?.text ?? '')?.[4]
  const marker = title?.replace(/[[\]]/g, '')
  const referenced = new Set([...(marker ? [marker] : []), ...superscriptMarkers(note.text)])
  const defined = new Set<string>()
  for (const [index, line] of note.lines.entries()) {
    if (!note.isText(index)) continue
    const match = definition.exec(line.text)
    const number = match?.[2]
    const rest = line.text.slice(match?.[0].length ?? 0)
    if (match && number && (referenced.has(number) || disclaimer.test(rest))) {
      edits.push({
        start: line.start + (match[1]?.length ?? 0),
        end: line.start + (match[1]?.length ?? 0),
        insert: '^'
      })
      defined.add(number)
      continue
    }
    edits.push(...runInEdits(line, referenced, defined))
  }
  edits.push(...gluedMarkers(note, defined, marker))
  return edits
}

/** A footnote's text run into the end of a line: ". 1 For information …". */
function runInEdits(line: Line, referenced: ReadonlySet<string>, defined: Set<string>): Edit[] {
  for (const match of line.text.matchAll(runIn)) {
    const number = match[2] ?? ''
    const rest = line.text.slice(match.index + match[0].length)
    if (defined.has(number) || !(referenced.has(number) || disclaimer.test(rest))) continue
    defined.add(number)
    const at = line.start + match.index
    const digits = at + (match[1]?.length ?? 0)
    return [
      {start: at, end: digits, insert: '\n'},
      {start: digits, end: digits, insert: '^'}
    ]
  }
  return []
}

/** `participation2` → `participation^2`, for a footnote whose text the note has. */
function gluedMarkers(note: Note, defined: ReadonlySet<string>, title: string | undefined): Edit[] {
  const edits: Edit[] = []
  const numbers = [...defined].filter((number) => number !== title)
  if (numbers.length === 0) return edits
  const glued = new RegExp(`(?<=[\\p{Ll}.,;)])(${numbers.join('|')})(?=[\\s.,;:)]|$)`, 'gu')
  for (const [index, line] of note.lines.entries()) {
    if (!note.isText(index) || definition.test(line.text)) continue
    for (const match of line.text.matchAll(glued)) {
      edits.push({start: line.start + match.index, end: line.start + match.index, insert: '^'})
    }
  }
  return edits
}

/** Footnote numbers the note marks with superscript digits. */
function superscriptMarkers(text: string): string[] {
  return [...text.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g)].map((match) =>
    Array.from(match[0], (char) => String(superscripts.indexOf(char))).join('')
  )
}
