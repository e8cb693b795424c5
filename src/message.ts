import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {docsUrl, type RuleId, type Severity, severityOf} from './rules.js'

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
  const message = severity === 'info' ? file.info(reason, settings) : file.message(reason, settings)
  if (severity !== 'info') message.fatal = severity === 'error'
  message.url = docsUrl(ruleId)
  return message
}

export function severity(message: VFileMessage): Severity {
  return message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'
}

export function isError(message: VFileMessage): boolean {
  return message.fatal === true
}
