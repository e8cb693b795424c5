import type {VFileMessage} from 'vfile-message'
import {sortMessages} from '../src/format.js'
import {severity} from '../src/message.js'

/** Messages as the fixtures write them: `line:col severity reason rule-id`, in place order. */
export function messageLines(messages: readonly VFileMessage[]): string[] {
  return sortMessages(messages).map(
    (message) => `${message.line}:${message.column} ${severity(message)} ${message.reason} ${message.ruleId}`
  )
}
