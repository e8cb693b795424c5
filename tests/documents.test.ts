/**
 * PDF and Word notes, made by the tests from the Markdown fixtures
 * (tests/render/): each gives the record of its Markdown; what cannot be
 * read gives its rule and never stops the batch; `infonote text` and
 * `convert --keep-text` show the Markdown read.
 */
import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {convert, convertDocument} from '../src/pipeline.js'
import run from '../src/worker.js'
import {messageLines, runCli, workspace} from './helpers.js'
import {renderDocx} from './render/docx.js'
import {imageOnlyPdf, renderPdf} from './render/pdf.js'
import {zip} from './render/zip.js'

const fixtures = path.join(import.meta.dirname, 'fixtures')
/** Every fixture written as UTF-8 Markdown: the ones a PDF or Word file can be rendered from. */
const markdownFixtures = readdirSync(fixtures).flatMap((name) =>
  readdirSync(path.join(fixtures, name, 'input'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => [name, path.join(fixtures, name, 'input', file)] as const)
)
const markdownNote = readFileSync(path.join(fixtures, 'markdown-note/input/2013-kuala-lumpur.md'), 'utf8')
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

describe('a note as a PDF and as a Word file', () => {
  it('reads fixtures in English, Spanish and French', () => {
    expect(markdownFixtures.length).toBe(19)
    expect(new Set(markdownFixtures.map(([name]) => name.slice(0, 3)))).toEqual(
      new Set(['en-', 'es-', 'fr-', 'mar'])
    )
  })

  it.each(markdownFixtures)(
    '%s gives the record of its Markdown, but for its source',
    {timeout: 60_000},
    async (_, file) => {
      const markdown = readFileSync(file)
      const {record, messages} = convert(markdown, {path: 'note.md'})
      const errors = messages.filter((message) => message.fatal).map((message) => message.ruleId)
      for (const [format, bytes] of [
        ['pdf', await renderPdf(markdown.toString('utf8'))],
        ['docx', await renderDocx(markdown.toString('utf8'))]
      ] as const) {
        const read = await convertDocument(bytes, {path: `note.${format}`})
        expect({
          record: read.record && {...read.record, source: record?.source},
          errors: read.messages.filter((message) => message.fatal).map((message) => message.ruleId)
        }).toEqual({record, errors})
        if (read.record)
          expect(read.record.source).toEqual({path: `note.${format}`, sha256: sha256(bytes), format})
      }
    }
  )

  it('places messages about a PDF at the page and the line of that page', {timeout: 30_000}, async () => {
    const note = markdownNote.replace('Indonesia, Malaysia', 'Indonesia, , Malaysia')
    const reason = 'Dropped an empty entry from the list "States" (a name may have been removed) empty-entry'
    expect(messageLines(convert(note).messages)).toEqual([`9:26 warning ${reason}`])
    const pdf = await convertDocument(await renderPdf(note), {path: 'note.pdf'})
    expect(messageLines(pdf.messages)).toEqual([`1:9 warning ${reason}`])
    const word = await convertDocument(await renderDocx(note), {path: 'note.docx'})
    expect(messageLines(word.messages)).toEqual([`13:26 warning ${reason}`])
  })

  it('reads a PDF or Word file by its first bytes when its name does not say', {
    timeout: 30_000
  }, async () => {
    for (const [format, bytes] of [
      ['pdf', await renderPdf(markdownNote)],
      ['docx', await renderDocx(markdownNote)]
    ] as const) {
      const {record} = await convertDocument(bytes, {path: '<stdin>'})
      expect(record?.source).toEqual({path: '<stdin>', sha256: sha256(bytes), format})
      expect((await convertDocument(bytes, {format})).record?.event.name).toBe(record?.event.name)
    }
  })
})

describe('infonote text', () => {
  it('prints the Markdown rebuilt from a two-page PDF, with --pages the page and line of each line', {
    timeout: 30_000
  }, async () => {
    const cwd = workspace({'note.pdf': await renderPdf(markdownNote)})
    const lines = [
      ['1:2', '## Information Note[^1]'],
      ['', ''],
      [
        '1:3',
        '**Event:** Regional Workshop on the Implementation of Resolution 1540 (2004) for South-East Asian States'
      ],
      ['1:5', '**Organizers:** Government of Malaysia; UNODA; the European Union (EU)'],
      ['1:6', '**Date:** Tuesday, 5 November 2013'],
      ['1:7', '**Venue:** Kuala Lumpur, Malaysia'],
      ['1:8', '**Participants:**'],
      ['', ''],
      ['1:9', '- **States:** Indonesia, Malaysia, Philippines, Singapore and Thailand'],
      ['1:10', '- **International organizations:** IAEA, INTERPOL'],
      ['1:11', '- **Civil society:** none'],
      ['', ''],
      ['2:2', '## 1. Objectives'],
      ['', ''],
      ['2:3', '- Review progress since the 2011 workshop:'],
      ['2:4', '  - national reports;'],
      ['2:5', '  - voluntary action plans.'],
      ['2:6', '- Identify assistance needs.'],
      ['', ''],
      ['2:7', '## 2. Highlights'],
      ['', ''],
      ['2:8', 'Delegates discussed _export controls_ and border security.'],
      ['', ''],
      ['2:9', 'The chair thanked the host.'],
      ['', ''],
      ['2:10', '## 3. Additional comments'],
      ['', ''],
      [
        '2:11',
        'Contact the experts at 1540experts@un.org or https://www.un.org/en/sc/1540/, Tel: +1 212 963 1234.'
      ],
      ['', ''],
      ['1:12', '[^1]: For information – not an official report.']
    ]
    expect(await runCli(cwd, ['text', 'note.pdf'])).toEqual({
      code: 0,
      stdout: `${lines.map(([, text]) => text).join('\n')}\n`,
      stderr: ''
    })
    expect(await runCli(cwd, ['text', '--pages', 'note.pdf'])).toEqual({
      code: 0,
      stdout: `${lines.map(([place, text]) => `${place?.padStart(4)} | ${text}`.trimEnd()).join('\n')}\n`,
      stderr: ''
    })
  })

  it('prints the Markdown of a Word file, and the text of a text note', {timeout: 30_000}, async () => {
    const cwd = workspace({'note.docx': await renderDocx(markdownNote), 'note.md': '# Note\r\n\r\nText\r\n'})
    const word = await runCli(cwd, ['text', 'note.docx'])
    expect(word.stdout.split('\n').slice(0, 9)).toEqual([
      '# Information Note[^1]',
      '',
      '**Event:** Regional Workshop on the Implementation of Resolution 1540 (2004) for South-East Asian States',
      '',
      '**Organizers:** Government of Malaysia; UNODA; the European Union (EU)',
      '',
      '**Date:** Tuesday, 5 November 2013',
      '',
      '**Venue:** Kuala Lumpur, Malaysia'
    ])
    expect(await runCli(cwd, ['text', 'note.md'])).toEqual({code: 0, stdout: '# Note\n\nText\n', stderr: ''})
  })

  it('says why a file cannot be read (exit 1), and what it expects (exit 2)', {timeout: 30_000}, async () => {
    const cwd = workspace({'scan.pdf': await imageOnlyPdf(), 'a.md': 'a', 'b.md': 'b'})
    expect(await runCli(cwd, ['text', 'scan.pdf'])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'scan.pdf:1:1: error Unexpected PDF with no text, only images: run OCR on it first (for example `ocrmypdf`), then read the result [no-text-layer]\n\nRules:\n  no-text-layer  https://github.com/infonote/infonote/blob/main/docs/rules/no-text-layer.md\n'
    })
    const usage = (message: string) => ({
      code: 2,
      stdout: '',
      stderr: `infonote: ${message}\nRun "infonote --help" for usage.\n`
    })
    expect(await runCli(cwd, ['text'])).toEqual(
      usage('Expected one file: infonote text <file.pdf|file.docx|note.md>')
    )
    expect(await runCli(cwd, ['text', 'a.md', 'b.md'])).toEqual(
      usage('Expected one file: infonote text <file.pdf|file.docx|note.md>')
    )
    expect(await runCli(cwd, ['text', 'gone.pdf'])).toEqual(usage('Cannot find "gone.pdf": no such file'))
    expect(await runCli(cwd, ['text', '--out', 'x', 'a.md'])).toEqual(
      usage('Unexpected option "--out": text takes only --pages and --config')
    )
    expect(await runCli(cwd, ['validate', '--pages', 'a.md'])).toEqual(
      usage('Unexpected option "--pages": only text takes it')
    )
  })
})

