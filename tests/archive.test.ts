import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {once} from 'node:events'
import {existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {hostname} from 'node:os'
import path from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import Database from 'better-sqlite3'
import {parse} from 'csv-parse/sync'
import {describe, expect, it} from 'vitest'
import {help} from '../src/command.js'
import {runCli, workspace} from './helpers.js'

const fixtures = path.join(import.meta.dirname, 'fixtures')
const fixture = (name: string, file: string) => readFileSync(path.join(fixtures, name, 'input', file))

const sample = {
  id: '2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council',
  file: 'notes/000_8cd83aa58013035f.txt',
  bytes: fixture('sample', '000_8cd83aa58013035f.txt')
}
const manama = {
  id: '2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation',
  file: 'notes/2014-manama.md',
  bytes: fixture('en-heading-labels', '2014-manama.md'),
  sha256: '8c9892a8c344aa3dd6fdb8b0800a418572cdae87a06c6ec6f4cee49fb50e5247'
}
const dakar = {
  id: '2016-06-01-table-ronde-nationale-sur-la-mise-a-jour-du-plan-d-action-national-du-senegal',
  file: 'notes/note-dakar-2016.md',
  bytes: fixture('fr-dakar-heading-labels', 'note-dakar-2016.md')
}
const invalid = {file: 'notes/bad-date.txt', bytes: fixture('invalid-note', 'bad-date.txt')}

/** A workspace with the three valid notes and the invalid one in notes/. */
function notesWorkspace(files: Record<string, string | Uint8Array> = {}): string {
  return workspace({
    [sample.file]: sample.bytes,
    [manama.file]: manama.bytes,
    [dakar.file]: dakar.bytes,
    [invalid.file]: invalid.bytes,
    ...files
  })
}

/** Runs the command line in-process; times read 0.0 s. */
async function infonote(cwd: string, ...argv: string[]) {
  const result = await runCli(cwd, argv)
  return {...result, stderr: result.stderr.replace(/ in \d+\.\d s;/g, ' in 0.0 s;')}
}

/** Runs `query` on the archive `file` (relative to `cwd`), and closes it. */
function query<T = Record<string, unknown>>(cwd: string, file: string, sql: string): T[] {
  const db = new Database(path.join(cwd, file), {fileMustExist: true})
  try {
    return db.prepare(sql).all() as T[]
  } finally {
    db.close()
  }
}

const tables = [
  'notes',
  'versions',
  'events',
  'organizers',
  'participants',
  'sections',
  'footnotes',
  'contacts',
  'organizations',
  'search'
]

function counts(cwd: string, file = 'output/archive.sqlite'): Record<string, number> {
  const sql = `SELECT ${tables.map((table) => `(SELECT count(*) FROM ${table}) AS ${table}`).join(', ')}`
  return query<Record<string, number>>(cwd, file, sql)[0] as Record<string, number>
}

const loadedCounts = {
  notes: 3,
  versions: 3,
  events: 3,
  organizers: 12,
  participants: 34,
  sections: 11,
  footnotes: 3,
  contacts: 5,
  organizations: 15,
  search: 3
}

/** `search --json` of the archive in `cwd`: its parsed results. */
async function searchJson(cwd: string, ...argv: string[]) {
  const {code, stdout, stderr} = await infonote(cwd, 'search', '--json', ...argv)
  expect({code, stderr}).toEqual({code: 0, stderr: ''})
  return JSON.parse(stdout) as {id: string}[]
}

const summaryLine = (text: string) => text.split('\n').at(-2)

describe('infonote archive', () => {
  it('loads the valid notes, reports the invalid one as validate does, and adds nothing the second time', async () => {
    const cwd = notesWorkspace()
    const validated = await infonote(cwd, 'validate', 'notes')
    const first = await infonote(cwd, 'archive', 'notes', '--jobs', '1')
    expect(first.code).toBe(1)
    expect(first.stdout).toBe('')
    expect(first.stderr).toBe(
      validated.stderr.replace(
        '4 notes checked: 3 valid, 1 invalid (3 errors, 4 warnings)\n',
        '4 notes: 3 added, 0 with a new version, 0 unchanged, 1 invalid (3 errors, 4 warnings) in 0.0 s; output/archive.sqlite holds 3 notes (3 versions)\n'
      )
    )
    expect(first.stderr).toContain(
      'notes/bad-date.txt:4:19: error Unexpected date "32 March 2012", expected a day, month and year like "12-14 March 2012" [unparsed-date]\n'
    )
    expect(counts(cwd)).toEqual(loadedCounts)
    const second = await infonote(cwd, 'archive', 'notes')
    expect({code: second.code, summary: summaryLine(second.stderr)}).toEqual({
      code: 1,
      summary:
        '4 notes: 0 added, 0 with a new version, 3 unchanged, 1 invalid (3 errors, 4 warnings) in 0.0 s; output/archive.sqlite holds 3 notes (3 versions)'
    })
    expect(counts(cwd)).toEqual(loadedCounts)
    expect(readdirSync(path.join(cwd, 'output'))).toEqual(['archive.sqlite'])
    expect(query(cwd, 'output/archive.sqlite', 'SELECT key, value FROM infonote ORDER BY key')).toEqual([
      {key: 'format', value: 'infonote archive'},
      {key: 'schema', value: '3'}
    ])
  })

  it('keeps the earlier version of a changed note, with its sha256 and record, and makes the new one current', async () => {
    const cwd = notesWorkspace()
    await infonote(cwd, 'convert', 'notes', '--out', 'converted')
    const before = readFileSync(path.join(cwd, 'converted/2014-manama.json'), 'utf8')
    await infonote(cwd, 'archive', 'notes', '--db', 'db/notes.sqlite')
    const changed = manama.bytes.toString('utf8').replace('for the coming year', 'for 2015')
    writeFileSync(path.join(cwd, manama.file), changed)
    const {stderr} = await infonote(cwd, 'archive', 'notes', '--db', 'db/notes.sqlite')
    expect(summaryLine(stderr)).toBe(
      '4 notes: 0 added, 1 with a new version, 2 unchanged, 1 invalid (3 errors, 4 warnings) in 0.0 s; db/notes.sqlite holds 3 notes (4 versions)'
    )
    const versions = query<{number: number; sha256: string; source_path: string; record: string}>(
      cwd,
      'db/notes.sqlite',
      `SELECT number, sha256, source_path, record, loaded_at FROM versions WHERE note_id = '${manama.id}' ORDER BY number`
    )
    const newSha = createHash('sha256').update(changed).digest('hex')
    expect(versions.map(({number, sha256, source_path}) => ({number, sha256, source_path}))).toEqual([
      {number: 1, sha256: manama.sha256, source_path: manama.file},
      {number: 2, sha256: newSha, source_path: manama.file}
    ])
    expect(versions[0]?.record).toBe(before)
    expect(JSON.parse(versions[1]?.record ?? '').source.sha256).toBe(newSha)
    expect(
      query(
        cwd,
        'db/notes.sqlite',
        `SELECT number FROM notes JOIN versions ON versions.id = notes.current_version WHERE notes.id = '${manama.id}'`
      )
    ).toEqual([{number: 2}])
    expect(counts(cwd, 'db/notes.sqlite')).toEqual({...loadedCounts, versions: 4})
    expect(await searchJson(cwd, 'coming', '--db', 'db/notes.sqlite')).toEqual([])
    expect(
      (await searchJson(cwd, 'priorities', '--db', 'db/notes.sqlite')).map(
        (hit) => (hit as {snippet?: string}).snippet
      )
    ).toEqual([
      '…the committee, chapter by chapter, and proposed **priorities** for 2015. Next steps More information is available…'
    ])
  })

  it('refuses a text file and another program’s database, and leaves them as they were', async () => {
    const cwd = notesWorkspace({'notes.txt': 'not an archive\n'})
    const other = new Database(path.join(cwd, 'other.sqlite'))
    other.exec("CREATE TABLE things (name TEXT); INSERT INTO things VALUES ('a')")
    other.close()
    const otherBytes = readFileSync(path.join(cwd, 'other.sqlite'))
    expect(await infonote(cwd, 'archive', 'notes', '--db', 'notes.txt')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'infonote: Refusing "notes.txt": it is not an SQLite database, not an infonote archive; give --db a new file or an archive infonote made\n'
    })
    expect(await infonote(cwd, 'search', 'peru', '--db', 'other.sqlite')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'infonote: Refusing "other.sqlite": it is an SQLite database of another program, not an infonote archive; give --db a new file or an archive infonote made\n'
    })
    expect(readFileSync(path.join(cwd, 'notes.txt'), 'utf8')).toBe('not an archive\n')
    expect(readFileSync(path.join(cwd, 'other.sqlite')).equals(otherBytes)).toBe(true)
    expect(readdirSync(cwd).sort()).toEqual(['notes', 'notes.txt', 'other.sqlite'])
  })

  it.each([
    ['no version', [], 'it has no version'],
    ['no infonote table', ['user_version = 3'], 'its "infonote" table does not say it is one']
  ])('refuses a database marked as ours with %s, and leaves it as it was', async (_, pragmas, why) => {
    const cwd = workspace()
    const file = path.join(cwd, 'marked.sqlite')
    const db = new Database(file)
    for (const pragma of ['application_id = 0x494E464F', ...pragmas]) db.pragma(pragma)
    db.exec('CREATE TABLE t (x)')
    db.close()
    const bytes = readFileSync(file)
    expect(await infonote(cwd, 'search', 'x', '--db', 'marked.sqlite')).toEqual({
      code: 2,
      stdout: '',
      stderr: `infonote: Refusing "marked.sqlite": ${why}, not an infonote archive; give --db a new file or an archive infonote made\n`
    })
    expect(readFileSync(file).equals(bytes)).toBe(true)
  })

  it('counts an unreadable note apart', async () => {
    const cwd = notesWorkspace()
    symlinkSync('nowhere', path.join(cwd, 'notes/broken.md'))
    const {code, stderr} = await infonote(cwd, 'archive', 'notes')
    expect({code, summary: summaryLine(stderr)}).toEqual({
      code: 1,
      summary:
        '5 notes: 3 added, 0 with a new version, 0 unchanged, 1 invalid, 1 unreadable (4 errors, 4 warnings) in 0.0 s; output/archive.sqlite holds 3 notes (3 versions)'
    })
  })

  it('refuses an archive of a newer version, and leaves it as it was', async () => {
    const cwd = notesWorkspace()
    await infonote(cwd, 'archive', 'notes')
    const db = new Database(path.join(cwd, 'output/archive.sqlite'))
    db.pragma('user_version = 4')
    db.close()
    const bytes = readFileSync(path.join(cwd, 'output/archive.sqlite'))
    const refusal =
      'infonote: Refusing "output/archive.sqlite": it is an infonote archive of version 4, newer than this infonote reads (3); use a newer infonote\n'
    expect(await infonote(cwd, 'archive', 'notes')).toEqual({code: 2, stdout: '', stderr: refusal})
    expect(
      await infonote(cwd, 'export', '--db', 'output/archive.sqlite', '--emit', 'jsonl', '--out', 'x')
    ).toEqual({
      code: 2,
      stdout: '',
      stderr: refusal
    })
    expect(readFileSync(path.join(cwd, 'output/archive.sqlite')).equals(bytes)).toBe(true)
    expect(readdirSync(path.join(cwd, 'output'))).toEqual(['archive.sqlite'])
  })

  it('migrates an archive of version 1: the organizations table, filled from the ids it holds, and the venue searched', async () => {
    const cwd = workspace({[dakar.file]: dakar.bytes})
    const old = new Database(path.join(cwd, 'old.sqlite'))
    old.exec(readFileSync(path.join(import.meta.dirname, 'archive/version-1.sql'), 'utf8'))
    old.close()
    expect(await searchJson(cwd, 'GCC', '--db', 'old.sqlite')).toEqual([
      {
        id: manama.id,
        name: 'National Workshop on the Development of a Voluntary National Implementation Action Plan for Resolution 1540 (2004)',
        start: '2014-12-29',
        end: '2015-01-02',
        city: 'Manama',
        countryCode: 'BH',
        snippet:
          'Bahrain; Kuwait; Oman; Qatar; Saudi Arabia; United Arab Emirates; **GCC** Secretariat; IAEA; OPCW; World Customs Organization…',
        source: 'input/2014-manama.md'
      }
    ])
    const file = 'old.sqlite'
    expect(query(cwd, file, 'SELECT * FROM pragma_user_version')).toEqual([{user_version: 3}])
    expect(query(cwd, file, "SELECT value FROM infonote WHERE key = 'schema'")).toEqual([{value: '3'}])
    // Version 3 counts positions from 1, as the CSV tables do.
    expect(
      query(
        cwd,
        file,
        'SELECT min(position) AS first FROM organizers UNION ALL SELECT min(position) FROM contacts'
      )
    ).toEqual([{first: 1}, {first: 1}])
    // And searches the venue, of the notes loaded before too.
    expect((await searchJson(cwd, 'venue:manama', '--db', file)).map((hit: {id: string}) => hit.id)).toEqual([
      manama.id
    ])
    expect(query(cwd, file, 'SELECT id, name, acronym FROM organizations ORDER BY id')).toEqual([
      {id: 'caricom', name: 'Caribbean Community', acronym: 'CARICOM'},
      {id: 'gcc', name: 'Cooperation Council for the Arab States of the Gulf', acronym: 'GCC'},
      {id: 'iaea', name: 'International Atomic Energy Agency', acronym: 'IAEA'},
      {id: 'oas', name: 'Organization of American States', acronym: 'OAS'},
      {id: 'opcw', name: 'Organisation for the Prohibition of Chemical Weapons', acronym: 'OPCW'},
      {id: 'sica', name: 'Central American Integration System', acronym: 'SICA'},
      {id: 'stanley-center', name: 'Stanley Center for Peace and Security', acronym: null},
      {id: 'stimson-center', name: 'Stimson Center', acronym: null},
      {id: 'unoda', name: 'United Nations Office for Disarmament Affairs', acronym: 'UNODA'},
      {id: 'unodc', name: 'United Nations Office on Drugs and Crime', acronym: 'UNODC'},
      {id: 'vertic', name: 'Verification Research, Training and Information Centre', acronym: 'VERTIC'},
      {id: 'wco', name: 'World Customs Organization', acronym: 'WCO'}
    ])
    expect(
      query(
        cwd,
        file,
        'SELECT "from", "table", "to" FROM pragma_foreign_key_list(\'organizers\') ORDER BY "from"'
      )
    ).toEqual([
      {from: 'note_id', table: 'notes', to: 'id'},
      {from: 'org', table: 'organizations', to: 'id'}
    ])
    const {code, stderr} = await infonote(cwd, 'archive', 'notes', '--db', file)
    expect({code, summary: summaryLine(stderr)}).toEqual({
      code: 0,
      summary:
        '1 note: 1 added, 0 with a new version, 0 unchanged, 0 invalid (0 errors, 0 warnings) in 0.0 s; old.sqlite holds 3 notes (3 versions)'
    })
    expect(
      query(
        cwd,
        file,
        "SELECT notes.id FROM organizers JOIN notes ON notes.id = organizers.note_id WHERE organizers.org = 'unoda' ORDER BY notes.id"
      )
    ).toEqual([{id: manama.id}, {id: dakar.id}])
  })
})

