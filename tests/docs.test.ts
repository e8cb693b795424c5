/** The documentation must stay true: README.md and docs/ match the code, and every link lands. */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import Database from 'better-sqlite3'
import {describe, expect, it} from 'vitest'
import {help} from '../src/command.js'
import {convert} from '../src/index.js'
import {builtInWords} from '../src/labels.js'
import {docsUrl, type RuleId, rules} from '../src/rules.js'
import {runCli, workspace} from './helpers.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const read = (file: string) => readFileSync(path.join(root, file), 'utf8')

const readme = read('README.md')
const ruleIndex = read('docs/rules/README.md')
/** README.md and every page under docs/, as `/`-separated paths from the root. */
const pages = [
  'README.md',
  ...readdirSync(path.join(root, 'docs'), {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file.split(path.sep).join('/')}`)
    .sort()
]
const sample = 'input/000_8cd83aa58013035f.txt'
/** What a reader sees without scrolling. */
const firstScreen = readme.split('\n').slice(0, 30).join('\n')

/** A table cell's words as the labels compare them: lowercase, no accents, `Objective(s)` spelled out. */
function fold(cell: string): string {
  return cell
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/(\p{L}+)\(s\)/gu, '$1, $1s')
}

/** The content of the first fenced block of `language` in `markdown`. */
function fenced(markdown: string, language: string): string | undefined {
  return new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)\\n\`\`\`$`, 'm').exec(markdown)?.[1]
}

/** The text outside fenced code blocks, where headings and links are Markdown. */
function prose(markdown: string): string {
  return markdown.replace(/^ *(`{3,}|~{3,})[^\n]*\n[\s\S]*?^ *\1[`~]* *$/gm, '')
}

/** GitHub's anchor of each heading of a page, `-1`, `-2` … added to repeats. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>()
  const slugs = new Set<string>()
  for (const [, text] of prose(markdown).matchAll(/^#{1,6} +(.+?) *#* *$/gm)) {
    const slug = String(text)
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[`*]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-')
    const count = seen.get(slug) ?? 0
    slugs.add(count === 0 ? slug : `${slug}-${count}`)
    seen.set(slug, count + 1)
  }
  return slugs
}

/** Relative link targets of a page (code spans and blocks left out), as written. */
function links(markdown: string): string[] {
  const text = prose(markdown).replace(/(`+)[\s\S]*?\1/g, '')
  return [...text.matchAll(/\]\(([^)\s]+)(?: "[^"]*")?\)/g)]
    .map(([, target]) => String(target))
    .filter((target) => !/^[a-z][a-z\d+.-]*:/i.test(target))
}

/** Where a link of `page` does not land: a missing file, or a missing heading for its `#anchor`. */
function brokenLink(page: string, target: string): string | undefined {
  const [file = '', anchor] = target.split('#')
  const resolved = file ? path.posix.join(path.posix.dirname(page), file) : page
  if (!existsSync(path.join(root, resolved))) return `${page}: ${target} (no ${resolved})`
  if (anchor === undefined) return undefined
  if (!resolved.endsWith('.md') || !anchors(read(resolved)).has(anchor)) {
    return `${page}: ${target} (no heading #${anchor} in ${resolved})`
  }
  return undefined
}

/**
 * JSON Pointers where `shown` is not part of `actual`: objects may leave keys out, arrays may leave
 * elements out (those shown keep their order), other values are equal.
 */
function notIn(shown: unknown, actual: unknown, pointer = ''): string[] {
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual)) return [pointer]
    let next = 0
    return shown.flatMap((element, index) => {
      const found = actual.findIndex((value, at) => at >= next && notIn(element, value).length === 0)
      if (found === -1) return [`${pointer}/${index}`]
      next = found + 1
      return []
    })
  }
  if (typeof shown === 'object' && shown !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return [pointer]
    return Object.entries(shown).flatMap(([key, value]) =>
      notIn(value, (actual as Record<string, unknown>)[key], `${pointer}/${key}`)
    )
  }
  return Object.is(shown, actual) ? [] : [pointer]
}

