/**
 * The exact output of every format on one set of notes holding errors,
 * warnings and infos (golden files in tests/formats/expected/, written on a
 * local run when missing, a failure under CI=true), and the SARIF output
 * against the SARIF 2.1.0 JSON Schema.
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import Ajv4 from 'ajv-draft-04'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {run} from '../src/command.js'
import {format, formats} from '../src/format.js'
import type {Severity} from '../src/rules.js'
import {runCli} from './helpers.js'

const root = path.join(import.meta.dirname, 'formats')
const version = JSON.parse(readFileSync(path.join(import.meta.dirname, '../package.json'), 'utf8'))
  .version as string

function lint(...argv: string[]) {
  return runCli(root, ['validate', 'notes', ...argv])
}

function golden(name: string, output: string): void {
  // The version changes with releases; the golden files hold a placeholder.
  const actual = output.replaceAll(version, '0.0.0-test')
  const file = path.join(root, 'expected', name)
  if (!existsSync(file)) {
    if (process.env.CI && process.env.CI !== 'false')
      throw new Error(`Missing golden file ${name}: run the tests locally`)
    mkdirSync(path.dirname(file), {recursive: true})
    writeFileSync(file, actual)
  }
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

describe('formats', () => {
  it.each(formats)('%s', async (name) => {
    const {code, stdout, stderr} = await lint('--format', name, '--verbose')
    expect(code).toBe(1)
    const report = name === 'compact' || name === 'stylish' ? stderr : `${stdout}--- stderr ---\n${stderr}`
    golden(`${name}.txt`, report)
  })

  it('colours stylish output only when asked', async () => {
    const plain = (await lint('--format', 'stylish')).stderr
    expect(plain).not.toContain('\u001B[')
    let coloured = ''
    const code = await run(['validate', 'notes', '--format', 'stylish'], {
      cwd: root,
      stdout: () => undefined,
      stderr: (text) => (coloured += text),
      stdin: () => new Uint8Array(),
      color: true,
      progress: false
    })
    expect(code).toBe(1)
    golden('stylish-color.txt', coloured)
  })

  it('writes SARIF that the SARIF 2.1.0 schema accepts', async () => {
    const schema = JSON.parse(
      readFileSync(
        path.join(
          import.meta.dirname,
          '../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'
        ),
        'utf8'
      )
    )
    const ajv = new Ajv4.default({
      strict: false,
      allErrors: true,
      validateFormats: false,
      unicodeRegExp: false
    })
    const check = ajv.compile(schema)
    const log = JSON.parse((await lint('--format', 'sarif', '--verbose')).stdout)
    expect(check(log), ajv.errorsText(check.errors)).toBe(true)
    expect(
      log.runs[0].results.map((result: {ruleId: string; level: string}) => `${result.level} ${result.ruleId}`)
    ).toEqual([
      'note footnote-marker',
      'note repaired-label-emphasis',
      'note repaired-label-emphasis',
      'note repaired-label-emphasis',
      'note repaired-label-emphasis',
      'note list-item-heading',
      'note footnote-marker',
      'warning missing-footnote',
      'warning missing-contact',
      'warning unknown-country',
      'error missing-organizers',
      'warning missing-participants',
      'error unparsed-date',
      'note footnote-marker'
    ])
  })
})

describe('format, on messages of every shape', () => {
  const file = (
    place?:
      | {line: number; column: number}
      | {start: {line: number; column: number}; end: {line: number; column: number}}
  ) =>
    new VFile({path: 'a.md'}).message('Found 100% "odd"\nthings, here', {
      ...(place ? {place} : {}),
      ruleId: 'schema-pattern',
      source: 'infonote'
    })
  const options = {color: false, version: '1.0.0', failing: ['error', 'warning'] as Severity[]}

  it('escapes workflow command data and properties', async () => {
    const message = file({line: 2, column: 3})
    expect(format('github', [{path: 'x:y,z.md', messages: [message]}], options)).toBe(
      '::warning file=x%3Ay%2Cz.md,line=2,col=3,endLine=2,endColumn=3,title=infonote(schema-pattern)::Found 100%25 "odd"%0Athings, here\n'
    )
  })

  it('places a message without a place at 1:1', async () => {
    const message = file()
    expect(format('compact', [{path: 'a.md', messages: [message]}], options)).toBe(
      'a.md:1:1: warning Found 100% "odd"\nthings, here [schema-pattern]\n'
    )
  })

  it('fails warnings in JUnit with --strict, and lists schema rules in SARIF', async () => {
    const message = file({start: {line: 1, column: 1}, end: {line: 1, column: 4}})
    expect(format('junit', [{path: 'a.md', messages: [message]}], options)).toContain(
      '<failure type="schema-pattern" message="Found 100% &quot;odd&quot;\nthings, here">'
    )
    const log = JSON.parse(format('sarif', [{path: 'a b.md', messages: [message]}], options))
    expect(log.runs[0].tool.driver.rules.at(-1)).toEqual({
      id: 'schema-pattern',
      shortDescription: {text: 'The record breaks the schema.'},
      helpUri: 'https://github.com/infonote/infonote/blob/main/docs/rules/schema.md',
      defaultConfiguration: {level: 'error'}
    })
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('a%20b.md')
  })

  it('sums up files without problems', async () => {
    expect(format('stylish', [{path: 'a.md', messages: []}], options)).toBe(
      '✔ no problems (0 errors, 0 warnings)\n'
    )
  })
})
