/**
 * Where a note of a batch is converted. On threads (one with `--jobs 1`),
 * when there are enough notes to pay for starting them: each reads,
 * converts and writes its notes whole (worker.ts), while the main thread
 * only hands out paths and keeps the results. Otherwise in-process, which
 * starts at once: the note is read, converted and written here. In-process
 * conversion is bounded too: a note larger than `inProcessBytes` (whose
 * memory could grow past a thread's), or one still converting after `slice`
 * ms, moves to a thread, where the time limit and the memory limit can stop
 * it. So the main thread is never busy for long, and signals are answered
 * at once.
 */
import {existsSync} from 'node:fs'
import {createContext, Script} from 'node:vm'
import {readSource} from './batch/note-io.js'
import type {Settings} from './config.js'
import {Pool, timedOut} from './pool.js'
import {formatOf} from './read.js'
import {type BytesTask, convertNote, type Done, placed, type Task, unread} from './worker.js'

/** Largest note converted in-process: its worst case fits in a thread's memory (see `threadMemoryMb`). */
export const inProcessBytes = 64 * 1024
/** Longest an in-process conversion may hold the main thread before it moves to a thread. */
export const slice = 500

export interface ConverterOptions {
  settings: Settings
  /** Threads to convert on: 0 converts in-process. */
  threads: number
  /** The compiled worker module. */
  worker?: URL
}

export class Converter {
  private pool: Pool | undefined
  private readonly size: number
  private readonly context = createContext({})
  private readonly script = new Script('convert()')
  private readonly worker: URL

  constructor(private readonly options: ConverterOptions) {
    this.worker = options.worker ?? compiledWorker()
    this.size = Math.max(1, options.threads)
  }

  /** Runs `task`; never rejects: a note that is stopped gets an error message. */
  convert(task: Task): Promise<Done> {
    const {timeoutMs, maxBytes} = this.options.settings.limits
    if (this.options.threads > 0) return this.onThread(task, timeoutMs)
    const read = readSource(task, maxBytes)
    if (!('bytes' in read)) return Promise.resolve(unread(read))
    // Given the bytes read, a thread does not read them again.
    const given: BytesTask = {...task, bytes: read.bytes, stamp: read.stamp}
    // A PDF or Word file is read asynchronously: only a thread's time limit can stop it.
    if (read.bytes.byteLength > inProcessBytes || formatOf(task.path, read.bytes))
      return this.onThread(given, timeoutMs)
    const done = this.inProcess(given, Math.min(slice, timeoutMs))
    if (done) return Promise.resolve(placed(task, {sha256: read.sha256, ...read.stamp}, done))
    // Started again on a thread, with the whole time limit: at most `slice` more in all.
    return timeoutMs > slice
      ? this.onThread(given, timeoutMs)
      : Promise.resolve({messages: [timedOut(timeoutMs)]})
  }

  destroy(): Promise<void> {
    return this.pool?.destroy() ?? Promise.resolve()
  }

  /** The conversion, or nothing when it took longer than `timeout` ms and was stopped. */
  private inProcess(task: BytesTask, timeout: number): Done | undefined {
    this.context.convert = () => convertNote(task, this.options.settings)
    try {
      return this.script.runInContext(this.context, {timeout}) as Done
    } catch (error) {
      if ((error as {code?: string}).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return undefined
      throw error
    } finally {
      this.context.convert = undefined
    }
  }

  private onThread(task: Task, timeoutMs: number): Promise<Done> {
    this.pool ??= new Pool(this.worker, this.size)
    return this.pool.run(task, timeoutMs)
  }
}

/**
 * The worker module: beside this one when built (dist/), or the built one
 * when running from the TypeScript sources (tests, after `npm run build`).
 */
function compiledWorker(): URL {
  const beside = new URL('./worker.js', import.meta.url)
  return existsSync(beside) ? beside : new URL('../dist/worker.js', import.meta.url)
}
