/**
 * The `infonote` command line: a thin layer over discovery and the batch.
 */
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {type ParseArgsConfig, parseArgs} from 'node:util'
import {type NoteResult, type Outcome, runBatch} from './batch.js'
import {printText} from './command-text.js'
import {loadSettings, UsageError} from './config.js'
import {discover} from './discover.js'
import type {EmitOptions} from './emit/emitter.js'
import {emittersNamed, type Outputs, outputsOf} from './emit/emitters.js'
import {type FileReport, type Format, format, formats, plural, sortMessages, visible} from './format.js'
import {version} from './generated/versions.js'
import {LockedError} from './lock.js'
import {severity} from './message.js'
import {describe, display} from './paths.js'
import {progress} from './progress.js'
import {type ReportNote, reportNoteOf} from './report/note.js'
import {renderReport} from './report/render.js'
import type {Severity} from './rules.js'
import {writeFileAtomic} from './write.js'

export interface Io {
  cwd: string
  stdout(text: string): void
  stderr(text: string): void
  /** Reads all of standard input (for the path `-`). */
  stdin(): Uint8Array
  /** Whether standard error shows colours (a terminal, without NO_COLOR). */
  color: boolean
  /** Whether to draw a progress line on standard error (a terminal, not CI). */
  progress: boolean
  /** Aborted, with the signal's name as reason, when the user stops the run. */
  signal?: AbortSignal
}

export const help = `Usage: infonote <command> <path>... [options]

Turns information notes of the 1540 Committee into JSON records
validated against schemas/information-note.schema.json.

Commands:
  convert <path>...   write <out>/<note>.json for each valid note and
                      <out>/records.jsonl with all of them, sorted by id
                      (or the outputs --emit chooses)
  validate <path>...  check the notes and print their problems; write nothing
  text <file>         print the Markdown infonote reads from a PDF or Word
                      file (or the text of a text note)
  archive <path>...   convert the notes and load the valid ones into an
                      SQLite archive, output/archive.sqlite unless --db
                      says; a changed note adds a version (docs/archive.md)
  search "QUERY"      print the current notes of the archive that match
                      (FTS5 syntax); filters: --org, --country, --from, --to
  export              write the records of the archive out again, with
                      export --db FILE --emit LIST --out DIR

A path is a note, a folder (searched for .md, .markdown, .txt, .pdf and
.docx files; hidden entries, node_modules and ignored files skipped) or a
glob; for validate, - reads a note from standard input. Messages about a
PDF give page:line (the line on that page) where others give line:column.

Options:
  -o, --out <dir>            output folder of convert (default: output)
      --emit <list>          convert: the outputs to write, comma-separated:
                             json (<note>.json), jsonl (records.jsonl),
                             jsonld (<note>.jsonld), csv (events.csv and
                             the other tables); default json,jsonl
      --csv-bom              convert: CSV tables for spreadsheets: a byte
                             order mark, and a leading ' on cells that
                             would start a formula
      --source-map           convert: also write <note>.map.json, the source
                             range of every value of the record
      --keep-text            convert: also write <note>.md, the Markdown
                             rebuilt from each PDF or Word note
      --force                convert: convert every note, changed or not
      --report <file>        convert: also write the review report, one HTML
                             page to check the notes by eye (docs/report.md);
                             every note is converted, as with --force
  -j, --jobs <n>             threads to convert on (default: one per core;
                             fewer than 16 notes convert in-process)
  -f, --format <name>        compact (default), stylish, json, github,
                             sarif, junit, or html (validate: the review
                             report on standard output)
      --strict               exit 1 on warnings too (alias: --frail)
      --max-warnings <n>     exit 1 on more than n warnings
  -q, --quiet                print errors only
      --silent               print nothing (but usage errors)
      --verbose              also print infos (the repairs made to each note)
  -c, --config <file>        configuration to use instead of the nearest
                             infonote.config.json (or package.json "infonote")
      --stdin-filepath <p>   the path to report for a note read from -
      --pages                text: put page:line before each line
      --db <file>            archive, search, export: the archive (default:
                             output/archive.sqlite)
      --json                 search: print the matches as a JSON array
      --org <id>             search: events a body (its registry id)
                             organized or took part in
      --country <cc>         search: events in that country (ISO code)
      --from <date>          search: events that end on or after the date
                             (YYYY, YYYY-MM or YYYY-MM-DD)
      --to <date>            search: events that start on or before it
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 every note is valid; 1 a note is invalid or unreadable (or has
warnings, with --strict or beyond --max-warnings); 2 usage error (unknown
option, missing path, no notes found, bad configuration); 130 and 143
stopped by SIGINT and SIGTERM.
`

