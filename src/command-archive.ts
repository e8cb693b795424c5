/**
 * `infonote archive`, `infonote search` and `infonote export`: the command
 * line of the embedded archive (src/archive/). `archive` converts notes as
 * `validate` checks them, reports the invalid ones the same way, and loads
 * the valid ones; `search` prints the current notes that match; `export`
 * writes the current records out through the emitters.
 */
import {mkdirSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import type Database from 'better-sqlite3'
import {exportRecords} from './archive/export.js'
import {type Loaded, Loader} from './archive/load.js'
import {ArchiveError, openArchive} from './archive/open.js'
import {type Hit, knowsOrganization, QueryError, search} from './archive/search.js'
import {type NoteResult, runBatch} from './batch.js'
import type {Io} from './command.js'
import {help, parseArguments, whole} from './command.js'
import {loadSettings, UsageError} from './config.js'
import {discover} from './discover.js'
import {emittersNamed, noOptions, outputsOf} from './emit/emitters.js'
import {type FileReport, format, plural, sortMessages, visible} from './format.js'
import {countries} from './generated/countries.js'
import {organizations as registry} from './generated/organizations-data.js'
import {version} from './generated/versions.js'
import {type Lock, LockedError, lock} from './lock.js'
import {severity} from './message.js'
import {OutputFolder} from './output-folder.js'
import {display} from './paths.js'

/** Where `archive` and `search` find the archive without `--db`. */
export const defaultDb = 'output/archive.sqlite'

/** Runs `archive`, `search` or `export` with the arguments after the command; resolves to the exit code. */
export function runArchiveCommand(command: string, argv: readonly string[], io: Io): Promise<number> {
  if (command === 'archive') return archiveCommand(argv, io)
  if (command === 'search') return searchCommand(argv, io)
  return exportCommand(argv, io)
}

/** `infonote archive <path>... [--db FILE] [--jobs n] [--config f]`. */
export async function archiveCommand(argv: readonly string[], io: Io): Promise<number> {
  const {values, positionals} = parseArguments(argv, {
    db: {type: 'string'},
    jobs: {type: 'string', short: 'j'},
    config: {type: 'string', short: 'c'},
    help: {type: 'boolean', short: 'h'}
  })
  if (values.help) return printHelp(io)
  const jobs = whole('--jobs', values.jobs, 1) ?? availableParallelism()
  const settings = loadSettings(io.cwd, values.config)
  const notes = discover(positionals, io.cwd, settings)
  const {file, shown} = dbPath(values.db, io.cwd)
  return withArchive(file, {create: true, shown}, io, async (db) => {
    const loader = new Loader(db, settings.config.organizations ?? [])
    const loaded: Record<Loaded, number> = {added: 0, updated: 0, unchanged: 0}
    const reports: FileReport[] = []
    const onNote = ({note, messages, record}: NoteResult) => {
      const shownMessages = sortMessages(messages).filter((message) => severity(message) !== 'info')
      reports.push({path: note.path, messages: shownMessages})
      if (record !== undefined) loaded[loader.load(record, new Date().toISOString())]++
    }
    const outcome = await runBatch(notes, {
      cwd: io.cwd,
      settings,
      jobs,
      // Each valid note's record comes back from the conversion, to be loaded.
      outputs: outputsOf(emittersNamed('json')),
      onNote,
      ...(io.signal ? {signal: io.signal} : {})
    })
    io.stderr(format('compact', reports, {color: io.color, version, failing: ['error']}))
    const {counts} = outcome
    const held = db
      .prepare('SELECT (SELECT count(*) FROM notes) AS notes, (SELECT count(*) FROM versions) AS versions')
      .get() as {notes: number; versions: number}
    const problems = `(${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')})`
    const bad = `${counts.invalid} invalid${counts.unreadable > 0 ? `, ${counts.unreadable} unreadable` : ''}`
    io.stderr(
      `${plural(counts.notes, 'note')}: ${loaded.added} added, ${loaded.updated} with a new version, ${loaded.unchanged} unchanged, ${bad} ${problems} in ${(outcome.time / 1000).toFixed(1)} s; ${visible(shown)} holds ${plural(held.notes, 'note')} (${plural(held.versions, 'version')})\n`
    )
    if (outcome.interrupted) {
      const signal = String(io.signal?.reason ?? 'SIGINT')
      io.stderr(`infonote: stopped by ${signal}; the notes loaded are in the archive, run again to finish\n`)
      return signal === 'SIGTERM' ? 143 : 130
    }
    return counts.invalid + counts.unreadable + counts.errors > 0 ? 1 : 0
  })
}

/** `infonote search "QUERY" [--db FILE] [--json] [--org ID] [--country CC] [--from DATE] [--to DATE]`. */
export async function searchCommand(argv: readonly string[], io: Io): Promise<number> {
  const {values, positionals} = parseArguments(argv, {
    db: {type: 'string'},
    json: {type: 'boolean'},
    org: {type: 'string'},
    country: {type: 'string'},
    from: {type: 'string'},
    to: {type: 'string'},
    help: {type: 'boolean', short: 'h'}
  })
  if (values.help) return printHelp(io)
  const [query, ...more] = positionals
  if (query === undefined || more.length > 0 || query.trim() === '') {
    throw new UsageError('Expected one query: infonote search "QUERY" [--db FILE] [--json]')
  }
  const filters = {
    ...optional('country', countryCode(values.country)),
    ...optional('from', day('--from', values.from, 'start')),
    ...optional('to', day('--to', values.to, 'end'))
  }
  const json = values.json === true
  const colour = !json && io.color
  const mark = colour ? {open: boldStart, close: boldEnd} : {open: '**', close: '**'}
  const {file, shown} = dbPath(values.db, io.cwd)
  return withArchive(file, {create: false, shown}, io, (db) => {
    const org = organization(db, values.org)
    let hits: Hit[]
    try {
      hits = search(db, {query, mark, ...filters, ...optional('org', org)})
    } catch (error) {
      if (!(error instanceof QueryError)) throw error
      throw new UsageError(
        `Unexpected query "${query}": ${error.message.replace(/^fts5: /, '')}; expected FTS5 syntax, such as words, "a phrase", NEAR(a b), a OR b, name:word`
      )
    }
    if (json) io.stdout(`${JSON.stringify(hits.map(jsonHit), null, 2)}\n`)
    else {
      io.stdout(hits.map((hit) => block(hit, colour)).join('\n'))
      io.stderr(`${hits.length === 1 ? '1 note matches' : `${hits.length} notes match`}\n`)
    }
    return Promise.resolve(0)
  })
}

/** `infonote export --db FILE --emit LIST --out DIR [--csv-bom]`. */
export async function exportCommand(argv: readonly string[], io: Io): Promise<number> {
  const {values, positionals} = parseArguments(argv, {
    db: {type: 'string'},
    emit: {type: 'string'},
    out: {type: 'string', short: 'o'},
    'csv-bom': {type: 'boolean'},
    help: {type: 'boolean', short: 'h'}
  })
  if (values.help) return printHelp(io)
  if (positionals.length > 0) throw new UsageError(`Unexpected path "${positionals[0]}": export reads --db`)
  for (const required of ['db', 'emit', 'out'] as const) {
    if (values[required] === undefined) {
      throw new UsageError(`Missing --${required}: infonote export --db FILE --emit jsonl --out DIR`)
    }
  }
  const outputs = outputsOf(
    emittersNamed(values.emit as string),
    {
      ...noOptions,
      csvBom: values['csv-bom'] === true
    },
    {fromRecordFiles: false}
  )
  const {file, shown} = dbPath(values.db, io.cwd)
  const out = path.resolve(io.cwd, values.out as string)
  const where = visible(display(out, io.cwd) || '.')
  return withArchive(file, {create: false, shown}, io, async (db) => {
    mkdirSync(out, {recursive: true})
    let held: Lock
    try {
      held = lock(out)
    } catch (error) {
      if (!(error instanceof LockedError)) throw error
      io.stderr(`infonote: Cannot write to "${where}": ${error.message}\n`)
      return 2
    }
    try {
      const {records, files} = exportRecords(db, new OutputFolder(out), outputs)
      io.stderr(
        `${plural(records, 'record')} exported from ${visible(shown)}: ${plural(files, 'file')} written to ${where}\n`
      )
      return 0
    } finally {
      held.release()
    }
  })
}

/**
 * Opens the archive, runs `use`, closes it. A refused or damaged archive
 * is exit code 2 with a message.
 */
async function withArchive(
  file: string,
  options: {create: boolean; shown: string},
  io: Io,
  use: (db: Database.Database) => Promise<number>
): Promise<number> {
  let db: Database.Database
  try {
    db = openArchive(file, options)
  } catch (error) {
    return refuse(error, options.shown, io)
  }
  try {
    return await use(db)
  } catch (error) {
    return refuse(error, options.shown, io)
  } finally {
    db.close()
  }
}

/** Says why the archive cannot be used (exit code 2); anything else is a bug, thrown on. */
function refuse(error: unknown, shown: string, io: Io): number {
  const {code, message} = error as {code?: unknown; message?: string}
  if (error instanceof ArchiveError) io.stderr(`infonote: ${visible(error.message)}\n`)
  else if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    io.stderr(`infonote: Cannot use the archive "${visible(shown)}": ${visible(message ?? code)} (${code})\n`)
  } else throw error
  return 2
}

