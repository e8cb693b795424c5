/**
 * The batch at scale, through the built command line: threads, incremental
 * runs, interruption by signals and by SIGKILL, globs, progress. Each corpus
 * is as small as its point allows, and nothing waits on the clock: a run to
 * interrupt is held by tests/hold.cjs until the test has sent its signal.
 */
import {type ChildProcess, spawn, spawnSync} from 'node:child_process'
import {once} from 'node:events'
import {existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {afterEach, describe, expect, it} from 'vitest'
import {progress} from '../src/progress.js'
import {corpusWorkspace} from './helpers.js'

const bin = path.join(import.meta.dirname, '../dist/cli.js')
const hold = path.join(import.meta.dirname, 'hold.cjs')
/** For the tests that run the command line: a hang, never a busy machine, fails them. */
const spawning = {timeout: 300_000}

function infonote(cwd: string, ...argv: string[]): {code: number | null; stderr: string} {
  const {status, stderr} = spawnSync(bin, argv, {cwd, encoding: 'utf8'})
  return {code: status, stderr}
}

/** Every file below `folder`, relative to it, with its content. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const absolute = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(absolute)
      else files[path.relative(folder, absolute)] = readFileSync(absolute, 'utf8')
    }
  }
  walk(folder)
  return files
}

const summary = (stderr: string) =>
  (stderr.trim().split('\n').at(-1) ?? '').replace(/ in \d+\.\d s;/, ' in 0.0 s;')

/** The records a conversion of `cwd`'s notes writes, relative to the output folder. */
function recordsOf(cwd: string): string[] {
  return readdirSync(path.join(cwd, 'notes/000'))
    .map((name) => `000/${name.replace(/\.\w+$/, '.json')}`)
    .sort()
}

describe('threads', () => {
  // Every template once, and enough notes for the thread pool (16).
  it('give byte-identical output to one thread', spawning, () => {
    const cwd = corpusWorkspace(24)
    const one = infonote(cwd, 'convert', 'notes', '--out', 'one', '--jobs', '1', '--verbose')
    const two = infonote(cwd, 'convert', 'notes', '--out', 'two', '--jobs', '2', '--verbose')
    expect(two.code).toBe(one.code)
    expect(two.stderr.replace(/two\//g, 'one/').replace(/ in \d+\.\d s;/, '')).toBe(
      one.stderr.replace(/ in \d+\.\d s;/, '')
    )
    expect(snapshot(path.join(cwd, 'two'))).toEqual(snapshot(path.join(cwd, 'one')))
    expect(Object.keys(snapshot(path.join(cwd, 'one'))).sort()).toEqual([
      '.infonote-manifest.json',
      ...recordsOf(cwd),
      'records.jsonl'
    ])
  })
})

describe('incremental runs', () => {
  it('skip unchanged notes, convert changed ones, and remove the outputs of deleted ones', spawning, () => {
    const cwd = corpusWorkspace(6)
    const out = path.join(cwd, 'output')
    expect(summary(infonote(cwd, 'convert', 'notes').stderr)).toBe(
      '6 notes: 6 converted, 0 invalid (0 errors, 1 warning) in 0.0 s; output/records.jsonl holds 6 records'
    )
    const first = snapshot(out)
    expect(summary(infonote(cwd, 'convert', 'notes').stderr)).toBe(
      '6 notes: 0 converted, 6 unchanged, 0 invalid (0 errors, 1 warning) in 0.0 s; output/records.jsonl holds 6 records'
    )
    expect(snapshot(out)).toEqual(first)

    const changed = path.join(cwd, 'notes/000/note-00003.md')
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('Session 4:', 'Meeting 4:'))
    unlinkSync(path.join(cwd, 'notes/000/note-00004.txt'))
    const third = infonote(cwd, 'convert', 'notes')
    expect(third.stderr).toContain('infonote: removed output/000/note-00004.json: its note is gone\n')
    expect(summary(third.stderr)).toBe(
      '5 notes: 1 converted, 4 unchanged, 0 invalid (0 errors, 1 warning) in 0.0 s; output/records.jsonl holds 5 records'
    )
    expect(existsSync(path.join(out, '000/note-00004.json'))).toBe(false)

    const manifest = JSON.parse(readFileSync(path.join(out, '.infonote-manifest.json'), 'utf8'))
    expect(Object.keys(manifest.notes)).toEqual([
      'notes/000/note-00000.md',
      'notes/000/note-00001.txt',
      'notes/000/note-00002.md',
      'notes/000/note-00003.md',
      'notes/000/note-00005.md'
    ])
    expect(manifest.notes['notes/000/note-00003.md'].outputs).toEqual(['000/note-00003.json'])
    expect(manifest.tool).toMatch(/^infonote \d+\.\d+\.\d+/)

    expect(summary(infonote(cwd, 'convert', 'notes', '--force').stderr)).toBe(
      '5 notes: 5 converted, 0 invalid (0 errors, 1 warning) in 0.0 s; output/records.jsonl holds 5 records'
    )
  })

  it('never remove the outputs of notes outside what was converted', spawning, () => {
    const cwd = corpusWorkspace(3)
    infonote(cwd, 'convert', 'notes')
    expect(summary(infonote(cwd, 'convert', 'notes/000/note-00001.txt', '--force').stderr)).toBe(
      '1 note: 1 converted, 0 invalid (0 errors, 0 warnings) in 0.0 s; output/records.jsonl holds 3 records'
    )
    // The file lands directly in the output folder; the folder's outputs stay.
    expect(readdirSync(path.join(cwd, 'output')).sort()).toEqual([
      '.infonote-manifest.json',
      '000',
      'note-00001.json',
      'records.jsonl'
    ])
    // Its earlier output in the folder goes, as the run converted it alone.
    expect(readdirSync(path.join(cwd, 'output/000')).sort()).toEqual(['note-00000.json', 'note-00002.json'])
  })
})

describe('interruption', () => {
  const running: ChildProcess[] = []
  afterEach(() => {
    // A test that failed leaves no held run behind.
    for (const child of running.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
  })

  /**
   * Starts converting `cwd`'s notes on `jobs` threads with the `at`-th record
   * held before its rename (see hold.cjs), and waits until it is: the run is
   * going. Gives the held temporary file, and how to stop the run.
   */
  async function holding(cwd: string, at: number, jobs: number) {
    const marker = path.join(cwd, 'held')
    const child = spawn(
      process.execPath,
      ['--require', hold, bin, 'convert', 'notes', '--jobs', String(jobs)],
      {
        cwd,
        env: {...process.env, INFONOTE_HOLD_AT: String(at), INFONOTE_HOLD_MARKER: marker},
        stdio: ['ignore', 'ignore', 'pipe']
      }
    )
    running.push(child)
    let stderr = ''
    child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      stderr += text
    })
    const closed = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>
    // No deadline: the test's timeout is the one.
    while (!existsSync(marker) && child.exitCode === null && child.signalCode === null) await sleep(10)
    expect({exitCode: child.exitCode, signalCode: child.signalCode}, stderr).toEqual({
      exitCode: null,
      signalCode: null
    })
    const temporary = path.relative(path.join(cwd, 'output'), readFileSync(marker, 'utf8'))
    const record = temporary.replace(/(\.json)\.[^/]*$/, '$1')
    // The hold took: the record is written beside its place, and not yet in it.
    // (Other notes are still being written: only this file is looked at while the run goes on.)
    expect([temporary.endsWith('.tmp'), existsSync(path.join(cwd, 'output', temporary))]).toEqual([
      true,
      true
    ])
    expect(existsSync(path.join(cwd, 'output', record))).toBe(false)
    const stop = async (signal: NodeJS.Signals) => {
      child.kill(signal)
      const [code, by] = await closed
      return {code: code ?? (by === 'SIGKILL' ? 137 : null), stderr}
    }
    return {temporary, record, stop}
  }

  /** Output files other than the manifest and the feed, and whether every one is whole JSON. */
  function outputs(cwd: string): {records: string[]; temporary: string[]; whole: boolean} {
    const files = Object.entries(snapshot(path.join(cwd, 'output')))
    const records = files.filter(([name]) => name.endsWith('.json') && !name.startsWith('.'))
    const whole = records.every(([, text]) => {
      try {
        JSON.parse(text)
        return true
      } catch {
        return false
      }
    })
    return {
      records: records.map(([name]) => name).sort(),
      temporary: files.map(([name]) => name).filter((name) => name.endsWith('.tmp')),
      whole
    }
  }

  /** The record files the manifest lists. */
  function listed(cwd: string): string[] {
    const manifest = JSON.parse(readFileSync(path.join(cwd, 'output/.infonote-manifest.json'), 'utf8'))
    return Object.values(manifest.notes as Record<string, {outputs: string[]}>)
      .flatMap((entry) => entry.outputs)
      .sort()
  }

  // On two threads, the batch converts at most 8 notes ahead of the one it
  // waits for: with the first record held, a run of more notes is still
  // converting when the signal comes.
  const notes = 72

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143]
  ] as const)(
    '%s exits %i, leaves whole files and a manifest of exactly them',
    spawning,
    async (signal, code) => {
      const cwd = corpusWorkspace(notes)
      const run = await holding(cwd, 1, 2)
      const stopped = await run.stop(signal)
      expect([stopped.code, stopped.stderr.trim().split('\n').at(-1)]).toEqual([
        code,
        `infonote: stopped by ${signal}; what was written is complete, run again to finish`
      ])
      const {records, temporary, whole} = outputs(cwd)
      expect([temporary, whole]).toEqual([[], true])
      // The held record was finished, not dropped: the notes on their way are finished before the run stops.
      expect(records).toContain(run.record)
      expect(listed(cwd)).toEqual(records)
      expect(records.length).toBeLessThan(notes)

      const next = infonote(cwd, 'convert', 'notes')
      expect([next.code, summary(next.stderr)]).toEqual([
        0,
        `${notes} notes: ${notes - records.length} converted, ${records.length} unchanged, 0 invalid (0 errors, 12 warnings) in 0.0 s; output/records.jsonl holds ${notes} records`
      ])
      expect(outputs(cwd).records).toEqual(recordsOf(cwd))
    }
  )

  it('after SIGKILL leaves no partial file, and the next run completes the set', spawning, async () => {
    const cwd = corpusWorkspace(8)
    // In-process: the held rename holds the whole run.
    const run = await holding(cwd, 3, 1)
    expect((await run.stop('SIGKILL')).code).toBe(137)
    const killed = outputs(cwd)
    expect([
      killed.temporary.includes(run.temporary),
      killed.records.includes(run.record),
      killed.whole
    ]).toEqual([true, false, true])

    expect(infonote(cwd, 'convert', 'notes').code).toBe(0)
    const after = outputs(cwd)
    expect([after.records, after.temporary, after.whole]).toEqual([recordsOf(cwd), [], true])
    expect(listed(cwd)).toEqual(after.records)
    // The feed: each record on one line, in id order.
    const records = after.records
      .map((name) => JSON.parse(readFileSync(path.join(cwd, 'output', name), 'utf8')))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((record) => JSON.stringify(record))
    expect(readFileSync(path.join(cwd, 'output/records.jsonl'), 'utf8')).toBe(`${records.join('\n')}\n`)
  })
})