describe('infonote search', () => {
  it('finds notes by an organizer, a State and a word of Highlights', async () => {
    const cwd = notesWorkspace()
    await infonote(cwd, 'archive', 'notes')
    expect(await searchJson(cwd, 'Gulf')).toEqual([
      {
        id: manama.id,
        name: 'National Workshop on the Development of a Voluntary National Implementation Action Plan for Resolution 1540 (2004)',
        start: '2014-12-29',
        end: '2015-01-02',
        city: 'Manama',
        countryCode: 'BH',
        snippet:
          'Government of the Kingdom of Bahrain; **Gulf** Cooperation Council (GCC); UN Office for Disarmament Affairs (UNODA)',
        source: manama.file
      }
    ])
    expect(await searchJson(cwd, 'Peru')).toEqual([
      {
        id: sample.id,
        name: 'Seminar for the Andean Community States: United Nations Security Council Resolution 1540',
        start: '2012-03-12',
        end: '2012-03-14',
        city: 'Bogota',
        countryCode: 'CO',
        snippet:
          'Bolivia; Colombia; Ecuador; **Peru**; Canada; Finland; Japan; USA; Secretariat of the Andean Community; CARICOM; CWC; IAEA…',
        source: sample.file
      }
    ])
    expect(await searchJson(cwd, 'chapter')).toEqual([
      {
        id: manama.id,
        name: 'National Workshop on the Development of a Voluntary National Implementation Action Plan for Resolution 1540 (2004)',
        start: '2014-12-29',
        end: '2015-01-02',
        city: 'Manama',
        countryCode: 'BH',
        snippet:
          '…The experts of the 1540 Committee reviewed the draft action plan with the committee, **chapter** by…',
        source: manama.file
      }
    ])
  })

  it('prints one block a note for people, accents folded', async () => {
    const cwd = notesWorkspace()
    await infonote(cwd, 'archive', 'notes')
    expect(await infonote(cwd, 'search', 'senegal')).toEqual({
      code: 0,
      stdout:
        "Table ronde nationale sur la mise à jour du plan d'action national du Sénégal pour l'application de la résolution 1540 (2004)\n" +
        '  2016-06-01, Dakar, Sénégal\n' +
        "  Table ronde nationale sur la mise à jour du plan d'action national du **Sénégal** pour…\n" +
        `  ${dakar.id}  ${dakar.file}\n`,
      stderr: '1 note matches\n'
    })
  })

  it('makes the matched words bold in colour, and escapes what a note could use to move the cursor', async () => {
    const cwd = notesWorkspace({[dakar.file]: dakar.bytes.toString('utf8').replace('Dakar', 'Dakar\x1b[2J')})
    await infonote(cwd, 'archive', 'notes')
    expect(await runCli(cwd, ['search', 'senegal'], {color: true})).toEqual({
      code: 0,
      stdout:
        "Table ronde nationale sur la mise à jour du plan d'action national du Sénégal pour l'application de la résolution 1540 (2004)\n" +
        '  2016-06-01, Dakar\\x1B[2J, Sénégal\n' +
        "  Table ronde nationale sur la mise à jour du plan d'action national du \x1b[1mSénégal\x1b[22m pour…\n" +
        `  ${dakar.id}  ${dakar.file}\n`,
      stderr: '1 note matches\n'
    })
  })

  it('narrows by a body, a country and dates', async () => {
    const cwd = notesWorkspace()
    await infonote(cwd, 'archive', 'notes')
    const ids = async (...argv: string[]) => (await searchJson(cwd, ...argv)).map((hit) => hit.id)
    expect(await ids('1540', '--org', 'unoda')).toEqual([sample.id, manama.id, dakar.id])
    expect(await ids('1540', '--org', 'iaea')).toEqual([sample.id, manama.id])
    expect(await ids('1540', '--country', 'sn')).toEqual([dakar.id])
    expect(await ids('1540', '--from', '2013')).toEqual([manama.id, dakar.id])
    expect(await ids('1540', '--to', '2014-12-31')).toEqual([sample.id, manama.id])
    expect(await ids('1540', '--from', '2015-01-02', '--to', '2015-12')).toEqual([manama.id])
    expect(await ids('1540', '--from', '2015-01-03', '--to', '2015-12')).toEqual([])
  })

  it('says what is wrong with a query or an option, with exit code 2', async () => {
    const cwd = notesWorkspace()
    await infonote(cwd, 'archive', 'notes')
    const usage = (message: string) => ({
      code: 2,
      stdout: '',
      stderr: `infonote: ${message}\nRun "infonote --help" for usage.\n`
    })
    expect(await infonote(cwd, 'search', 'peru AND')).toEqual(
      usage(
        'Unexpected query "peru AND": syntax error near ""; expected FTS5 syntax, such as words, "a phrase", NEAR(a b), a OR b, name:word'
      )
    )
    expect(await infonote(cwd, 'search', 'city:lima')).toEqual(
      usage(
        'Unexpected query "city:lima": no such column: city; expected FTS5 syntax, such as words, "a phrase", NEAR(a b), a OR b, name:word'
      )
    )
    expect(await infonote(cwd, 'search', '"peru')).toEqual(
      usage(
        'Unexpected query ""peru": unterminated string; expected FTS5 syntax, such as words, "a phrase", NEAR(a b), a OR b, name:word'
      )
    )
    expect(await infonote(cwd, 'search', 'x', '--to', '2012-13')).toEqual(
      usage('Unexpected --to "2012-13", expected a day such as 2012-03-14 (or 2012-03, 2012)')
    )
    expect(await infonote(cwd, 'search', 'x', '--from', '2012-02-30')).toEqual(
      usage('Unexpected --from "2012-02-30", expected a day such as 2012-03-14 (or 2012-03, 2012)')
    )
    expect(await infonote(cwd, 'search', 'x', '--country', 'XX')).toEqual(
      usage('Unexpected --country "XX", expected an ISO 3166-1 alpha-2 code such as CO')
    )
    expect(await infonote(cwd, 'search', 'x', '--org', 'nobody')).toEqual(
      usage(
        'Unknown organization "nobody", expected an id of the registry such as unoda (see docs/organizations.md)'
      )
    )
    expect(await infonote(cwd, 'search')).toEqual(
      usage('Expected one query: infonote search "QUERY" [--db FILE] [--json]')
    )
  })

  it('says that an archive is missing, and makes none', async () => {
    const cwd = workspace()
    expect(await infonote(cwd, 'search', 'peru', '--db', 'none.sqlite')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'infonote: Cannot find the archive "none.sqlite": no such file; make it with "infonote archive <path>... --db none.sqlite"\n'
    })
    expect(existsSync(path.join(cwd, 'none.sqlite'))).toBe(false)
  })
})

