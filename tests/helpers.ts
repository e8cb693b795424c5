import type {VFileMessage} from 'vfile-message'
import {type NoteResult, runBatch} from '../src/batch.js'
import {settingsFrom} from '../src/config.js'
import type {Note} from '../src/discover.js'
import {sortMessages} from '../src/format.js'
import {severity} from '../src/message.js'

/** Messages as the fixtures write them: `line:col severity reason rule-id`, in place order. */
export function messageLines(messages: readonly VFileMessage[]): string[] {
  return sortMessages(messages).map(
    (message) => `${message.line}:${message.column} ${severity(message)} ${message.reason} ${message.ruleId}`
  )
}

/** Runs the batch in-process on `notes`, and gives each note's result. */
export async function batch(notes: readonly Note[], cwd: string): Promise<NoteResult[]> {
  const results: NoteResult[] = []
  await runBatch(notes, {cwd, settings: settingsFrom(), jobs: 1, onNote: (result) => results.push(result)})
  return results
}
