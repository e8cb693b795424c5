/**
 * Many notes at once. Notes are converted on a pool of worker threads (or
 * in-process), and handled one by one in path order, so that the output does
 * not depend on the number of threads: the checks across the batch
 * (`output-collision`, `duplicate-id`: the path that sorts first keeps an
 * id), the output files, the manifest. Only ids and output paths are kept;
 * the feed is written at the end from the files (emit/jsonl.ts). A re-run
 * skips the notes the manifest describes as unchanged. One bad note never
 * stops the batch.
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
import {type Catalog, catalogOf, sameCatalog, writeBatchFiles} from './batch/catalog.js'
import type {Settings} from './config.js'
import {configured} from './control.js'
import {Converter} from './convert-note.js'
import type {Note} from './discover.js'
import {feedName, jsonl} from './emit/jsonl.js'
import {tooLarge} from './limits.js'
import {type Lock, LockedError, lock, lockName} from './lock.js'
import {
  type Entry,
  type Manifest,
  manifestName,
  readManifest,
  serializeManifest,
  stamp,
  writeManifest
} from './manifest.js'
import {fromPlain, type PlainMessage, plain} from './message.js'
import {OutputFolder} from './output-folder.js'
import {describe, display} from './paths.js'
import {formatOf} from './read.js'
import {isTransient} from './rules.js'
import type {Done, Task} from './worker.js'

/** Fewer notes to convert than this are converted in-process: threads would start for nothing. */
const poolThreshold = 16
/** How many notes may wait for their files before converting waits too. */
const maxUnwritten = 64
/** At least this often (ms), the batch lets signals and progress through. */
const yieldEvery = 100
/** infonote's own files in an output folder: no note's output may replace one. */
const ownFiles: Record<string, string> = {
  [manifestName]: 'manifest',
  [feedName]: 'feed',
  [lockName]: 'lock file'
}

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
  /** Write the Markdown rebuilt from each PDF or Word note beside its record (`<stem>.md`). */
  keepText?: boolean
  /** Folders searched in this run (absolute): outputs of notes gone from them are removed. */
  walked?: readonly string[]
  signal?: AbortSignal
  /** The compiled worker module for the threads (by default dist/worker.js). */
  worker?: URL
  /** Notes between two writes of the manifest on the way (default 500), so that a killed run loses little. */
  checkpointEvery?: number
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
  private readonly previous: Manifest | undefined
  /** The previous manifest, when its entries may be trusted to skip notes. */
  private readonly trusted: Manifest | undefined
  private readonly manifest: Manifest
  /** Id and output of every record the feed holds. */
  private readonly feed: Catalog = []
  /** Which note keeps each id. */
  private readonly owners = new Map<string, string>()
  /** Files the notes of this run write. */
  private readonly ours: Set<string>
  /** Files of notes converted on their own in earlier runs, with their note. */
  private readonly kept = new Map<string, string>()
  /** Earlier entries of the notes of this run not handled yet. */
  private readonly waiting: Map<string, Entry>
  private readonly collisions: Map<string, string>
  private readonly converter: Converter
  /** Where the files go; none for `validate`. */
  private readonly folder: OutputFolder | undefined
  private readonly aborted: Promise<undefined>
  /** Notes handled, finished in path order once their files are written. */
  private reported = Promise.resolve()
  private unwritten = 0
  /** A record file was written: the feed is written again. */
  private wrote = false
  private interrupted = false

  constructor(
    private readonly notes: readonly Note[],
    private readonly options: BatchOptions
  ) {
    const {out, settings} = options
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
    this.folder = out ? new OutputFolder(out) : undefined
    this.previous = out ? this.readPrevious(out) : undefined
    const current = stamp(settings.config)
    const same = (key: keyof typeof current) => this.previous?.[key] === current[key]
    this.trusted =
      !options.force && same('tool') && same('schema') && same('config') ? this.previous : undefined
    this.manifest = {...current, complete: false, notes: {}}
    this.ours = new Set(
      notes.flatMap((note) =>
        note.output ? [note.output, ...sides.map((side) => side.of(note.output ?? ''))] : []
      )
    )
    const inRun = new Set(notes.map((note) => note.path))
    this.waiting = new Map(Object.entries(this.previous?.notes ?? {}).filter(([file]) => inRun.has(file)))
    this.settleEarlier(inRun)
    this.folder?.removeTemporaries()
    this.collisions = collide(notes, this.kept)
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
    // A signal after the last note still stops the run before its feed.
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
   * searched now lose their outputs (unless a note of this run writes them);
   * the others (converted on their own) stay as they are.
   */
  private settleEarlier(inRun: ReadonlySet<string>): void {
    const {folder} = this
    const {cwd} = this.options
    const walked = (this.options.walked ?? []).map((given) => display(given, cwd))
    for (const [notePath, entry] of Object.entries(this.previous?.notes ?? {})) {
      if (inRun.has(notePath)) continue
      if (folder && walked.some((given) => isUnder(notePath, given))) {
        for (const output of entry.outputs.filter((file) => !this.ours.has(file))) {
          folder.removeSync(output)
          this.removed.push(display(folder.path(output), cwd))
        }
        continue
      }
      this.manifest.notes[notePath] = entry
      for (const output of entry.outputs) this.kept.set(output, notePath)
      if (entry.id && entry.outputs[0]) {
        this.owners.set(entry.id, notePath)
        this.feed.push([entry.id, entry.outputs[0]])
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
      sourceMap: this.options.sourceMap === true,
      keepText: this.options.keepText === true
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
    const output = note.output
    if (!folder || !output) return undefined
    const expected = [
      output,
      ...sides
        .filter((side) => side.applies(note) && side.wanted(this.options))
        .map((side) => side.of(output))
    ]
    const same = expected.join() === entry.outputs.join() && expected.every((output) => folder.exists(output))
    return same ? entry : undefined
  }

  private handle(note: Note, prepared: Prepared): void {
    const own = ownMessages(prepared)
    const id =
      prepared.kind === 'refused'
        ? undefined
        : (prepared.kind === 'unchanged' ? prepared.entry : prepared.done).id
    const across = this.across(note, id)
    const valid = ![...own, ...across].some((message) => message.fatal === true)
    if (valid && id !== undefined) this.owners.set(id, note.path)
    const {folder} = this
    // Settled at once (a failed write is a message, never an unhandled rejection).
    const written = (
      folder && note.output && !this.kept.has(note.output)
        ? this.write(folder, note, note.output, valid ? prepared : undefined)
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
        across.push(plain('unwritable-output', `Cannot write "${target}": ${describe(error)}`))
      }
      this.finish(note, prepared, id, own, across, outputs)
    })
  }

  /** The checks across the batch: one note per output file, one note per id. */
  private across(note: Note, id: string | undefined): PlainMessage[] {
    const others = this.collisions.get(note.path)
    if (others) {
      return [
        plain(
          'output-collision',
          `Output "${note.output}" is also the output of ${others}, expected one note per output file`
        )
      ]
    }
    const owner = id === undefined ? undefined : this.owners.get(id)
    if (id !== undefined && owner !== undefined && owner !== note.path) {
      return [plain('duplicate-id', `Duplicate id "${id}", already used by "${owner}"`)]
    }
    return []
  }

  private finish(
    note: Note,
    prepared: Prepared,
    id: string | undefined,
    own: PlainMessage[],
    across: PlainMessage[],
    outputs: string[]
  ): void {
    this.unwritten--
    const messages = [...own, ...across]
    const valid = !messages.some((message) => message.fatal === true)
    const {folder} = this
    if (folder && note.output) {
      // Files an earlier run wrote for this note elsewhere (it was given another way) go.
      for (const output of this.waiting.get(note.path)?.outputs ?? []) {
        if (!outputs.includes(output) && !this.ours.has(output)) folder.removeSync(output)
      }
      if (prepared.kind !== 'refused') {
        // Infos (the repairs) are not kept: an unchanged note reports its errors and warnings.
        this.manifest.notes[note.path] = {
          sha256: prepared.sha256,
          ...prepared.stamp,
          ...(valid && id ? {id} : {}),
          outputs,
          messages: own.filter((message) => message.fatal !== undefined)
        }
      }
      if (valid && id !== undefined) this.feed.push([id, note.output])
    }
    this.waiting.delete(note.path)
    const status: Status =
      prepared.kind === 'refused'
        ? prepared.message.ruleId === 'unreadable-file'
          ? 'unreadable'
          : 'invalid'
        : !valid
          ? 'invalid'
          : prepared.kind
    this.counts[status]++
    this.counts.errors += messages.filter((message) => message.fatal === true).length
    this.counts.warnings += messages.filter((message) => message.fatal === false).length
    const record = valid && prepared.kind === 'converted' ? prepared.done.record : undefined
    this.options.onNote?.({note, messages: messages.map(fromPlain), status, ...(record ? {record} : {})})
  }

  /** Writes a valid note's files (or removes an invalid one's); the outputs on disk then. */
  private async write(
    folder: OutputFolder,
    note: Note,
    output: string,
    prepared: Prepared | undefined
  ): Promise<string[]> {
    const own = sides.filter((side) => side.applies(note))
    const files = [output, ...own.map((side) => side.of(output))]
    if (!prepared || prepared.kind === 'refused') {
      await Promise.all(files.map((file) => folder.remove(file)))
      return []
    }
    if (prepared.kind === 'unchanged') return prepared.entry.outputs
    const {done} = prepared
    if (done.record === undefined) return []
    this.wrote = true
    await folder.write(output, done.record)
    const written = [output]
    for (const side of own) {
      const content = side.content(done)
      const file = side.of(output)
      if (content === undefined) {
        await folder.remove(file)
        continue
      }
      await folder.write(file, content)
      written.push(file)
    }
    return written
  }

  /** The manifest of what is on disk now: notes handled, and the earlier entries of those not yet. */
  private current(complete: boolean): Manifest {
    return {...this.manifest, complete, notes: {...Object.fromEntries(this.waiting), ...this.manifest.notes}}
  }

  /** A checkpoint on the way: if it cannot be written, the one at the end says so. */
  private tryCheckpoint(): void {
    try {
      if (this.options.out) writeManifest(this.options.out, this.current(false))
    } catch {}
  }

  /**
   * The manifest and the feed, each written only when it differs from what
   * the last run left: a run that changes nothing rewrites neither. A stopped
   * run writes a manifest of what is on disk, and no feed.
   */
  private end(): string | undefined {
    const {folder} = this
    const {cwd} = this.options
    if (!folder) return undefined
    const out = folder.root
    const manifest = this.current(!this.interrupted)
    const previous = this.previous
    const feedKept =
      previous?.complete === true &&
      !this.wrote &&
      sameCatalog(catalogOf(previous), this.feed) &&
      folder.exists(feedName)
    try {
      if (!previous || serializeManifest(previous) !== serializeManifest(manifest))
        writeManifest(out, manifest)
      if (!this.interrupted)
        this.counts.records = feedKept
          ? this.feed.length
          : writeBatchFiles(folder, [jsonl], this.feed, {sourceMap: false, keepText: false, csvBom: false})
      return undefined
    } catch (error) {
      this.tryCheckpoint()
      const files = this.interrupted ? [manifestName] : [manifestName, feedName]
      return `Cannot write "${files.map((name) => display(path.join(out, name), cwd)).join('" and "')}": ${describe(error)}`
    }
  }
}