describe('infonote export', () => {
  it('writes back the feed, the tables and the records convert writes for the same notes', async () => {
    const cwd = notesWorkspace()
    await infonote(cwd, 'convert', 'notes', '--out', 'converted', '--emit', 'json,jsonl,jsonld,csv')
    await infonote(cwd, 'archive', 'notes')
    expect(
      await infonote(
        cwd,
        'export',
        '--db',
        'output/archive.sqlite',
        '--emit',
        'csv,jsonld,jsonl,json',
        '--out',
        'exported'
      )
    ).toEqual({
      code: 0,
      stdout: '',
      stderr: '3 records exported from output/archive.sqlite: 13 files written to exported\n'
    })
    const read = (file: string) => readFileSync(path.join(cwd, file), 'utf8')
    const ids = [sample.id, manama.id, dakar.id]
    expect(readdirSync(path.join(cwd, 'exported')).sort()).toEqual(
      [
        ...ids.flatMap((id) => [`${id}.json`, `${id}.jsonld`]),
        'records.jsonl',
        ...['events', 'organizers', 'participants', 'sections', 'footnotes', 'contacts'].map(
          (name) => `${name}.csv`
        )
      ].sort()
    )
    for (const table of readdirSync(path.join(cwd, 'exported')).filter((file) => file.endsWith('.csv'))) {
      expect(read(`exported/${table}`)).toBe(read(`converted/${table}`))
    }
    expect(read(`exported/${manama.id}.jsonld`)).toBe(read('converted/2014-manama.jsonld'))
    expect(read('exported/records.jsonl')).toBe(read('converted/records.jsonl'))
    expect(read(`exported/${sample.id}.json`)).toBe(read('converted/000_8cd83aa58013035f.json'))
    expect(read(`exported/${manama.id}.json`)).toBe(read('converted/2014-manama.json'))
    expect(read(`exported/${dakar.id}.json`)).toBe(read('converted/note-dakar-2016.json'))
  })

  it('names the outputs it knows', async () => {
    const cwd = notesWorkspace()
    await infonote(cwd, 'archive', 'notes')
    expect(
      await infonote(cwd, 'export', '--db', 'output/archive.sqlite', '--emit', 'xml', '--out', 'x')
    ).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'infonote: Unknown output "xml" in --emit, expected json, jsonl, jsonld or csv\nRun "infonote --help" for usage.\n'
    })
    expect(existsSync(path.join(cwd, 'x'))).toBe(false)
  })
})

