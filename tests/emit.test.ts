/**
 * The output seam: `convert --emit` chooses the emitters, and the batch
 * writes, keeps, rewrites and removes their files without knowing them.
 * The formats themselves are tested in jsonld.test.ts and csv.test.ts.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {type Catalog, recordsOf} from '../src/batch/catalog.js'
import {emittersNamed, noteFile, outputsOf, writeBatch} from '../src/emit/emitters.js'
import type {InformationNote} from '../src/generated/information-note.js'
import {OutputFolder} from '../src/output-folder.js'
import {runCli, workspace} from './helpers.js'

const repo = path.join(import.meta.dirname, '..')
const sample = readFileSync(path.join(repo, 'tests/fixtures/sample/input/000_8cd83aa58013035f.txt'), 'utf8')
const later = sample.replace('12-14 March 2012', '1 April 2013')

async function convert(cwd: string, ...options: string[]) {
  const {code, stdout, stderr} = await runCli(cwd, ['convert', 'input', ...options])
  return {code, stdout, stderr: stderr.replace(/ in \d+\.\d s/, ' in 0.0 s')}
}

/** The files of the output folder, and the first bytes of each CSV table. */
function listing(cwd: string): string[] {
  const out = path.join(cwd, 'output')
  return readdirSync(out, {recursive: true, encoding: 'utf8'})
    .sort()
    .map((file) =>
      file.endsWith('.csv') ? `${file} ${read(cwd, file).slice(0, 3).replace('\ufeff', '<BOM>')}` : file
    )
}

function read(cwd: string, file: string): string {
  return readFileSync(path.join(cwd, 'output', file), 'utf8')
}

const tables = [
  'contacts.csv',
  'events.csv',
  'footnotes.csv',
  'organizers.csv',
  'participants.csv',
  'sections.csv'
]