function printHelp(io: Io): number {
  io.stdout(help)
  return 0
}

function dbPath(value: unknown, cwd: string): {file: string; shown: string} {
  const file = path.resolve(cwd, typeof value === 'string' ? value : defaultDb)
  return {file, shown: display(file, cwd)}
}

/** `{key: value}`, or nothing when the value is absent (`exactOptionalPropertyTypes`). */
function optional<K extends string>(key: K, value: string | undefined): {[key in K]?: string} {
  return (value === undefined ? {} : {[key]: value}) as {[key in K]?: string}
}

/** Where a matched word starts and ends in a coloured snippet: private-use characters, made bold once the text is made safe to print. */
const boldStart = '\uE000'
const boldEnd = '\uE001'

/** One note, for people: its event, dates and venue, the snippet, then its id and source. */
function block(hit: Hit, colour: boolean): string {
  const dates = hit.end && hit.end !== hit.start ? `${hit.start} to ${hit.end}` : hit.start
  const lines = [
    hit.name,
    `  ${dates}${hit.venue ? `, ${hit.venue}` : ''}`,
    `  ${oneLine(hit.snippet)}`,
    `  ${hit.id}${hit.source ? `  ${hit.source}` : ''}`
  ]
  const text = `${lines.map(visible).join('\n')}\n`
  return colour ? text.replaceAll(boldStart, '\x1b[1m').replaceAll(boldEnd, '\x1b[22m') : text
}