describe('docs/archive.md', () => {
  it('gives queries for the sqlite3 shell that answer as they say', async () => {
    const cwd = notesWorkspace()
    await infonote(cwd, 'archive', 'notes')
    const docs = readFileSync(path.join(import.meta.dirname, '../docs/archive.md'), 'utf8')
    const db = new Database(path.join(cwd, 'output/archive.sqlite'), {readonly: true})
    const answers = [...docs.matchAll(/^```sql\n([\s\S]*?)\n```$/gm)].map(([, sql]) =>
      db
        .prepare(sql ?? '')
        .raw()
        .all()
        .map((row) => (row as unknown[]).join('|').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/, '<loaded_at>'))
    )
    db.close()
    expect(answers).toEqual([
      [
        '2012-03-12|Seminar for the Andean Community States: United Nations Security Council Resolution 1540|Bogota',
        '2014-12-29|National Workshop on the Development of a Voluntary National Implementation Action Plan for Resolution 1540 (2004)|Manama',
        "2016-06-01|Table ronde nationale sur la mise à jour du plan d'action national du Sénégal pour l'application de la résolution 1540 (2004)|Dakar"
      ],
      [
        '2012-03-12|Seminar for the Andean Community States: United Nations Security Council Resolution 1540|Government of Colombia; Stimson Centre; Stanley Foundation; Office of the Assistant Secretary General of the Organization of American States; UN Office of Disarmament Affairs'
      ],
      [
        `${sample.id}|…enhance their internal legislative system, [control] [export] measures, and possible trainings related…`
      ],
      [
        'United Arab Emirates|AE|1',
        'Bahrain|BH|1',
        'Bolivia|BO|1',
        'Canada|CA|1',
        'Colombia|CO|1',
        'Ecuador|EC|1',
        'Finland|FI|1',
        'Japan|JP|1',
        'Kuwait|KW|1',
        'Oman|OM|1'
      ],
      [
        '1|a6da4045d8cea0c3ed5114f7ee03629aa3135fc7b5eda2f05b44ee05e9c0c284|<loaded_at>|Seminar for the Andean Community States: United Nations Security Council Resolution 1540'
      ]
    ])
  })
})