const options = {
  out: {type: 'string', short: 'o'},
  emit: {type: 'string'},
  'csv-bom': {type: 'boolean'},
  'source-map': {type: 'boolean'},
  'keep-text': {type: 'boolean'},
  force: {type: 'boolean'},
  report: {type: 'string'},
  jobs: {type: 'string', short: 'j'},
  format: {type: 'string', short: 'f'},
  strict: {type: 'boolean'},
  frail: {type: 'boolean'},
  'max-warnings': {type: 'string'},
  quiet: {type: 'boolean', short: 'q'},
  silent: {type: 'boolean'},
  verbose: {type: 'boolean'},
  config: {type: 'string', short: 'c'},
  'stdin-filepath': {type: 'string'},
  pages: {type: 'boolean'},
  help: {type: 'boolean', short: 'h'}
} as const

/** The commands of the archive: they read their own options, and load SQLite only when run (command-archive.ts). */
const archiveCommands: readonly string[] = ['archive', 'search', 'export']

type Values = ReturnType<typeof parse>['values']
type Command = 'convert' | 'validate'

/** Runs `infonote` with `argv` (without node and script); resolves to the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command === undefined || command === '-h' || command === '--help') {
      io.stdout(help)
      return command === undefined ? 2 : 0
    }
    if (command === '-v' || command === '--version') {
      io.stdout(`${version}\n`)
      return 0
    }
    if (archiveCommands.includes(command)) {
      const {runArchiveCommand} = await import('./command-archive.js')
      return await runArchiveCommand(command, rest, io)
    }
    if (command !== 'convert' && command !== 'validate' && command !== 'text') {
      throw new UsageError(
        `Unknown command "${command}", expected "convert", "validate", "text", "archive", "search" or "export"`
      )
    }
    const {values, positionals} = parse(rest)
    if (values.help) {
      io.stdout(help)
      return 0
    }
    if (command === 'text') {
      const other = Object.keys(values).find((key) => key !== 'pages' && key !== 'config')
      if (other) throw new UsageError(`Unexpected option "--${other}": text takes only --pages and --config`)
      return await printText(values, positionals, io)
    }
    if (values.pages) throw new UsageError('Unexpected option "--pages": only text takes it')
    return await check(command, values, positionals, io)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.stderr(`infonote: ${visible(error.message)}\nRun "infonote --help" for usage.\n`)
    return 2
  }
}

async function check(command: Command, values: Values, positionals: string[], io: Io): Promise<number> {
  const name = formatName(values.format)
  const maxWarnings = whole('--max-warnings', values['max-warnings'], 0)
  const jobs = whole('--jobs', values.jobs, 1) ?? availableParallelism()
  if (command === 'validate') {
    const writing = ['out', 'emit', 'csv-bom', 'source-map', 'keep-text', 'force', 'report'].find(
      (key) => values[key as keyof Values] !== undefined
    )
    if (writing) throw new UsageError(`Unexpected option "--${writing}": validate writes nothing`)
  }
  if (values['stdin-filepath'] !== undefined && !positionals.includes('-')) {
    throw new UsageError(
      'Unexpected "--stdin-filepath" without the path "-": it names the note read from standard input'
    )
  }
  if (command === 'convert' && positionals.includes('-')) {
    throw new UsageError(
      'Unexpected path "-": convert reads notes from files; use validate for standard input'
    )
  }
  if (values.quiet && values.verbose)
    throw new UsageError('Unexpected "--quiet" with "--verbose": choose one')
  if (command === 'convert' && name === 'html') {
    throw new UsageError('Unexpected "--format html" for convert: write the review report with --report FILE')
  }
  const reportFile = values.report === undefined ? undefined : path.resolve(io.cwd, values.report)
  const reporting = name === 'html' || reportFile !== undefined
  const reviewed: ReportNote[] = []

  const outputs =
    command === 'convert' ? outputsOf(emittersNamed(values.emit), emitOptions(values)) : undefined
  const settings = loadSettings(io.cwd, values.config)
  const out = command === 'convert' ? path.resolve(io.cwd, values.out ?? 'output') : undefined
  const paths = positionals.filter((given) => given !== '-')
  const stdin = positionals.includes('-')
  const notes = paths.length > 0 || !stdin ? discover(paths, io.cwd, settings, out ? [out] : []) : []
  if (stdin) {
    const notePath = values['stdin-filepath'] || '<stdin>'
    notes.push({path: notePath, absolute: '', bytes: io.stdin()})
  }

  const shown: Severity[] = values.silent
    ? []
    : values.quiet
      ? ['error']
      : ['error', 'warning', ...(values.verbose ? (['info'] as const) : [])]
  const reports: FileReport[] = []
  const report = ({path, messages}: FileReport): FileReport => ({
    path,
    messages: sortMessages(messages).filter((message) => shown.includes(severity(message)))
  })
  const bar = io.progress && !values.quiet && !values.silent ? progress(io.stderr) : undefined
  let outcome: Outcome
  try {
    outcome = await runBatch(notes, {
      cwd: io.cwd,
      settings,
      jobs,
      ...(out ? {out, walked: paths.map((given) => path.resolve(io.cwd, given))} : {}),
      // The report shows every note's source and record: none is skipped as unchanged.
      force: values.force === true || reportFile !== undefined,
      report: reporting,
      ...(outputs ? {outputs} : {}),
      ...(io.signal ? {signal: io.signal} : {}),
      onNote: (result: NoteResult) => {
        reports.push(report({path: result.note.path, messages: result.messages}))
        if (reporting) reviewed.push(reportNoteOf(result))
      },
      ...(bar ? {onProgress: bar.update} : {})
    })
  } catch (error) {
    if (!(error instanceof LockedError)) throw error
    io.stderr(`infonote: Cannot write to "${visible(display(out ?? '', io.cwd) || '.')}": ${error.message}\n`)
    return 2
  } finally {
    bar?.stop()
  }
  // Files that are not notes (the manifest) come first: they were read first.
  reports.unshift(...outcome.files.map(report))

  const strict = values.strict === true || values.frail === true
  if (!values.silent) {
    const text =
      name === 'html'
        ? renderReport(reviewed, {version})
        : format(name, reports, {
            color: io.color,
            version,
            failing: strict ? ['error', 'warning'] : ['error']
          })
    if (name === 'compact' || name === 'stylish') io.stderr(text)
    else io.stdout(text)
    if (outcome.feedError) io.stderr(`infonote: ${visible(outcome.feedError)}\n`)
  }
  const unwritten = reportFile
    ? writeReport(reportFile, reviewed, io, !values.silent && !values.quiet)
    : false
  if (!values.silent && !values.quiet) {
    for (const file of outcome.removed) io.stderr(`infonote: removed ${visible(file)}: its note is gone\n`)
    io.stderr(summary(command, outcome, out, io.cwd, outputs))
  }
  if (outcome.interrupted) {
    const signal = String(io.signal?.reason ?? 'SIGINT')
    io.stderr(`infonote: stopped by ${signal}; what was written is complete, run again to finish\n`)
    return signal === 'SIGTERM' ? 143 : 130
  }
  const {counts} = outcome
  const failed =
    counts.invalid + counts.unreadable + counts.errors > 0 || outcome.feedError !== undefined || unwritten
  const warned = warningFailure(counts.warnings, strict, maxWarnings)
  if (warned && !values.silent) io.stderr(`infonote: failed: ${warned}\n`)
  return failed || warned ? 1 : 0
}

/**
 * Writes the review report of `notes` to `file` (atomically: a reader never
 * sees half of it), and says where; whether it could not be written.
 */
