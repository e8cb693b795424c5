/**
 * Many notes at once. Notes are converted on a pool of worker threads (or
 * in-process), and handled one by one in path order, so that the output does
 * not depend on the number of threads: the checks across the batch
 * (`output-collision`, `duplicate-id`: the path that sorts first keeps an
 * id), the output files, the manifest. Only ids and output paths are kept;
 * the feed is written at the end from the files. A re-run skips the notes
 * the manifest describes as unchanged. One bad note never stops the batch.
 */
import {createHash} from 'node:crypto'
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync
} from 'node:fs'
import {rm} from 'node:fs/promises'
import path from 'node:path'
import {setImmediate as tick} from 'node:timers/promises'
import type {VFileMessage} from 'vfile-message'
import type {Settings} from './config.js'
import type {Note} from './discover.js'
import {type Entry, type Manifest, manifestName, readManifest, stamp, writeManifest} from './manifest.js'
import {describe, display} from './paths.js'
import {Pool} from './pool.js'
import {docsUrl, type RuleId} from './rules.js'
import {convertNote, type Done, fromPlain, type PlainMessage, type Task} from './worker.js'
import {compare, temporary, writeFileAtomicAsync} from './write.js'

export const feedName = 'records.jsonl'
/** Fewer notes to convert than this are converted in-process: threads would start for nothing. */
const poolThreshold = 16
const checkpointEvery = 500
/** How many notes may wait for their files before converting waits too. */
const maxUnwritten = 64

export interface BatchOptions {
  cwd: string
  settings: Settings
  /** Threads to convert on; 1 converts in-process. */
  jobs: number
  /** convert: the output folder (absolute); without it nothing is written. */
  out?: string
  /** Convert every note, even those the manifest says are unchanged. */
  force?: boolean
  sourceMap?: boolean
  /** Folders searched in this run (absolute): outputs of notes gone from them are removed. */
  walked?: readonly string[]
  signal?: AbortSignal
  /** The worker module for the threads: by default the compiled `worker.js` beside this one. */
  worker?: URL
  /** Each note, in path order, when it is done. */
  onNote?(note: NoteResult): void
  onProgress?(done: number, total: number): void
}

export type Status = 'converted' | 'unchanged' | 'invalid' | 'unreadable'

export interface NoteResult {
  note: Note
  /** Its messages, in the order found. */
  messages: VFileMessage[]
  status: Status
}

export interface Outcome {
  counts: Record<Status | 'notes' | 'errors' | 'warnings' | 'records', number>
  /** Outputs removed because their note is gone, shown relative to the working directory. */
  removed: string[]
  /** Why the feed could not be written. */
  feedError?: string
  /** The run was stopped by a signal before the end. */
  interrupted: boolean
  /** Wall time, in milliseconds. */
  time: number
}

interface Stamp {
  size: number
  mtime: number
}

type Prepared =
  | {kind: 'unreadable'; reason: string}
  | {kind: 'unchanged'; sha256: string; stamp: Stamp; entry: Entry}
  | {kind: 'converted'; sha256: string; stamp: Stamp; done: Done}