describe('a load that is killed', () => {
  it('leaves the archive as it was before that note, and search reads it meanwhile', {
    timeout: 120_000
  }, async () => {
    const cwd = notesWorkspace()
    const marker = path.join(cwd, 'held')
    const bin = path.join(import.meta.dirname, '../dist/cli.js')
    const child = spawn(
      process.execPath,
      [
        '--require',
        path.join(import.meta.dirname, 'hold-archive.cjs'),
        bin,
        'archive',
        'notes',
        '--jobs',
        '1'
      ],
      {cwd, env: {...process.env, INFONOTE_HOLD_AT: '2', INFONOTE_HOLD_MARKER: marker}, stdio: 'ignore'}
    )
    const closed = once(child, 'close')
    try {
      // No deadline: the test's timeout is the one.
      while (!existsSync(marker) && child.exitCode === null) await sleep(10)
      expect(child.exitCode).toBe(null)
      // The second note (Manama) is inside its transaction: a reader sees the first one only.
      expect(await searchJson(cwd, 'Manama OR Andean')).toEqual([
        expect.objectContaining({id: sample.id, city: 'Bogota'})
      ])
    } finally {
      child.kill('SIGKILL')
      await closed
    }
    const file = 'output/archive.sqlite'
    expect(query(cwd, file, 'PRAGMA integrity_check')).toEqual([{integrity_check: 'ok'}])
    expect(counts(cwd)).toEqual({
      notes: 1,
      versions: 1,
      events: 1,
      organizers: 5,
      participants: 19,
      sections: 4,
      footnotes: 1,
      contacts: 1,
      organizations: 9,
      search: 1
    })
    const {code, stderr} = await infonote(cwd, 'archive', 'notes')
    expect({code, summary: summaryLine(stderr)}).toEqual({
      code: 1,
      summary:
        '4 notes: 2 added, 0 with a new version, 1 unchanged, 1 invalid (3 errors, 4 warnings) in 0.0 s; output/archive.sqlite holds 3 notes (3 versions)'
    })
    expect(counts(cwd)).toEqual(loadedCounts)
  })
})

