// The `documents` section of `npm run bench`: notes read from PDF and Word
// files, against the same notes as Markdown.
//
// A corpus of notes (scripts/corpus.js) is rendered to PDF and Word with the
// test renderers (tests/render/, bundled once with esbuild), into md/, pdf/
// and docx/ with the same stems. `convert --jobs 1` of each folder, and of
// pdf/ on all cores, alternate; the median time is kept, with the peak RSS.
// Then one long note, ~200 PDF pages, alone as PDF and as Markdown: its time
// per page, and its peak RSS beside that of a short note's PDF (the reader
// holds one page's items at a time, so the pages add only their text).
//
// This module is also the entry of the processes that render the corpus
// (pdfkit embedding its fonts takes most of a second a note), run with the
// bundle's path in INFONOTE_BENCH_RENDER.
import {fork} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {availableParallelism, tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {build} from 'esbuild'
import {makeCorpus} from './corpus.js'

const root = path.join(import.meta.dirname, '..')
const cli = path.join(root, 'dist/cli.js')
/** The limits a note must stay within unless a configuration says otherwise (src/limits.ts). */
const defaultLimits = {maxBytes: 2 * 1024 * 1024, timeoutMs: 10_000}
/** Paragraphs of the long note: about 200 pages, as the test renderer lays them out. */
const longParagraphs = 1885
/** The variable that makes this module a rendering process, set to the bundle's path. */
const renderEnv = 'INFONOTE_BENCH_RENDER'
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]

/**
 * Bundles the test renderers (`renderPdf`, `renderDocx`) into `folder`,
 * inside node_modules so that the bundle's own imports (pdfkit, docx,
 * pdfjs-dist's fonts) resolve; returns the bundle's path.
 */
async function bundleRenderers(folder) {
  const outfile = path.join(folder, 'render.mjs')
  await build({
    stdin: {
      contents: "export {renderPdf} from './pdf.ts'\nexport {renderDocx} from './docx.ts'",
      resolveDir: path.join(root, 'tests/render'),
      loader: 'ts'
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning'
  })
  return outfile
}

/** The number of pages of a PDF, as pdf.js reads it. */
async function pageCount(bytes) {
  const {getDocument} = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const document = await getDocument({data: bytes.slice(), verbosity: 0}).promise
  const pages = document.numPages
  await document.destroy()
  return pages
}

/** Renders one job ({markdown, pdf, docx?} paths) with the bundled renderers; returns the PDF's pages. */
async function renderJob(renderers, job) {
  const markdown = readFileSync(job.markdown, 'utf8')
  const pdf = await renderers.renderPdf(markdown)
  mkdirSync(path.dirname(job.pdf), {recursive: true})
  writeFileSync(job.pdf, pdf)
  if (job.docx) {
    mkdirSync(path.dirname(job.docx), {recursive: true})
    writeFileSync(job.docx, await renderers.renderDocx(markdown))
  }
  return pageCount(pdf)
}

/** A rendering process: renders each job it is sent and answers with its pages. */
async function renderProcess(bundle) {
  const renderers = await import(pathToFileURL(bundle).href)
  process.on('message', async (job) => process.send(await renderJob(renderers, job)))
}

/**
 * Renders `jobs` in one child process a core, each taking the next job when
 * done; their pages, in order. Not in threads: a child's peak RSS counts the
 * RSS its parent had when it was started, so this process must stay small.
 */
async function renderInProcesses(bundle, jobs) {
  const pages = []
  let next = 0
  const child = () =>
    new Promise((resolve, reject) => {
      const renderer = fork(import.meta.filename, [], {env: {...process.env, [renderEnv]: bundle}})
      let index = -1
      const send = () => {
        if (next === jobs.length) return void renderer.disconnect()
        index = next++
        renderer.send(jobs[index])
      }
      renderer.on('message', (count) => {
        pages[index] = count
        send()
      })
      renderer.once('error', reject)
      renderer.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`renderer exited ${code}`))))
      send()
    })
  await Promise.all(Array.from({length: Math.min(availableParallelism(), jobs.length)}, child))
  return pages
}

/**
 * Writes `count` notes into md/, and as PDF and Word into pdf/ and docx/,
 * and the long note into long/; returns {stems, pages} of the notes and {pages, pdfBytes, markdownBytes} of the long note.
 */