export async function runBatch(notes: readonly Note[], options: BatchOptions): Promise<Outcome> {
  const started = performance.now()
  const {out, settings} = options
  const previous = out ? readManifest(out) : undefined
  const current = stamp(settings.config)
  const same = (key: keyof typeof current) => previous?.[key] === current[key]
  const trusted =
    previous && !options.force && same('tool') && same('schema') && same('config') ? previous : undefined
  const manifest: Manifest = {...current, complete: false, notes: {}}
  const counts: Outcome['counts'] = {
    notes: notes.length,
    converted: 0,
    unchanged: 0,
    invalid: 0,
    unreadable: 0,
    errors: 0,
    warnings: 0,
    records: 0
  }
  const feed: [id: string, output: string][] = []
  const owners = new Map<string, string>()
  const inRun = new Set(notes.map((note) => note.path))
  const walked = (options.walked ?? []).map((folder) => display(folder, options.cwd))
  const removed: string[] = []
  /** Files the notes of this run write, and files of notes converted on their own earlier. */
  const ours = new Set(notes.flatMap((note) => (note.output ? [note.output, mapOf(note.output)] : [])))
  const kept = new Map<string, string>()

  // Notes of earlier runs: those gone from a folder searched now lose their
  // outputs (unless a note of this run writes them); the others (converted on
  // their own) stay as they are.
  for (const [notePath, entry] of Object.entries(previous?.notes ?? {})) {
    if (inRun.has(notePath)) continue
    if (walked.some((folder) => isUnder(notePath, folder)) && out) {
      for (const output of entry.outputs.filter((file) => !ours.has(file))) {
        rmSync(path.join(out, output), {force: true})
        removed.push(display(path.join(out, output), options.cwd))
      }
    } else {
      manifest.notes[notePath] = entry
      for (const output of entry.outputs) kept.set(output, notePath)
      if (entry.id && entry.outputs[0]) {
        owners.set(entry.id, notePath)
        feed.push([entry.id, entry.outputs[0]])
      }
    }
  }
  if (out) removeTemporaries(out)

  const collisions = collide(notes, kept)
  const waiting = new Map(Object.entries(previous?.notes ?? {}).filter(([notePath]) => inRun.has(notePath)))
  const pool = createPool(
    options.jobs,
    notes.length,
    options.worker ?? new URL('./worker.js', import.meta.url)
  )
  const window = pool ? options.jobs * 4 : 1
  const pending = new Map<number, Promise<Prepared>>()
  const task = (note: Note, bytes: Uint8Array): Task => ({
    path: note.path,
    bytes,
    config: settings.config,
    sourceMap: options.sourceMap === true
  })

  const prepare = (note: Note): Promise<Prepared> => {
    if (note.unreadable) return Promise.resolve({kind: 'unreadable', reason: note.unreadable})
    const entry = trusted?.notes[note.path]
    const fresh = entry && upToDate(entry, note, out, options.sourceMap === true) ? entry : undefined
    let bytes: Uint8Array
    let seen: Stamp
    try {
      const stats = statSync(note.absolute)
      seen = {size: stats.size, mtime: stats.mtimeMs}
      // Same size and time as when it was converted: not read again (as git does).
      if (fresh && fresh.size === seen.size && fresh.mtime === seen.mtime) {
        return Promise.resolve({kind: 'unchanged', sha256: fresh.sha256, stamp: seen, entry: fresh})
      }
      bytes = readFileSync(note.absolute)
    } catch (error) {
      return Promise.resolve({kind: 'unreadable', reason: `Cannot read this file: ${describe(error)}`})
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    if (fresh && fresh.sha256 === sha256)
      return Promise.resolve({kind: 'unchanged', sha256, stamp: seen, entry: fresh})
    const done = pool
      ? pool.run(task(note, bytes))
      : Promise.resolve(convertNote(task(note, bytes), settings))
    return done.then(
      (result): Prepared => ({kind: 'converted', sha256, stamp: seen, done: result}),
      (error): Prepared => ({kind: 'converted', sha256, stamp: seen, done: {messages: [crash(error)]}})
    )
  }

  /** Whether this run changed an output (so the feed is written again), or only when notes were read. */
  let changed = removed.length > 0 || trusted === undefined || previous?.complete !== true
  let restamped = false

  /** Notes handled, finished in path order once their files are written. */
  let reported = Promise.resolve()
  let unwritten = 0

  const handle = (note: Note, prepared: Prepared): void => {
    const own: PlainMessage[] =
      prepared.kind === 'unreadable'
        ? [problem('unreadable-file', prepared.reason)]
        : prepared.kind === 'unchanged'
          ? prepared.entry.messages
          : prepared.done.messages
    const id =
      prepared.kind === 'unchanged'
        ? prepared.entry.id
        : prepared.kind === 'converted'
          ? prepared.done.id
          : undefined
    const across: PlainMessage[] = []
    const others = collisions.get(note.path)
    const owner = id === undefined ? undefined : owners.get(id)
    if (others) {
      across.push(
        problem(
          'output-collision',
          `Output "${note.output}" is also the output of ${others}, expected one note per output file`
        )
      )
    } else if (id !== undefined && owner !== undefined && owner !== note.path) {
      across.push(problem('duplicate-id', `Duplicate id "${id}", already used by "${owner}"`))
    }
    const valid = ![...own, ...across].some((message) => message.fatal === true)
    if (valid && id !== undefined) owners.set(id, note.path)
    // Settled at once (a failed write is a message, never an unhandled rejection).
    const written = (
      out && note.output && !kept.has(note.output)
        ? write(out, note.output, valid ? prepared : undefined)
        : Promise.resolve<string[]>([])
    ).then(
      (outputs) => ({outputs}),
      (error: unknown) => ({outputs: [], error})
    )
    // The rest waits for the files, in path order; the next notes convert meanwhile.
    unwritten++
    reported = reported.then(async () => {
      const {outputs, error} = (await written) as {outputs: string[]; error?: unknown}
      if (error !== undefined) {
        const target = display(path.join(out ?? '', note.output ?? ''), options.cwd)
        across.push(problem('unwritable-output', `Cannot write "${target}": ${describe(error)}`))
      }
      finish(note, prepared, id, own, across, outputs)
    })
  }

  const finish = (
    note: Note,
    prepared: Prepared,
    id: string | undefined,
    own: PlainMessage[],
    across: PlainMessage[],
    outputs: string[]
  ): void => {
    unwritten--
    const messages = [...own, ...across]
    const valid = !messages.some((message) => message.fatal === true)
    if (out && note.output) {
      // Files an earlier run wrote for this note elsewhere (it was given another way) go.
      for (const output of waiting.get(note.path)?.outputs ?? []) {
        if (!outputs.includes(output) && !ours.has(output)) {
          rmSync(path.join(out, output), {force: true})
          changed = true
        }
      }
      if (prepared.kind !== 'unreadable') {
        // Infos (the repairs) are not kept: an unchanged note reports its errors and warnings.
        manifest.notes[note.path] = {
          sha256: prepared.sha256,
          ...prepared.stamp,
          ...(valid && id ? {id} : {}),
          outputs,
          messages: own.filter((message) => message.fatal !== undefined)
        }
      }
      if (valid && id !== undefined) feed.push([id, note.output])
    }
    waiting.delete(note.path)

    const status: Status =
      prepared.kind === 'unreadable'
        ? 'unreadable'
        : !valid
          ? 'invalid'
          : prepared.kind === 'unchanged'
            ? 'unchanged'
            : 'converted'
    counts[status]++
    if (status !== 'unchanged') changed = true
    else if (prepared.kind === 'unchanged' && prepared.entry.mtime !== prepared.stamp.mtime) restamped = true
    counts.errors += messages.filter((message) => message.fatal === true).length
    counts.warnings += messages.filter((message) => message.fatal === false).length
    options.onNote?.({note, messages: messages.map(fromPlain), status})
  }

  /** The manifest of what is on disk now: notes handled, and the earlier entries of those not yet. */
  const checkpoint = (complete = false) => {
    if (out) {
      writeManifest(out, {...manifest, complete, notes: {...Object.fromEntries(waiting), ...manifest.notes}})
    }
  }
  /** A checkpoint on the way: if it cannot be written, the one at the end says so. */
  const tryCheckpoint = () => {
    try {
      checkpoint()
    } catch {}
  }

  let interrupted = false
  try {
    for (let index = 0, dispatched = 0; index < notes.length; index++) {
      if (options.signal?.aborted) {
        interrupted = true
        break
      }
      for (; dispatched < notes.length && dispatched < index + window; dispatched++) {
        pending.set(dispatched, prepare(notes[dispatched] as Note))
      }
      const prepared = await pending.get(index)
      pending.delete(index)
      handle(notes[index] as Note, prepared as Prepared)
      options.onProgress?.(index + 1, notes.length)
      if (unwritten >= maxUnwritten) await reported
      if (index % checkpointEvery === checkpointEvery - 1) {
        await reported
        tryCheckpoint()
      }
      // Let signals and progress through when converting in-process.
      if (!pool && index % 8 === 7) await tick()
    }
  } finally {
    await reported
    await pool?.destroy()
  }

  let feedError: string | undefined
  if (out) {
    const files = interrupted ? [manifestName] : [manifestName, feedName]
    // A run that changed nothing leaves the files as they are: a re-run costs little more than its reads.
    const same = !changed && previous !== undefined && existsSync(path.join(out, feedName))
    try {
      // Complete when the feed matches the records; the run after a stopped one writes it again.
      if (interrupted || !same || restamped) checkpoint(!interrupted)
      if (!interrupted) counts.records = same ? feed.length : writeFeed(out, feed)
    } catch (error) {
      tryCheckpoint()
      feedError = `Cannot write "${files.map((name) => display(path.join(out, name), options.cwd)).join('" and "')}": ${describe(error)}`
    }
  }
  return {counts, removed, interrupted, time: performance.now() - started, ...(feedError ? {feedError} : {})}
}

function createPool(jobs: number, notes: number, filename: URL): Pool | undefined {
  // From the TypeScript sources (tests) there is no compiled worker: in-process it is.
  if (jobs < 2 || notes < poolThreshold || !existsSync(filename)) return undefined
  return new Pool(filename, jobs)
}

/** Notes that would be written to the same file, each with the others named. */
function collide(notes: readonly Note[], kept: ReadonlyMap<string, string>): Map<string, string> {
  // A note's source map (`a.map.json`) is a file too: it may be another note's record.
  const byOutput = new Map<string, Note[]>()
  for (const note of notes) {
    for (const output of note.output ? [note.output, mapOf(note.output)] : []) {
      byOutput.set(output, [...(byOutput.get(output) ?? []), note])
    }
  }
  const collisions = new Map<string, string>()
  for (const [output, group] of byOutput) {
    // A file written by a note converted on its own earlier stays that note's.
    const owner = kept.get(output)
    if (owner) {
      for (const note of group) collisions.set(note.path, `"${owner}"`)
      continue
    }
    if (group.length < 2) continue
    for (const note of group) {
      collisions.set(
        note.path,
        group
          .filter((other) => other !== note)
          .map((other) => `"${other.path}"`)
          .join(', ')
      )
    }
  }
  return collisions
}

/** Whether an unchanged note's files are as this run would write them. */
function upToDate(entry: Entry, note: Note, out: string | undefined, sourceMap: boolean): boolean {
  if (entry.messages.some((message) => message.fatal === true)) return true
  if (!out || !note.output) return false
  const expected = sourceMap ? [note.output, mapOf(note.output)] : [note.output]
  return (
    expected.join() === entry.outputs.join() && expected.every((output) => existsSync(path.join(out, output)))
  )
}

/** Writes a valid note's files (or removes an invalid one's); the outputs on disk then. */
async function write(out: string, output: string, prepared: Prepared | undefined): Promise<string[]> {
  const target = path.join(out, output)
  const map = path.join(out, mapOf(output))
  if (!prepared || prepared.kind === 'unreadable') {
    await Promise.all([rm(target, {force: true}), rm(map, {force: true})])
    return []
  }
  if (prepared.kind === 'unchanged') return prepared.entry.outputs
  const {record, map: sourceMap} = prepared.done
  if (record === undefined) return []
  await writeFileAtomicAsync(target, record)
  if (sourceMap === undefined) {
    await rm(map, {force: true})
    return [output]
  }
  await writeFileAtomicAsync(map, sourceMap)
  return [output, mapOf(output)]
}

function mapOf(output: string): string {
  return output.replace(/\.json$/, '.map.json')
}

/** The feed, one record per line sorted by id, read back from the files written: few records are ever in memory. */
function writeFeed(out: string, feed: [string, string][]): number {
  const target = path.join(out, feedName)
  const file = temporary(target)
  const descriptor = openSync(file, 'w')
  let records = 0
  try {
    for (const [, output] of feed.sort(([a], [b]) => compare(a, b))) {
      let text: string
      try {
        text = readFileSync(path.join(out, output), 'utf8')
      } catch {
        continue
      }
      writeSync(descriptor, `${JSON.stringify(JSON.parse(text))}\n`)
      records++
    }
    closeSync(descriptor)
    renameSync(file, target)
  } catch (error) {
    rmSync(file, {force: true})
    throw error
  }
  return records
}

/** Temporary files a killed run left behind. */
function removeTemporaries(folder: string): void {
  let entries: import('node:fs').Dirent[]
  try {
    entries = readdirSync(folder, {withFileTypes: true})
  } catch {
    return
  }
  for (const entry of entries) {
    const absolute = path.join(folder, entry.name)
    if (entry.isDirectory()) removeTemporaries(absolute)
    else if (/\.\d+-[\da-f]{8}\.tmp$/.test(entry.name)) rmSync(absolute, {force: true})
  }
}

function isUnder(notePath: string, folder: string): boolean {
  return folder === '' || notePath.startsWith(`${folder}/`)
}

function problem(ruleId: RuleId, reason: string): PlainMessage {
  return {reason, ruleId, fatal: true, place: {line: 1, column: 1}, url: docsUrl(ruleId)}
}

function crash(error: unknown): PlainMessage {
  return problem('internal-error', `Cannot convert this note: ${String(error)}; please report this bug`)
}