describe('the archive commands, as people use them', () => {
  it.each([['archive'], ['search'], ['export']])('%s --help prints the usage', async (command) => {
    expect(await infonote(workspace(), command, '--help')).toEqual({code: 0, stdout: help, stderr: ''})
  })

  it('prints each note found as a block, a one-day event with its one date, and how many match', async () => {
    const cwd = notesWorkspace()
    await infonote(cwd, 'archive', 'notes')
    expect(await infonote(cwd, 'search', 'Sénégal OR Andean')).toEqual({
      code: 0,
      stdout: [
        "Table ronde nationale sur la mise à jour du plan d'action national du Sénégal pour l'application de la résolution 1540 (2004)",
        '  2016-06-01, Dakar, Sénégal',
        "  Table ronde nationale sur la mise à jour du plan d'action national du **Sénégal** pour…",
        `  ${dakar.id}  ${dakar.file}`,
        '',
        'Seminar for the Andean Community States: United Nations Security Council Resolution 1540',
        '  2012-03-12 to 2012-03-14, Bogota, Colombia',
        '  Bolivia; Colombia; Ecuador; Peru; Canada; Finland; Japan; USA; Secretariat of the **Andean** Community; CARICOM; CWC; IAEA…',
        `  ${sample.id}  ${sample.file}`,
        ''
      ].join('\n'),
      stderr: '2 notes match\n'
    })
    // A year, as --to: its last day.
    expect((await searchJson(cwd, 'workshop', '--to', '2014')).map((hit) => hit.id)).toEqual([
      manama.id,
      sample.id
    ])
    expect((await searchJson(cwd, 'workshop', '--to', '2013-12')).map((hit) => hit.id)).toEqual([sample.id])
  })

  it('says why an archive cannot be used: a folder, a damaged file', async () => {
    const cwd = notesWorkspace({'folder/x': ''})
    expect(await infonote(cwd, 'search', 'peru', '--db', 'folder')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'infonote: Refusing "folder": it is a folder, expected an archive file\n'
    })
    await infonote(cwd, 'archive', 'notes')
    const file = path.join(cwd, 'output/archive.sqlite')
    const bytes = readFileSync(file)
    bytes.fill(0xff, 8192, 8192 * 3)
    writeFileSync(file, bytes)
    expect(await infonote(cwd, 'search', 'peru')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'infonote: Cannot use the archive "output/archive.sqlite": database disk image is malformed (SQLITE_CORRUPT)\n'
    })
  })

  it('stops a load at a signal, with what was loaded kept', async () => {
    const cwd = notesWorkspace()
    const controller = new AbortController()
    controller.abort('SIGTERM')
    const {code, stderr} = await runCli(cwd, ['archive', 'notes'], {signal: controller.signal})
    expect({code, stderr: stderr.replace(/ in \d+\.\d s;/, ' in 0.0 s;')}).toEqual({
      code: 143,
      stderr:
        '4 notes: 0 added, 0 with a new version, 0 unchanged, 0 invalid (0 errors, 0 warnings) in 0.0 s; output/archive.sqlite holds 0 notes (0 versions)\n' +
        'infonote: stopped by SIGTERM; the notes loaded are in the archive, run again to finish\n'
    })
  })
})

