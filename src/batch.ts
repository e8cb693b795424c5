/**
 * Many notes at once: a plan (batch/plan.ts), then each note read,
 * converted and its files written where it is converted, on a pool of
 * worker threads or in-process (batch/note-io.ts; what is written is the
 * emitters' business, emit/); then, one by one in path order so that
 * nothing depends on the number of threads, the checks across the batch
 * (batch/checks.ts), which may take a note's files away again, and its
 * manifest entry. Only ids and file names are kept, and the batch files
 * (the feed, the CSV tables) are written at the end from the record files
 * (batch/catalog.ts). A re-run skips the notes the manifest describes as
 * unchanged. One bad note never stops the batch.
 *
 * One run at a time writes to an output folder (see lock.ts), and every
 * file it writes, reads back or removes goes through output-folder.ts,
 * which checks that it lies inside.
 */
import {mkdirSync} from 'node:fs'
import path from 'node:path'
import {setTimeout as sleep, setImmediate as tick} from 'node:timers/promises'
import type {VFileMessage} from 'vfile-message'
import {type Catalog, catalogOf, recordFileOf, recordsOf, sameCatalog} from './batch/catalog.js'
import {across, type Collisions, collide} from './batch/checks.js'
import {type Stamp, sameStamp, sha256Of} from './batch/note-io.js'
import {type Plan, plan} from './batch/plan.js'
import type {Settings} from './config.js'
import {configured} from './control.js'
import {Converter} from './convert-note.js'
import type {Note} from './discover.js'
import {allSuffixes, noOptions, type Outputs, outputsOf, suffixesOf, writeBatch} from './emit/emitters.js'
import {feedName} from './emit/jsonl.js'
import {type Lock, LockedError, lock} from './lock.js'
import {type Entry, type Manifest, manifestName, readManifest, serializeManifest, stamp} from './manifest.js'
import {fromPlain, type PlainMessage, plain} from './message.js'
import {OutputFolder} from './output-folder.js'
import {describe, display} from './paths.js'
import {formatOf} from './read.js'
import type {NoteView} from './report/note.js'
import {isTransient} from './rules.js'
import type {Done, Task} from './worker.js'

/** Fewer notes than this are converted in-process: threads would start for nothing. */
const poolThreshold = 16
/** How long (ms) the notes on their way get to finish when a signal stops the run. */
const stopGrace = 500
/** At least this often (ms), the batch lets signals and progress through. */
const yieldEvery = 100

