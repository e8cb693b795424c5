import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {VFileMessage} from 'vfile-message'
import {afterEach} from 'vitest'
import {makeCorpus} from '../scripts/corpus.js'
import {type NoteResult, runBatch} from '../src/batch.js'
import {run} from '../src/command.js'
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

const workspaces: string[] = []
afterEach(() => {
  for (const folder of workspaces.splice(0)) rmSync(folder, {recursive: true, force: true})
})

/** A temporary working directory holding `files` (path → content), removed after the test. */
export function workspace(files: Record<string, string | Uint8Array> = {}): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'infonote-'))
  workspaces.push(cwd)
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(cwd, name)), {recursive: true})
    writeFileSync(path.join(cwd, name), content)
  }
  return cwd
}

/** Runs the command line in-process, as a terminal-less shell would; gives its exit code and output. */
export async function runCli(
  cwd: string,
  argv: readonly string[],
  {stdin = '', color = false, signal}: {stdin?: string; color?: boolean; signal?: AbortSignal} = {}
) {
  let stdout = ''
  let stderr = ''
  const code = await run(argv, {
    cwd,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdin: () => Buffer.from(stdin),
    color,
    progress: false,
    ...(signal ? {signal} : {})
  })
  return {code, stdout, stderr}
}

/** A working directory with `count` varied notes in `notes/` (see scripts/corpus.js). */
export function corpusWorkspace(count: number): string {
  const cwd = workspace()
  makeCorpus(path.join(cwd, 'notes'), count)
  return cwd
}
