/**
 * What the review report shows of one note, as plain data: the text the
 * positions refer to (for a PDF or Word note, the Markdown rebuilt from it,
 * with each line's `page:line`), the record, its source map, and the
 * messages, each placed at a line of that text. `noteViewOf` runs where
 * the note was converted (maybe on a worker thread: its result must stay
 * structured-clone-able); `reportNoteOf` joins it with the batch's verdict.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {NoteResult} from '../batch.js'
import {range, sortMessages} from '../format.js'
import type {InformationNote} from '../generated/information-note.js'
import {severity} from '../message.js'
import type {Severity} from '../rules.js'

/** A source range: start line, start column, end line, end column (1-based). */
export type Span = [number, number, number, number]

/** What the conversion of a note saw: its text, record and source map. */
export interface NoteView {
  /** The lines of the text positions refer to; none when the note could not be read as text. */
  lines: string[]
  /** For a PDF or Word note: which one the text was rebuilt from. */
  rebuilt?: 'pdf' | 'docx'
  /** For a PDF: each line's `page:line` (empty for a line of markup only). */
  pages?: string[]
  /** For a PDF: the first line (1-based) holding text read at each `page:line`. */
  places?: Record<string, number>
  /** The record, when the note is valid. */
  record?: InformationNote
  /** JSON Pointer → where its value was read. */
  sourceMap: Record<string, Span>
}

export type ReportStatus = 'valid' | 'invalid' | 'unreadable'

export interface ReportMessage {
  severity: Severity
  ruleId: string
  reason: string
  url?: string
  /** Where it is, as the other formats print it (`page:line` for a PDF). */
  place: string
  /** The line of the text it is marked at; 0 when the note has no such line. */
  at: number
}

/** One note of the report. */
export interface ReportNote {
  path: string
  status: ReportStatus
  messages: ReportMessage[]
  view?: NoteView
}

/** The view of a converted `file` (its `value` is the text once decoded or rebuilt). */
export function noteViewOf(file: VFile): NoteView {
  const text = typeof file.value === 'string' ? file.value : undefined
  const lines = text === undefined || text === '' ? [] : text.replace(/\n$/, '').split('\n')
  const rebuilt = file.data.rebuilt
  const map = rebuilt?.map
  const sourceMap: Record<string, Span> = {}
  for (const [pointer, {start, end}] of file.data.sourceMap ?? []) {
    sourceMap[pointer] = [start.line, start.column, end.line, end.column]
  }
  return {
    lines,
    ...(rebuilt ? {rebuilt: rebuilt.format} : {}),
    ...(map ? pagesOf(map) : {}),
    ...(file.data.record ? {record: file.data.record} : {}),
    sourceMap
  }
}

type LineMap = NonNullable<NonNullable<VFile['data']['rebuilt']>['map']>

function pagesOf(map: LineMap): {pages: string[]; places: Record<string, number>} {
  const places: Record<string, number> = {}
  const pages = map.map((marks, index) => {
    for (const {origin} of marks) places[`${origin.page}:${origin.line}`] ??= index + 1
    const first = marks[0]?.origin
    return first ? `${first.page}:${first.line}` : ''
  })
  return {pages, places}
}

/** A note of the report, from its result in the batch: the verdict, its messages in place order, and its view. */
export function reportNoteOf({note, status, messages, report: view}: NoteResult): ReportNote {
  return {
    path: note.path,
    status: status === 'converted' || status === 'unchanged' ? 'valid' : status,
    messages: sortMessages(messages).map((message) => reportMessage(message, view)),
    ...(view ? {view} : {})
  }
}

function reportMessage(message: VFileMessage, view: NoteView | undefined): ReportMessage {
  const {line, column} = range(message)
  return {
    severity: severity(message),
    ruleId: message.ruleId ?? '',
    reason: message.reason,
    ...(message.url ? {url: message.url} : {}),
    place: `${line}:${column}`,
    at: lineOf(line, column, view)
  }
}

/** The line of the view's text a message at `line:column` is marked at (for a PDF, `page:line`). */
function lineOf(line: number, column: number, view: NoteView | undefined): number {
  const count = view?.lines.length ?? 0
  if (count === 0) return 0
  if (view?.places && !(line === 1 && column === 1)) return view.places[`${line}:${column}`] ?? 0
  return Math.min(line, count)
}
