/**
 * infonote as a linter: exit policy, output volume, configuration
 * (discovery, precedence, bad files), suppression comments, standard input
 * and the source map.
 */
import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {run} from '../src/command.js'
import {organizations} from '../src/generated/organizations-data.js'
import {runCli, workspace} from './helpers.js'

function infonote(cwd: string, argv: string[], stdin = '') {
  return runCli(cwd, argv, {stdin})
}

/** A valid note with two warnings (an unknown State, no contact), and `extra` lines in its header. */
function note(...extra: string[]): string {
  return [
    'Information Note¹',
    '',
    '- Event: Workshop',
    '- Organizers: UNODA',
    '- Date and Venue: 12-14 March 2012, Bogota, Colombia',
    '- Participants: States: Colombia, Atlantis',
    ...extra,
    '',
    '1. Objectives',
    '',
    '- Raise awareness.',
    '',
    '¹ For information – not an official report.'
  ].join('\n')
}

const unknownState =
  'note.md:6:35: warning Unexpected State "Atlantis", expected a country name like "Colombia" or "USA" [unknown-country]'
const noContact =
  'note.md:3:1: warning Missing contact, expected an e-mail address such as "1540experts@un.org", a URL or a phone number [missing-contact]'
// compact's closing list of where each rule that spoke is documented.
const docs = 'https://github.com/infonote/infonote/blob/main/docs/rules/'
const rules = (...lines: string[]) => ['', 'Rules:', ...lines.map((line) => `  ${line}`)]
const warned = rules(
  `missing-contact  ${docs}missing-contact.md`,
  `unknown-country  ${docs}unknown-country.md`
)
const checked = (valid: number, invalid: number, errors: number, warnings: number) =>
  `1 note checked: ${valid} valid, ${invalid} invalid (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`

describe('exit policy and output volume', () => {
  it.each([
    [[], 0, [noContact, unknownState, ...warned, checked(1, 0, 0, 2)]],
    [
      ['--strict'],
      1,
      [noContact, unknownState, ...warned, checked(1, 0, 0, 2), 'infonote: failed: 2 warnings and --strict']
    ],
    [
      ['--frail'],
      1,
      [noContact, unknownState, ...warned, checked(1, 0, 0, 2), 'infonote: failed: 2 warnings and --strict']
    ],
    [['--max-warnings', '2'], 0, [noContact, unknownState, ...warned, checked(1, 0, 0, 2)]],
    [
      ['--max-warnings', '1'],
      1,
      [
        noContact,
        unknownState,
        ...warned,
        checked(1, 0, 0, 2),
        'infonote: failed: 2 warnings, more than --max-warnings 1'
      ]
    ],
    [['--quiet'], 0, []],
    [['--quiet', '--strict'], 1, ['infonote: failed: 2 warnings and --strict']],
    [['--silent', '--max-warnings', '0'], 1, []],
    [
      ['--verbose'],
      0,
      [
        'note.md:1:17: info Read "¹" as a reference to footnote 1 [footnote-marker]',
        noContact,
        unknownState,
        'note.md:8:1: info Read numbered list item "1. Objectives" as a section heading [list-item-heading]',
        'note.md:12:1: info Read the line starting with "¹" as the text of footnote 1 [footnote-marker]',
        ...rules(
          `footnote-marker    ${docs}footnote-marker.md`,
          `list-item-heading  ${docs}list-item-heading.md`,
          `missing-contact    ${docs}missing-contact.md`,
          `unknown-country    ${docs}unknown-country.md`
        ),
        checked(1, 0, 0, 2)
      ]
    ]
  ])('validate %j exits %i', async (flags, code, lines) => {
    const cwd = workspace({'note.md': note()})
    const result = await infonote(cwd, ['validate', 'note.md', ...flags])
    expect(result).toEqual({code, stdout: '', stderr: lines.map((line) => `${line}\n`).join('')})
  })

  it.each([
    [['--max-warnings', 'many'], 'Unexpected --max-warnings "many", expected a whole number'],
    [
      ['--format', 'xml'],
      'Unknown format "xml", expected compact, stylish, json, github, sarif, junit, html'
    ],
    [['--quiet', '--verbose'], 'Unexpected "--quiet" with "--verbose": choose one'],
    [['--source-map'], 'Unexpected option "--source-map": validate writes nothing'],
    [['--config', 'nowhere.json'], 'Cannot find configuration "nowhere.json"']
  ])('%j is a usage error', async (flags, message) => {
    const cwd = workspace({'note.md': note()})
    expect(await infonote(cwd, ['validate', 'note.md', ...flags])).toEqual({
      code: 2,
      stdout: '',
      stderr: `infonote: ${message}\nRun "infonote --help" for usage.\n`
    })
  })
})