async function makeDocuments(folder, bundle, count) {
  const notes = makeCorpus(path.join(folder, 'md'), count)
  const stems = notes.map((note) => path.relative(path.join(folder, 'md'), note).replace(/\.[^.]+$/, ''))
  const long = {markdown: path.join(folder, 'long/long.md'), pdf: path.join(folder, 'long/long.pdf')}
  mkdirSync(path.dirname(long.markdown))
  writeFileSync(long.markdown, longNote(readFileSync(notes[0], 'utf8'), longParagraphs))
  const jobs = notes.map((markdown, index) => ({
    markdown,
    pdf: path.join(folder, 'pdf', `${stems[index]}.pdf`),
    docx: path.join(folder, 'docx', `${stems[index]}.docx`)
  }))
  // The long note first: it takes as long as a hundred others.
  const [longPages, ...pages] = await renderInProcesses(bundle, [long, ...jobs])
  return {
    corpus: {stems, pages},
    long: {
      pages: longPages,
      pdfBytes: statSync(long.pdf).size,
      markdownBytes: statSync(long.markdown).size
    }
  }
}

const subjects = [
  'The delegation of Peru',
  'An expert of the 1540 Committee',
  'The IAEA representative',
  'Customs officers from the region',
  'The host Government',
  'A speaker from UNODC',
  'Several participants',
  'The OSCE project team'
]
const verbs = [
  'described',
  'reviewed',
  'questioned',
  'welcomed',
  'outlined',
  'compared',
  'stressed',
  'recalled'
]
const objects = [
  'the national control list',
  'licensing procedures for dual-use goods',
  'the inspection of transit cargo',
  'penalties for brokering without a licence',
  'end-user certificates',
  'the exchange of customs data',
  'detection equipment at border crossings',
  'training for enforcement officers',
  'the reporting of suspicious transfers',
  'catch-all controls'
]
const qualifiers = [
  'in the light of recent seizures',
  'with reference to resolution 1540 (2004)',
  'as a priority for the coming year',
  'drawing on a case from its own practice',
  'together with the regional customs union',
  'before the next review of the Committee',
  'for small and medium enterprises',
  'at the request of several States'
]

/** A paragraph of four sentences, varied by `index` so that no two lines of the PDF repeat at a page's edge. */
function paragraphOf(index) {
  let seed = index * 2654435761
  const pick = (list) => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return list[seed % list.length]
  }
  const sentence = () => `${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(qualifiers)}.`
  return [sentence(), sentence(), sentence(), sentence()].join(' ')
}

/** The first note of the corpus with `count` paragraphs of discussion added before its last section. */
function longNote(note, count) {
  const paragraphs = Array.from({length: count}, (_, index) => paragraphOf(index)).join('\n\n')
  const last = note.lastIndexOf('\n**')
  if (last < 0) return `${note.trimEnd()}\n\n${paragraphs}\n`
  return `${note.slice(0, last)}\n${paragraphs}\n${note.slice(last)}`
}

/** The stems of `stems` that have no record in `out`: the invalid notes. */
function invalidIn(folder, out, stems) {
  return stems.filter((stem) => !existsSync(path.join(folder, out, `${stem}.json`)))
}

/**
 * Runs each of `runs` ({key, args, stems}) `rounds` times, alternating,
 * each into its own output folder emptied first; returns, by key, the median
 * wall time, the peak RSS and the `stems` without a record in the last round.
 */
function alternate(folder, runs, rounds, time) {
  const results = Object.fromEntries(runs.map(({key}) => [key, {walls: [], rss: 0, invalid: []}]))
  for (let round = 0; round < rounds; round++) {
    for (const {key, args, stems} of runs) {
      rmSync(path.join(folder, `out-${key}`), {recursive: true, force: true})
      const run = time([cli, 'convert', ...args, '--out', `out-${key}`, '--quiet'], folder)
      const result = results[key]
      result.walls.push(run.wall)
      result.rss = Math.max(result.rss, run.rss)
      result.invalid = invalidIn(folder, `out-${key}`, stems)
    }
  }
  for (const result of Object.values(results)) result.wall = median(result.walls)
  return results
}

/**
 * One row of a table: time, per note and per page when `counts` has them,
 * ratio to `floor` (none without), peak RSS and invalid notes.
 */
function row(label, result, floor, counts) {
  const per = (count, digits, unit) =>
    count ? `${(result.wall / count).toFixed(digits).padStart(6)} ${unit}` : ''.padEnd(7 + unit.length)
  const ratio = floor ? `${(result.wall / floor).toFixed(2).padStart(5)} × Markdown` : ''.padEnd(16)
  console.log(
    `  ${label.padEnd(30)} ${(result.wall / 1000).toFixed(2).padStart(6)} s  ${per(counts.notes, 1, 'ms/note')}  ${per(counts.pages, 2, 'ms/page')}  ${ratio}  peak RSS ${result.rss.toFixed(0).padStart(4)} MB  invalid ${result.invalid.length}`
  )
}

