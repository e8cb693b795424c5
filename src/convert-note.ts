/**
 * Where a note of a batch is converted. On threads, when there are enough
 * notes to pay for starting them; otherwise in-process, which starts at
 * once. In-process conversion is bounded too: a note larger than
 * `inProcessBytes` (whose memory could grow past a thread's), or one
 * still converting after `slice` ms, moves to a thread, where the time
 * limit and the memory limit can stop it. So the main thread is never
 * busy for long, and signals are answered at once.
 */
import {existsSync} from 'node:fs'
import {createContext, Script} from 'node:vm'
import type {Settings} from './config.js'
import {Pool, timedOut} from './pool.js'
import {formatOf} from './read.js'
import {convertNote, type Done, type Task} from './worker.js'

/** Largest note converted in-process: its worst case fits in a thread's memory (see `threadMemoryMb`). */
export const inProcessBytes = 64 * 1024
/** Longest an in-process conversion may hold the main thread before it moves to a thread. */
export const slice = 500

export interface ConverterOptions {
  settings: Settings
  /** Threads to convert on: fewer than 2 converts in-process. */
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

  /** Converts `task`; never rejects: a note that is stopped gets an error message. */
  convert(task: Task): Promise<Done> {
    const {timeoutMs} = this.options.settings.limits
    // A PDF or Word file is read asynchronously: only a thread's time limit can stop it.
    if (this.options.threads > 1 || task.bytes.byteLength > inProcessBytes || formatOf(task.path, task.bytes))
      return this.onThread(task, timeoutMs)
    const done = this.inProcess(task, Math.min(slice, timeoutMs))
    if (done) return Promise.resolve(done)
    // Started again on a thread, with the whole time limit: at most `slice` more in all.
    return timeoutMs > slice
      ? this.onThread(task, timeoutMs)
      : Promise.resolve({messages: [timedOut(timeoutMs)]})
  }

  destroy(): Promise<void> {
    return this.pool?.destroy() ?? Promise.resolve()
  }

  /** The conversion, or nothing when it took longer than `timeout` ms and was stopped. */
  private inProcess(task: Task, timeout: number): Done | undefined {
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