function writeReport(file: string, notes: readonly ReportNote[], io: Io, tell: boolean): boolean {
  const shown = visible(display(file, io.cwd))
  try {
    writeFileAtomic(file, renderReport(notes, {version}))
  } catch (error) {
    io.stderr(`infonote: Cannot write "${shown}": ${describe(error)}\n`)
    return true
  }
  if (tell) io.stderr(`infonote: review report in ${shown}\n`)
  return false
}

/** Why the warnings fail the run, if they do. */
function warningFailure(
  warnings: number,
  strict: boolean,
  maxWarnings: number | undefined
): string | undefined {
  if (strict && warnings > 0) return `${plural(warnings, 'warning')} and --strict`
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    return `${plural(warnings, 'warning')}, more than --max-warnings ${maxWarnings}`
  }
  return undefined
}

function summary(
  command: Command,
  {counts, time, feedError, interrupted}: Outcome,
  out: string | undefined,
  cwd: string,
  outputs: Outputs | undefined
): string {
  const problems = `(${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')})`
  const valid = counts.converted + counts.unchanged
  const bad = counts.invalid + counts.unreadable
  if (command === 'validate' || !out) {
    return `${plural(counts.notes, 'note')} checked: ${valid} valid, ${bad} invalid ${problems}\n`
  }
  const parts = [
    `${counts.converted} converted`,
    ...(counts.unchanged > 0 ? [`${counts.unchanged} unchanged`] : []),
    `${counts.invalid} invalid`,
    ...(counts.unreadable > 0 ? [`${counts.unreadable} unreadable`] : [])
  ]
  const shown = (file: string) => visible(display(path.join(out, file), cwd))
  const named = (outputs?.batch ?? []).map(({name, files}) =>
    files.length === 1
      ? shown(files[0] as string)
      : `the ${name.toUpperCase()} tables in ${shown('.') || '.'}`
  )
  const batch = named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named[0]
  const records = plural(counts.records, 'record')
  const wrote = !batch
    ? ''
    : interrupted
      ? `; ${batch} not updated`
      : feedError
        ? `; ${batch} not written`
        : `; ${batch} ${named.length > 1 || named[0]?.startsWith('the ') ? 'hold' : 'holds'} ${records}`
  return `${plural(counts.notes, 'note')}: ${parts.join(', ')} ${problems} in ${(time / 1000).toFixed(1)} s${wrote}\n`
}