describe('infonote export, with bad input', () => {
  it.each([
    [
      ['export', 'notes', '--db', 'a.sqlite', '--emit', 'json', '--out', 'x'],
      'Unexpected path "notes": export reads --db'
    ],
    [
      ['export', '--db', 'a.sqlite', '--emit', 'json'],
      'Missing --out: infonote export --db FILE --emit jsonl --out DIR'
    ],
    [
      ['export', '--db', 'a.sqlite', '--emit', 'json', '--out', 'x', '--csv-bom'],
      'Unexpected "--csv-bom" without "csv" in --emit: it marks the CSV tables'
    ]
  ])('refuses %j with exit 2', async (argv, reason) => {
    const cwd = workspace()
    expect(await infonote(cwd, ...argv)).toEqual({
      code: 2,
      stdout: '',
      stderr: `infonote: ${reason}\nRun "infonote --help" for usage.\n`
    })
    expect(readdirSync(cwd)).toEqual([])
  })

  it('does not write into a folder another run writes to', async () => {
    const cwd = notesWorkspace()
    await infonote(cwd, 'archive', 'notes')
    const owner = {pid: process.pid, host: hostname(), started: '2026-11-30T08:00:00.000Z'}
    writeFileSync(path.join(cwd, 'output/.infonote.lock'), `${JSON.stringify(owner)}\n`)
    expect(
      await infonote(cwd, 'export', '--db', 'output/archive.sqlite', '--emit', 'jsonl', '--out', 'output')
    ).toEqual({
      code: 2,
      stdout: '',
      stderr: `infonote: Cannot write to "output": another infonote run (pid ${process.pid}, started 2026-11-30T08:00:00.000Z) is writing to this folder; wait for it to end, or stop it\n`
    })
    expect(readdirSync(path.join(cwd, 'output')).sort()).toEqual(['.infonote.lock', 'archive.sqlite'])
  })
})