/** The content of the first fenced block of `language`, indented as in a list item, or not. */
function indentedFence(markdown: string, language: string): string | undefined {
  const match = new RegExp(`^( *)\`\`\`${language}\\n([\\s\\S]*?)\\n\\1\`\`\`$`, 'm').exec(markdown)
  return match?.[2]?.replace(new RegExp(`^${match[1]}`, 'gm'), '')
}

/** Each row a query of `sql` gives, as the `sqlite3` shell prints it: cells between `|`. */
function rows(file: string, sql: string): string[] {
  const db = new Database(file, {readonly: true})
  try {
    return db
      .prepare(sql)
      .raw()
      .all()
      .map((row) => (row as unknown[]).map((cell) => (cell === null ? '' : String(cell))).join('|'))
  } finally {
    db.close()
  }
}

describe('README', () => {
  it('gives the two quick-start lines and the example in the first 30 lines', () => {
    expect(firstScreen).toContain('```sh\nnpm ci && npm start\nnpm test\n```')
    expect(fenced(firstScreen, 'text')).toBeDefined()
    expect(fenced(firstScreen, 'json')).toBeDefined()
    expect(readme.split('\n').length).toBeLessThan(150)
  })

  it("shows true parts of the sample's outputs, and an archive query with its answer", {
    timeout: 60_000
  }, async () => {
    const outputs = readme.slice(
      readme.indexOf('## Outputs for archives'),
      readme.indexOf('## Documentation')
    )
    const cwd = workspace({[sample]: readFileSync(path.join(root, sample))})
    expect((await runCli(cwd, ['convert', 'input', '--emit', 'json,jsonl,jsonld,csv'])).code).toBe(0)
    const output = (file: string) => readFileSync(path.join(cwd, 'output', file), 'utf8')
    const line = (indentedFence(outputs, 'jsonl') ?? '').replace(/…$/, '')
    expect(output('records.jsonl').slice(0, line.length)).toBe(line)
    const shown = JSON.parse(indentedFence(outputs, 'json') ?? 'null')
    expect(notIn(shown, JSON.parse(output('000_8cd83aa58013035f.jsonld')))).toEqual([])
    const table = output('organizers.csv').split('\r\n')
    expect(
      indentedFence(outputs, 'csv')
        ?.split('\n')
        .filter((line) => !table.includes(line))
    ).toEqual([])
    expect((await runCli(cwd, ['archive', 'input'])).code).toBe(0)
    const [, sql = '', answer] = /^sqlite3 output\/archive\.sqlite "(.+)"\n# (.+)$/m.exec(outputs) ?? []
    expect(rows(path.join(cwd, 'output/archive.sqlite'), sql)).toEqual([answer])
  })

  it('quotes the sample note line for line', () => {
    const [, first, last] = /Lines (\d+)–(\d+) of the note in `input\/`/.exec(firstScreen) ?? []
    const lines = read(sample).split('\n')
    expect(fenced(firstScreen, 'text')).toBe(lines.slice(Number(first) - 1, Number(last)).join('\n'))
  })

  it('shows a true part of the record that note gives', () => {
    const {record, messages} = convert(readFileSync(path.join(root, sample)), {path: sample})
    expect(messages.filter((message) => message.fatal !== undefined)).toEqual([])
    expect(firstScreen).toContain(`give this part of \`output/${path.basename(sample, '.txt')}.json\``)
    const shown: unknown = JSON.parse(fenced(firstScreen, 'json') ?? 'null')
    expect(notIn(shown, record)).toEqual([])
    // The comparison does catch a wrong value.
    expect(notIn({event: {venue: {countryCode: 'XX'}}, participants: [{label: 'x'}]}, record)).toEqual([
      '/event/venue/countryCode',
      '/participants/0'
    ])
  })

  it('links every page of docs/', () => {
    const linked = links(readme)
    expect(
      pages.filter((page) => /^docs\/(?:[^/]+|rules\/README)\.md$/.test(page) && !linked.includes(page))
    ).toEqual([])
  })
})