function emitOptions(values: Values): EmitOptions {
  return {
    sourceMap: values['source-map'] === true,
    keepText: values['keep-text'] === true,
    csvBom: values['csv-bom'] === true
  }
}

function formatName(value: string | undefined): Format {
  if (value === undefined) return 'compact'
  if ((formats as readonly string[]).includes(value)) return value as Format
  throw new UsageError(`Unknown format "${value}", expected ${formats.join(', ')}`)
}

/** A whole number option, at least `minimum`. */
export function whole(option: string, value: string | undefined, minimum: number): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value) || Number(value) < minimum) {
    throw new UsageError(
      `Unexpected ${option} "${value}", expected a whole number${minimum > 0 ? ` from ${minimum}` : ''}`
    )
  }
  return Number(value)
}

function parse(argv: readonly string[]) {
  return parseArguments(argv, options)
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>
type Parsed<T extends OptionsConfig> = ReturnType<
  typeof parseArgs<{args: string[]; options: T; allowPositionals: true; strict: true}>
>

/** `parseArgs`, whose errors are usage errors that name the option. */
export function parseArguments<T extends OptionsConfig>(argv: readonly string[], config: T): Parsed<T> {
  try {
    return parseArgs({args: [...argv], options: config, allowPositionals: true, strict: true})
  } catch (error) {
    const {code, message} = error as {code?: string; message: string}
    const option = /'([^']+)'/.exec(message)?.[1] ?? ''
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`Unknown option "${option}"`)
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(`Missing value for option "${option.replace(/ <value>$/, '')}"`)
    }
    throw error
  }
}