describe('configuration', () => {
  const quiet = (cwd: string, ...argv: string[]) => infonote(cwd, ['validate', ...argv, '--format', 'json'])
  const rules = (result: {stdout: string}) =>
    (JSON.parse(result.stdout) as {messages: {ruleId: string; severity: string}[]}[]).flatMap((file) =>
      file.messages.map((message) => `${message.severity} ${message.ruleId}`)
    )

  it('is found from the working directory upward', async () => {
    const cwd = workspace({
      'infonote.config.json': '{"rules": {"missing-contact": "off", "unknown-country": "error"}}',
      'notes/note.md': note()
    })
    const result = await quiet(path.join(cwd, 'notes'), 'note.md')
    expect([result.code, rules(result)]).toEqual([1, ['error unknown-country']])
  })

  it('may be the "infonote" key of package.json', async () => {
    const cwd = workspace({
      'package.json': '{"name": "x", "infonote": {"rules": {"unknown-country": "off"}}}',
      'note.md': note()
    })
    expect(rules(await quiet(cwd, 'note.md'))).toEqual(['warning missing-contact'])
  })

  it('prefers infonote.config.json to package.json, the nearer to the farther, and --config to both', async () => {
    const cwd = workspace({
      'infonote.config.json': '{"rules": {"missing-contact": "info"}}',
      'sub/package.json': '{"infonote": {"rules": {"missing-contact": "error"}}}',
      'sub/infonote.config.json': '{"rules": {"missing-contact": "off"}}',
      'other.json': '{"rules": {"unknown-country": "off"}}',
      'sub/note.md': note()
    })
    const sub = path.join(cwd, 'sub')
    expect(rules(await quiet(sub, 'note.md'))).toEqual(['warning unknown-country'])
    expect(rules(await quiet(cwd, 'sub/note.md'))).toEqual(['warning unknown-country'])
    expect(rules(await quiet(sub, 'note.md', '--config', '../other.json'))).toEqual([
      'warning missing-contact'
    ])
  })

  it('adds labels and required parts', async () => {
    const cwd = workspace({
      'infonote.config.json': JSON.stringify({
        labels: {fields: {event: {en: ['Activity']}}, sections: {objectives: {en: ['Aims']}}},
        required: ['contact']
      }),
      'note.md': note().replace('- Event:', '- Activity:').replace('1. Objectives', '1. Aims')
    })
    const result = await quiet(cwd, 'note.md')
    expect([result.code, rules(result)]).toEqual([1, ['error missing-contact', 'warning unknown-country']])
  })

  it('chooses extensions and ignores files, from its own list and .infonoteignore', async () => {
    const cwd = workspace({
      'infonote.config.json': '{"extensions": [".note", ".md"], "ignore": ["drafts/"]}',
      'notes/.infonoteignore': 'old-*.note\n',
      'notes/a.note': note(),
      'notes/b.txt': 'not a note',
      'notes/old-c.note': 'x',
      'notes/drafts/d.md': 'x'
    })
    expect(
      JSON.parse((await quiet(path.join(cwd, 'notes'), '.')).stdout).map((file: {path: string}) => file.path)
    ).toEqual(['a.note'])
  })

  it.each([
    [
      '{"rules": {"missing-contact": "loud"}}',
      'infonote.config.json:1:31: rules.missing-contact must be equal to one of the allowed values (off, info, warning, error)'
    ],
    [
      '{\n  "rules": {\n    "missing-event": "off"\n  }\n}',
      'infonote.config.json:3:5: "missing-event" is an error that cannot be turned off or lowered'
    ],
    [
      '{"rules": {"missing-events": "off"}}',
      'infonote.config.json:1:12: "missing-events" is not a rule of infonote (see docs/rules/README.md)'
    ],
    [
      '{"labels": {"fields": {"event": {"de": ["Veranstaltung"]}}}}',
      'infonote.config.json:1:34: labels.fields.event.de must NOT have additional properties'
    ],
    ['{"rules": {"missing-contact": "off",}}', 'infonote.config.json:1:37: property name expected'],
    ['', 'infonote.config.json:1:1: value expected']
  ])('rejects %j with its line and column (exit 2)', async (text, problem) => {
    const cwd = workspace({'infonote.config.json': text, 'note.md': note()})
    expect(await infonote(cwd, ['validate', 'note.md'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `infonote: Invalid configuration ${problem}\nRun "infonote --help" for usage.\n`
    })
  })
})

describe('suppression comments', () => {
  it.each([
    [
      'disable-next-line one rule',
      ['<!-- infonote-disable-next-line unknown-country -->'],
      [noContact, ...rules(`missing-contact  ${docs}missing-contact.md`)]
    ],
    [
      'disable all rules from there on',
      ['<!-- infonote-disable -->'],
      [noContact, ...rules(`missing-contact  ${docs}missing-contact.md`)]
    ],
    [
      'disable, then enable',
      ['<!-- infonote-disable unknown-country -->', '<!-- infonote-enable unknown-country -->'],
      [noContact, ...rules(`missing-contact  ${docs}missing-contact.md`)]
    ],
    [
      'a rule not named stays',
      ['<!-- infonote-disable-next-line missing-title -->'],
      [noContact, unknownState, ...warned]
    ]
  ])('%s', async (_, comments, lines) => {
    const text = note()
      .split('\n')
      .flatMap((line) =>
        line.includes('Atlantis') ? [...comments.slice(0, 1), line, ...comments.slice(1)] : [line]
      )
      .join('\n')
    const cwd = workspace({'note.md': text})
    const result = await infonote(cwd, ['validate', 'note.md'])
    expect(result.stderr.split('\n').slice(0, -2)).toEqual(
      lines.map((line) => line.replace(':6:35:', ':7:35:'))
    )
  })

  it('works above the title and between header lines', async () => {
    const lines = note().split('\n')
    lines.splice(5, 0, '<!-- infonote-disable-next-line unknown-country -->')
    const cwd = workspace({'note.md': ['<!-- infonote-disable missing-contact -->', ...lines].join('\n')})
    expect((await infonote(cwd, ['validate', 'note.md', '--format', 'json'])).stdout).toBe(
      `${JSON.stringify([{path: 'note.md', messages: []}], null, 2)}\n`
    )
  })

  it('cannot silence an error', async () => {
    const cwd = workspace({
      'note.md': `<!-- infonote-disable -->\n${note().replace('- Organizers: UNODA\n', '')}`
    })
    expect(await infonote(cwd, ['validate', 'note.md', '--quiet'])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'note.md:4:1: error Missing organizers, expected a field like "Organizers: Government of Colombia, UNODA" [missing-organizers]\n' +
        `\nRules:\n  missing-organizers  ${docs}missing-organizers.md\n`
    })
  })
})