describe('a batch with PDF and Word notes', () => {
  it('gives each file that cannot be read its rule, and converts the others', {timeout: 60_000}, async () => {
    const pdf = await renderPdf(markdownNote)
    const cwd = workspace({
      'notes/a.md': markdownNote.replace('5 November 2013', '4 November 2013'),
      'notes/b.pdf': pdf,
      'notes/c.docx': await renderDocx(markdownNote.replace('5 November 2013', '6 November 2013')),
      'notes/cut.pdf': pdf.subarray(0, Math.floor(pdf.length / 2)),
      'notes/locked.pdf': await renderPdf(markdownNote, {encrypt: 'secret'}),
      'notes/not-a-zip.docx': 'PK? not a zip',
      'notes/old.docx': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'notes/scan.pdf': await imageOnlyPdf()
    })
    const {code, stderr} = await runCli(cwd, ['convert', 'notes'])
    expect(code).toBe(1)
    expect(stderr.split('\n').filter((line) => line.startsWith('notes/'))).toEqual([
      'notes/cut.pdf:1:1: error Unexpected PDF that cannot be read (Invalid PDF structure), expected a whole, valid PDF [unreadable-file]',
      'notes/locked.pdf:1:1: error Unexpected PDF protected by a password, expected one anyone can open: save an unprotected copy and read that [encrypted-file]',
      'notes/not-a-zip.docx:1:1: error Unexpected Word file that cannot be read (it is not a zip archive), expected a whole, valid .docx [unreadable-file]',
      'notes/old.docx:1:1: error Unexpected Word file in the old .doc format, expected a .docx: save it as .docx and read that [unreadable-file]',
      'notes/scan.pdf:1:1: error Unexpected PDF with no text, only images: run OCR on it first (for example `ocrmypdf`), then read the result [no-text-layer]'
    ])
    expect(stderr).toMatch(
      /^8 notes: 3 converted, 5 invalid \(5 errors, 0 warnings\) in \d+\.\d s; output\/records\.jsonl holds 3 records$/m
    )
    expect(readdirSync(path.join(cwd, 'output')).sort()).toEqual([
      '.infonote-manifest.json',
      'a.json',
      'b.json',
      'c.json',
      'records.jsonl'
    ])
  })

  it('writes the rebuilt Markdown beside the record with --keep-text, and removes it without', {
    timeout: 60_000
  }, async () => {
    const pdf = await renderPdf(markdownNote)
    const cwd = workspace({
      'notes/a.pdf': pdf,
      'notes/b.md': markdownNote.replace('5 November 2013', '6 November 2013')
    })
    expect((await runCli(cwd, ['convert', 'notes', '--keep-text'])).code).toBe(0)
    expect(readdirSync(path.join(cwd, 'output')).sort()).toEqual([
      '.infonote-manifest.json',
      'a.json',
      'a.md',
      'b.json',
      'records.jsonl'
    ])
    const text = await runCli(cwd, ['text', 'notes/a.pdf'])
    expect(readFileSync(path.join(cwd, 'output/a.md'), 'utf8')).toBe(text.stdout)
    expect(JSON.parse(readFileSync(path.join(cwd, 'output/a.json'), 'utf8')).source).toEqual({
      path: 'notes/a.pdf',
      sha256: sha256(pdf),
      format: 'pdf'
    })
    expect((await runCli(cwd, ['convert', 'notes'])).code).toBe(0)
    expect(existsSync(path.join(cwd, 'output/a.md'))).toBe(false)
  })

  it('finds an output collision between a.pdf and a.md', {timeout: 30_000}, async () => {
    const cwd = workspace({'notes/a.md': markdownNote, 'notes/a.pdf': await renderPdf(markdownNote)})
    const {code, stderr} = await runCli(cwd, ['convert', 'notes'])
    expect(code).toBe(1)
    expect(stderr.split('\n').filter((line) => line.includes('[output-collision]'))).toEqual([
      'notes/a.md:1:1: error Output "a.json" is also the output of "notes/a.pdf", expected one note per output file [output-collision]',
      'notes/a.pdf:1:1: error Output "a.json" is also the output of "notes/a.md", expected one note per output file [output-collision]'
    ])
  })
})

