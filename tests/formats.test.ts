/**
 * The exact output of every format on one set of notes holding errors,
 * warnings and infos (golden files in tests/formats/expected/, written on a
 * local run when missing, a failure under CI=true), and the SARIF output
 * against the SARIF 2.1.0 JSON Schema. Text from notes and file names, any
 * Unicode and lone surrogates included (property tests), cannot reach a
 * terminal as a control, forge a workflow command, or break XML or JSON.
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import Ajv4 from 'ajv-draft-04'
import fc from 'fast-check'
import {SaxesParser, type SaxesTagPlain} from 'saxes'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {run} from '../src/command.js'
import {type FileReport, format, formats} from '../src/format.js'
import {severity} from '../src/message.js'
import type {Severity} from '../src/rules.js'
import {runCli, workspace} from './helpers.js'

const root = path.join(import.meta.dirname, 'formats')
const version = JSON.parse(readFileSync(path.join(import.meta.dirname, '../package.json'), 'utf8'))
  .version as string

function lint(...argv: string[]) {
  return runCli(root, ['validate', 'notes', ...argv])
}

const ajv = new Ajv4.default({strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false})
const sarifSchema = ajv.compile(
  JSON.parse(
    readFileSync(
      path.join(
        import.meta.dirname,
        '../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'
      ),
      'utf8'
    )
  )
)

/** What a conformant XML 1.0 parser (saxes) makes of `xml`: its first error, and every tag. */
function parseXml(xml: string): {error: string; tags: SaxesTagPlain[]} {
  const parser = new SaxesParser()
  const tags: SaxesTagPlain[] = []
  let error = ''
  parser.on('error', (found) => {
    error ||= found.message
  })
  parser.on('opentag', (tag) => tags.push(tag))
  parser.write(xml).close()
  return {error, tags}
}

function wellFormed(xml: string): string {
  return parseXml(xml).error
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
    const log = JSON.parse((await lint('--format', 'sarif', '--verbose')).stdout)
    expect(sarifSchema(log), ajv.errorsText(sarifSchema.errors)).toBe(true)
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
      'a.md:1:1: warning Found 100% "odd"\\nthings, here [schema-pattern]\n' +
        '\n' +
        'Rules:\n' +
        '  schema-pattern  https://github.com/infonote/infonote/blob/main/docs/rules/schema.md\n'
    )
  })

  it('fails warnings in JUnit with --strict, and lists schema rules in SARIF', async () => {
    const message = file({start: {line: 1, column: 1}, end: {line: 1, column: 4}})
    expect(format('junit', [{path: 'a.md', messages: [message]}], options)).toContain(
      '<failure type="schema-pattern" message="Found 100% &quot;odd&quot;&#10;things, here">'
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
    expect(format('compact', [{path: 'a.md', messages: []}], options)).toBe('')
  })
})

