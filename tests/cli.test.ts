import {execFileSync, spawnSync} from 'node:child_process'
import {cpSync, existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {help} from '../src/command.js'
import {writeFileAtomic} from '../src/write.js'
import {batch, messageLines, runCli, workspace} from './helpers.js'

const repo = path.join(import.meta.dirname, '..')
const sampleName = '000_8cd83aa58013035f'
const sampleNote = readFileSync(path.join(repo, 'tests/fixtures/sample/input', `${sampleName}.txt`))
const sampleRecord = readFileSync(path.join(repo, 'tests/fixtures/sample/record.json'), 'utf8')
const summaryOk =
  '1 note: 1 converted, 0 invalid (0 errors, 0 warnings) in 0.0 s; output/records.jsonl holds 1 record\n'

/** compact's closing list of where each rule that spoke is documented. */
const rules = (...lines: string[]) => `\nRules:\n${lines.map((line) => `  ${line}\n`).join('')}`
const docs = 'https://github.com/infonote/infonote/blob/main/docs/rules/'

function infonote(cwd: string, ...argv: string[]) {
  return infonoteWith({cwd}, ...argv)
}

/** Runs the command line in-process, with standard input and colours as given; times read 0.0 s. */
async function infonoteWith(
  {cwd, stdin = '', color = false}: {cwd: string; stdin?: string; color?: boolean},
  ...argv: string[]
) {
  const result = await runCli(cwd, argv, {stdin, color})
  return {...result, stderr: result.stderr.replace(/ in \d+\.\d s;/g, ' in 0.0 s;')}
}

function read(cwd: string, file: string): string {
  return readFileSync(path.join(cwd, file), 'utf8')
}

/** The sample with its Organizers line removed: line 6 of the note. */
const withoutOrganizers = sampleNote
  .toString('utf8')
  .split('\n')
  .filter((line) => !line.startsWith('- Organizers'))
  .join('\n')

describe('infonote convert', () => {
  it('writes the record and the feed of the sample', async () => {
    const cwd = workspace({[`input/${sampleName}.txt`]: sampleNote})
    expect(await infonote(cwd, 'convert', 'input')).toEqual({code: 0, stdout: '', stderr: summaryOk})
    expect(readdirSync(path.join(cwd, 'output')).sort()).toEqual([
      '.infonote-manifest.json',
      `${sampleName}.json`,
      'records.jsonl'
    ])
    expect(read(cwd, `output/${sampleName}.json`)).toBe(sampleRecord)
    expect(read(cwd, 'output/records.jsonl')).toBe(`${JSON.stringify(JSON.parse(sampleRecord))}\n`)
  })

  it('gives byte-identical output whatever the order the files were made in', async () => {
    const later = sampleNote.toString('utf8').replace('12-14 March 2012', '1 April 2013')
    const files = {'input/b.txt': sampleNote, 'input/a/c.md': later, 'input/d.md': withoutOrganizers}
    const first = workspace(files)
    const second = workspace(Object.fromEntries(Object.entries(files).reverse()))
    await infonote(first, 'convert', 'input')
    await infonote(second, 'convert', 'input', '--verbose')
    await infonote(second, 'convert', 'input')
    for (const file of ['output/b.json', 'output/a/c.json', 'output/records.jsonl']) {
      expect(read(second, file)).toBe(read(first, file))
    }
    expect(read(first, 'output/b.json')).toBe(sampleRecord.replace(`input/${sampleName}.txt`, 'input/b.txt'))
  })

  it('goes on past an invalid note, prints its errors and removes its old output', async () => {
    const cwd = workspace({
      'input/a.txt': withoutOrganizers,
      [`input/sub/${sampleName}.txt`]: sampleNote,
      'output/a.json': 'stale'
    })
    expect(await infonote(cwd, 'convert', 'input')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'input/a.txt:5:1: error Missing organizers, expected a field like "Organizers: Government of Colombia, UNODA" [missing-organizers]\n' +
        rules(`missing-organizers  ${docs}missing-organizers.md`) +
        '2 notes: 1 converted, 1 invalid (1 error, 0 warnings) in 0.0 s; output/records.jsonl holds 1 record\n'
    })
    expect(existsSync(path.join(cwd, 'output/a.json'))).toBe(false)
    expect(read(cwd, `output/sub/${sampleName}.json`)).toBe(
      sampleRecord.replace(`input/${sampleName}.txt`, `input/sub/${sampleName}.txt`)
    )
    expect(read(cwd, 'output/records.jsonl')).toBe(
      `${JSON.stringify(JSON.parse(read(cwd, `output/sub/${sampleName}.json`)))}\n`
    )
  })

  it('writes to --out, and prints infos with --verbose', async () => {
    const cwd = workspace({'notes/x.md': sampleNote})
    const {code, stderr} = await infonote(cwd, 'convert', 'notes/x.md', '--out', 'records', '--verbose')
    expect(code).toBe(0)
    expect(stderr.split('\n').slice(0, 2)).toEqual([
      'notes/x.md:3:17: info Read "¹" as a reference to footnote 1 [footnote-marker]',
      'notes/x.md:5:3: info Read "Event:**" as the label "Event:" (broken emphasis) [repaired-label-emphasis]'
    ])
    expect(stderr.split('\n').slice(-2)).toEqual([
      '1 note: 1 converted, 0 invalid (0 errors, 0 warnings) in 0.0 s; records/records.jsonl holds 1 record',
      ''
    ])
    expect(JSON.parse(read(cwd, 'records/x.json')).source.path).toBe('notes/x.md')
  })

  it('makes both notes of one output path output-collision errors', async () => {
    const cwd = workspace({'input/a.md': sampleNote, 'input/a.txt': sampleNote, 'output/a.json': 'stale'})
    expect(await infonote(cwd, 'convert', 'input')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'input/a.md:1:1: error Output "a.json" is also the output of "input/a.txt", expected one note per output file [output-collision]\n' +
        'input/a.txt:1:1: error Output "a.json" is also the output of "input/a.md", expected one note per output file [output-collision]\n' +
        rules(`output-collision  ${docs}output-collision.md`) +
        '2 notes: 0 converted, 2 invalid (2 errors, 0 warnings) in 0.0 s; output/records.jsonl holds 0 records\n'
    })
    expect(readdirSync(path.join(cwd, 'output')).sort()).toEqual(['.infonote-manifest.json', 'records.jsonl'])
    expect(read(cwd, 'output/records.jsonl')).toBe('')
  })

  it('keeps an id for the path that sorts first: later ones are duplicate-id errors', async () => {
    const cwd = workspace({'input/b.txt': sampleNote, 'input/a.txt': sampleNote})
    const id = '2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council'
    expect(await infonote(cwd, 'convert', 'input')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `input/b.txt:1:1: error Duplicate id "${id}", already used by "input/a.txt" [duplicate-id]\n` +
        rules(`duplicate-id  ${docs}duplicate-id.md`) +
        '2 notes: 1 converted, 1 invalid (1 error, 0 warnings) in 0.0 s; output/records.jsonl holds 1 record\n'
    })
    expect(readdirSync(path.join(cwd, 'output')).sort()).toEqual([
      '.infonote-manifest.json',
      'a.json',
      'records.jsonl'
    ])
  })

  it('sorts the feed by id', async () => {
    const later = sampleNote.toString('utf8').replace('12-14 March 2012', '1 April 2013')
    const cwd = workspace({'input/a.txt': later, 'input/b.txt': sampleNote})
    await infonote(cwd, 'convert', 'input')
    const ids = read(cwd, 'output/records.jsonl')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).id)
    expect(ids).toEqual([
      '2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council',
      '2013-04-01-seminar-for-the-andean-community-states-united-nations-security-council'
    ])
  })

  it('skips hidden entries, node_modules, other extensions and the output folder', async () => {
    const cwd = workspace({
      'notes/a.txt': sampleNote,
      'notes/.draft/b.txt': 'x',
      'notes/.c.md': 'x',
      'notes/node_modules/d.md': 'x',
      'notes/e.html': 'x',
      'notes/out/f.md': 'x'
    })
    expect(await infonote(cwd, 'convert', 'notes', '-o', 'notes/out')).toEqual({
      code: 0,
      stdout: '',
      stderr:
        '1 note: 1 converted, 0 invalid (0 errors, 0 warnings) in 0.0 s; notes/out/records.jsonl holds 1 record\n'
    })
  })

  it('reports output it cannot write, and the feed', async () => {
    const cwd = workspace({'a.txt': sampleNote, output: 'a file, not a folder'})
    const {code, stdout, stderr} = await infonote(cwd, 'convert', 'a.txt')
    expect({code, stdout}).toEqual({code: 1, stdout: ''})
    expect(stderr.replaceAll(cwd, '<cwd>')).toBe(
      'a.txt:1:1: error Cannot write "output/a.json": EEXIST: file already exists, mkdir \'<cwd>/output\' [unwritable-output]\n' +
        rules(`unwritable-output  ${docs}unwritable-output.md`) +
        'infonote: Cannot write "output/.infonote-manifest.json" and "output/records.jsonl": EEXIST: file already exists, mkdir \'<cwd>/output\'\n' +
        '1 note: 0 converted, 1 invalid (1 error, 0 warnings) in 0.0 s; output/records.jsonl not written\n'
    )
  })
})

