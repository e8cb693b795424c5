/**
 * Input that cannot hurt: a tampered or broken manifest, notes named like
 * infonote's own files, two runs into one folder, no-op runs, a thread that
 * dies, signals while a note converts.
 */
import {spawn, spawnSync} from 'node:child_process'
import {once} from 'node:events'
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {hostname} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runBatch} from '../src/batch.js'
import {settingsFrom} from '../src/config.js'
import {discover} from '../src/discover.js'
import {LockedError, lock} from '../src/lock.js'
import type {Entry, Manifest} from '../src/manifest.js'
import {corpusWorkspace, runCli, workspace} from './helpers.js'

const bin = path.join(import.meta.dirname, '../dist/cli.js')
const sample = readFileSync(path.join(import.meta.dirname, '../input/000_8cd83aa58013035f.txt'), 'utf8')
const manifestFile = 'output/.infonote-manifest.json'

async function infonote(cwd: string, ...argv: string[]) {
  const result = await runCli(cwd, argv)
  return {...result, stderr: result.stderr.replace(/ in \d+\.\d s;/g, ' in 0.0 s;')}
}

function manifest(cwd: string) {
  return JSON.parse(readFileSync(path.join(cwd, manifestFile), 'utf8'))
}

function feedIds(cwd: string): string[] {
  return readFileSync(path.join(cwd, 'output/records.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line).id)
}

describe('a tampered manifest', () => {
  it.each([
    [
      'a note of its own',
      (found: Manifest) => ({...found, notes: {...found.notes, 'notes/gone.md': entry(['../victim.txt'])}})
    ],
    [
      'a real note',
      (found: Manifest) => {
        found.notes['notes/a.md']?.outputs.push('../victim.txt')
        return found
      }
    ],
    [
      'another tool version',
      (found: Manifest) => ({
        ...found,
        tool: 'infonote 9.9.9',
        notes: {...found.notes, 'notes/gone.md': entry(['../victim.txt'])}
      })
    ],
    [
      'an absolute path',
      (found: Manifest) => ({...found, notes: {...found.notes, 'notes/gone.md': entry(['/tmp/victim.json'])}})
    ]
  ])(
    'naming a file outside the output folder (%s) is ignored, with a warning, and rebuilt',
    async (_, tamper) => {
      const cwd = workspace({
        'notes/a.md': sample,
        'victim.txt': 'keep me',
        'secret.json': '{"id": "secret"}'
      })
      expect((await infonote(cwd, 'convert', 'notes')).code).toBe(0)
      writeFileSync(path.join(cwd, manifestFile), JSON.stringify(tamper(manifest(cwd)), null, 2))
      const {code, stderr} = await infonote(cwd, 'convert', 'notes', '--force')
      expect(code).toBe(0)
      expect(stderr.split('\n')[0]).toMatch(
        /^output\/\.infonote-manifest\.json:\d+:\d+: warning Ignored the manifest: it lists "(\.\.\/victim\.txt|\/tmp\/victim\.json)", which is not a file infonote writes inside the output folder, expected a manifest written by infonote; it is rebuilt from this run \[invalid-manifest\]$/
      )
      expect(readFileSync(path.join(cwd, 'victim.txt'), 'utf8')).toBe('keep me')
      expect(Object.keys(manifest(cwd).notes)).toEqual(['notes/a.md'])
      expect(feedIds(cwd)).toEqual([
        '2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council'
      ])
      // Rebuilt: the next run has nothing to say about it.
      expect((await infonote(cwd, 'convert', 'notes')).stderr).toBe(
        '1 note: 0 converted, 1 unchanged, 0 invalid (0 errors, 0 warnings) in 0.0 s; output/records.jsonl holds 1 record\n'
      )
    }
  )

  it('never copies a file outside the folder into the feed', async () => {
    const cwd = workspace({'notes/a.md': sample, 'secret.json': '{"id": "secret"}'})
    await infonote(cwd, 'convert', 'notes')
    const found = manifest(cwd)
    found.notes['elsewhere/b.md'] = {...entry(['../secret.json']), id: 'secret'}
    const text = JSON.stringify(found)
    writeFileSync(path.join(cwd, manifestFile), text)
    // On one line, at the listed file (its column moves with the note's modification time).
    const column = text.indexOf('"../secret.json"') + 1
    const {code, stderr} = await infonote(cwd, 'convert', 'notes/a.md')
    expect([code, stderr.split('\n')[0]]).toEqual([
      0,
      `output/.infonote-manifest.json:1:${column}: warning Ignored the manifest: it lists "../secret.json", which is not a file infonote writes inside the output folder, expected a manifest written by infonote; it is rebuilt from this run [invalid-manifest]`
    ])
    expect(readFileSync(path.join(cwd, 'output/records.jsonl'), 'utf8')).not.toContain('secret')
  })

  it.each([
    [
      'an entry of the wrong shape',
      '{"tool": "x", "schema": "y", "config": "z", "complete": true, "notes": {"notes/a.md": {"sha256": "0"}}}',
      "1:87: warning Ignored the manifest: notes.notes/a.md must have required property 'size'"
    ],
    ['not JSON', '{"notes": ', '1:11: warning Ignored the manifest: it is not JSON (value expected)'],
    ['an array', '[]', '1:1: warning Ignored the manifest: (root) must be object']
  ])('of %s is rebuilt with a warning, and every later run works', async (_, text, warning) => {
    const cwd = workspace({'notes/a.md': sample, [manifestFile]: text})
    const first = await infonote(cwd, 'convert', 'notes')
    expect([first.code, first.stderr.split('\n')[0]]).toEqual([
      0,
      `output/.infonote-manifest.json:${warning}, expected a manifest written by infonote; it is rebuilt from this run [invalid-manifest]`
    ])
    expect(await infonote(cwd, 'convert', 'notes')).toEqual({
      code: 0,
      stdout: '',
      stderr:
        '1 note: 0 converted, 1 unchanged, 0 invalid (0 errors, 0 warnings) in 0.0 s; output/records.jsonl holds 1 record\n'
    })
  })
})

describe('a manifest that cannot be read', () => {
  it('is reported, and the notes are converted all the same', async () => {
    const cwd = workspace({'notes/a.md': sample})
    mkdirSync(path.join(cwd, manifestFile), {recursive: true})
    const {code, stderr} = await infonote(cwd, 'convert', 'notes')
    expect([code, stderr.split('\n').slice(0, 2)]).toEqual([
      1,
      [
        'output/.infonote-manifest.json:1:1: warning Ignored the manifest: it cannot be read (EISDIR: illegal operation on a directory, read), expected a manifest written by infonote; it is rebuilt from this run [invalid-manifest]',
        ''
      ]
    ])
    // Exit 1: a folder where the manifest goes cannot be replaced by it, and the run says so.
    expect(stderr).toContain(
      'infonote: Cannot write "output/.infonote-manifest.json" and "output/records.jsonl"'
    )
    expect(existsSync(path.join(cwd, 'output/a.json'))).toBe(true)
  })
})

function entry(outputs: string[]): Entry {
  return {sha256: '0'.repeat(64), size: 1, mtime: 1, outputs, messages: []}
}

describe("infonote's own files", () => {
  it("are never a note's output: a note named like the manifest is an output-collision", async () => {
    const cwd = workspace({'n/a.txt': sample, 'n/.infonote-manifest.txt': sample.replace('Andean', 'Andes')})
    const {code, stderr} = await infonote(cwd, 'convert', 'n/a.txt', 'n/.infonote-manifest.txt', '--out', 'o')
    expect([code, stderr.split('\n')[0]]).toEqual([
      1,
      'n/.infonote-manifest.txt:1:1: error Output ".infonote-manifest.json" is also the output of infonote\'s manifest, expected one note per output file [output-collision]'
    ])
    expect(JSON.parse(readFileSync(path.join(cwd, 'o/.infonote-manifest.json'), 'utf8')).tool).toMatch(
      /^infonote /
    )
    expect(readFileSync(path.join(cwd, 'o/records.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1)
  })
})

describe('two runs into one output folder', () => {
  it('refuse while the first runs, and take over the lock of one that is gone', async () => {
    const cwd = workspace({'notes/a.md': sample})
    const lock = path.join(cwd, 'output/.infonote.lock')
    mkdirSync(path.join(cwd, 'output'))
    writeFileSync(
      lock,
      JSON.stringify({pid: process.pid, host: hostname(), started: '2026-11-30T08:00:00.000Z'})
    )
    expect(await infonote(cwd, 'convert', 'notes')).toEqual({
      code: 2,
      stdout: '',
      stderr: `infonote: Cannot write to "output": another infonote run (pid ${process.pid}, started 2026-11-30T08:00:00.000Z) is writing to this folder; wait for it to end, or stop it\n`
    })
    expect(existsSync(path.join(cwd, 'output/a.json'))).toBe(false)

    // A process that has ended holds nothing.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8'
    })
    writeFileSync(
      lock,
      JSON.stringify({pid: Number(gone.stdout), host: hostname(), started: '2026-11-30T08:00:00.000Z'})
    )
    expect((await infonote(cwd, 'convert', 'notes')).code).toBe(0)
    expect(readdirSync(path.join(cwd, 'output')).sort()).toEqual([
      '.infonote-manifest.json',
      'a.json',
      'records.jsonl'
    ])
  })

  it('leave validate alone: it writes nothing', async () => {
    const cwd = workspace({
      'notes/a.md': sample,
      'output/.infonote.lock': JSON.stringify({pid: process.pid, host: hostname(), started: 'x'})
    })
    expect((await infonote(cwd, 'validate', 'notes')).code).toBe(0)
  })
})

describe('runs that change nothing', () => {
  it('rewrite neither the manifest nor the feed, with invalid notes too', async () => {
    const cwd = workspace({
      'notes/a.md': sample,
      'notes/b.md': 'Information Note\n\n- Event: Workshop\n'
    })
    expect((await infonote(cwd, 'convert', 'notes')).code).toBe(1)
    const files = ['output/.infonote-manifest.json', 'output/records.jsonl'].map((file) =>
      path.join(cwd, file)
    )
    const before = files.map((file) => [readFileSync(file, 'utf8'), statSync(file).mtimeMs])
    for (let run = 0; run < 3; run++) {
      expect((await infonote(cwd, 'convert', 'notes')).stderr.split('\n').at(-2)).toBe(
        '2 notes: 0 converted, 1 unchanged, 1 invalid (4 errors, 3 warnings) in 0.0 s; output/records.jsonl holds 1 record'
      )
      expect(files.map((file) => [readFileSync(file, 'utf8'), statSync(file).mtimeMs])).toEqual(before)
    }
    expect(manifest(cwd).complete).toBe(true)
  })
})

describe('a thread that dies', () => {
  it('fails only the note it was converting, and that note is converted again next time', async () => {
    const cwd = corpusWorkspace(16)
    const broken = path.join(cwd, 'dies-on-00003.mjs')
    // A worker that dies on one note and converts the others with the real one.
    writeFileSync(
      broken,
      `import {parentPort} from 'node:worker_threads'
import run from ${JSON.stringify(new URL('../dist/worker.js', import.meta.url).href)}
parentPort.removeAllListeners('message')
parentPort.on('message', (task) => {
  if (task.path.endsWith('00003.md')) process.exit(7)
  parentPort.postMessage(run(task))
})
`
    )
    const options = {
      cwd,
      settings: settingsFrom(),
      jobs: 2,
      out: path.join(cwd, 'output'),
      walked: [path.join(cwd, 'notes')]
    }
    const lines: string[] = []
    const first = await runBatch(discover(['notes'], cwd), {
      ...options,
      worker: new URL(`file://${broken}`),
      onNote: ({note, messages}) =>
        lines.push(...messages.filter((m) => m.fatal).map((m) => `${note.path} ${m.reason}`))
    })
    expect([first.counts.converted, first.counts.invalid, lines]).toEqual([
      15,
      1,
      [
        'notes/000/note-00003.md Cannot convert this note: Error: the worker thread exited; please report this bug'
      ]
    ])
    const second = await runBatch(discover(['notes'], cwd), options)
    expect([second.counts.converted, second.counts.unchanged, second.counts.invalid]).toEqual([1, 15, 0])
  }, 60_000)

  it('on a note too large for its memory gives the same output with --jobs 2 as with --jobs 1', async () => {
    const cwd = corpusWorkspace(16)
    // Only the memory limit stops it, however slow the machine.
    writeFileSync(path.join(cwd, 'infonote.config.json'), '{"timeoutMs": 600000}')
    writeFileSync(path.join(cwd, 'notes/000/note-00002x.md'), '- a\n'.repeat(100_000))
    const one = await infonote(cwd, 'convert', 'notes', '--out', 'one', '--jobs', '1')
    const two = await infonote(cwd, 'convert', 'notes', '--out', 'two', '--jobs', '2')
    expect(one.stderr.split('\n')[0]).toBe(
      'notes/000/note-00002x.md:1:1: error Stopped converting this note when it needed more than 256 MB of memory, expected a note of ordinary size [conversion-out-of-memory]'
    )
    expect({...two, stderr: two.stderr.replaceAll('two/', 'one/')}).toEqual(one)
    const records = (out: string) =>
      readdirSync(path.join(cwd, out, '000'))
        .sort()
        .map((name) => readFileSync(path.join(cwd, out, '000', name), 'utf8'))
    expect(records('two')).toEqual(records('one'))
    expect(readFileSync(path.join(cwd, 'two/records.jsonl'), 'utf8')).toBe(
      readFileSync(path.join(cwd, 'one/records.jsonl'), 'utf8')
    )
  })
})

describe('signals', () => {
  it('are answered while a note converts, and the summary claims no feed', async () => {
    const cwd = workspace({
      'infonote.config.json': '{"timeoutMs": 600000}',
      'notes/a.md': sample,
      // Minutes of parsing: still converting when the signal comes.
      'notes/b.md': '**_'.repeat(60_000)
    })
    const child = spawn(bin, ['convert', 'notes', '--jobs', '1'], {cwd})
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    // 'close', not 'exit': the last of stderr is read by then.
    const closed = once(child, 'close')
    while (!existsSync(path.join(cwd, 'output/a.json')))
      await new Promise((resolve) => setTimeout(resolve, 20))
    // Past the in-process slice too: the note is on a thread by then.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const signalled = performance.now()
    child.kill('SIGINT')
    expect((await closed)[0]).toBe(130)
    const took = performance.now() - signalled
    expect(stderr.replace(/ in \d+\.\d s;/, ';')).toBe(
      '2 notes: 1 converted, 0 invalid (0 errors, 0 warnings); output/records.jsonl not updated\n' +
        'infonote: stopped by SIGINT; what was written is complete, run again to finish\n'
    )
    expect(Object.keys(manifest(cwd).notes)).toEqual(['notes/a.md'])
    // At once: the note it stopped takes minutes, and the notes on their way
    // get half a second. (Ten seconds: a slow day is not a failure.)
    expect(took).toBeLessThan(10_000)
  }, 60_000)
})

describe('usage', () => {
  it('--stdin-filepath without - is an error', async () => {
    const cwd = workspace({'a.md': sample})
    expect(await infonote(cwd, 'validate', 'a.md', '--stdin-filepath', 'x.md')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'infonote: Unexpected "--stdin-filepath" without the path "-": it names the note read from standard input\nRun "infonote --help" for usage.\n'
    })
  })
})

describe('the lock', () => {
  const started = '2026-11-30T08:00:00.000Z'

  it('is held by a run on another machine, and by one that is just writing it', () => {
    const out = workspace({'.infonote.lock': JSON.stringify({pid: 1, host: 'elsewhere', started})})
    expect(() => lock(out)).toThrow(
      new LockedError(
        `another infonote run (pid 1 on elsewhere, started ${started}) is writing to this folder; wait for it to end, or stop it`
      )
    )
    writeFileSync(path.join(out, '.infonote.lock'), '')
    expect(() => lock(out)).toThrow(
      new LockedError(
        'another infonote run (starting now) is writing to this folder; wait for it to end, or stop it'
      )
    )
  })

  it('of an unreadable old file is taken over, and released by its owner only', () => {
    const out = workspace({'.infonote.lock': 'not json'})
    utimesSync(path.join(out, '.infonote.lock'), new Date(0), new Date(0))
    const held = lock(out)
    expect(JSON.parse(readFileSync(path.join(out, '.infonote.lock'), 'utf8')).pid).toBe(process.pid)
    expect(readdirSync(out)).toEqual(['.infonote.lock'])
    held.release()
    expect(readdirSync(out)).toEqual([])
  })
})

describe('a folder that cannot hold a lock', () => {
  it('is an error of the file system, not a lock held', () => {
    const out = path.join(workspace(), 'missing')
    expect(() => lock(out)).toThrow(
      /^ENOENT: no such file or directory, open '.*\/missing\/\.infonote\.lock'$/
    )
  })
})
