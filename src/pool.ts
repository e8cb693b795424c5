/**
 * Worker threads that convert notes, one note at a time each. A thread
 * holds the note it converts and, once every thread has one, the next: it
 * starts that one as soon as it is done, without waiting for the main
 * thread. A thread that has to be stopped costs only the note it converts:
 * a note that takes longer than its time limit, runs out of memory or
 * crashes its thread gets the matching error; the note it held next goes
 * back to the queue, and a new thread takes the queue.
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

/** The notes a thread holds: the one it converts, and the next. */
const held = 2

interface Thread {
  worker: Worker
  /** It has loaded and said so: a note's time starts only then, not while a busy machine loads it. */
  ready: boolean
  /** Its notes, in the order sent: it converts the first, and answers in that order. */
  jobs: Job[]
  /** The time limit of the first. */
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
    for (let thread = this.threadFor(); thread; thread = this.threadFor()) {
      const job = this.queue.shift() as Job
      thread.jobs.push(job)
      if (thread.jobs.length === 1) this.time(thread)
      thread.worker.postMessage(job.task)
    }
  }

  /**
   * The thread for the next note that waits: a ready one without a note;
   * else, once no more threads are needed on their way, one with room for
   * its next note; else none (threads are started for the notes that wait).
   */
  private threadFor(): Thread | undefined {
    if (this.queue.length === 0) return undefined
    const idle = this.threads.find((thread) => thread.ready && thread.jobs.length === 0)
    if (idle) return idle
    const starting = this.threads.filter((thread) => !thread.ready).length
    const more = Math.min(this.queue.length - starting, this.size - this.threads.length)
    for (let started = 0; started < more; started++) this.start()
    if (starting + more > 0) return undefined
    return this.threads.find((thread) => thread.ready && thread.jobs.length < held)
  }

  /** Starts the time limit of the note `thread` converts. */
  private time(thread: Thread): void {
    const job = thread.jobs[0]
    if (job) thread.timer = setTimeout(() => this.stop(thread, timedOut(job.timeoutMs)), job.timeoutMs)
  }

  private start(): void {
    const thread: Thread = {
      worker: new Worker(this.filename, {
        workerData: {infonote: true},
        resourceLimits: {maxOldGenerationSizeMb: threadMemoryMb, maxYoungGenerationSizeMb: youngMemoryMb}
      }),
      ready: false,
      jobs: []
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
    clearTimeout(thread.timer)
    const job = thread.jobs.shift()
    // The thread started its next note as it answered.
    this.time(thread)
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
    const [job, ...next] = thread.jobs
    this.queue.unshift(...next)
    // A thread that dies before it is ready (it cannot load) fails a waiting note, so the queue ends.
    const failing = job ?? (thread.ready ? undefined : this.queue.shift())
    failing?.resolve({messages: [message]})
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