describe('infonote validate', () => {
  it('passes the sample and writes nothing', async () => {
    const cwd = workspace({'input/a.txt': sampleNote})
    expect(await infonote(cwd, 'validate', 'input/a.txt')).toEqual({
      code: 0,
      stdout: '',
      stderr: '1 note checked: 1 valid, 0 invalid (0 errors, 0 warnings)\n'
    })
    expect(readdirSync(cwd)).toEqual(['input'])
  })

  it('fails a note without organizers, with the line', async () => {
    const cwd = workspace({'note.txt': withoutOrganizers})
    expect(await infonote(cwd, 'validate', 'note.txt')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'note.txt:5:1: error Missing organizers, expected a field like "Organizers: Government of Colombia, UNODA" [missing-organizers]\n' +
        rules(`missing-organizers  ${docs}missing-organizers.md`) +
        '1 note checked: 0 valid, 1 invalid (1 error, 0 warnings)\n'
    })
  })

  it('fails on warnings only with --strict', async () => {
    const cwd = workspace({'note.txt': sampleNote.toString('utf8').replace('Japan, USA', 'Japan, Atlantis')})
    const warning =
      'note.txt:8:127: warning Unexpected State "Atlantis", expected a country name like "Colombia" or "USA" [unknown-country]\n'
    expect(await infonote(cwd, 'validate', 'note.txt')).toEqual({
      code: 0,
      stdout: '',
      stderr: `${warning}${rules(`unknown-country  ${docs}unknown-country.md`)}1 note checked: 1 valid, 0 invalid (0 errors, 1 warning)\n`
    })
    expect((await infonote(cwd, 'validate', '--strict', 'note.txt')).code).toBe(1)
    expect((await infonote(cwd, 'convert', '--strict', 'note.txt')).code).toBe(1)
    expect(existsSync(path.join(cwd, 'output/note.json'))).toBe(true)
  })
})