export interface BatchOptions {
  cwd: string
  settings: Settings
  /** Threads to convert on (a batch of fewer than 16 notes converts in-process). */
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

type Prepared =
  | {kind: 'refused'; messages: PlainMessage[]}
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
  /** Threads converting the notes; none converts them in-process. */
  private readonly threads: number
  private readonly converter: Converter
  /** Where the files go; none for `validate`. */
  private readonly folder: OutputFolder | undefined
  /** A note's file was written: the batch files are written again. */
  private wrote = false
  private interrupted = false
  /** A note's entry differs from the last run's manifest, or an output of it was removed. */
  private changed = false
  /** The SHA-256 of the manifest the folder holds, serialized (the text itself is megabytes in a large batch). */
  private written: string | undefined

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
    this.written = this.previous && sha256Of(serializeManifest(this.previous))
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
    this.threads = notes.length >= poolThreshold ? Math.max(1, options.jobs) : 0
    this.converter = new Converter({
      settings,
      threads: this.threads,
      ...(options.worker ? {worker: options.worker} : {})
    })
  }

  async run(): Promise<Outcome> {
    try {
      await this.loop()
    } finally {
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
      this.changed = true
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
    // A few notes ahead for each thread, so that none waits for the main thread.
    const window = this.threads > 0 ? this.threads * 4 : 1
    const pending = new Map<number, Promise<Prepared>>()
    const checkpointEvery = this.options.checkpointEvery ?? 500
    let yielded = performance.now()
    for (let index = 0, dispatched = 0; index < notes.length; index++) {
      if (this.options.signal?.aborted) break
      for (; dispatched < notes.length && dispatched < index + window; dispatched++) {
        pending.set(dispatched, this.prepare(notes[dispatched] as Note))
      }
      // A signal stops the loop at once, even while a note converts on a thread.
      const prepared = await this.unlessStopped(pending.get(index) as Promise<Prepared>)
      if (!prepared) break
      pending.delete(index)
      this.handle(notes[index] as Note, prepared)
      this.options.onProgress?.(index + 1, notes.length)
      if (index % checkpointEvery === checkpointEvery - 1) this.tryCheckpoint()
      if (performance.now() - yielded >= yieldEvery) {
        await tick()
        yielded = performance.now()
      }
    }
    if (pending.size > 0) await this.settleStarted(pending)
  }

  /**
   * `prepared`, or nothing once a signal comes. (Racing each note against one
   * promise of the signal would keep every note's result alive until the end.)
   */
  private unlessStopped(prepared: Promise<Prepared>): Promise<Prepared | undefined> {
    const {signal} = this.options
    if (!signal) return prepared
    return new Promise((resolve) => {
      const stop = () => resolve(undefined)
      signal.addEventListener('abort', stop, {once: true})
      void prepared.then((value) => {
        signal.removeEventListener('abort', stop)
        resolve(value)
      })
    })
  }

  /**
   * Stopped by a signal: no note starts, and those on their way get a moment
   * to finish (their threads may be writing their files). Those that do not
   * are stopped with their threads, and what they may have left goes: their
   * temporary files, and files the manifest does not list.
   */
  private async settleStarted(pending: Map<number, Promise<Prepared>>): Promise<void> {
    const deadline = sleep(stopGrace, undefined, {ref: false})
    for (const [index, started] of pending) {
      const prepared = await Promise.race([started, deadline])
      if (!prepared) break
      pending.delete(index)
      this.handle(this.notes[index] as Note, prepared)
    }
    if (pending.size === 0) return
    await this.converter.destroy()
    const {folder} = this
    folder?.removeTemporaries()
    for (const index of pending.keys()) {
      const note = this.notes[index] as Note
      if (!folder || !this.target(note)) continue
      const listed = this.plan.earlier.get(note.path)?.outputs ?? []
      for (const file of possibleFiles(note)) if (!listed.includes(file)) folder.removeSync(file)
    }
  }

  private prepare(note: Note): Promise<Prepared> {
    if (note.unreadable)
      return settled({kind: 'refused', messages: [plain('unreadable-file', note.unreadable)]})
    const fresh = this.fresh(note)
    if (fresh && !note.bytes && sameStamp(note.absolute, fresh)) {
      const {sha256, size, mtime} = fresh
      return settled({kind: 'unchanged', sha256, stamp: {size, mtime}, entry: fresh})
    }
    const write = this.target(note)
    const task: Task = {
      path: note.path,
      ...(note.bytes
        ? {bytes: note.bytes}
        : {file: note.absolute, ...(fresh ? {known: {sha256: fresh.sha256}} : {})}),
      config: this.options.settings.config,
      files: suffixesOf(this.outputs, isDocument(note)),
      ...(write ? {write} : {}),
      ...(this.options.report ? {report: true as const} : {})
    }
    return this.converter.convert(task).then((done) => preparedOf(done, fresh))
  }

  /** Where the note's files are written as it is converted: nowhere when they would replace another's. */
  private target(note: Note): Task['write'] {
    const {folder} = this
    if (!folder || !note.output || this.plan.keptFiles.has(note.output) || this.collisions.has(note.path))
      return undefined
    return {root: folder.root, stem: stemOf(note.output)}
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
    const {outputs, error} = this.settle(note, prepared, valid)
    if (error !== undefined) {
      const target = display(path.join(this.folder?.root ?? '', note.output ?? ''), this.options.cwd)
      checks.push(plain('unwritable-output', `Cannot write "${target}": ${error}`))
    }
    this.finish(note, prepared, [...own, ...checks], outputs)
  }

  /**
   * The files a note has on disk now. Its conversion wrote a valid note's
   * files and removed the others; here an invalid note (the checks across
   * the batch may make it so) loses what it has.
   */
  private settle(note: Note, prepared: Prepared, valid: boolean): {outputs: string[]; error?: string} {
    const {folder} = this
    if (!folder || !note.output || this.plan.keptFiles.has(note.output)) return {outputs: []}
    if (valid && prepared.kind === 'unchanged') return {outputs: prepared.entry.outputs}
    const done = prepared.kind === 'converted' ? prepared.done : undefined
    try {
      if (valid) {
        if (done?.outputs?.length) this.wrote = true
        return done?.writeError === undefined
          ? {outputs: done?.outputs ?? []}
          : {outputs: [], error: done.writeError}
      }
      const stem = stemOf(note.output)
      for (const file of done?.outputs ?? allSuffixes.map((suffix) => stem + suffix)) folder.removeSync(file)
      return {outputs: []}
    } catch (error) {
      return {outputs: [], error: describe(error)}
    }
  }

  /** Sets the manifest entry of a note (none when it was refused), noting whether it differs from the last run's. */
  private enter(notePath: string, entry: Entry | undefined): void {
    if (entry) this.manifest.notes[notePath] = entry
    if (JSON.stringify(entry) !== JSON.stringify(this.previous?.notes[notePath])) this.changed = true
  }

  private finish(note: Note, prepared: Prepared, messages: PlainMessage[], outputs: string[]): void {
    const valid = !messages.some((message) => message.fatal === true)
    const id = idOf(prepared)
    const {folder} = this
    if (folder && note.output) {
      // Files an earlier run wrote for this note elsewhere (it was given another way) go.
      for (const output of this.plan.earlier.get(note.path)?.outputs ?? []) {
        if (!outputs.includes(output) && !this.plan.ours.has(output)) folder.removeSync(output)
      }
      // Infos (the repairs) are not kept, nor the checks across the batch: an unchanged note reports its errors and warnings.
      this.enter(
        note.path,
        prepared.kind === 'refused'
          ? undefined
          : {
              sha256: prepared.sha256,
              ...prepared.stamp,
              ...(valid && id ? {id} : {}),
              outputs,
              messages: ownMessages(prepared).filter((message) => message.fatal !== undefined)
            }
      )
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

  /** The manifest of what is on disk now: notes handled, and the earlier entries of those not yet. */
  private current(complete: boolean): Manifest {
    const notes = {...Object.fromEntries(this.plan.earlier), ...this.manifest.notes}
    return {...this.manifest, complete, notes}
  }

  /**
   * A checkpoint on the way, once a note's entry changed (until then, the
   * folder's manifest still says what it holds); if it cannot be written,
   * the one at the end says so.
   */
  private tryCheckpoint(): void {
    if (!this.changed) return
    try {
      this.checkpoint(this.current(false))
    } catch {}
  }

  /** Writes `manifest`, unless the folder holds it already (a run that changes nothing rewrites nothing). */
  private checkpoint(manifest: Manifest): void {
    const text = serializeManifest(manifest)
    const hash = sha256Of(text)
    if (hash === this.written) return
    this.folder?.checkpoint(text)
    this.written = hash
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
      this.checkpoint(manifest)
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

/** What the conversion of a note gives the batch; `fresh`: what the manifest knew of it. */
function preparedOf(done: Done, fresh: Entry | undefined): Prepared {
  const {read} = done
  // Not read, or stopped (a time or memory limit, a crash) before it said what it read.
  if (!read) return {kind: 'refused', messages: done.messages}
  const stamp = {size: read.size, mtime: read.mtime}
  if (done.unchanged && fresh) return {kind: 'unchanged', sha256: read.sha256, stamp, entry: fresh}
  return {kind: 'converted', sha256: read.sha256, stamp, done}
}

function settled(prepared: Prepared): Promise<Prepared> {
  return Promise.resolve(prepared)
}

function ownMessages(prepared: Prepared): PlainMessage[] {
  if (prepared.kind === 'refused') return prepared.messages
  return prepared.kind === 'unchanged' ? prepared.entry.messages : prepared.done.messages
}

function idOf(prepared: Prepared): string | undefined {
  if (prepared.kind === 'refused') return undefined
  return (prepared.kind === 'unchanged' ? prepared.entry : prepared.done).id
}

function statusOf(prepared: Prepared, valid: boolean): Status {
  if (prepared.kind === 'refused')
    return prepared.messages[0]?.ruleId === 'unreadable-file' ? 'unreadable' : 'invalid'
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
