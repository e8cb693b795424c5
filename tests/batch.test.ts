/** The batch in-process: threads from the built worker, crashes, leftovers, the manifest. */
import {mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {type NoteResult, runBatch} from '../src/batch.js'
import {settingsFrom} from '../src/config.js'
import {discover} from '../src/discover.js'
import {readManifest} from '../src/manifest.js'
import run from '../src/worker.js'
import {corpusWorkspace, messageLines} from './helpers.js'

const built = new URL('../dist/worker.js', import.meta.url)
async function convert(cwd: string, jobs: number, worker?: URL) {
  const results: NoteResult[] = []
  const outcome = await runBatch(discover(['notes'], cwd), {
    cwd,
    settings: settingsFrom(),
    jobs,
    out: path.join(cwd, 'output'),
    walked: [path.join(cwd, 'notes')],
    onNote: (result) => results.push(result),
    ...(worker ? {worker} : {})
  })
  return {outcome, results}
}

describe('runBatch', () => {
  it('converts on threads exactly as in-process', async () => {
    const cwd = corpusWorkspace(20)
    const threads = await convert(cwd, 2, built)
    const first = readFileSync(path.join(cwd, 'output/records.jsonl'), 'utf8')
    rmSync(path.join(cwd, 'output'), {recursive: true})
    const alone = await convert(cwd, 1)
    expect(readFileSync(path.join(cwd, 'output/records.jsonl'), 'utf8')).toBe(first)
    expect(threads.results.map((result) => [result.status, messageLines(result.messages)])).toEqual(
      alone.results.map((result) => [result.status, messageLines(result.messages)])
    )
    expect(threads.outcome.counts).toEqual({...alone.outcome.counts})
  })

  it('turns a crashed thread into an internal error on the note', async () => {
    const cwd = corpusWorkspace(16)
    const broken = path.join(cwd, 'broken-worker.mjs')
    writeFileSync(
      broken,
      "import {parentPort} from 'node:worker_threads'\nparentPort.on('message', () => { throw new Error('boom') })\nparentPort.postMessage('ready')\n"
    )
    const {outcome, results} = await convert(cwd, 2, new URL(`file://${broken}`))
    expect(outcome.counts.invalid).toBe(16)
    expect(messageLines(results[0]?.messages ?? [])).toEqual([
      '1:1 error Cannot convert this note: Error: boom; please report this bug internal-error'
    ])
  })

  it('removes the temporary files of a killed run, and rebuilds a broken manifest with a warning', async () => {
    const cwd = corpusWorkspace(2)
    mkdirSync(path.join(cwd, 'output/000'), {recursive: true})
    writeFileSync(path.join(cwd, 'output/000/note-00000.json.123-abcdef01.tmp'), '{"half')
    writeFileSync(path.join(cwd, 'output/.infonote-manifest.json'), '{"notes": ')
    const {outcome} = await convert(cwd, 1)
    expect(outcome.files.map((file) => [file.path, messageLines(file.messages)])).toEqual([
      [
        'output/.infonote-manifest.json',
        [
          '1:11 warning Ignored the manifest: it is not JSON (value expected), expected a manifest written by infonote; it is rebuilt from this run invalid-manifest'
        ]
      ]
    ])
    expect([outcome.counts.converted, outcome.counts.warnings]).toEqual([2, 1])
    expect(readdirSync(path.join(cwd, 'output/000')).sort()).toEqual(['note-00000.json', 'note-00001.json'])
    expect(Object.keys(readManifest(path.join(cwd, 'output')).manifest?.notes ?? {})).toEqual([
      'notes/000/note-00000.md',
      'notes/000/note-00001.txt'
    ])
  })

  it('finds notes by glob, skipping ignored ones', () => {
    const cwd = corpusWorkspace(3)
    writeFileSync(path.join(cwd, '.infonoteignore'), '*01.txt\n')
    const settings = settingsFrom({ignore: ['*02.md']}, cwd, path.join(cwd, '.infonoteignore'))
    expect(discover(['notes/*/*'], cwd, settings).map((note) => note.path)).toEqual([
      'notes/000/note-00000.md'
    ])
  })
})

describe('the worker task', () => {
  it('builds its settings once per configuration', async () => {
    const task = {
      path: 'a.md',
      bytes: new TextEncoder().encode('Information Note'),
      config: {},
      files: []
    }
    expect((await run(task)).messages.map((message) => message.ruleId)).toEqual(
      (await run(task)).messages.map((message) => message.ruleId)
    )
    expect(
      (await run({...task, config: {rules: {'missing-title': 'off'}}})).messages.some(
        (message) => message.ruleId === 'missing-title'
      )
    ).toBe(false)
  })
})

describe('runBatch, run after run', () => {
  it('removes the outputs of deleted notes, keeps those of notes not given, and stops when asked', async () => {
    const cwd = corpusWorkspace(6)
    await convert(cwd, 1)
    rmSync(path.join(cwd, 'notes/000/note-00005.md'))
    const again = await convert(cwd, 1)
    expect([again.outcome.counts.unchanged, again.outcome.removed]).toEqual([
      5,
      ['output/000/note-00005.json']
    ])

    const one = await runBatch(discover(['notes/000/note-00000.md'], cwd), {
      cwd,
      settings: settingsFrom(),
      jobs: 1,
      out: path.join(cwd, 'output'),
      force: true
    })
    expect([one.counts.converted, one.counts.records]).toEqual([1, 5])

    const controller = new AbortController()
    const results: NoteResult[] = []
    const stopped = await runBatch(discover(['notes'], cwd), {
      cwd,
      settings: settingsFrom(),
      jobs: 1,
      out: path.join(cwd, 'output'),
      force: true,
      signal: controller.signal,
      onNote: (result) => results.push(result),
      onProgress: (done) => {
        if (done === 2) controller.abort('SIGINT')
      }
    })
    expect([stopped.interrupted, results.length]).toEqual([true, 2])
    expect(Object.keys(readManifest(path.join(cwd, 'output')).manifest?.notes ?? {})).toHaveLength(5)
  })
})

describe('runBatch, long runs', () => {
  it('checkpoints the manifest on the way, and reports a record it cannot write', async () => {
    const cwd = corpusWorkspace(7)
    const out = path.join(cwd, 'output')
    // A folder where a record should go: writing its temporary file works, renaming it does not.
    mkdirSync(path.join(out, '000/note-00005.json/x'), {recursive: true})
    const seen: [number, boolean | undefined][] = []
    const results: NoteResult[] = []
    const outcome = await runBatch(discover(['notes'], cwd), {
      cwd,
      settings: settingsFrom(),
      jobs: 1,
      out,
      checkpointEvery: 3,
      onNote: (result) => {
        results.push(result)
        const {manifest} = readManifest(out)
        seen.push([Object.keys(manifest?.notes ?? {}).length, manifest?.complete])
      }
    })
    // Notes are finished after the checkpoint that follows them: 3 entries are on disk from the 4th on.
    expect(seen).toEqual([
      [0, undefined],
      [0, undefined],
      [0, undefined],
      [3, false],
      [3, false],
      [3, false],
      [6, false]
    ])
    expect([outcome.counts.converted, outcome.counts.invalid]).toEqual([6, 1])
    expect(messageLines(results[5]?.messages ?? []).filter((line) => line.includes('error'))).toEqual([
      expect.stringMatching(
        /^1:1 error Cannot write "output\/000\/note-00005\.json": E(ISDIR|NOTEMPTY|EXIST)\b.* unwritable-output$/
      )
    ])
    expect(readdirSync(path.join(out, '000')).filter((name) => name.endsWith('.tmp'))).toEqual([])
    expect(readManifest(out).manifest?.complete).toBe(true)
    expect(Object.keys(readManifest(out).manifest?.notes ?? {})).toHaveLength(7)
  })

  it('rewrites nothing, checkpoints included, when nothing changed', async () => {
    const cwd = corpusWorkspace(7)
    const out = path.join(cwd, 'output')
    const options = {cwd, settings: settingsFrom(), jobs: 1, out, checkpointEvery: 3}
    await runBatch(discover(['notes'], cwd), options)
    const snapshot = () =>
      readdirSync(out, {recursive: true, withFileTypes: true})
        .filter((entry) => entry.isFile())
        .map((entry) => {
          const file = path.join(entry.parentPath, entry.name)
          return [path.relative(out, file), statSync(file).mtimeMs, readFileSync(file, 'utf8')]
        })
        .sort()
    const before = snapshot()
    const again = await runBatch(discover(['notes'], cwd), options)
    expect(again.counts.unchanged).toBe(7)
    expect(snapshot()).toEqual(before)
    expect(readManifest(out).manifest?.complete).toBe(true)
  })
  it('starts no thread when nothing changed', async () => {
    const cwd = corpusWorkspace(16)
    await convert(cwd, 2, built)
    // A worker that cannot even load: a thread started would fail its notes.
    const {outcome} = await convert(cwd, 2, new URL(`file://${path.join(cwd, 'missing-worker.mjs')}`))
    expect([outcome.counts.unchanged, outcome.counts.invalid, outcome.counts.errors]).toEqual([16, 0, 0])
  })
})

describe('runBatch, stopped by a signal', () => {
  it('finishes the notes before one that does not end, stops that one, and leaves only what the manifest lists', async () => {
    const cwd = corpusWorkspace(16)
    const out = path.join(cwd, 'output')
    // A worker that never ends one note (nor, after it, the next it holds),
    // and converts the others with the real one, answering in order as it does.
    const hangs = path.join(cwd, 'hangs-on-00005.mjs')
    writeFileSync(
      hangs,
      `import {parentPort} from 'node:worker_threads'
import run from ${JSON.stringify(built.href)}
parentPort.removeAllListeners('message')
let last = Promise.resolve()
parentPort.on('message', (task) => {
  last = last.then(async () => {
    if (task.path.endsWith('00005.md')) await new Promise(() => {})
    parentPort.postMessage(await run(task))
  })
})
`
    )
    const controller = new AbortController()
    const handled: string[] = []
    const outcome = await runBatch(discover(['notes'], cwd), {
      cwd,
      settings: settingsFrom(),
      jobs: 2,
      out,
      walked: [path.join(cwd, 'notes')],
      worker: new URL(`file://${hangs}`),
      signal: controller.signal,
      onNote: ({note}) => {
        handled.push(note.path)
        if (note.path.endsWith('00004.txt')) controller.abort()
      }
    })
    const first = ['00000', '00001', '00002', '00003', '00004']
    expect([outcome.interrupted, handled]).toEqual([
      true,
      ['00000.md', '00001.txt', '00002.md', '00003.md', '00004.txt'].map((name) => `notes/000/note-${name}`)
    ])
    // The notes after the stopped one may have been written by their threads: they are gone too.
    const files = readdirSync(out, {recursive: true}).map(String).sort()
    expect(files.filter((file) => !file.startsWith('.'))).toEqual([
      '000',
      ...first.map((name) => `000/note-${name}.json`)
    ])
    const {manifest} = readManifest(out)
    expect(Object.values(manifest?.notes ?? {}).flatMap((entry) => entry.outputs)).toEqual(
      first.map((name) => `000/note-${name}.json`)
    )
  })
})

describe('runBatch, found in the last review', () => {
  /** The record files, the feed's ids and the manifest's outputs of `out`: all three must agree. */
  function state(out: string) {
    const files: string[] = []
    const walkFiles = (folder: string) => {
      for (const entry of readdirSync(folder, {withFileTypes: true})) {
        if (entry.isDirectory()) walkFiles(path.join(folder, entry.name))
        else if (entry.name.endsWith('.json') && !entry.name.startsWith('.')) {
          files.push(path.relative(out, path.join(folder, entry.name)))
        }
      }
    }
    walkFiles(out)
    const feed = readFileSync(path.join(out, 'records.jsonl'), 'utf8').trim().split('\n').filter(Boolean)
    const listed = Object.values(readManifest(out).manifest?.notes ?? {}).flatMap((entry) => entry.outputs)
    const ids = files.map((file) => JSON.parse(readFileSync(path.join(out, file), 'utf8')).id).sort()
    return {files: files.sort(), listed: listed.sort(), feed: feed.map((line) => JSON.parse(line).id), ids}
  }

  it('rewrites the feed after a stopped run, even when nothing is left to convert', async () => {
    const cwd = corpusWorkspace(6)
    await convert(cwd, 1)
    const changed = path.join(cwd, 'notes/000/note-00001.txt')
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('Session 2:', 'Meeting 2:'))
    rmSync(path.join(cwd, 'notes/000/note-00003.md'))
    const controller = new AbortController()
    await runBatch(discover(['notes'], cwd), {
      cwd,
      settings: settingsFrom(),
      jobs: 1,
      out: path.join(cwd, 'output'),
      walked: [path.join(cwd, 'notes')],
      force: true,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 3) controller.abort('SIGINT')
      }
    })
    const {outcome} = await convert(cwd, 1)
    const after = state(path.join(cwd, 'output'))
    expect(outcome.counts.records).toBe(5)
    expect(after.feed).toEqual(after.ids)
    expect(after.listed).toEqual(after.files)
    expect(after.feed.some((id) => id.includes('meeting-2'))).toBe(true)
  })

  it('keeps a record another note of the run writes where an earlier single-file run wrote', async () => {
    const cwd = corpusWorkspace(3)
    writeFileSync(
      path.join(cwd, 'notes/note-00000.md'),
      readFileSync(path.join(cwd, 'notes/000/note-00002.md'))
    )
    await runBatch(discover(['notes/000/note-00000.md'], cwd), {
      cwd,
      settings: settingsFrom(),
      jobs: 1,
      out: path.join(cwd, 'output')
    })
    rmSync(path.join(cwd, 'notes/000/note-00002.md'))
    const {outcome} = await convert(cwd, 1)
    const after = state(path.join(cwd, 'output'))
    expect([outcome.counts.converted, outcome.counts.records]).toEqual([3, 3])
    expect(after.files).toEqual(['000/note-00000.json', '000/note-00001.json', 'note-00000.json'])
    expect(after.listed).toEqual(after.files)
  })

  it('makes a note writing the file of a note converted on its own earlier an output-collision', async () => {
    const cwd = corpusWorkspace(2)
    mkdirSync(path.join(cwd, 'other'))
    writeFileSync(
      path.join(cwd, 'other/note-00000.md'),
      readFileSync(path.join(cwd, 'notes/000/note-00001.txt'))
    )
    const single = (given: string) =>
      runBatch(discover([given], cwd), {
        cwd,
        settings: settingsFrom(),
        jobs: 1,
        out: path.join(cwd, 'output'),
        onNote: (result) => results.push(result)
      })
    const results: NoteResult[] = []
    await single('notes/000/note-00000.md')
    await single('other/note-00000.md')
    expect(messageLines(results[1]?.messages ?? []).filter((line) => line.includes('error'))).toEqual([
      '1:1 error Output "note-00000.json" is also the output of "notes/000/note-00000.md", expected one note per output file output-collision'
    ])
    const after = state(path.join(cwd, 'output'))
    expect([after.files, after.feed.length, after.listed]).toEqual([
      ['note-00000.json'],
      1,
      ['note-00000.json']
    ])
  })
})