function settled(prepared: Prepared): Promise<Prepared> {
  return Promise.resolve(prepared)
}

function ownMessages(prepared: Prepared): PlainMessage[] {
  if (prepared.kind === 'refused') return [prepared.message]
  return prepared.kind === 'unchanged' ? prepared.entry.messages : prepared.done.messages
}

/**
 * Notes whose files would be written over another's, each with the others
 * named: two notes of the run, a note converted on its own earlier, or one of
 * infonote's own files.
 */
function collide(notes: readonly Note[], kept: ReadonlyMap<string, string>): Map<string, string> {
  // A note's source map (`a.map.json`) is a file too: it may be another note's record.
  const byOutput = new Map<string, Note[]>()
  for (const note of notes) {
    for (const output of note.output ? [note.output, sourceMapOf(note.output)] : []) {
      byOutput.set(output, [...(byOutput.get(output) ?? []), note])
    }
  }
  const collisions = new Map<string, string>()
  for (const [output, group] of byOutput) {
    const owner = kept.get(output)
    const own = ownFiles[output]
    if (owner || own) {
      for (const note of group) collisions.set(note.path, own ? `infonote's ${own}` : `"${owner}"`)
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

function sourceMapOf(output: string): string {
  return output.replace(/\.json$/, '.map.json')
}

/** The files a note may write beside its record (`a.json`): when, and what they hold. */
const sides: {
  of(output: string): string
  /** Whether a note can have this file: a text note has no rebuilt text. */
  applies(note: Note): boolean
  wanted(options: BatchOptions): boolean
  content(done: Done): string | undefined
}[] = [
  {
    of: sourceMapOf,
    applies: () => true,
    wanted: (options) => options.sourceMap === true,
    content: (done) => done.map
  },
  {
    of: (output) => output.replace(/\.json$/, '.md'),
    applies: (note) => formatOf(note.path) !== undefined,
    wanted: (options) => options.keepText === true,
    content: (done) => done.text
  }
]

function isUnder(notePath: string, folder: string): boolean {
  return folder === '' || notePath.startsWith(`${folder}/`)
}
