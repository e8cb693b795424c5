// npm run bench: speed against a baseline measured in the same run, as
// ratios (these machines are noisy). Commands alternate, and the median of
// the runs is kept.
//
// 1. Cold start: `infonote validate <one note>` against `node -e 0`.
// 2. Batch: on generated corpora of 2,000 and 10,000 notes, `convert` on
//    all cores, `convert --jobs 1` and a re-run with nothing changed, against
//    the bare remark + remark-gfm parse of the same files in one process and
//    split over as many processes as there are cores; with the peak RSS of
//    each, and whether all cores and --jobs 1 wrote the same files.
// 3. Bad input: each note of scripts/bad-input.js in a batch beside the
//    sample, against converting the sample alone; time, peak RSS, exit code
//    and the rule of its first message.
// 4. Documents (scripts/bench-documents.js): notes read from PDF and Word
//    against the same notes as Markdown, and one long PDF; BENCH_DOCUMENTS
//    notes (200).
// 5. Archive (scripts/bench-archive.js): `archive --jobs 1` of the 2,000-note
//    corpus against `convert --jobs 1` of it, and the latency of searches.
// 6. Parse (scripts/bench-parse.js): what each GFM construct costs the
//    parse of the 2,000-note corpus, and what choosing them per note saves.
//
// BENCH_ONLY=cold,batch,bad,documents,archive,parse runs only the sections named;
// BENCH_ROUNDS sets the alternating rounds (3).
import {spawn, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {availableParallelism, tmpdir} from 'node:os'
import path from 'node:path'
import {badInputs} from './bad-input.js'
import {archive} from './bench-archive.js'
import {documents} from './bench-documents.js'
import {parse} from './bench-parse.js'
import {makeCorpus} from './corpus.js'

const root = path.join(import.meta.dirname, '..')
const cli = path.join(root, 'dist/cli.js')
const measure = path.join(root, 'scripts/measure.js')
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]

