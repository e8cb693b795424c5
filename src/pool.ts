/**
 * Worker threads that convert notes, one note at a time each, so that a
 * thread that has to be stopped costs only the note it holds: a note that
 * takes longer than its time limit, runs out of memory or crashes its
 * thread gets the matching error, and a new thread takes the next notes.
 * (tinypool measured the heap after every task, which cost more than it saved.)
 */
import {Worker} from 'node:worker_threads'
import {type PlainMessage, plain} from './message.js'
import type {Done, Task} from './worker.js'

/** The old generation of a thread: enough for any note small enough to be converted in-process. */
export const threadMemoryMb = 256
/**
 * The young generation of a thread. A note's garbage is short-lived, so a
 * smaller one collects as fast; left to grow, each thread's took about 30 MB
 * more of the run's peak memory for no measurable gain (npm run bench).
 */
const youngMemoryMb = 16

interface Job {
  task: Task
  timeoutMs: number
  resolve(done: Done): void
}

interface Thread {
  worker: Worker
  /** It has loaded and said so: a note's time starts only then, not while a busy machine loads it. */
  ready: boolean
  job?: Job
  timer?: NodeJS.Timeout
}

export class Pool {
  private readonly threads: Thread[] = []
  private readonly queue: Job[] = []

  constructor(
    private readonly filename: URL,
    private readonly size: number
  ) {}

  /** Converts `task` on a thread; never rejects: whatever stops it is a message on the note. */
  run(task: Task, timeoutMs: number): Promise<Done> {
    return new Promise((resolve) => {
      this.queue.push({task, timeoutMs, resolve})
      this.dispatch()
    })
  }

  async destroy(): Promise<void> {
    this.queue.length = 0
    const threads = this.threads.splice(0)
    for (const thread of threads) clearTimeout(thread.timer)
    await Promise.all(threads.map((thread) => thread.worker.terminate()))
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const thread = this.threads.find((candidate) => candidate.ready && !candidate.job)
      if (!thread) {
        // Enough threads on their way for the notes that wait.
        const starting = this.threads.filter((candidate) => !candidate.ready).length
        const more = Math.min(this.queue.length - starting, this.size - this.threads.length)
        for (let started = 0; started < more; started++) this.start()
        return
      }
      const job = this.queue.shift() as Job
      thread.job = job
      thread.timer = setTimeout(() => this.stop(thread, timedOut(job.timeoutMs)), job.timeoutMs)
      thread.worker.postMessage(job.task)
    }
  }

  private start(): void {
    const thread: Thread = {
      worker: new Worker(this.filename, {
        workerData: {infonote: true},
        resourceLimits: {maxOldGenerationSizeMb: threadMemoryMb, maxYoungGenerationSizeMb: youngMemoryMb}
      }),
      ready: false
    }
    thread.worker.on('message', (done: Done | 'ready') => {
      if (done !== 'ready') return this.settle(thread, done)
      thread.ready = true
      this.dispatch()
    })
    thread.worker.on('error', (error: Error & {code?: string}) => this.stop(thread, failed(error)))
    // A thread that ends without an error (terminated elsewhere) fails its note too.
    thread.worker.on('exit', () => this.stop(thread, failed(new Error('the worker thread exited'))))
    this.threads.push(thread)
  }

  private settle(thread: Thread, done: Done): void {
    const job = thread.job
    clearTimeout(thread.timer)
    delete thread.job
    job?.resolve(done)
    this.dispatch()
  }

  /** Ends `thread`, fails its note with `message`, and lets a new thread take the queue. */
  private stop(thread: Thread, message: PlainMessage): void {
    const index = this.threads.indexOf(thread)
    if (index === -1) return
    this.threads.splice(index, 1)
    clearTimeout(thread.timer)
    thread.worker.removeAllListeners()
    thread.worker.on('error', () => undefined)
    void thread.worker.terminate()
    // A thread that dies before it is ready (it cannot load) fails a waiting note, so the queue ends.
    const job = thread.job ?? (thread.ready ? undefined : this.queue.shift())
    job?.resolve({messages: [message]})
    this.dispatch()
  }
}

export function timedOut(timeoutMs: number): PlainMessage {
  return plain(
    'conversion-timeout',
    `Stopped converting this note after ${seconds(timeoutMs)} ("timeoutMs" in the configuration), expected a note that converts in well under a second`
  )
}

function failed(error: Error & {code?: string}): PlainMessage {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return plain(
      'conversion-out-of-memory',
      `Stopped converting this note when it needed more than ${threadMemoryMb} MB of memory, expected a note of ordinary size`
    )
  }
  return plain('internal-error', `Cannot convert this note: ${String(error)}; please report this bug`)
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`
}