describe('standard input', () => {
  it('validates a note read from -, reported under --stdin-filepath', async () => {
    const cwd = workspace({})
    expect(await infonote(cwd, ['validate', '-', '--stdin-filepath', 'note.md'], note())).toEqual({
      code: 0,
      stdout: '',
      stderr: [noContact, unknownState, ...warned, checked(1, 0, 0, 2), ''].join('\n')
    })
    expect((await infonote(cwd, ['validate', '-', '--quiet'], 'Information Note')).stderr).toBe(
      '<stdin>:1:1: error Missing event, expected a field like "Event: Seminar on resolution 1540" [missing-event]\n' +
        '<stdin>:1:1: error Missing date, expected a field like "Date and Venue: 12-14 March 2012, Bogota, Colombia" [missing-date]\n' +
        '<stdin>:1:1: error Missing venue, expected a city and country like "Bogota, Colombia" after the date [missing-venue]\n' +
        '<stdin>:1:1: error Missing organizers, expected a field like "Organizers: Government of Colombia, UNODA" [missing-organizers]\n' +
        '<stdin>:1:1: error Missing sections, expected numbered sections like "1. Objectives" or "## 1. Objectives" [missing-sections]\n' +
        [
          '',
          'Rules:',
          `  missing-date        ${docs}missing-date.md`,
          `  missing-event       ${docs}missing-event.md`,
          `  missing-organizers  ${docs}missing-organizers.md`,
          `  missing-sections    ${docs}missing-sections.md`,
          `  missing-venue       ${docs}missing-venue.md`,
          ''
        ].join('\n')
    )
  })

  it('is for validate only', async () => {
    expect((await infonote(workspace({}), ['convert', '-'])).code).toBe(2)
  })
})