describe('every fixture', () => {
  it('is loaded whole: the archive exports the feed convert writes', {timeout: 120_000}, async () => {
    const files: Record<string, Uint8Array> = {}
    for (const name of readdirSync(fixtures)) {
      for (const file of readdirSync(path.join(fixtures, name, 'input'))) {
        files[`notes/${name}/${file}`] = fixture(name, file)
      }
    }
    const cwd = workspace(files)
    await infonote(cwd, 'convert', 'notes', '--out', 'converted', '--emit', 'json,jsonl,csv')
    const {stderr} = await infonote(cwd, 'archive', 'notes')
    expect(summaryLine(stderr)).toBe(
      '35 notes: 31 added, 0 with a new version, 0 unchanged, 4 invalid (6 errors, 8 warnings) in 0.0 s; output/archive.sqlite holds 31 notes (31 versions)'
    )
    await infonote(cwd, 'export', '--db', 'output/archive.sqlite', '--emit', 'jsonl,csv', '--out', 'exported')
    const read = (file: string) => readFileSync(path.join(cwd, file), 'utf8')
    for (const file of ['records.jsonl', 'events.csv', 'participants.csv', 'sections.csv', 'contacts.csv']) {
      expect(read(`exported/${file}`), file).toBe(read(`converted/${file}`))
    }
    // Each table holds what the CSV table of the same name does (a group without participants aside).
    const table = (name: string) =>
      (parse(read(`converted/${name}.csv`), {columns: true}) as Record<string, string>[]).filter(
        (row) => name !== 'participants' || row.name !== ''
      )
    const rowsOf = (name: string) => table(name).length
    const bodies = new Set([...table('organizers'), ...table('participants')].map((row) => row.org))
    bodies.delete('')
    expect(counts(cwd)).toEqual({
      notes: 31,
      versions: 31,
      events: rowsOf('events'),
      organizers: rowsOf('organizers'),
      participants: rowsOf('participants'),
      sections: rowsOf('sections'),
      footnotes: rowsOf('footnotes'),
      contacts: rowsOf('contacts'),
      organizations: bodies.size,
      search: 31
    })
  })
})

describe('a note that gives only its event and date', () => {
  it('is archived and found, with nothing made up for what it leaves out', async () => {
    const cwd = workspace({
      'infonote.config.json': '{"required": []}\n',
      'notes/min.md': 'Information Note\n\n**Event:** Workshop on export controls\n\n**Date:** 5 May 2015\n'
    })
    expect((await infonote(cwd, 'archive', 'notes')).code).toBe(0)
    expect(await searchJson(cwd, 'export')).toEqual([
      {
        id: '2015-05-05-workshop-on-export-controls',
        name: 'Workshop on export controls',
        start: '2015-05-05',
        end: '2015-05-05',
        city: null,
        countryCode: null,
        snippet: 'Workshop on **export** controls',
        source: 'notes/min.md'
      }
    ])
    expect(counts(cwd)).toEqual({
      notes: 1,
      versions: 1,
      events: 1,
      organizers: 0,
      participants: 0,
      sections: 0,
      footnotes: 0,
      contacts: 0,
      organizations: 0,
      search: 1
    })
    expect(query(cwd, 'output/archive.sqlite', 'SELECT venue_text, title, language FROM events')).toEqual([
      {venue_text: null, title: 'Information Note', language: 'en'}
    ])
  })
})