describe('a document that cannot be read', () => {
  /** The one message of converting `bytes` as `path`, as `line:col severity reason rule-id`. */
  async function only(bytes: Uint8Array, path: string, config = {}): Promise<string[]> {
    return messageLines((await convertDocument(bytes, {path, config})).messages)
  }

  it('is empty, too large, encrypted, or a zip without a document', {timeout: 30_000}, async () => {
    const compound = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
    const encrypted = Buffer.concat([Buffer.from(compound), Buffer.from('EncryptionInfo', 'utf16le')])
    const noDocument = zip(new Map([['[Content_Types].xml', Buffer.from('<Types/>')]]))
    expect([
      await only(new Uint8Array(), 'empty.pdf'),
      await only(await renderPdf(markdownNote), 'big.pdf', {maxBytes: 1000}),
      await only(encrypted, 'locked.docx'),
      await only(noDocument, 'empty.docx')
    ]).toEqual([
      ['1:1 error Unexpected empty file, expected an information note empty-file'],
      [
        expect.stringMatching(
          /^1:1 error Unexpected file of \d+ bytes, expected at most 1000 bytes \("maxBytes" in the configuration\); it was not read file-too-large$/
        )
      ],
      [
        '1:1 error Unexpected Word file protected by a password, expected one anyone can open: save an unprotected copy and read that encrypted-file'
      ],
      [
        '1:1 error Unexpected Word file that cannot be read (Could not find main document part. Are you sure this is a valid .docx file), expected a whole, valid .docx unreadable-file'
      ]
    ])
  })
})

