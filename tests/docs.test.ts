/** The README must stay true: its rule table and options match the code. */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {help} from '../src/command.js'
import {docsUrl, type RuleId, rules} from '../src/rules.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

describe('README', () => {
  it('lists every rule with its severity and meaning', () => {
    const byId = (a: string[], b: string[]) => String(a[0]).localeCompare(String(b[0]))
    const rows = [...readme.matchAll(/^\| `([a-z0-9<>-]+)` \| (error|warning|info) \| (.+) \|$/gm)].map(
      ([, id, severity, summary]) => [String(id), String(severity), String(summary)]
    )
    expect(rows.sort(byId)).toEqual(
      [
        ...Object.entries(rules).map(([id, rule]): string[] => [id, rule.severity, rule.summary]),
        [
          'schema-<keyword>',
          'error',
          "The record breaks the schema's `<keyword>` (e.g. `schema-pattern`); a bug in infonote or a note it misread."
        ]
      ].sort(byId)
    )
  })

  it('documents every option of the command line', () => {
    const options = [...help.matchAll(/^\s+(?:(-\w), )?(--[a-z-]+)/gm)].map(([, short, long]) =>
      short ? `| \`${short}\`, \`${long}` : `| \`${long}`
    )
    expect(options).toEqual([
      '| `-o`, `--out',
      '| `--source-map',
      '| `--force',
      '| `-j`, `--jobs',
      '| `-f`, `--format',
      '| `--strict',
      '| `--max-warnings',
      '| `-q`, `--quiet',
      '| `--silent',
      '| `--verbose',
      '| `-c`, `--config',
      '| `--stdin-filepath',
      '| `-h`, `--help',
      '| `-v`, `--version'
    ])
    for (const option of options) expect(readme).toContain(option)
  })

  it('links every rule to its page, which gives its severity, an example and a fix', () => {
    const index = readFileSync(new URL('../docs/rules/README.md', import.meta.url), 'utf8')
    const pages = [...Object.entries(rules), ['schema', {severity: 'error'}] as const].map(([id, rule]) => {
      const page = readFileSync(new URL(`../docs/rules/${id}.md`, import.meta.url), 'utf8')
      return [
        page.startsWith(`# ${id === 'schema' ? 'schema-' : id}`),
        page.includes(`- **Default severity:** ${rule.severity}`),
        page.includes('## Example'),
        page.includes('## How to fix'),
        index.includes(`(${id}.md)`),
        docsUrl((id === 'schema' ? 'schema-pattern' : id) as RuleId).endsWith(`/docs/rules/${id}.md`)
      ]
    })
    expect(pages).toEqual(pages.map(() => [true, true, true, true, true, true]))
  })

  it('links rules under the repository of package.json', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    const repository = String(manifest.repository.url)
      .replace(/^git\+/, '')
      .replace(/\.git$/, '')
    expect(docsUrl('missing-event')).toBe(`${repository}/blob/main/docs/rules/missing-event.md`)
  })

  it('gives the two quick-start lines', () => {
    expect(readme).toContain('```sh\nnpm ci && npm start\nnpm test\n```')
  })
})