describe('discovery', () => {
  it('expands globs the shell left alone', spawning, () => {
    const cwd = corpusWorkspace(3)
    expect(summary(infonote(cwd, 'validate', 'notes/*/note-0000[12].*').stderr)).toBe(
      '2 notes checked: 2 valid, 0 invalid (0 errors, 0 warnings)'
    )
    expect(infonote(cwd, 'validate', 'nowhere/*.md').stderr).toBe(
      'infonote: No notes match "nowhere/*.md"\nRun "infonote --help" for usage.\n'
    )
  })
})

describe('progress', () => {
  it('draws count, bar, rate and time left, ten times a second at most, and clears itself', () => {
    const writes: string[] = []
    let now = 0
    const bar = progress(
      (text) => writes.push(text),
      () => now
    )
    now = 1000
    bar.update(10, 40)
    now = 1050
    bar.update(11, 40)
    now = 2000
    bar.update(20, 40)
    bar.stop()
    expect(writes).toEqual([
      '\r\u001B[K██████░░░░░░░░░░░░░░░░░░ 10/40 notes · 10/s · 3 s left',
      '\r\u001B[K████████████░░░░░░░░░░░░ 20/40 notes · 10/s · 2 s left',
      '\r\u001B[K'
    ])
    expect(statSync(bin).isFile()).toBe(true)
  })
})
