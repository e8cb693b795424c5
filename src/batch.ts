/**
 * Many notes at once: a plan (batch/plan.ts), the conversion of the notes
 * on a pool of worker threads (or in-process), then, one by one in path
 * order so that nothing depends on the number of threads, the checks
 * across the batch (batch/checks.ts), each note's files and its manifest
 * entry. What is written is the emitters' business (emit/): each valid
 * note's files come back from the conversion; only ids and file names are
 * kept, and the batch files (the feed, the CSV tables) are written at the
 * end from the record files (batch/catalog.ts). A re-run skips the notes the
 * manifest describes as unchanged. One bad note never stops the batch.
 *
 * One run at a time writes to an output folder (see lock.ts), and every
 * file it writes, reads back or removes goes through output-folder.ts,
 * which checks that it lies inside.
 */
import {createHash} from 'node:crypto'
import {mkdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {setImmediate as tick} from 'node:timers/promises'
import type {VFileMessage} from 'vfile-message'
import {type Catalog, catalogOf, recordFileOf, recordsOf, sameCatalog} from './batch/catalog.js'
import {across, type Collisions, collide} from './batch/checks.js'
import {type Plan, plan} from './batch/plan.js'
import type {Settings} from './config.js'
import {configured} from './control.js'
import {Converter} from './convert-note.js'
import type {Note} from './discover.js'
import {allSuffixes, noOptions, type Outputs, outputsOf, suffixesOf, writeBatch} from './emit/emitters.js'
import {feedName} from './emit/jsonl.js'
import {tooLarge} from './limits.js'
import {type Lock, LockedError, lock} from './lock.js'
import {type Entry, type Manifest, manifestName, readManifest, serializeManifest, stamp} from './manifest.js'
import {fromPlain, type PlainMessage, plain} from './message.js'
import {OutputFolder} from './output-folder.js'
import {describe, display} from './paths.js'
import {formatOf} from './read.js'
import type {NoteView} from './report/note.js'
import {isTransient} from './rules.js'
import type {Done, Task} from './worker.js'

/** Fewer notes to convert than this are converted in-process: threads would start for nothing. */
const poolThreshold = 16
/** How many notes may wait for their files before converting waits too. */
const maxUnwritten = 64
/** At least this often (ms), the batch lets signals and progress through. */
const yieldEvery = 100

export interface BatchOptions {
  cwd: string
  settings: Settings
  /** Threads to convert on; 1 converts in-process. */
  jobs: number
  /** convert: the output folder (absolute); without it nothing is written. */
  out?: string
  /** Convert every note, even those the manifest says are unchanged. */
  force?: boolean
  /** What is written: by default (`outputsOf()`) each record and the feed; without `out` nothing, and a valid note's record is handed to `onNote` only when `json` is chosen. */
  outputs?: Outputs
  /** Folders searched in this run (absolute): outputs of notes gone from them are removed. */
  walked?: readonly string[]
  signal?: AbortSignal
  /** The compiled worker module for the threads (by default dist/worker.js). */
  worker?: URL
  /** Notes between two writes of the manifest on the way (default 500), so that a killed run loses little. */
  checkpointEvery?: number
  /** Send back what the review report shows of each note converted (`NoteResult.report`). */
  report?: boolean
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
  /** A valid note's record, as `convert` writes it, when it was converted in this run. */
  record?: string
  /** With `report`: what the review report shows of a note converted in this run. */
  report?: NoteView
}

/** Messages about a file that is not a note (the manifest). */
export interface FileResult {
  path: string
  messages: VFileMessage[]
}

export interface Outcome {
  counts: Record<Status | 'notes' | 'errors' | 'warnings' | 'records', number>
  /** Files other than notes with messages, reported before the notes. */
  files: FileResult[]
  /** Outputs removed because their note is gone, shown relative to the working directory. */
  removed: string[]
  /** Why the feed could not be written. */
  feedError?: string
  /** The run was stopped by a signal before the end: the feed was not written. */
  interrupted: boolean
  /** Wall time, in milliseconds. */
  time: number
}

interface Stamp {
  size: number
  mtime: number
}

type Prepared =
  | {kind: 'refused'; message: PlainMessage}
  | {kind: 'unchanged'; sha256: string; stamp: Stamp; entry: Entry}
  | {kind: 'converted'; sha256: string; stamp: Stamp; done: Done}

/** Converts `notes`; throws `LockedError` when another run writes to the output folder. */
export async function runBatch(notes: readonly Note[], options: BatchOptions): Promise<Outcome> {
  const held = options.out ? hold(options.out) : undefined
  try {
    return await new Batch(notes, options).run()
  } finally {
    held?.release()
  }
}

/** The lock of `out`; none when the folder cannot be made (each write then says why). */
function hold(out: string): Lock | undefined {
  try {
    mkdirSync(out, {recursive: true})
    return lock(out)
  } catch (error) {
    if (error instanceof LockedError) throw error
    return undefined
  }
}

class Batch {
  private readonly started = performance.now()
  private readonly counts: Outcome['counts']
  private readonly files: FileResult[] = []
  private readonly removed: string[] = []
  private readonly outputs: Outputs
  private readonly previous: Manifest | undefined
  /** The previous manifest, when its entries may be trusted to skip notes. */
  private readonly trusted: Manifest | undefined
  private readonly manifest: Manifest
  private readonly plan: Plan
  /** Id and record file of every record the batch files hold. */
  private readonly catalog: Catalog = []
  /** Which note keeps each id. */
  private readonly owners = new Map<string, string>()
  private readonly collisions: Collisions
  private readonly converter: Converter
  /** Where the files go; none for `validate`. */
  private readonly folder: OutputFolder | undefined
  private readonly aborted: Promise<undefined>
  /** Notes handled, finished in path order once their files are written. */
  private reported = Promise.resolve()
  private unwritten = 0
  /** A note's file was written: the batch files are written again. */
  private wrote = false
  private interrupted = false

  constructor(
    private readonly notes: readonly Note[],
    private readonly options: BatchOptions
  ) {
    const {out, settings, cwd} = options
    this.counts = {
      notes: notes.length,
      converted: 0,
      unchanged: 0,
      invalid: 0,
      unreadable: 0,
      errors: 0,
      warnings: 0,
      records: 0
    }
    this.outputs = options.outputs ?? (out ? outputsOf() : {notes: [], batch: [], options: noOptions})
    this.folder = out ? new OutputFolder(out) : undefined
    this.previous = out ? this.readPrevious(out) : undefined
    const current = stamp(settings.config)
    const same = (key: keyof typeof current) => this.previous?.[key] === current[key]
    this.trusted =
      !options.force && same('tool') && same('schema') && same('config') ? this.previous : undefined
    this.manifest = {...current, complete: false, notes: {}}
    const walked = out ? (options.walked ?? []).map((given) => display(given, cwd)) : []
    this.plan = plan(notes, this.previous, walked, possibleFiles)
    this.settleEarlier()
    this.folder?.removeTemporaries()
    this.collisions = collide(notes, possibleFiles, this.plan.keptFiles, batchFiles(this.outputs))
    const threads = options.jobs > 1 && notes.length >= poolThreshold ? options.jobs : 1
    this.converter = new Converter({
      settings,
      threads,
      ...(options.worker ? {worker: options.worker} : {})
    })
    const signal = options.signal
    this.aborted = new Promise((resolve) => signal?.addEventListener('abort', () => resolve(undefined)))
  }

  async run(): Promise<Outcome> {
    try {
      await this.loop()
    } finally {
      await this.reported
      await this.converter.destroy()
    }
    // A signal after the last note still stops the run before its batch files.
    if (this.options.signal?.aborted) this.interrupted = true
    const feedError = this.end()
    return {
      counts: this.counts,
      files: this.files,
      removed: this.removed,
      interrupted: this.interrupted,
      time: performance.now() - this.started,
      ...(feedError ? {feedError} : {})
    }
  }

  /** The manifest of the last run, or nothing; a damaged one is reported and ignored. */
  private readPrevious(out: string): Manifest | undefined {
    const {manifest, problem} = readManifest(out)
    const fatal = problem && configured(problem, this.options.settings.rules)
    if (problem && fatal !== 'off') {
      const message = fromPlain({...problem, ...(fatal === undefined ? {} : {fatal})})
      if (fatal === true) this.counts.errors++
      else if (fatal === false) this.counts.warnings++
      this.files.push({path: display(path.join(out, manifestName), this.options.cwd), messages: [message]})
    }
    return manifest
  }

  /**
   * Notes of earlier runs that are not in this one: those gone from a folder
   * searched now lose their outputs; the others (converted on their own)
   * stay as they are, in the manifest and the batch files.
   */
  private settleEarlier(): void {
    const {folder} = this
    for (const output of this.plan.removals) {
      folder?.removeSync(output)
      if (folder) this.removed.push(display(folder.path(output), this.options.cwd))
    }
    for (const [notePath, entry] of Object.entries(this.plan.kept)) {
      this.manifest.notes[notePath] = entry
      const record = recordFileOf(entry)
      if (entry.id && record) {
        this.owners.set(entry.id, notePath)
        this.catalog.push([entry.id, record])
      }
    }
  }

  private async loop(): Promise<void> {
    const {notes} = this
    const window = this.options.jobs > 1 && notes.length >= poolThreshold ? this.options.jobs * 4 : 1
    const pending = new Map<number, Promise<Prepared>>()
    const checkpointEvery = this.options.checkpointEvery ?? 500
    let yielded = performance.now()
    for (let index = 0, dispatched = 0; index < notes.length; index++) {
      if (this.options.signal?.aborted) break
      for (; dispatched < notes.length && dispatched < index + window; dispatched++) {
        pending.set(dispatched, this.prepare(notes[dispatched] as Note))
      }
      // A signal is answered at once, even while a note converts on a thread.
      const prepared = await Promise.race([pending.get(index) as Promise<Prepared>, this.aborted])
      pending.delete(index)
      if (!prepared) break
      this.handle(notes[index] as Note, prepared)
      this.options.onProgress?.(index + 1, notes.length)
      if (this.unwritten >= maxUnwritten) await this.reported
      if (index % checkpointEvery === checkpointEvery - 1) {
        await this.reported
        this.tryCheckpoint()
      }
      if (performance.now() - yielded >= yieldEvery) {
        await tick()
        yielded = performance.now()
      }
    }
  }

  private prepare(note: Note): Promise<Prepared> {
    if (note.unreadable) return settled({kind: 'refused', message: plain('unreadable-file', note.unreadable)})
    const fresh = this.fresh(note)
    const read = note.bytes
      ? {bytes: note.bytes, stamp: {size: note.bytes.byteLength, mtime: 0}}
      : this.read(note, fresh)
    if ('prepared' in read) return settled(read.prepared)
    const {bytes, stamp} = read
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    if (fresh && fresh.sha256 === sha256) return settled({kind: 'unchanged', sha256, stamp, entry: fresh})
    const task: Task = {
      path: note.path,
      bytes,
      config: this.options.settings.config,
      files: suffixesOf(this.outputs, isDocument(note)),
      ...(this.options.report ? {report: true as const} : {})
    }
    return this.converter.convert(task).then((done): Prepared => ({kind: 'converted', sha256, stamp, done}))
  }

  /** The note's bytes, unless it is unchanged, too large or unreadable. */
  private read(
    note: Note,
    fresh: Entry | undefined
  ): {bytes: Uint8Array; stamp: Stamp} | {prepared: Prepared} {
    const {maxBytes} = this.options.settings.limits
    try {
      const stats = statSync(note.absolute)
      const stamp = {size: stats.size, mtime: stats.mtimeMs}
      // Same size and time as when it was converted: not read again (as git does).
      if (fresh && fresh.size === stamp.size && fresh.mtime === stamp.mtime) {
        return {prepared: {kind: 'unchanged', sha256: fresh.sha256, stamp, entry: fresh}}
      }
      if (stats.size > maxBytes) {
        return {prepared: {kind: 'refused', message: plain('file-too-large', tooLarge(stats.size, maxBytes))}}
      }
      return {bytes: readFileSync(note.absolute), stamp}
    } catch (error) {
      const message = plain('unreadable-file', `Cannot read this file: ${describe(error)}`)
      return {prepared: {kind: 'refused', message}}
    }
  }

  /** The trusted entry of a note whose files are as this run would write them. */
  private fresh(note: Note): Entry | undefined {
    const entry = this.trusted?.notes[note.path]
    // A note stopped by a bug or a limit is converted again.
    if (!entry || entry.messages.some((message) => isTransient(message.ruleId))) return undefined
    if (entry.messages.some((message) => message.fatal === true)) return entry
    const {folder} = this
    if (!folder || !note.output) return undefined
    const stem = stemOf(note.output)
    const expected = suffixesOf(this.outputs, isDocument(note)).map((suffix) => stem + suffix)
    const same = expected.join() === entry.outputs.join() && expected.every((file) => folder.exists(file))
    return same ? entry : undefined
  }

  private handle(note: Note, prepared: Prepared): void {
    const own = ownMessages(prepared)
    const id = idOf(prepared)
    const checks = across(note, id, this.collisions, this.owners)
    const valid = ![...own, ...checks].some((message) => message.fatal === true)
    if (valid && id !== undefined) this.owners.set(id, note.path)
    const {folder} = this
    // Settled at once (a failed write is a message, never an unhandled rejection).
    const written = (
      folder && note.output && !this.plan.keptFiles.has(note.output)
        ? this.write(folder, stemOf(note.output), valid ? prepared : undefined)
        : Promise.resolve<string[]>([])
    ).then(
      (outputs) => ({outputs}),
      (error: unknown) => ({outputs: [], error})
    )
    // The rest waits for the files, in path order; the next notes convert meanwhile.
    this.unwritten++
    this.reported = this.reported.then(async () => {
      const {outputs, error} = (await written) as {outputs: string[]; error?: unknown}
      if (error !== undefined) {
        const target = display(path.join(folder?.root ?? '', note.output ?? ''), this.options.cwd)
        checks.push(plain('unwritable-output', `Cannot write "${target}": ${describe(error)}`))
      }
      this.finish(note, prepared, [...own, ...checks], outputs)
    })
  }

  private finish(note: Note, prepared: Prepared, messages: PlainMessage[], outputs: string[]): void {
    this.unwritten--
    const valid = !messages.some((message) => message.fatal === true)
    const id = idOf(prepared)
    const {folder} = this
    if (folder && note.output) {
      // Files an earlier run wrote for this note elsewhere (it was given another way) go.
      for (const output of this.plan.earlier.get(note.path)?.outputs ?? []) {
        if (!outputs.includes(output) && !this.plan.ours.has(output)) folder.removeSync(output)
      }
      if (prepared.kind !== 'refused') {
        // Infos (the repairs) are not kept, nor the checks across the batch: an unchanged note reports its errors and warnings.
        this.manifest.notes[note.path] = {
          sha256: prepared.sha256,
          ...prepared.stamp,
          ...(valid && id ? {id} : {}),
          outputs,
          messages: ownMessages(prepared).filter((message) => message.fatal !== undefined)
        }
      }
      if (valid && id !== undefined) this.catalog.push([id, note.output])
    }
    this.plan.earlier.delete(note.path)
    this.count(prepared, valid, messages)
    const record = valid && prepared.kind === 'converted' ? prepared.done.files?.['.json'] : undefined
    const view = prepared.kind === 'converted' ? prepared.done.report : undefined
    this.options.onNote?.({
      note,
      messages: messages.map(fromPlain),
      status: statusOf(prepared, valid),
      ...(record ? {record} : {}),
      ...(view ? {report: view} : {})
    })
  }

  private count(prepared: Prepared, valid: boolean, messages: PlainMessage[]): void {
    this.counts[statusOf(prepared, valid)]++
    this.counts.errors += messages.filter((message) => message.fatal === true).length
    this.counts.warnings += messages.filter((message) => message.fatal === false).length
  }

  /**
   * Writes a valid note's files and removes the others it may have had (an
   * invalid note keeps none); gives the files on disk then.
   */
  private async write(folder: OutputFolder, stem: string, prepared: Prepared | undefined): Promise<string[]> {
    if (!prepared || prepared.kind === 'refused') {
      await Promise.all(allSuffixes.map((suffix) => folder.remove(stem + suffix)))
      return []
    }
    if (prepared.kind === 'unchanged') return prepared.entry.outputs
    const files = prepared.done.files ?? {}
    const written: string[] = []
    for (const suffix of allSuffixes) {
      const content = files[suffix]
      if (content === undefined) {
        await folder.remove(stem + suffix)
        continue
      }
      this.wrote = true
      await folder.write(stem + suffix, content)
      written.push(stem + suffix)
    }
    return written
  }

  /** The manifest of what is on disk now: notes handled, and the earlier entries of those not yet. */
  private current(complete: boolean): Manifest {
    const notes = {...Object.fromEntries(this.plan.earlier), ...this.manifest.notes}
    return {...this.manifest, complete, notes}
  }

  /** A checkpoint on the way: if it cannot be written, the one at the end says so. */
  private tryCheckpoint(): void {
    try {
      this.folder?.checkpoint(this.current(false))
    } catch {}
  }

  /**
   * The manifest and the batch files, each written only when it differs
   * from what the last run left: a run that changes nothing rewrites
   * nothing. A stopped run writes a manifest of what is on disk, and no
   * batch file.
   */
  private end(): string | undefined {
    const {folder} = this
    if (!folder) return undefined
    const manifest = this.current(!this.interrupted)
    const {previous} = this
    const emitted = {
      files: this.outputs.batch.flatMap((emitter) => emitter.files),
      options: this.outputs.options
    }
    if (!this.interrupted) manifest.emitted = emitted
    else if (previous?.emitted) manifest.emitted = previous.emitted
    try {
      if (!previous || serializeManifest(previous) !== serializeManifest(manifest))
        folder.checkpoint(manifest)
      if (!this.interrupted) this.counts.records = this.writeBatchFiles(folder)
      return undefined
    } catch (error) {
      this.tryCheckpoint()
      const names = [manifestName, ...(this.interrupted ? [] : emitted.files)]
      const shown = names.map((name) => display(path.join(folder.root, name), this.options.cwd))
      return `Cannot write "${shown.join('" and "')}": ${describe(error)}`
    }
  }

  /** The batch emitters' files whose records or options changed, and the stale ones removed; the number of records. */
  private writeBatchFiles(folder: OutputFolder): number {
    const {previous, catalog} = this
    const {batch, options} = this.outputs
    const before = previous?.emitted ?? {files: previous ? [feedName] : [], options: noOptions}
    const files = batch.flatMap((emitter) => emitter.files)
    for (const file of before.files.filter((file) => !files.includes(file))) folder.removeSync(file)
    const same =
      previous?.complete === true &&
      !this.wrote &&
      JSON.stringify(before.options) === JSON.stringify(options) &&
      sameCatalog(catalogOf(previous), catalog)
    const stale = batch.filter(
      (emitter) => !same || !emitter.files.every((file) => before.files.includes(file) && folder.exists(file))
    )
    return stale.length > 0
      ? writeBatch(folder, {...this.outputs, batch: stale}, recordsOf(folder, catalog))
      : catalog.length
  }
}

function settled(prepared: Prepared): Promise<Prepared> {
  return Promise.resolve(prepared)
}

function ownMessages(prepared: Prepared): PlainMessage[] {
  if (prepared.kind === 'refused') return [prepared.message]
  return prepared.kind === 'unchanged' ? prepared.entry.messages : prepared.done.messages
}

function idOf(prepared: Prepared): string | undefined {
  if (prepared.kind === 'refused') return undefined
  return (prepared.kind === 'unchanged' ? prepared.entry : prepared.done).id
}

function statusOf(prepared: Prepared, valid: boolean): Status {
  if (prepared.kind === 'refused')
    return prepared.message.ruleId === 'unreadable-file' ? 'unreadable' : 'invalid'
  return valid ? prepared.kind : 'invalid'
}

/** Where a note's files go: its record file (`output`) without `.json`. */
function stemOf(output: string): string {
  return output.replace(/\.json$/, '')
}

/** Every file a note may have, whatever this run writes. */
function possibleFiles(note: Note): string[] {
  const {output} = note
  return output ? allSuffixes.map((suffix) => stemOf(output) + suffix) : []
}

/** The files of this run's batch emitters, which no note's file may replace. */
function batchFiles(outputs: Outputs): Record<string, string> {
  return Object.fromEntries(
    outputs.batch.flatMap((emitter) => emitter.files.map((file) => [file, `${emitter.name} output`]))
  )
}

function isDocument(note: Note): boolean {
  return formatOf(note.path) !== undefined
}