describe('source map', () => {
  const sample = readFileSync(
    new URL('fixtures/sample/input/000_8cd83aa58013035f.txt', import.meta.url),
    'utf8'
  )

  it('gives every leaf of the sample a source range that holds its text', async () => {
    const cwd = workspace({'input/sample.txt': sample})
    expect((await infonote(cwd, ['convert', 'input', '--source-map'])).code).toBe(0)
    const record = JSON.parse(readFileSync(path.join(cwd, 'output/sample.json'), 'utf8'))
    type Range = {start: {line: number; column: number; offset: number}; end: {offset: number}}
    const map = JSON.parse(readFileSync(path.join(cwd, 'output/sample.map.json'), 'utf8')) as Record<
      string,
      Range
    >

    const leaves: [string, unknown][] = []
    const walk = (value: unknown, pointer: string): void => {
      if (Array.isArray(value)) {
        for (const [index, item] of value.entries()) walk(item, `${pointer}/${index}`)
      } else if (value && typeof value === 'object')
        for (const [key, item] of Object.entries(value)) walk(item, `${pointer}/${key}`)
      else leaves.push([pointer, value])
    }
    walk(record, '')
    expect(Object.keys(map)).toEqual(leaves.map(([pointer]) => pointer))

    // Text copied from the note: its range holds it, markup and spacing aside.
    const derived =
      /^\/(?:id|schemaVersion|language|source\/.*)$|\/(?:countryCode|kind|category|marker|type|start|end|number|org)$/
    const plain = (text: string) => text.replaceAll('*', '').replace(/\s+/g, ' ').normalize('NFC')
    // An acronym the note does not give is the registry's, for the body it names.
    const registryAcronym = (pointer: string) => {
      const entry = pointer
        .split('/')
        .slice(1, -1)
        .reduce((value, key) => (value as Record<string, unknown>)[key], record as unknown) as {org?: string}
      return organizations.find((body) => body.id === entry.org)?.acronyms[0]
    }
    const missing = leaves
      .filter(([pointer]) => !derived.test(pointer))
      .filter(([pointer, value]) => !(pointer.endsWith('/acronym') && registryAcronym(pointer) === value))
      .filter(([pointer, value]) => {
        const range = map[pointer] as Range
        return !plain(sample.slice(range.start.offset, range.end.offset)).includes(String(value))
      })
    expect(missing).toEqual([])
    expect(map['/event/venue/countryCode']).toEqual({
      start: {line: 7, column: 47, offset: 389},
      end: {line: 7, column: 55, offset: 397}
    })
  })

  it('is removed with its record', async () => {
    const cwd = workspace({'input/sample.txt': sample})
    await infonote(cwd, ['convert', 'input', '--source-map'])
    writeFileSync(path.join(cwd, 'input/sample.txt'), 'broken')
    await infonote(cwd, ['convert', 'input', '--source-map'])
    expect(readFileSync(path.join(cwd, 'output/records.jsonl'), 'utf8')).toBe('')
    expect(() => readFileSync(path.join(cwd, 'output/sample.map.json'))).toThrow(/ENOENT/)
  })
})

describe('unusual inputs found in review', () => {
  it('reports a configuration that is a folder, and an array item at its line', async () => {
    const cwd = workspace({
      'conf/x': '',
      'infonote.config.json': '{\n "extensions": [".md",\n "txt"]\n}',
      'note.md': note()
    })
    expect((await infonote(cwd, ['validate', 'note.md', '--config', 'conf'])).stderr).toMatch(
      /^infonote: Cannot read configuration "conf": EISDIR/
    )
    expect((await infonote(cwd, ['validate', 'note.md'])).stderr).toBe(
      'infonote: Invalid configuration infonote.config.json:3:2: extensions.1 must match pattern "^\\.[A-Za-z0-9]+$"\nRun "infonote --help" for usage.\n'
    )
  })

  it('reads upper-case extensions, and an empty --stdin-filepath as <stdin>', async () => {
    const cwd = workspace({'infonote.config.json': '{"extensions": [".MD"]}', 'n/a.md': note()})
    expect((await infonote(cwd, ['validate', 'n'])).stderr.split('\n').at(-2)).toBe(checked(1, 0, 0, 2))
    expect(
      (await infonote(cwd, ['validate', '-', '--stdin-filepath', '', '--quiet'], 'Information Note')).stderr
    ).toMatch(/^<stdin>:1:1: error/)
  })
})

describe('interruption', () => {
  it('exits 130 on SIGINT and 143 on SIGTERM, saying what was kept', async () => {
    const cwd = workspace({'note.md': note()})
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143]
    ] as const) {
      const controller = new AbortController()
      controller.abort(signal)
      let stderr = ''
      const exit = await run(['convert', 'note.md', '--quiet'], {
        cwd,
        stdout: () => undefined,
        stderr: (text) => (stderr += text),
        stdin: () => new Uint8Array(),
        color: false,
        progress: false,
        signal: controller.signal
      })
      expect([exit, stderr]).toEqual([
        code,
        `infonote: stopped by ${signal}; what was written is complete, run again to finish\n`
      ])
    }
  })
})

describe('convert, run after run', () => {
  it('says which outputs it removed because their note is gone', async () => {
    const cwd = workspace({'notes/a.md': note(), 'notes/b.md': note().replace('Workshop', 'Seminar')})
    await infonote(cwd, ['convert', 'notes'])
    rmSync(path.join(cwd, 'notes/b.md'))
    expect((await infonote(cwd, ['convert', 'notes'])).stderr.split('\n').slice(-3, -1)).toEqual([
      'infonote: removed output/b.json: its note is gone',
      expect.stringMatching(
        /^1 note: 0 converted, 1 unchanged, 0 invalid \(0 errors, 2 warnings\) in \d+\.\d s; output\/records\.jsonl holds 1 record$/
      )
    ])
  })
})