describe('format, on text that comes from notes and file names', () => {
  const options = {color: false, version: '1.0.0', failing: ['error'] as Severity[]}
  const at = (reason: string, ruleId: string, fatal: boolean | undefined = false) => {
    const message = new VFileMessage(reason, {place: {line: 2, column: 3}, ruleId, source: 'infonote'})
    message.fatal = fatal
    return message
  }

  it('cannot clear the screen or colour a terminal', async () => {
    const note = readFileSync(path.join(root, 'notes/b-warnings.md'), 'utf8')
      .replace('Lima, Peru', 'Lima, \u001B[2J\u001B[32mALL CHECKS PASSED')
      .replace('Peru, Atlantis', 'Peru')
    const cwd = workspace({'notes/evil\u001B[2J\u202Egnp.md': note})
    const compact = await runCli(cwd, ['validate', 'notes'])
    expect(compact.code).toBe(0)
    // The rules that spoke, and the summary: the same after both formats.
    const ending = [
      'Rules:',
      '  missing-contact   https://github.com/infonote/infonote/blob/main/docs/rules/missing-contact.md',
      '  missing-footnote  https://github.com/infonote/infonote/blob/main/docs/rules/missing-footnote.md',
      '  unknown-country   https://github.com/infonote/infonote/blob/main/docs/rules/unknown-country.md',
      '1 note checked: 1 valid, 0 invalid (0 errors, 3 warnings)',
      ''
    ]
    expect(compact.stderr).toBe(
      [
        'notes/evil\\x1B[2J\\u202Egnp.md:3:1: warning Missing footnote, expected the disclaimer "¹ For information – not an official report…" [missing-footnote]',
        'notes/evil\\x1B[2J\\u202Egnp.md:3:1: warning Missing contact, expected an e-mail address such as "1540experts@un.org", a URL or a phone number [missing-contact]',
        'notes/evil\\x1B[2J\\u202Egnp.md:5:38: warning Unexpected country "\\x1B[2J\\x1B[32mALL CHECKS PASSED" in the venue, expected a country name like "Colombia" [unknown-country]',
        '',
        ...ending
      ].join('\n')
    )
    const stylish = await runCli(cwd, ['validate', 'notes', '--format', 'stylish'], {color: true})
    expect(stylish.stderr).toBe(
      [
        '\u001B[4mnotes/evil\\x1B[2J\\u202Egnp.md\u001B[0m',
        '  3:1        \u001B[33mwarning\u001B[0m  Missing footnote, expected the disclaimer "¹ For information – not an official report…"  \u001B[2mmissing-footnote\u001B[0m',
        '  3:1        \u001B[33mwarning\u001B[0m  Missing contact, expected an e-mail address such as "1540experts@un.org", a URL or a phone number  \u001B[2mmissing-contact\u001B[0m',
        '  5:38-5:64  \u001B[33mwarning\u001B[0m  Unexpected country "\\x1B[2J\\x1B[32mALL CHECKS PASSED" in the venue, expected a country name like "Colombia"  \u001B[2munknown-country\u001B[0m',
        '',
        '\u001B[33m⚠\u001B[0m 3 problems (0 errors, 3 warnings)',
        '',
        ...ending
      ].join('\n')
    )
  })

  it('writes every control, bidi control and lone surrogate as an escape, on one line', () => {
    const reason = 'a\tb\r\nc\u0000\u007F\u0085\u009B\u202A\u202E\u2066\u2069\u2028\u2029\uD800 \\x1B é😀'
    const files = [{path: 'dir\\no\u0007te.md', messages: [at(reason, 'unknown-country')]}]
    const shown =
      'a\\tb\\r\\nc\\x00\\x7F\\x85\\x9B\\u202A\\u202E\\u2066\\u2069\\u2028\\u2029\\uD800 \\x1B é😀'
    const footer = [
      '',
      'Rules:',
      '  unknown-country  https://github.com/infonote/infonote/blob/main/docs/rules/unknown-country.md',
      ''
    ].join('\n')
    expect(format('compact', files, options)).toBe(
      `dir\\no\\x07te.md:2:3: warning ${shown} [unknown-country]\n${footer}`
    )
    expect(format('stylish', files, options)).toBe(
      `dir\\no\\x07te.md\n  2:3  warning  ${shown}  unknown-country\n\n⚠ 1 problem (0 errors, 1 warning)\n${footer}`
    )
  })

  it('lists each rule once, sorted, with its documentation, after the messages', () => {
    const files = [
      {path: 'b.md', messages: [at('b', 'schema-required', true), at('c', 'missing-contact')]},
      {path: 'a.md', messages: [at('a', 'schema-pattern', true), at('d', 'missing-contact')]}
    ]
    expect(format('compact', files, options)).toBe(
      [
        'b.md:2:3: error b [schema-required]',
        'b.md:2:3: warning c [missing-contact]',
        'a.md:2:3: error a [schema-pattern]',
        'a.md:2:3: warning d [missing-contact]',
        '',
        'Rules:',
        '  missing-contact  https://github.com/infonote/infonote/blob/main/docs/rules/missing-contact.md',
        '  schema-pattern   https://github.com/infonote/infonote/blob/main/docs/rules/schema.md',
        '  schema-required  https://github.com/infonote/infonote/blob/main/docs/rules/schema.md',
        ''
      ].join('\n')
    )
  })

  it('cannot forge a workflow command', () => {
    const files = [
      {
        path: 'x\n::error file=evil.md,line=1::forged.txt',
        messages: [at('Bad\n::error::forged\r::warning::too', 'unknown-country')]
      }
    ]
    const output = format('github', files, options)
    expect(output).toBe(
      '::warning file=x%0A%3A%3Aerror file=evil.md%2Cline=1%3A%3Aforged.txt,line=2,col=3,endLine=2,endColumn=3,' +
        'title=infonote(unknown-country)::Bad%0A::error::forged%0D::warning::too\n'
    )
    expect(output.split(/\r\n|\r|\n/).filter((line) => line.startsWith('::'))).toEqual([output.slice(0, -1)])
  })

  it('writes XML 1.0 for any text: what XML cannot hold becomes U+FFFD, code point by code point', () => {
    const files = [
      {
        path: 'a\u0001\uD83D.md',
        messages: [at('x\u0000\uDC00\uFFFE\uFFFF\uD83D\uDE00\t\r\n<&>"\'y', 'missing-organizers', true)]
      }
    ]
    const output = format('junit', files, options)
    expect(output).toContain(
      '    <testcase name="a\uFFFD\uFFFD.md" classname="infonote">\n' +
        '      <failure type="missing-organizers" message="x\uFFFD\uFFFD\uFFFD\uFFFD😀&#9;&#13;&#10;&lt;&amp;&gt;&quot;&apos;y">' +
        'a\\x01\\uD83D.md:2:3: error x\\x00\\uDC00\uFFFD\uFFFD😀\\t\\r\\n&lt;&amp;&gt;&quot;&apos;y [missing-organizers]</failure>\n'
    )
    expect(wellFormed(output)).toBe('')
  })

  it('writes SARIF for any text: JSON escapes lone surrogates', () => {
    const files = [{path: 'a\uD800/b c.md', messages: [at('x\uDFFF\u0000y', 'missing-organizers', true)]}]
    const output = format('sarif', files, options)
    expect(output).toContain('"text": "x\\udfff\\u0000y"')
    const log = JSON.parse(output)
    expect(log.runs[0].results[0].message.text).toBe('x\uDFFF\u0000y')
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'a%EF%BF%BD/b%20c.md'
    )
  })
})

