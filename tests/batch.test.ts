/** The batch in-process: threads from the built worker, crashes, leftovers, the manifest. */
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {makeCorpus} from '../scripts/corpus.js'
import {type NoteResult, runBatch} from '../src/batch.js'
import {settingsFrom} from '../src/config.js'
import {discover} from '../src/discover.js'
import {readManifest} from '../src/manifest.js'
import run from '../src/worker.js'
import {messageLines} from './helpers.js'

const built = new URL('../dist/worker.js', import.meta.url)
const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, {recursive: true, force: true})
})

function workspace(count: number): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'infonote-batch-'))
  folders.push(cwd)
  makeCorpus(path.join(cwd, 'notes'), count)
  return cwd
}

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
    const cwd = workspace(20)
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
    const cwd = workspace(16)
    const broken = path.join(cwd, 'broken-worker.mjs')
    writeFileSync(
      broken,
      "import {parentPort} from 'node:worker_threads'\nparentPort.on('message', () => { throw new Error('boom') })\n"
    )
    const {outcome, results} = await convert(cwd, 2, new URL(`file://${broken}`))
    expect(outcome.counts.invalid).toBe(16)
    expect(messageLines(results[0]?.messages ?? [])).toEqual([
      '1:1 error Cannot convert this note: Error: boom; please report this bug internal-error'
    ])
  })

  it('removes the temporary files of a killed run, and reads a broken manifest as none', async () => {
    const cwd = workspace(2)
    mkdirSync(path.join(cwd, 'output/000'), {recursive: true})
    writeFileSync(path.join(cwd, 'output/000/note-00000.json.123-abcdef01.tmp'), '{"half')
    writeFileSync(path.join(cwd, 'output/.infonote-manifest.json'), '{"notes": ')
    expect(readManifest(path.join(cwd, 'output'))).toBeUndefined()
    const {outcome} = await convert(cwd, 1)
    expect(outcome.counts.converted).toBe(2)
    expect(readdirSync(path.join(cwd, 'output/000')).sort()).toEqual(['note-00000.json', 'note-00001.json'])
    expect(Object.keys(readManifest(path.join(cwd, 'output'))?.notes ?? {})).toEqual([
      'notes/000/note-00000.md',
      'notes/000/note-00001.txt'
    ])
  })

  it('finds notes by glob, skipping ignored ones', () => {
    const cwd = workspace(3)
    writeFileSync(path.join(cwd, '.infonoteignore'), '*01.txt\n')
    const settings = settingsFrom({ignore: ['*02.md']}, cwd, path.join(cwd, '.infonoteignore'))
    expect(discover(['notes/*/*'], cwd, settings).map((note) => note.path)).toEqual([
      'notes/000/note-00000.md'
    ])
  })
})

describe('the worker task', () => {
  it('builds its settings once per configuration', () => {
    const task = {
      path: 'a.md',
      bytes: new TextEncoder().encode('Information Note'),
      config: {},
      sourceMap: false
    }
    expect(run(task).messages.map((message) => message.ruleId)).toEqual(
      run(task).messages.map((message) => message.ruleId)
    )
    expect(
      run({...task, config: {rules: {'missing-title': 'off'}}}).messages.some(
        (message) => message.ruleId === 'missing-title'
      )
    ).toBe(false)
  })
})

describe('runBatch, run after run', () => {
  it('removes the outputs of deleted notes, keeps those of notes not given, and stops when asked', async () => {
    const cwd = workspace(6)
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
    expect(Object.keys(readManifest(path.join(cwd, 'output'))?.notes ?? {})).toHaveLength(5)
  })
})

describe('runBatch, long runs', () => {
  it('checkpoints the manifest on the way, and reports a record it cannot write', async () => {
    const cwd = workspace(520)
    // A folder where a record should go: writing its temporary file works, renaming it does not.
    mkdirSync(path.join(cwd, 'output/001/note-00510.json/x'), {recursive: true})
    const {outcome, results} = await convert(cwd, 1)
    expect([outcome.counts.converted, outcome.counts.invalid]).toEqual([519, 1])
    expect(messageLines(results[510]?.messages ?? []).filter((line) => line.includes('error'))).toEqual([
      expect.stringMatching(
        /^1:1 error Cannot write "output\/001\/note-00510\.json": E(ISDIR|NOTEMPTY|EXIST)\b.* unwritable-output$/
      )
    ])
    expect(readdirSync(path.join(cwd, 'output/001')).filter((name) => name.endsWith('.tmp'))).toEqual([])
    expect(Object.keys(readManifest(path.join(cwd, 'output'))?.notes ?? {})).toHaveLength(520)
  })
})