/** Wall time (ms), peak RSS (MB), exit code and standard error of `node <args>`. */
function time(args, cwd = root, codes = [0, 1]) {
  const start = process.hrtime.bigint()
  const result = spawnSync(process.execPath, [measure, ...args], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    encoding: 'utf8'
  })
  const wall = Number(process.hrtime.bigint() - start) / 1e6
  if (!codes.includes(result.status))
    throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`)
  return {wall, rss: Number(result.output[3]) / 1024, code: result.status, stderr: result.stderr}
}

function coldStart(runs) {
  const floor = []
  const validate = []
  for (let run = 0; run < runs; run++) {
    floor.push(time([path.join(root, 'scripts/empty.js')]).wall)
    validate.push(time([cli, 'validate', path.join(root, 'input/000_8cd83aa58013035f.txt')], root, [0]).wall)
  }
  const [a, b] = [median(floor), median(validate)]
  console.log(`Cold start, median of ${runs} alternating runs:`)
  console.log(`  node (empty script)              ${a.toFixed(1)} ms  (floor)`)
  console.log(
    `  infonote validate <one note>     ${b.toFixed(1)} ms  = ${(b / a).toFixed(2)} × floor (goal < 2.5 ×)`
  )
}

/** Wall time (ms) until every one of the commands, started at once, has exited, and their summed peak RSS (MB). */
async function together(commands, cwd) {
  const start = process.hrtime.bigint()
  const runs = commands.map(
    (args) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [measure, ...args], {
          cwd,
          stdio: ['ignore', 'ignore', 'pipe', 'pipe']
        })
        let rss = ''
        let stderr = ''
        child.stdio[3].on('data', (chunk) => {
          rss += chunk
        })
        child.stderr.on('data', (chunk) => {
          stderr += chunk
        })
        child.on('close', (code) =>
          code === 0
            ? resolve(Number(rss) / 1024)
            : reject(new Error(`node ${args.join(' ')} exited ${code}: ${stderr}`))
        )
      })
  )
  const rss = await Promise.all(runs)
  return {wall: Number(process.hrtime.bigint() - start) / 1e6, rss: rss.reduce((sum, one) => sum + one, 0)}
}

/**
 * The batch against two floors: the bare parse in one process, and split
 * over as many processes as there are cores (what this machine's cores
 * really give); with issue 13's goals.
 */
async function batch(count, rounds) {
  const folder = mkdtempSync(path.join(tmpdir(), 'infonote-bench-'))
  const cores = availableParallelism()
  const floor = path.join(root, 'scripts/parse-floor.js')
  try {
    makeCorpus(path.join(folder, 'notes'), count)
    const results = {floor: [], split: [], all: [], one: [], rerun: []}
    for (let round = 0; round < rounds; round++) {
      rmSync(path.join(folder, 'all'), {recursive: true, force: true})
      rmSync(path.join(folder, 'one'), {recursive: true, force: true})
      results.floor.push(time([floor, 'notes'], folder))
      const parts = Array.from({length: cores}, (_, part) => [floor, 'notes', `${part}/${cores}`])
      results.split.push(await together(parts, folder))
      results.all.push(time([cli, 'convert', 'notes', '--out', 'all', '--quiet'], folder))
      results.one.push(time([cli, 'convert', 'notes', '--out', 'one', '--quiet', '--jobs', '1'], folder))
      results.rerun.push(time([cli, 'convert', 'notes', '--out', 'all', '--quiet'], folder))
    }
    const same = spawnSync('diff', ['-r', 'all', 'one'], {cwd: folder, encoding: 'utf8'})
    const wall = (key) => median(results[key].map((result) => result.wall))
    const rss = (key) => Math.max(...results[key].map((result) => result.rss))
    const ratio = (a, b) => (wall(a) / wall(b)).toFixed(2).padStart(6)
    console.log(
      `\n${count} notes, ${rounds} alternating round${rounds === 1 ? '' : 's'} (${cores} cores), medians:`
    )
    const row = (label, key, text) =>
      console.log(
        `  ${label.padEnd(34)} ${(wall(key) / 1000).toFixed(2).padStart(6)} s  peak RSS ${rss(key).toFixed(0).padStart(4)} MB  ${text}`
      )
    row('bare parse, one process (floor)', 'floor', '')
    row(`bare parse, ${cores} processes (floor ${cores})`, 'split', `${ratio('split', 'floor')} × floor`)
    row('convert --jobs 1', 'one', `${ratio('one', 'floor')} × floor (goal ≤ 1.0 ×)`)
    row(
      'convert (all cores)',
      'all',
      `${ratio('all', 'floor')} × floor, ${ratio('all', 'split')} × floor ${cores} (goal ≤ 1.15 ×), ${ratio('all', 'one')} × --jobs 1 (goal ≤ 0.83 ×)`
    )
    row('re-run, nothing changed', 'rerun', `${ratio('rerun', 'all')} × first run (goal ≤ 0.05 ×)`)
    console.log(
      `  peak RSS goal: < 300 MB; all cores and --jobs 1 wrote ${same.status === 0 ? 'the same files' : `different files:\n${same.stdout}`}`
    )
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
}

function badInput() {
  const folder = mkdtempSync(path.join(tmpdir(), 'infonote-bench-'))
  const sample = readFileSync(path.join(root, 'input/000_8cd83aa58013035f.txt'))
  console.log('\nBad input, each in a batch beside the sample (--jobs 1), against the sample alone:')
  try {
    for (const [index, [name, note, timeoutMs]] of badInputs.entries()) {
      const cwd = path.join(folder, String(index))
      mkdirSync(path.join(cwd, 'notes'), {recursive: true})
      writeFileSync(path.join(cwd, 'infonote.config.json'), JSON.stringify({timeoutMs}))
      writeFileSync(path.join(cwd, 'notes/a.txt'), sample)
      const alone = time([cli, 'convert', 'notes', '--out', 'alone', '--quiet'], cwd, [0])
      writeFileSync(path.join(cwd, 'notes/b.md'), note())
      const run = time([cli, 'convert', 'notes', '--jobs', '1', '--quiet'], cwd, [1])
      const rule = /\[([a-z-]+)\]$/m.exec(run.stderr)?.[1]
      console.log(
        `  ${name.padEnd(34)} ${(run.wall / 1000).toFixed(2).padStart(6)} s  ${(run.wall / alone.wall).toFixed(1).padStart(5)} × sample  peak RSS ${run.rss.toFixed(0).padStart(3)} MB  exit ${run.code}  ${rule}`
      )
    }
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
}

const only = process.env.BENCH_ONLY?.split(',')
if (!only || only.includes('cold')) coldStart(Number(process.env.BENCH_RUNS ?? 30))
if (!only || only.includes('batch')) {
  await batch(2000, Number(process.env.BENCH_ROUNDS ?? 3))
  await batch(10000, 1)
}
if (!only || only.includes('bad')) badInput()
if (!only || only.includes('documents'))
  await documents(Number(process.env.BENCH_DOCUMENTS ?? 200), Number(process.env.BENCH_ROUNDS ?? 3), time)
if (!only || only.includes('archive')) await archive(2000, Number(process.env.BENCH_ROUNDS ?? 3), time)
if (!only || only.includes('parse')) await parse(2000, Number(process.env.BENCH_ROUNDS ?? 3))