describe('format, on any text (property tests)', () => {
  const options = {color: false, version: '1.0.0', failing: ['error'] as Severity[]}
  const runs = {numRuns: 200}
  // Any code point, controls and lone surrogates often, and the pieces of
  // escapes and commands.
  const text = fc
    .array(
      fc.oneof(
        fc.string({unit: 'binary', minLength: 1, maxLength: 1}),
        fc.integer({min: 0, max: 0x9f}).map((code) => String.fromCharCode(code)),
        fc.integer({min: 0xd800, max: 0xdfff}).map((code) => String.fromCharCode(code)),
        fc.constantFrom('\u001B[2J', '\u202E', '\u2066', '\u2028', '\uFFFE', '\uFFFF', '\r\n'),
        fc.constantFrom('::', '::error::', '%0A', '%25', '%', ',', ':', '=', '&#0;', ']]>')
      ),
      {maxLength: 16}
    )
    .map((parts) => parts.join(''))
  const message = fc
    .record({
      reason: text,
      ruleId: fc.constantFrom('missing-organizers', 'unknown-country', 'footnote-marker', 'schema-pattern'),
      fatal: fc.constantFrom(true, false, undefined),
      line: fc.integer({min: 1, max: 500}),
      column: fc.integer({min: 1, max: 200})
    })
    .map(({reason, ruleId, fatal, line, column}) => {
      const made = new VFileMessage(reason, {place: {line, column}, ruleId, source: 'infonote'})
      made.fatal = fatal
      return made
    })
  const reports = fc.array(fc.record({path: text, messages: fc.array(message, {maxLength: 3})}), {
    minLength: 1,
    maxLength: 3
  })
  const all = (files: readonly FileReport[]) => files.flatMap((file) => file.messages)
  const rulesOf = (files: readonly FileReport[]) => new Set(all(files).map((found) => found.ruleId)).size
  // UTF-8 cannot carry a lone surrogate: what survives the round trip was well-formed.
  const utf8 = (output: string) => Buffer.from(output, 'utf8').toString('utf8')

  it('compact and stylish print no control but line ends, and a line per message', () => {
    fc.assert(
      fc.property(reports, fc.boolean(), (files, color) => {
        const count = all(files).length
        const footer = count > 0 ? 2 + rulesOf(files) : 0
        const compact = format('compact', files, options)
        expect(unsafe(compact)).toEqual([])
        expect(compact.split('\n')).toHaveLength(count + footer + 1)
        const stylish = format('stylish', files, {...options, color})
        const painted = ['0', '1', '2', '4', '31', '33', '34'].map((code) => `\u001B[${code}m`)
        expect(unsafe(painted.reduce((plain, paint) => plain.replaceAll(paint, ''), stylish))).toEqual([])
        const blocks = files.filter((file) => file.messages.length > 0).length
        expect(stylish.split('\n')).toHaveLength(count + 2 * blocks + 1 + footer + 1)
      }),
      runs
    )
  }, 60_000)

  it('github writes one command per message, read back as the runner reads it', () => {
    const command = {error: '::error ', warning: '::warning ', info: '::notice '}
    fc.assert(
      fc.property(reports, (files) => {
        const lines = format('github', files, options).split(/\r\n|\r|\n/)
        expect(lines.pop()).toBe('')
        const messages = files.flatMap((file) => file.messages.map((found) => ({file, found})))
        expect(lines).toHaveLength(messages.length)
        for (const [index, {file, found}] of messages.entries()) {
          const line = lines[index] ?? ''
          expect(line.startsWith(command[severity(found)])).toBe(true)
          const read = readCommand(line)
          expect(read.properties.file ?? '').toBe(file.path)
          expect(read.data).toBe(found.reason)
        }
      }),
      runs
    )
  }, 60_000)

  it('junit is well-formed XML 1.0 that gives back each path and reason', () => {
    fc.assert(
      fc.property(reports, fc.constantFrom<Severity[]>(['error'], ['error', 'warning']), (files, failing) => {
        const output = format('junit', files, {...options, failing})
        const {error, tags} = parseXml(output)
        expect(error).toBe('')
        const attributes = (name: string, key: string) =>
          tags.filter((tag) => tag.name === name).map((tag) => tag.attributes[key])
        expect(attributes('testcase', 'name')).toEqual(files.map((file) => xmlChars(file.path)))
        const fails = all(files).filter((found) => failing.includes(severity(found)))
        expect(attributes('failure', 'message')).toEqual(fails.map((found) => xmlChars(found.reason)))
      }),
      runs
    )
  }, 60_000)

  it('sarif and json are valid, well-formed JSON that give back each path and reason', () => {
    fc.assert(
      fc.property(reports, (files) => {
        const sarif = format('sarif', files, options)
        expect(utf8(sarif)).toBe(sarif)
        const log = JSON.parse(sarif)
        expect(sarifSchema(log), ajv.errorsText(sarifSchema.errors)).toBe(true)
        const results: {
          message: {text: string}
          locations: {physicalLocation: {artifactLocation: {uri: string}}}[]
        }[] = log.runs[0].results
        const messages = files.flatMap((file) => file.messages.map((found) => ({file, found})))
        expect(results.map((result) => result.message.text)).toEqual(messages.map(({found}) => found.reason))
        expect(
          results.map((result) =>
            decodeURIComponent(result.locations[0]?.physicalLocation.artifactLocation.uri ?? '')
          )
        ).toEqual(messages.map(({file}) => replaced(file.path, (code) => code >= 0xd800 && code <= 0xdfff)))
        const json = format('json', files, options)
        expect(utf8(json)).toBe(json)
        expect(
          JSON.parse(json).map((file: {path: string; messages: {reason: string}[]}) => [
            file.path,
            ...file.messages.map((found) => found.reason)
          ])
        ).toEqual(files.map((file) => [file.path, ...file.messages.map((found) => found.reason)]))
      }),
      runs
    )
  }, 60_000)
})

