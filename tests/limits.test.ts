/**
 * Bad input, measured: each pathological note gets a clear message and exit
 * code, within a time budget (a ratio against converting the sample in the
 * same test, never a fixed time) and under 500 MB, and the rest of the batch
 * goes on. Run through the built command line, as a user would.
 */
import {spawn} from 'node:child_process'
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {badInputs} from '../scripts/bad-input.js'
import {convert} from '../src/index.js'
import {messageLines, runCli, workspace} from './helpers.js'

const bin = path.join(import.meta.dirname, '../dist/cli.js')
const measure = path.join(import.meta.dirname, '../scripts/measure.js')
const sample = readFileSync(path.join(import.meta.dirname, '../input/000_8cd83aa58013035f.txt'))
/** Budget of a bad note, in sample conversions: about 15 s where the sample takes 150 ms. */
const budget = 100

interface Run {
  code: number | null
  stderr: string
  ms: number
  /** Peak resident memory, in MB. */
  mb: number
}

/** Runs the built command line through scripts/measure.js, which gives its peak memory on fd 3. */
function infonote(cwd: string, ...argv: string[]): Promise<Run> {
  const started = performance.now()
  const child = spawn(process.execPath, [measure, bin, ...argv], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  let rss = ''
  child.stdio[2]?.on('data', (chunk) => (stderr += chunk))
  child.stdio[3]?.on('data', (chunk) => (rss += chunk))
  return new Promise((resolve) =>
    child.on('close', (code) =>
      resolve({code, stderr, ms: performance.now() - started, mb: Number(rss) / 1024})
    )
  )
}

describe('bad input', () => {
  it.each(badInputs)(
    '%s: a clear message, the batch goes on, within budget and 500 MB',
    async (_, note, timeoutMs, first) => {
      const cwd = workspace({
        'infonote.config.json': JSON.stringify({timeoutMs}),
        'notes/a.txt': sample,
        'notes/b.md': note(),
        'notes/c.txt': Buffer.from(String(sample).replace('Andean', 'Andes'))
      })
      const alone = await infonote(cwd, 'convert', 'notes/a.txt', '--out', 'alone')
      expect(alone.code).toBe(0)
      const run = await infonote(cwd, 'convert', 'notes', '--jobs', '1')
      const lines = run.stderr.split('\n')
      expect({
        code: run.code,
        first: lines[0],
        summary: lines.at(-2)?.replace(/ in \d+\.\d s;/, ';')
      }).toEqual({
        code: 1,
        first: `notes/b.md:${first}`,
        summary: expect.stringMatching(
          /^3 notes: 2 converted, 1 invalid \(\d+ errors?, \d+ warnings?\); output\/records\.jsonl holds 2 records$/
        )
      })
      expect(readdirSync(path.join(cwd, 'output')).sort()).toEqual([
        '.infonote-manifest.json',
        'a.json',
        'c.json',
        'records.jsonl'
      ])
      expect({overBudget: run.ms > budget * alone.ms, overMemory: run.mb > 500}).toEqual({
        overBudget: false,
        overMemory: false
      })
    },
    // The budget is asserted above; this only keeps a hung run from hanging the suite.
    180_000
  )

  it('escapes control characters from a note in the terminal, and reads NUL as a binary file', async () => {
    const cwd = workspace({
      'notes/a.md':
        'Information Note\n\n- Event: Workshop\n- Date and Venue: 12 March 2012, Bogota, Colombia\n- Participants: States: \u001b[2J\u001b[32mALL CHECKS PASSED\u0007\n',
      'notes/b.md': 'Information Note\0\n',
      // A file name that would be a workflow command on a line of its own.
      'notes/x\n::error file=evil.md,line=1::forged.md': 'Information Note\n'
    })
    const run = await infonote(cwd, 'validate', 'notes', '--quiet')
    expect([run.code, run.stderr.split('\n').filter((line) => line.startsWith('notes/'))]).toEqual([
      1,
      [
        'notes/a.md:3:1: error Missing organizers, expected a field like "Organizers: Government of Colombia, UNODA" [missing-organizers]',
        'notes/a.md:3:1: error Missing sections, expected numbered sections like "1. Objectives" or "## 1. Objectives" [missing-sections]',
        'notes/b.md:1:17: error Unexpected NUL byte (byte 16), expected a text file [binary-file]',
        'notes/x\\n::error file=evil.md,line=1::forged.md:1:1: error Missing event, expected a field like "Event: Seminar on resolution 1540" [missing-event]',
        'notes/x\\n::error file=evil.md,line=1::forged.md:1:1: error Missing date, expected a field like "Date and Venue: 12-14 March 2012, Bogota, Colombia" [missing-date]',
        'notes/x\\n::error file=evil.md,line=1::forged.md:1:1: error Missing venue, expected a city and country like "Bogota, Colombia" after the date [missing-venue]',
        'notes/x\\n::error file=evil.md,line=1::forged.md:1:1: error Missing organizers, expected a field like "Organizers: Government of Colombia, UNODA" [missing-organizers]',
        'notes/x\\n::error file=evil.md,line=1::forged.md:1:1: error Missing sections, expected numbered sections like "1. Objectives" or "## 1. Objectives" [missing-sections]'
      ]
    ])
    expect(run.stderr.split('\n').some((line) => line.startsWith('::'))).toBe(false)
    const warnings = await infonote(cwd, 'validate', 'notes/a.md')
    expect(warnings.stderr).toContain(
      'notes/a.md:5:25: warning Unexpected State "\\x1B[2J\\x1B[32mALL CHECKS PASSED\\x07", expected a country name like "Colombia" or "USA" [unknown-country]\n'
    )
  }, 60_000)
})

describe('nesting', () => {
  const lines = (text: string) =>
    messageLines(convert(`Information Note\n\n${text}\n`).messages).filter((line) =>
      line.includes('too-deeply-nested')
    )
  const deep = (place: string) => [
    `${place} error Unexpected nesting deeper than 100 levels (lists, block quotes, emphasis or links), expected a note nested a few levels deep too-deeply-nested`
  ]

  it.each([
    ['101 block quotes on a line', '> '.repeat(101), deep('3:201')],
    ['100 block quotes on a line', `${'> '.repeat(100)}a`, []],
    ['101 ordered list markers', `${'1. '.repeat(101)}a`, deep('3:301')],
    ['block quotes and list items', `${'> - '.repeat(60)}a`, deep('3:201')],
    ['a thematic break of 300 dashes', '- '.repeat(300), []],
    ['300 nested emphasis markers', `${'*'.repeat(300)}a${'*'.repeat(300)}`, deep('3:201')],
    [
      'lists nested by indentation, a line each',
      Array.from({length: 150}, (_, depth) => `${'  '.repeat(depth)}- a`).join('\n'),
      deep('103:201')
    ],
    ['200 brackets of links, which cannot nest', `${'['.repeat(200)}a${'](x)'.repeat(200)}`, []]
  ])('%s', (_, text, expected) => {
    expect(lines(text)).toEqual(expected)
  })
})

describe('limits in-process', () => {
  const slow = '**_'.repeat(20_000)

  it('refuses a file above maxBytes from its size, and one from standard input', async () => {
    const cwd = workspace({'infonote.config.json': '{"maxBytes": 1000}', 'notes/a.txt': sample})
    const tooLarge =
      'error Unexpected file of 4896 bytes, expected at most 1000 bytes ("maxBytes" in the configuration); it was not read [file-too-large]'
    expect((await runCli(cwd, ['convert', 'notes'])).stderr.split('\n')[0]).toBe(
      `notes/a.txt:1:1: ${tooLarge}`
    )
    expect((await runCli(cwd, ['validate', '-'], {stdin: String(sample)})).stderr.split('\n')[0]).toBe(
      `<stdin>:1:1: ${tooLarge}`
    )
  })

  it.each([
    // Below the in-process slice: stopped in-process.
    [50, '50 ms'],
    // Above it: moved to a thread, and stopped there.
    [1000, '1 s']
  ])('stops a note that takes longer than timeoutMs %i', async (timeoutMs, shown) => {
    const cwd = workspace({'infonote.config.json': JSON.stringify({timeoutMs}), 'notes/slow.md': slow})
    expect(await runCli(cwd, ['validate', 'notes', '--quiet'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `notes/slow.md:1:1: error Stopped converting this note after ${shown} ("timeoutMs" in the configuration), expected a note that converts in well under a second [conversion-timeout]\n\nRules:\n  conversion-timeout  https://github.com/infonote/infonote/blob/main/docs/rules/conversion-timeout.md\n`
    })
  })
})
