/**
 * The pool of threads: each holds the note it converts and the next; a
 * thread stopped on its note gives the next one back, and a thread answers
 * its notes in the order they were sent, a PDF (read asynchronously)
 * included.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {Pool} from '../src/pool.js'
import type {Task} from '../src/worker.js'
import {workspace} from './helpers.js'
import {renderPdf} from './render/pdf.js'

const built = new URL('../dist/worker.js', import.meta.url)
const sample = readFileSync(new URL('fixtures/sample/input/000_8cd83aa58013035f.txt', import.meta.url))

/** A task of the bytes `bytes` at `path`, converted and sent back, not written. */
function task(notePath: string, bytes: Uint8Array = new Uint8Array()): Task {
  return {path: notePath, bytes, config: {}, files: ['.json']}
}

describe('Pool', () => {
  it('gives the note a stopped thread held next to a new thread', {timeout: 60_000}, async () => {
    // Answers each note at once with its path and the thread's id, except
    // "hangs", which never ends.
    const worker = path.join(workspace(), 'echo.mjs')
    writeFileSync(
      worker,
      `import {parentPort, threadId} from 'node:worker_threads'
let last = Promise.resolve()
parentPort.on('message', (task) => {
  last = last.then(async () => {
    if (task.path === 'hangs') await new Promise(() => {})
    parentPort.postMessage({messages: [], id: task.path + '@' + threadId})
  })
})
parentPort.postMessage('ready')
`
    )
    const pool = new Pool(new URL(`file://${worker}`), 1)
    try {
      const done = await Promise.all([
        pool.run(task('a'), 20_000),
        pool.run(task('hangs'), 300),
        pool.run(task('b'), 20_000),
        pool.run(task('c'), 20_000)
      ])
      const [a, hangs, b, c] = done.map((result) => result.id?.split('@'))
      expect([a?.[0], hangs, b?.[0], c?.[0], done[1]?.messages.map((message) => message.ruleId)]).toEqual([
        'a',
        undefined,
        'b',
        'c',
        ['conversion-timeout']
      ])
      // "b" was held by the thread that was stopped: a new thread converted it.
      expect([b?.[1] === a?.[1], c?.[1] === b?.[1]]).toEqual([false, true])
    } finally {
      await pool.destroy()
    }
  })

  it('answers in the order the notes were sent: a PDF, then a text note', {timeout: 60_000}, async () => {
    const pdf = await renderPdf(sample.toString('utf8'))
    const pool = new Pool(built, 1)
    try {
      const done = await Promise.all([
        pool.run(task('note.pdf', pdf), 30_000),
        pool.run(task('note.txt', sample), 30_000),
        pool.run(task('again.pdf', pdf), 30_000)
      ])
      const records = done.map((result) => JSON.parse(result.files?.['.json'] ?? '{}').source?.path)
      expect(records).toEqual(['note.pdf', 'note.txt', 'again.pdf'])
    } finally {
      await pool.destroy()
    }
  })
})