describe('usage', () => {
  it.each([
    [['validate', '--frobnicate', 'x'], 'Unknown option "--frobnicate"'],
    [['convert', 'x', '--out'], 'Missing value for option "-o, --out"'],
    [['validate'], 'Missing path: name the notes or folders to read'],
    [['validate', 'nowhere'], 'Cannot find "nowhere": no such file or folder'],
    [['validate', 'empty'], 'No notes in "empty": expected .md, .markdown, .txt, .pdf, .docx files'],
    [['validate', '--out', 'o', 'x'], 'Unexpected option "--out": validate writes nothing'],
    [
      ['publish', 'x'],
      'Unknown command "publish", expected "convert", "validate", "text", "archive", "search" or "export"'
    ]
  ])('%j exits 2', async (argv, message) => {
    const cwd = workspace({'x/a.md': sampleNote, 'empty/a.html': ''})
    expect(await infonote(cwd, ...argv)).toEqual({
      code: 2,
      stdout: '',
      stderr: `infonote: ${message}\nRun "infonote --help" for usage.\n`
    })
  })

  it('prints help and the version', async () => {
    const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'))
    expect(await infonote(repo, '--help')).toEqual({code: 0, stdout: help, stderr: ''})
    expect(await infonote(repo, 'convert', '--help')).toEqual({code: 0, stdout: help, stderr: ''})
    expect(await infonote(repo, '--version')).toEqual({code: 0, stdout: `${manifest.version}\n`, stderr: ''})
    expect(await infonote(repo)).toEqual({code: 2, stdout: help, stderr: ''})
  })
})

describe('the batch', () => {
  it('reports a note that cannot be read, and goes on', async () => {
    const cwd = workspace({'a.txt': sampleNote})
    const [missing, found] = await batch(
      [
        {path: 'gone.txt', absolute: path.join(cwd, 'gone.txt'), output: 'gone.json'},
        {path: 'a.txt', absolute: path.join(cwd, 'a.txt'), output: 'a.json'}
      ],
      cwd
    )
    expect(messageLines(missing?.messages ?? [])).toEqual([
      `1:1 error Cannot read this file: ENOENT: no such file or directory, stat '${path.join(cwd, 'gone.txt')}' unreadable-file`
    ])
    expect([missing?.status, found?.status]).toEqual(['unreadable', 'converted'])
  })
})

describe('the built executable', () => {
  it('runs as `infonote` from dist/', async () => {
    const cwd = workspace({'note.txt': withoutOrganizers})
    cpSync(path.join(repo, 'tests/fixtures/sample/input'), path.join(cwd, 'input'), {recursive: true})
    const bin = path.join(repo, 'dist/cli.js')
    expect(execFileSync(bin, ['validate', 'input'], {cwd, encoding: 'utf8', stdio: 'pipe'})).toBe('')
    const failed = spawnSync(bin, ['validate', 'note.txt'], {cwd, encoding: 'utf8'})
    expect([failed.status, failed.stdout, failed.stderr.split('\n')[0]]).toEqual([
      1,
      '',
      'note.txt:5:1: error Missing organizers, expected a field like "Organizers: Government of Colombia, UNODA" [missing-organizers]'
    ])
  })
})

describe('atomic writes', () => {
  it('leaves no temporary file when a write fails', async () => {
    const cwd = workspace({'out/a.json/keep': 'a folder where the file should go'})
    expect(() => writeFileAtomic(path.join(cwd, 'out/a.json'), '{}\n')).toThrow(/EISDIR|ENOTEMPTY|EEXIST/)
    expect(readdirSync(path.join(cwd, 'out'))).toEqual(['a.json'])
  })
})