describe('docs', () => {
  it('has links that land on a file, and on a heading for an #anchor', () => {
    const broken = pages.flatMap((page) => links(read(page)).map((target) => brokenLink(page, target)))
    expect(broken.filter(Boolean)).toEqual([])
  })

  it('finds GitHub anchors as GitHub makes them', () => {
    expect([
      ...anchors('# What `convert` writes\n## .infonoteignore\n## A [link](x.md), or two\n## Ab\n## Ab')
    ]).toEqual(['what-convert-writes', 'infonoteignore', 'a-link-or-two', 'ab', 'ab-1'])
  })

  it('lists every rule with its severity and meaning, in one table', () => {
    const byId = (a: string[], b: string[]) => String(a[0]).localeCompare(String(b[0]))
    const row = /^\| \[([a-z0-9&;-]+)\]\(([a-z0-9-]+)\.md\) \| (error|warning|info) \| (.+) \|$/gm
    const rows = [...ruleIndex.matchAll(row)].map(([, id, , severity, summary]) => [
      String(id).replace('&lt;', '<').replace('&gt;', '>'),
      String(severity),
      String(summary)
    ])
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
    const tables = pages.filter((page) => /^\| .+ \| (?:error|warning|info) \| .+ \|$/m.test(read(page)))
    expect(tables).toEqual(['docs/rules/README.md'])
  })

  it('documents every option of the command line', () => {
    const options = [...help.matchAll(/^\s+(?:(-\w), )?(--[a-z-]+)/gm)].map(([, short, long]) =>
      short ? `| \`${short}\`, \`${long}` : `| \`${long}`
    )
    expect(options).toEqual([
      '| `-o`, `--out',
      '| `--emit',
      '| `--csv-bom',
      '| `--source-map',
      '| `--keep-text',
      '| `--force',
      '| `--report',
      '| `-j`, `--jobs',
      '| `-f`, `--format',
      '| `--strict',
      '| `--max-warnings',
      '| `-q`, `--quiet',
      '| `--silent',
      '| `--verbose',
      '| `-c`, `--config',
      '| `--stdin-filepath',
      '| `--pages',
      '| `--db',
      '| `--json',
      '| `--org',
      '| `--country',
      '| `--from',
      '| `--to',
      '| `-h`, `--help',
      '| `-v`, `--version'
    ])
    const cli = read('docs/cli.md')
    for (const option of options) expect(cli).toContain(option)
  })

  it('lists every built-in field label and section title in docs/reading.md', () => {
    /** Each table row by its first cell: the words of each language's cell. */
    const rows = new Map<string, Set<string>[]>()
    for (const line of read('docs/reading.md').split('\n')) {
      if (!line.startsWith('| ')) continue
      const [name = '', ...cells] = line.slice(2, -2).split(' | ')
      rows.set(
        name,
        cells.map((cell) => new Set(fold(cell).split(', ')))
      )
    }
    const missing: string[] = []
    const {fields, sections} = builtInWords()
    for (const [key, byLanguage] of [...Object.entries(fields), ...Object.entries(sections)]) {
      const row = rows.get(key.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`))
      Object.values(byLanguage).forEach((words: readonly string[], language) => {
        for (const word of words) if (!row?.[language]?.has(word)) missing.push(`${key}: ${word}`)
      })
    }
    expect(missing).toEqual([])
  })

  it('links every rule to its page, which gives its severity, an example and a fix', () => {
    const checks = [...Object.entries(rules), ['schema', {severity: 'error'}] as const].map(([id, rule]) => {
      const page = read(`docs/rules/${id}.md`)
      return [
        page.startsWith(`# ${id === 'schema' ? 'schema-' : id}`),
        page.includes(`- **Default severity:** ${rule.severity}`),
        page.includes('## Example'),
        page.includes('## How to fix'),
        ruleIndex.includes(`(${id}.md)`),
        docsUrl((id === 'schema' ? 'schema-pattern' : id) as RuleId).endsWith(`/docs/rules/${id}.md`)
      ]
    })
    expect(checks).toEqual(checks.map(() => [true, true, true, true, true, true]))
  })

  it('links rules under the repository of package.json', () => {
    const manifest = JSON.parse(read('package.json'))
    const repository = String(manifest.repository.url)
      .replace(/^git\+/, '')
      .replace(/\.git$/, '')
    expect(docsUrl('missing-event')).toBe(`${repository}/blob/main/docs/rules/missing-event.md`)
  })
})