describe('the worker task of a PDF', () => {
  it('gives the rebuilt Markdown with its pages, the reason there is none, or the Markdown beside the record', {
    timeout: 30_000
  }, async () => {
    const bytes = await renderPdf(markdownNote)
    const task = {path: 'note.pdf', bytes, config: {}, files: []}
    const listed = await run({...task, textOnly: {pages: true}})
    expect(listed.text?.split('\n').slice(0, 3)).toEqual([
      ' 1:2 | ## Information Note[^1]',
      '     |',
      ' 1:3 | **Event:** Regional Workshop on the Implementation of Resolution 1540 (2004) for South-East Asian States'
    ])
    expect(await run({...task, bytes: bytes.subarray(0, 100), textOnly: {pages: false}})).toEqual({
      messages: [
        {
          reason: 'Unexpected PDF that cannot be read (Invalid PDF structure), expected a whole, valid PDF',
          ruleId: 'unreadable-file',
          fatal: true,
          place: {line: 1, column: 1, offset: 0},
          url: 'https://github.com/infonote/infonote/blob/main/docs/rules/unreadable-file.md'
        }
      ]
    })
    const kept = await run({...task, files: ['.json', '.md']})
    expect(kept.files?.['.md']).toBe((await run({...task, textOnly: {pages: false}})).text)
    expect(JSON.parse(kept.files?.['.json'] ?? '').source.format).toBe('pdf')
  })
})

describe('infonote text on a file that is not a document', () => {
  it('says why a text note cannot be read, or is too large, and that a folder is not a file', async () => {
    const cwd = workspace({
      'bin.md': 'a\0b',
      'big.md': 'x'.repeat(200),
      'infonote.config.json': '{"maxBytes": 100}'
    })
    expect(await runCli(cwd, ['text', 'bin.md'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'bin.md:1:2: error Unexpected NUL byte (byte 1), expected a text file [binary-file]'
      )
    })
    expect(await runCli(cwd, ['text', 'big.md'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'big.md:1:1: error Unexpected file of 200 bytes, expected at most 100 bytes ("maxBytes" in the configuration); it was not read [file-too-large]'
      )
    })
    expect(await runCli(cwd, ['text', '.'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'infonote: Unexpected folder ".", expected one file\nRun "infonote --help" for usage.\n'
    })
  })
})