function jsonHit(hit: Hit): Omit<Hit, 'venue'> {
  const {id, name, start, end, city, countryCode, snippet, source} = hit
  return {id, name, start, end, city, countryCode, snippet: oneLine(snippet), source}
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

const knownCodes = new Set(countries.values())

function countryCode(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const code = value.toUpperCase()
  if (!knownCodes.has(code)) {
    throw new UsageError(`Unexpected --country "${value}", expected an ISO 3166-1 alpha-2 code such as CO`)
  }
  return code
}

/** A day from YYYY-MM-DD, YYYY-MM or YYYY: the first day of the month or year, or for `end` the last. */
function day(option: string, value: string | undefined, side: 'start' | 'end'): string | undefined {
  if (value === undefined) return undefined
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value)
  const [year, month, date] = [Number(match?.[1]), match?.[2], match?.[3]]
  const last = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()
  const valid =
    match !== null &&
    (month === undefined || (Number(month) >= 1 && Number(month) <= 12)) &&
    (date === undefined || (Number(date) >= 1 && Number(date) <= last(year, Number(month))))
  if (!valid) {
    throw new UsageError(
      `Unexpected ${option} "${value}", expected a day such as 2012-03-14 (or 2012-03, 2012)`
    )
  }
  const m = month ?? (side === 'start' ? '01' : '12')
  const d = date ?? (side === 'start' ? '01' : String(last(year, Number(m))).padStart(2, '0'))
  return `${match?.[1]}-${m}-${d}`
}

/** The `--org` id, which the registry or the archive must know. */
function organization(db: Database.Database, org: string | undefined): string | undefined {
  if (org === undefined) return undefined
  if (registry.some((body) => body.id === org) || knowsOrganization(db, org)) return org
  throw new UsageError(
    `Unknown organization "${org}", expected an id of the registry such as unoda (see docs/organizations.md)`
  )
}