describe('convert --emit', () => {
  it('writes the outputs chosen, removes those no longer chosen, and rewrites tables whose options changed', {
    timeout: 60_000
  }, async () => {
    const cwd = workspace({'input/a.txt': sample, 'input/b.txt': later})
    const manifest = '.infonote-manifest.json'
    expect(await convert(cwd)).toEqual({
      code: 0,
      stdout: '',
      stderr:
        '2 notes: 2 converted, 0 invalid (0 errors, 0 warnings) in 0.0 s; output/records.jsonl holds 2 records\n'
    })
    expect(listing(cwd)).toEqual([manifest, 'a.json', 'b.json', 'records.jsonl'])

    expect(await convert(cwd, '--emit', 'json,jsonld')).toEqual({
      code: 0,
      stdout: '',
      stderr: '2 notes: 2 converted, 0 invalid (0 errors, 0 warnings) in 0.0 s\n'
    })
    expect(listing(cwd)).toEqual([manifest, 'a.json', 'a.jsonld', 'b.json', 'b.jsonld'])

    expect(await convert(cwd, '--emit', 'csv,json,jsonl', '--csv-bom')).toEqual({
      code: 0,
      stdout: '',
      stderr:
        '2 notes: 2 converted, 0 invalid (0 errors, 0 warnings) in 0.0 s; output/records.jsonl and the CSV tables in output hold 2 records\n'
    })
    const withBom = tables.map((table) => `${table} <BOM>id`)
    expect(listing(cwd)).toEqual([
      manifest,
      'a.json',
      'b.json',
      ...withBom.slice(0, 5),
      'records.jsonl',
      ...withBom.slice(5)
    ])
    expect(
      read(cwd, 'events.csv')
        .split('\r\n')
        .map((row) => row.split(',')[0])
    ).toEqual([
      '\ufeffid',
      '2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council',
      '2013-04-01-seminar-for-the-andean-community-states-united-nations-security-council',
      ''
    ])

    // Nothing changed: nothing is converted or written again.
    const times = () =>
      listing(cwd).map((file) => statSync(path.join(cwd, 'output', file.split(' ')[0] ?? '')).mtimeMs)
    const before = times()
    expect((await convert(cwd, '--emit', 'json,jsonl,csv', '--csv-bom')).stderr).toBe(
      '2 notes: 0 converted, 2 unchanged, 0 invalid (0 errors, 0 warnings) in 0.0 s; output/records.jsonl and the CSV tables in output hold 2 records\n'
    )
    expect(times()).toEqual(before)

    // Only the tables' option changed: the notes are unchanged, the tables are written again.
    expect((await convert(cwd, '--emit', 'json,jsonl,csv')).stderr).toBe(
      '2 notes: 0 converted, 2 unchanged, 0 invalid (0 errors, 0 warnings) in 0.0 s; output/records.jsonl and the CSV tables in output hold 2 records\n'
    )
    const plain = tables.map((table) => `${table} id,`)
    expect(listing(cwd)).toEqual([
      manifest,
      'a.json',
      'b.json',
      ...plain.slice(0, 5),
      'records.jsonl',
      plain[5]
    ])
    expect(JSON.parse(read(cwd, manifest)).emitted).toEqual({
      files: [
        'records.jsonl',
        ...['events', 'organizers', 'participants', 'sections', 'footnotes', 'contacts'].map(
          (name) => `${name}.csv`
        )
      ],
      options: {sourceMap: false, keepText: false, csvBom: false}
    })
  })

  it('removes every file of a note that becomes invalid, whatever the outputs', async () => {
    const cwd = workspace({'input/a.txt': sample})
    await convert(cwd, '--emit', 'json,jsonld', '--source-map')
    expect(listing(cwd)).toEqual(['.infonote-manifest.json', 'a.json', 'a.jsonld', 'a.map.json'])
    const broken = sample.replace(/^.*Organizers.*$/m, '')
    const {writeFileSync} = await import('node:fs')
    writeFileSync(path.join(cwd, 'input/a.txt'), broken)
    expect((await convert(cwd, '--emit', 'json', '--force')).code).toBe(1)
    expect(listing(cwd)).toEqual(['.infonote-manifest.json'])
  })

  it.each([
    [['--emit', 'xml'], 'Unknown output "xml" in --emit, expected json, jsonl, jsonld or csv'],
    [['--emit', 'json,'], 'Unexpected --emit "json,", expected names separated by commas, such as json,csv'],
    [['--emit', 'jsonl'], 'Missing "json" in --emit: jsonl is built from the record files'],
    [
      ['--emit', 'csv,jsonl,jsonld'],
      'Missing "json" in --emit: jsonl and csv are built from the record files'
    ],
    [
      ['--emit', 'jsonld', '--source-map'],
      'Unexpected "--source-map" without "json" in --emit: it maps the record file'
    ],
    [['--csv-bom'], 'Unexpected "--csv-bom" without "csv" in --emit: it marks the CSV tables']
  ])('refuses %j with exit 2', async (options, reason) => {
    const cwd = workspace({'input/a.txt': sample})
    expect(await convert(cwd, ...options)).toEqual({
      code: 2,
      stdout: '',
      stderr: `infonote: ${reason}\nRun "infonote --help" for usage.\n`
    })
    expect(readdirSync(cwd)).toEqual(['input'])
  })

  it('is for convert only', async () => {
    const cwd = workspace({'input/a.txt': sample})
    expect(await runCli(cwd, ['validate', 'input', '--emit', 'json'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'infonote: Unexpected option "--emit": validate writes nothing\nRun "infonote --help" for usage.\n'
    })
  })
})

describe('the batch emitters', () => {
  const record = JSON.parse(
    readFileSync(path.join(repo, 'tests/fixtures/sample/record.json'), 'utf8')
  ) as InformationNote

  it('put every file in place, or none when reading the records fails', () => {
    const cwd = workspace()
    const folder = new OutputFolder(cwd)
    const outputs = outputsOf(emittersNamed('json,jsonl,csv'))
    function* failing(): Generator<InformationNote> {
      yield record
      throw new Error('disk gone')
    }
    expect(() => writeBatch(folder, outputs, failing())).toThrow('disk gone')
    expect(readdirSync(cwd)).toEqual([])
    expect(writeBatch(folder, outputs, [record])).toBe(1)
    expect(readdirSync(cwd).sort()).toEqual([...tables.slice(0, 5), 'records.jsonl', 'sections.csv'])
    expect(readFileSync(path.join(cwd, 'records.jsonl'), 'utf8')).toBe(`${JSON.stringify(record)}\n`)
  })

  it('read the records of the catalog in id order, leaving out a record file that is gone', () => {
    const cwd = workspace({
      'b.json': JSON.stringify({...record, id: 'b'}),
      'a.json': JSON.stringify({...record, id: 'a'})
    })
    const catalog: Catalog = [
      ['b', 'b.json'],
      ['c', 'gone.json'],
      ['a', 'a.json']
    ]
    expect([...recordsOf(new OutputFolder(cwd), catalog)].map((read) => read.id)).toEqual(['a', 'b'])
  })

  it('know each suffix a worker may be asked for', () => {
    expect(noteFile('.jsonld').suffix).toBe('.jsonld')
    // From an archive there is no conversion: no source map, no rebuilt text.
    expect([noteFile('.map.json').content(record), noteFile('.md').content(record)]).toEqual([
      undefined,
      undefined
    ])
    expect(() => noteFile('.xml')).toThrow('No emitter writes ".xml" files')
  })
})

describe('the summary of convert', () => {
  it('names the folder the tables are in, the working directory too', async () => {
    const cwd = workspace({'input/a.txt': sample})
    expect(
      (await runCli(cwd, ['convert', 'input', '--out', '.', '--emit', 'json,csv'])).stderr.replace(
        / in \d+\.\d s/,
        ' in 0.0 s'
      )
    ).toBe(
      '1 note: 1 converted, 0 invalid (0 errors, 0 warnings) in 0.0 s; the CSV tables in . hold 1 record\n'
    )
  })

  it('says the batch files were not updated when a signal stopped the run', async () => {
    const cwd = workspace({'input/a.txt': sample})
    const controller = new AbortController()
    controller.abort('SIGINT')
    const {code, stderr} = await runCli(cwd, ['convert', 'input', '--emit', 'json,jsonl,csv'], {
      signal: controller.signal
    })
    expect({code, stderr: stderr.replace(/ in \d+\.\d s/, ' in 0.0 s')}).toEqual({
      code: 130,
      stderr:
        '1 note: 0 converted, 0 invalid (0 errors, 0 warnings) in 0.0 s; output/records.jsonl and the CSV tables in output not updated\n' +
        'infonote: stopped by SIGINT; what was written is complete, run again to finish\n'
    })
    expect(readdirSync(path.join(cwd, 'output'))).toEqual(['.infonote-manifest.json'])
  })
})
