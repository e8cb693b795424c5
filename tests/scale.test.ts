/**
 * The batch at scale, through the built command line: threads, incremental
 * runs, interruption by signals and by SIGKILL, globs, progress.
 */
import {type ChildProcess, spawn, spawnSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {progress} from '../src/progress.js'
import {corpusWorkspace} from './helpers.js'

const bin = path.join(import.meta.dirname, '../dist/cli.js')
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

describe('threads', () => {
  it('give byte-identical output to one thread', () => {
    const cwd = corpusWorkspace(60)
    const one = infonote(cwd, 'convert', 'notes', '--out', 'one', '--jobs', '1', '--verbose')
    const two = infonote(cwd, 'convert', 'notes', '--out', 'two', '--jobs', '2', '--verbose')
    expect(two.code).toBe(one.code)
    expect(two.stderr.replace(/two\//g, 'one/').replace(/ in \d+\.\d s;/, '')).toBe(
      one.stderr.replace(/ in \d+\.\d s;/, '')
    )
    expect(snapshot(path.join(cwd, 'two'))).toEqual(snapshot(path.join(cwd, 'one')))
    expect(Object.keys(snapshot(path.join(cwd, 'one')))).toHaveLength(60 + 2)
  })
})

describe('incremental runs', () => {
  it('skip unchanged notes, convert changed ones, and remove the outputs of deleted ones', () => {
    const cwd = corpusWorkspace(20)
    const out = path.join(cwd, 'output')
    expect(summary(infonote(cwd, 'convert', 'notes').stderr)).toBe(
      '20 notes: 20 converted, 0 invalid (0 errors, 3 warnings) in 0.0 s; output/records.jsonl holds 20 records'
    )
    const first = snapshot(out)
    expect(summary(infonote(cwd, 'convert', 'notes').stderr)).toBe(
      '20 notes: 0 converted, 20 unchanged, 0 invalid (0 errors, 3 warnings) in 0.0 s; output/records.jsonl holds 20 records'
    )
    expect(snapshot(out)).toEqual(first)

    const changed = path.join(cwd, 'notes/000/note-00003.md')
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('Session 4:', 'Meeting 4:'))
    unlinkSync(path.join(cwd, 'notes/000/note-00004.txt'))
    const third = infonote(cwd, 'convert', 'notes')
    expect(third.stderr).toContain('infonote: removed output/000/note-00004.json: its note is gone\n')
    expect(summary(third.stderr)).toBe(
      '19 notes: 1 converted, 18 unchanged, 0 invalid (0 errors, 3 warnings) in 0.0 s; output/records.jsonl holds 19 records'
    )
    expect(existsSync(path.join(out, '000/note-00004.json'))).toBe(false)

    const manifest = JSON.parse(readFileSync(path.join(out, '.infonote-manifest.json'), 'utf8'))
    expect(Object.keys(manifest.notes)).toHaveLength(19)
    expect(manifest.notes['notes/000/note-00003.md'].outputs).toEqual(['000/note-00003.json'])
    expect(manifest.tool).toMatch(/^infonote \d+\.\d+\.\d+/)

    expect(summary(infonote(cwd, 'convert', 'notes', '--force').stderr)).toBe(
      '19 notes: 19 converted, 0 invalid (0 errors, 3 warnings) in 0.0 s; output/records.jsonl holds 19 records'
    )
  })

  it('never remove the outputs of notes outside what was converted', () => {
    const cwd = corpusWorkspace(5)
    infonote(cwd, 'convert', 'notes')
    expect(summary(infonote(cwd, 'convert', 'notes/000/note-00001.txt', '--force').stderr)).toBe(
      '1 note: 1 converted, 0 invalid (0 errors, 0 warnings) in 0.0 s; output/records.jsonl holds 5 records'
    )
    // The file lands directly in the output folder; the folder's outputs stay.
    expect(readdirSync(path.join(cwd, 'output')).sort()).toEqual([
      '.infonote-manifest.json',
      '000',
      'note-00001.json',
      'records.jsonl'
    ])
    expect(readdirSync(path.join(cwd, 'output/000'))).toHaveLength(4)
  })
})

describe('interruption', () => {
  /** Starts a conversion of `cwd`'s notes and stops it once `after` records are written. */
  async function stop(cwd: string, signal: NodeJS.Signals, after: number): Promise<number | null> {
    const child: ChildProcess = spawn(bin, ['convert', 'notes', '--jobs', '1'], {cwd, stdio: 'ignore'})
    const out = path.join(cwd, 'output/000')
    while (!existsSync(out) || readdirSync(out).filter((name) => name.endsWith('.json')).length < after) {
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    child.kill(signal)
    return new Promise((resolve) =>
      child.on('exit', (code, by) => resolve(code ?? (by === 'SIGKILL' ? 137 : null)))
    )
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
      records: records.map(([name]) => name),
      temporary: files.map(([name]) => name).filter((name) => name.endsWith('.tmp')),
      whole
    }
  }

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143]
  ] as const)('%s exits %i, leaves whole files and a manifest of exactly them', async (signal, code) => {
    const cwd = corpusWorkspace(700)
    expect(await stop(cwd, signal, 30)).toBe(code)
    const {records, temporary, whole} = outputs(cwd)
    expect([temporary, whole]).toEqual([[], true])
    const manifest = JSON.parse(readFileSync(path.join(cwd, 'output/.infonote-manifest.json'), 'utf8'))
    const listed = Object.values(manifest.notes as Record<string, {outputs: string[]}>).flatMap(
      (entry) => entry.outputs
    )
    expect(listed.sort()).toEqual(records.sort())
    expect(records.length).toBeLessThan(700)
    expect(summary(infonote(cwd, 'convert', 'notes').stderr)).toMatch(
      new RegExp(`^700 notes: ${700 - records.length} converted, ${records.length} unchanged, 0 invalid`)
    )
  })

  it('after SIGKILL leaves no partial file, and the next run completes the set', async () => {
    const cwd = corpusWorkspace(700)
    expect(await stop(cwd, 'SIGKILL', 50)).toBe(137)
    expect(outputs(cwd).whole).toBe(true)
    expect(infonote(cwd, 'convert', 'notes').code).toBe(0)
    const after = outputs(cwd)
    expect([after.records.length, after.temporary, after.whole]).toEqual([700, [], true])
    expect(readFileSync(path.join(cwd, 'output/records.jsonl'), 'utf8').trim().split('\n')).toHaveLength(700)
  })
})

describe('discovery', () => {
  it('expands globs the shell left alone', () => {
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
