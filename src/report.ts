/**
 * Messages for people: one `path:line:col: severity reason [rule-id]` line
 * each (clickable in terminals and editors), and a summary of the batch.
 */
import type {VFileMessage} from 'vfile-message'
import {hasErrors, type Result} from './batch.js'
import {severity} from './message.js'

export function sortMessages(messages: readonly VFileMessage[]): VFileMessage[] {
  return [...messages].sort((a, b) => (a.line ?? 1) - (b.line ?? 1) || (a.column ?? 1) - (b.column ?? 1))
}

export function formatMessage(message: VFileMessage, path: string): string {
  return `${path}:${message.line ?? 1}:${message.column ?? 1}: ${severity(message)} ${message.reason} [${message.ruleId}]`
}

/** The lines to print for a batch: errors and warnings, infos too when `verbose`. */
export function formatResults(results: readonly Result[], verbose: boolean): string[] {
  return results.flatMap((result) =>
    sortMessages(result.file.messages)
      .filter((message) => verbose || severity(message) !== 'info')
      .map((message) => formatMessage(message, result.note.path))
  )
}

export interface Counts {
  notes: number
  valid: number
  errors: number
  warnings: number
}

export function count(results: readonly Result[]): Counts {
  const messages = results.flatMap((result) => result.file.messages)
  return {
    notes: results.length,
    valid: results.filter((result) => !hasErrors(result)).length,
    errors: messages.filter((message) => severity(message) === 'error').length,
    warnings: messages.filter((message) => severity(message) === 'warning').length
  }
}

export function plural(amount: number, word: string): string {
  return `${amount} ${word}${amount === 1 ? '' : 's'}`
}

export function describeCounts({errors, warnings}: Counts): string {
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`
}
