// The `archive` section of `npm run bench`: loading the bench corpus into an
// archive, against converting it, and the latency of searches.
//
// On a corpus of `count` notes (scripts/corpus.js), `convert --jobs 1`,
// `archive --jobs 1` into a new archive and `archive --jobs 1` again (every
// note unchanged: converted, nothing added) alternate; the median time is
// kept, as a ratio to convert's. Then searches of a few kinds run
// in-process on the archive (dist/archive/search.js), each many times: the
// median per kind, in ms, and the median of `infonote search` as a command
// (a process start included).
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {makeCorpus} from './corpus.js'

const root = path.join(import.meta.dirname, '..')
const cli = path.join(root, 'dist/cli.js')
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]

/** The kinds of search: a query and its filters. */
const kinds = [
  ['a common word', {query: 'resolution'}],
  ['a rare word (one note)', {query: '"Session 1234"'}],
  ['a phrase', {query: '"export controls"'}],
  ['a prefix', {query: 'chem*'}],
  ['a State, in participants', {query: 'participants:Peru'}],
  ['a word, --org unoda', {query: 'workshop', org: 'unoda'}],
  ['a word, --country CO --from 2010', {query: 'seminar', country: 'CO', from: '2010-01-01'}]
]

/** Times each query kind `runs` times in-process; the median ms of each. */
async function searchLatency(db, runs) {
  const {openArchive} = await import(pathToFileURL(path.join(root, 'dist/archive/open.js')).href)
  const {search} = await import(pathToFileURL(path.join(root, 'dist/archive/search.js')).href)
  const archive = openArchive(db, {create: false, shown: db})
  try {
    return kinds.map(([label, options]) => {
      const times = []
      let hits = 0
      for (let run = 0; run < runs; run++) {
        const start = process.hrtime.bigint()
        hits = search(archive, {...options, mark: {open: '**', close: '**'}}).length
        times.push(Number(process.hrtime.bigint() - start) / 1e6)
      }
      return {label, hits, ms: median(times)}
    })
  } finally {
    archive.close()
  }
}

/** Runs the archive section; `time(args, cwd)` runs `node <args>` and gives its wall time. */
export async function archive(count, rounds, time) {
  const folder = mkdtempSync(path.join(tmpdir(), 'infonote-bench-'))
  try {
    makeCorpus(path.join(folder, 'notes'), count)
    const results = {convert: [], load: [], reload: []}
    for (let round = 0; round < rounds; round++) {
      rmSync(path.join(folder, 'out'), {recursive: true, force: true})
      rmSync(path.join(folder, 'archive.sqlite'), {force: true})
      results.convert.push(time([cli, 'convert', 'notes', '--out', 'out', '--quiet', '--jobs', '1'], folder))
      results.load.push(time([cli, 'archive', 'notes', '--db', 'archive.sqlite', '--jobs', '1'], folder))
      results.reload.push(time([cli, 'archive', 'notes', '--db', 'archive.sqlite', '--jobs', '1'], folder))
    }
    const wall = (key) => median(results[key].map((result) => result.wall))
    const rss = (key) => Math.max(...results[key].map((result) => result.rss))
    console.log(`\nArchive, ${count} notes, ${rounds} alternating round${rounds === 1 ? '' : 's'}:`)
    const row = (label, key) =>
      console.log(
        `  ${label.padEnd(34)} ${(wall(key) / 1000).toFixed(2).padStart(6)} s  ${(wall(key) / wall('convert')).toFixed(2).padStart(5)} × convert  peak RSS ${rss(key).toFixed(0)} MB`
      )
    row('convert --jobs 1', 'convert')
    row('archive --jobs 1 (new archive)', 'load')
    row('archive --jobs 1 (all unchanged)', 'reload')
    const db = path.join(folder, 'archive.sqlite')
    console.log(`  search, in-process, median of 200 runs each:`)
    for (const {label, hits, ms} of await searchLatency(db, 200)) {
      console.log(
        `    ${label.padEnd(36)} ${ms.toFixed(2).padStart(7)} ms  (${hits} ${hits === 1 ? 'note' : 'notes'})`
      )
    }
    const command = []
    for (let run = 0; run < 15; run++) {
      const start = process.hrtime.bigint()
      spawnSync(process.execPath, [cli, 'search', 'workshop', '--db', db, '--json'], {stdio: 'ignore'})
      command.push(Number(process.hrtime.bigint() - start) / 1e6)
    }
    console.log(
      `    ${'infonote search (a command)'.padEnd(36)} ${median(command).toFixed(1).padStart(7)} ms`
    )
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
}