/** The invalid notes of each result, by name, after the table. */
function listInvalid(results, labels) {
  for (const [key, result] of Object.entries(results)) {
    if (result.invalid.length === 0) continue
    const shown = result.invalid.slice(0, 5).join(', ')
    const more = result.invalid.length > 5 ? ` and ${result.invalid.length - 5} more` : ''
    console.log(`  invalid as ${labels[key]}: ${shown}${more} (infonote validate to see why)`)
  }
}

function corpusSection(folder, corpus, rounds, time) {
  const {stems} = corpus
  const runs = [
    {key: 'md', args: ['md', '--jobs', '1'], stems},
    {key: 'pdf', args: ['pdf', '--jobs', '1'], stems},
    {key: 'docx', args: ['docx', '--jobs', '1'], stems},
    {key: 'pdfAll', args: ['pdf'], stems}
  ]
  const results = alternate(folder, runs, rounds, time)
  const floor = results.md.wall
  const notes = {notes: stems.length}
  const pages = {...notes, pages: corpus.pages.reduce((sum, each) => sum + each, 0)}
  console.log(
    `\nDocuments: ${stems.length} notes (${(pages.pages / stems.length).toFixed(1)} pages each), ${roundsOf(rounds)} (${availableParallelism()} cores):`
  )
  row('Markdown, --jobs 1', results.md, floor, notes)
  row('PDF, --jobs 1', results.pdf, floor, pages)
  row('PDF, all cores', results.pdfAll, floor, pages)
  row('Word, --jobs 1', results.docx, floor, notes)
  listInvalid(results, {md: 'Markdown', pdf: 'PDF', docx: 'Word', pdfAll: 'PDF (all cores)'})
}

const roundsOf = (rounds) => `${rounds} alternating round${rounds === 1 ? '' : 's'}`

/** The configuration the long note needs beyond the default limits, or none. */
function longConfig(folder, long) {
  const maxBytes = Math.max(long.pdfBytes, long.markdownBytes)
  if (maxBytes <= defaultLimits.maxBytes) return []
  writeFileSync(path.join(folder, 'long.config.json'), JSON.stringify({maxBytes: 2 * maxBytes}))
  return ['--config', 'long.config.json']
}

/** The long note as Markdown and as PDF, and the first note of the corpus as PDF: peak RSS against pages. */
function longSection(folder, long, corpus, rounds, time) {
  const config = longConfig(folder, long)
  const [first] = corpus.stems
  const runs = [
    {key: 'longMd', args: ['long/long.md', '--jobs', '1', ...config], stems: ['long']},
    {key: 'longPdf', args: ['long/long.pdf', '--jobs', '1', ...config], stems: ['long']},
    {key: 'shortPdf', args: [`pdf/${first}.pdf`, '--jobs', '1'], stems: [path.basename(first)]}
  ]
  const results = alternate(folder, runs, rounds, time)
  const size = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`
  const limits = config.length ? 'limits raised to fit' : 'default limits'
  console.log(
    `\nLong PDF: one note of ${long.pages} pages (${size(long.pdfBytes)} PDF, ${size(long.markdownBytes)} Markdown), ${roundsOf(rounds)}, ${limits}:`
  )
  row('Markdown, --jobs 1', results.longMd, results.longMd.wall, {})
  row('PDF, --jobs 1', results.longPdf, results.longMd.wall, {pages: long.pages})
  row(`PDF of ${corpus.pages[0]} pages (a short note)`, results.shortPdf, undefined, {})
  listInvalid(results, {longMd: 'Markdown', longPdf: 'PDF', shortPdf: 'short PDF'})
}

/**
 * The documents section: `count` notes from PDF and Word against Markdown,
 * then the long PDF, each `rounds` alternating rounds. `time(args, cwd)`
 * runs `node <args>` and returns its wall time, peak RSS and exit code.
 */
export async function documents(count, rounds, time) {
  const folder = mkdtempSync(path.join(tmpdir(), 'infonote-bench-'))
  const cache = path.join(root, 'node_modules/.cache')
  mkdirSync(cache, {recursive: true})
  const bundleFolder = mkdtempSync(path.join(cache, 'infonote-bench-'))
  try {
    const bundle = await bundleRenderers(bundleFolder)
    const {corpus, long} = await makeDocuments(folder, bundle, count)
    corpusSection(folder, corpus, rounds, time)
    longSection(folder, long, corpus, rounds, time)
  } finally {
    rmSync(folder, {recursive: true, force: true})
    rmSync(bundleFolder, {recursive: true, force: true})
  }
}

if (process.env[renderEnv]) await renderProcess(process.env[renderEnv])