/** Code points a terminal would act on: C0 but LF, DEL, C1, bidi controls, separators, lone surrogates. */
function unsafe(output: string): string[] {
  return Array.from(output)
    .map((char) => char.codePointAt(0) ?? 0)
    .filter(
      (code) =>
        (code < 0x20 && code !== 0x0a) ||
        (code >= 0x7f && code <= 0x9f) ||
        (code >= 0x2028 && code <= 0x202e) ||
        (code >= 0x2066 && code <= 0x2069) ||
        (code >= 0xd800 && code <= 0xdfff)
    )
    .map((code) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`)
}

/** `text` with U+FFFD for each code point that `drop` picks. */
function replaced(text: string, drop: (code: number) => boolean): string {
  return Array.from(text, (char) => (drop(char.codePointAt(0) ?? 0) ? '\uFFFD' : char)).join('')
}

/** `text` as XML 1.0 can hold it: no controls but tab and line breaks, no U+FFFE, U+FFFF or lone surrogates. */
function xmlChars(text: string): string {
  return replaced(
    text,
    (code) =>
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
      (code >= 0xd800 && code <= 0xdfff) ||
      code === 0xfffe ||
      code === 0xffff
  )
}

/** A workflow command line as the Actions runner parses it (ActionCommand.TryParseV2). */
function readCommand(line: string): {properties: Record<string, string>; data: string} {
  const end = line.indexOf('::', 2)
  const info = line.slice(2, end)
  const space = info.indexOf(' ')
  const properties: Record<string, string> = {}
  for (const pair of info.slice(space + 1).split(',')) {
    const equals = pair.indexOf('=')
    if (equals > 0 && equals < pair.length - 1)
      properties[pair.slice(0, equals)] = unescapeCommand(pair.slice(equals + 1), ['%3A', ':'], ['%2C', ','])
  }
  return {properties, data: unescapeCommand(line.slice(end + 2))}
}

function unescapeCommand(text: string, ...more: [string, string][]): string {
  const pairs: [string, string][] = [['%0D', '\r'], ['%0A', '\n'], ...more, ['%25', '%']]
  return pairs.reduce((result, [escaped, char]) => result.replaceAll(escaped, char), text)
}
