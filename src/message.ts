import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {docsUrl, type RuleId, type Severity, severityOf} from './rules.js'
import type {Span} from './span.js'

export interface ReportOptions {
  /** The error behind the message (an internal error's exception). */
  cause?: Error
}

/** The start of a file: where file-level problems are placed. */
export const fileStart: Point = {line: 1, column: 1, offset: 0}

/**
 * Adds a message for `ruleId` to `file`, with the rule's severity:
 * errors are fatal (the note gets no record), warnings are not, infos are notes.
 */
export function report(
  file: VFile,
  ruleId: RuleId,
  reason: string,
  place: Point | Position | undefined,
  options: ReportOptions = {}
): VFileMessage {
  const severity = severityOf(ruleId)
  const settings = {place: place ?? fileStart, ruleId, source: 'infonote', ...options}
  const message = withoutStack(() =>
    severity === 'info' ? file.info(reason, settings) : file.message(reason, settings)
  )
  if (severity !== 'info') message.fatal = severity === 'error'
  message.url = docsUrl(ruleId)
  return message
}

/**
 * Warns of each empty entry dropped from the list `label` names ("Chile, ,
 * Peru"), at the place `where` gives each entry (an extractor's recorder).
 */
export function reportEmptyEntries(
  file: VFile,
  where: {position(span: Span): Position},
  label: Span,
  empty: readonly Span[]
): void {
  for (const entry of empty) {
    report(
      file,
      'empty-entry',
      `Dropped an empty entry from the list "${label.clean().value}" (a name may have been removed)`,
      where.position(entry)
    )
  }
}

export function severity(message: VFileMessage): Severity {
  return message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'
}

export function isError(message: VFileMessage): boolean {
  return message.fatal === true
}

/** A message as data: what crosses between threads and is kept in the manifest. */
export interface PlainMessage {
  reason: string
  ruleId: string
  /** `true` for errors, `false` for warnings, absent for infos. */
  fatal?: boolean
  place: Point | Position
  url?: string
}

/** A message about a whole file (it has no better place than 1:1), with the rule's severity. */
export function plain(
  ruleId: RuleId,
  reason: string,
  place: Point | Position = {line: 1, column: 1}
): PlainMessage {
  const level = severityOf(ruleId)
  return {
    reason,
    ruleId,
    ...(level === 'info' ? {} : {fatal: level === 'error'}),
    place,
    url: docsUrl(ruleId)
  }
}

export function toPlain(message: VFileMessage): PlainMessage {
  return {
    reason: message.reason,
    ruleId: message.ruleId ?? '',
    ...(typeof message.fatal === 'boolean' ? {fatal: message.fatal} : {}),
    place: message.place ?? {line: 1, column: 1},
    ...(message.url ? {url: message.url} : {})
  }
}

export function fromPlain(plain: PlainMessage): VFileMessage {
  const message = withoutStack(
    () => new VFileMessage(plain.reason, {place: plain.place, ruleId: plain.ruleId, source: 'infonote'})
  )
  message.fatal = plain.fatal
  if (plain.url) message.url = plain.url
  return message
}

/**
 * Makes a message without capturing a stack: a message is about the note,
 * not the code, and capturing one costs more than the rest of the message
 * (notes get several each). Errors thrown by bugs keep theirs.
 */
function withoutStack<T>(make: () => T): T {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return make()
  } finally {
    Error.stackTraceLimit = limit
  }
}
