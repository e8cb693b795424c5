/**
 * A small pool of worker threads running `worker.js`: each task goes to the
 * thread with the fewest waiting, results come back by task number. A thread
 * that crashes fails its tasks and is started again for the next ones.
 * (tinypool measured the heap after every task, which cost more than it saved.)
 */
import {Worker} from 'node:worker_threads'
import type {Done, Task} from './worker.js'

interface Thread {
  worker: Worker
  waiting: Map<number, {resolve(done: Done): void; reject(error: Error): void}>
  /** It crashed: a new one starts when it is next given a task. */
  dead: boolean
}

export class Pool {
  private readonly threads: Thread[]
  private next = 0

  constructor(
    private readonly filename: URL,
    size: number
  ) {
    this.threads = Array.from({length: size}, () => this.start())
  }

  run(task: Task): Promise<Done> {
    let index = 0
    for (const [candidate, thread] of this.threads.entries()) {
      if (thread.waiting.size < (this.threads[index] as Thread).waiting.size) index = candidate
    }
    if ((this.threads[index] as Thread).dead) this.threads[index] = this.start()
    const thread = this.threads[index] as Thread
    const id = this.next++
    return new Promise((resolve, reject) => {
      thread.waiting.set(id, {resolve, reject})
      thread.worker.postMessage({id, task})
    })
  }

  async destroy(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()))
  }

  private start(): Thread {
    const thread: Thread = {
      // A small old generation makes a thread collect sooner rather than grow: memory stays flat.
      worker: new Worker(this.filename, {
        workerData: {infonote: true},
        resourceLimits: {maxOldGenerationSizeMb: 128}
      }),
      waiting: new Map(),
      dead: false
    }
    thread.worker.on('message', ({id, done, error}: {id: number; done?: Done; error?: string}) => {
      const task = thread.waiting.get(id)
      thread.waiting.delete(id)
      if (done) task?.resolve(done)
      else task?.reject(new Error(error))
    })
    thread.worker.on('error', (error) => {
      thread.dead = true
      for (const task of thread.waiting.values()) task.reject(error)
      thread.waiting.clear()
    })
    return thread
  }
}
