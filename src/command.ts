/**
 * The `infonote` command line: a thin layer over the batch functions.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {convertAll, discover, feedName, hasErrors, type Result, writeAll} from './batch.js'
import {loadSettings, type Settings, UsageError} from './config.js'
import {type FileReport, type Format, format, formats, plural, sortMessages} from './format.js'
import {severity} from './message.js'
import {convertFile} from './pipeline.js'
import type {Severity} from './rules.js'

export interface Io {
  cwd: string
  stdout(text: string): void
  stderr(text: string): void
  /** Reads all of standard input (for the path `-`). */
  stdin(): Uint8Array
  /** Whether standard error shows colours (a terminal, without NO_COLOR). */
  color: boolean
}

export const help = `Usage: infonote <command> <path>... [options]

Turns information notes of the 1540 Committee into JSON records
validated against schemas/information-note.schema.json.

Commands:
  convert <path>...   write <out>/<note>.json for each valid note and
                      <out>/records.jsonl with all of them, sorted by id
  validate <path>...  check the notes and print their problems; write nothing

A path is a note or a folder, searched for .md, .markdown and .txt files
(hidden entries, node_modules and ignored files skipped); for validate,
- reads a note from standard input.

Options:
  -o, --out <dir>            output folder of convert (default: output)
      --source-map           convert: also write <note>.map.json, the source
                             range of every value of the record
  -f, --format <name>        compact (default), stylish, json, github,
                             sarif or junit
      --strict               exit 1 on warnings too (alias: --frail)
      --max-warnings <n>     exit 1 on more than n warnings
  -q, --quiet                print errors only
      --silent               print nothing (but usage errors)
      --verbose              also print infos (the repairs made to each note)
  -c, --config <file>        configuration to use instead of the nearest
                             infonote.config.json (or package.json "infonote")
      --stdin-filepath <p>   the path to report for a note read from -
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 every note is valid; 1 a note is invalid or unreadable (or has
warnings, with --strict or beyond --max-warnings); 2 usage error (unknown
option, missing path, no notes found, bad configuration).
`

const options = {
  out: {type: 'string', short: 'o'},
  'source-map': {type: 'boolean'},
  format: {type: 'string', short: 'f'},
  strict: {type: 'boolean'},
  frail: {type: 'boolean'},
  'max-warnings': {type: 'string'},
  quiet: {type: 'boolean', short: 'q'},
  silent: {type: 'boolean'},
  verbose: {type: 'boolean'},
  config: {type: 'string', short: 'c'},
  'stdin-filepath': {type: 'string'},
  help: {type: 'boolean', short: 'h'}
} as const

type Values = ReturnType<typeof parse>['values']

/** Runs `infonote` with `argv` (without node and script); returns the exit code. */
export function run(argv: readonly string[], io: Io): number {
  const [command, ...rest] = argv
  try {
    if (command === undefined || command === '-h' || command === '--help') {
      io.stdout(help)
      return command === undefined ? 2 : 0
    }
    if (command === '-v' || command === '--version') {
      io.stdout(`${version()}\n`)
      return 0
    }
    if (command !== 'convert' && command !== 'validate') {
      throw new UsageError(`Unknown command "${command}", expected "convert" or "validate"`)
    }
    const {values, positionals} = parse(rest)
    if (values.help) {
      io.stdout(help)
      return 0
    }
    return check(command, values, positionals, io)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.stderr(`infonote: ${error.message}\nRun "infonote --help" for usage.\n`)
    return 2
  }
}

function check(command: 'convert' | 'validate', values: Values, positionals: string[], io: Io): number {
  const name = formatName(values.format)
  const maxWarnings = warningLimit(values['max-warnings'])
  if (command === 'validate' && (values.out !== undefined || values['source-map'])) {
    throw new UsageError(
      `Unexpected option "${values.out === undefined ? '--source-map' : '--out'}": validate writes nothing`
    )
  }
  if (command === 'convert' && positionals.includes('-')) {
    throw new UsageError(
      'Unexpected path "-": convert reads notes from files; use validate for standard input'
    )
  }
  if (values.quiet && values.verbose)
    throw new UsageError('Unexpected "--quiet" with "--verbose": choose one')

  const settings = loadSettings(io.cwd, values.config)
  const out = path.resolve(io.cwd, values.out ?? 'output')
  const results = notes(command, positionals, settings, out, values, io)
  let feedError: string | undefined
  if (command === 'convert') {
    try {
      writeAll(results, out, io.cwd, {sourceMap: values['source-map'] === true})
    } catch (error) {
      feedError = `infonote: Cannot write "${display(out, feedName, io.cwd)}": ${error instanceof Error ? error.message : String(error)}`
    }
  }

  const shown: Severity[] = values.silent
    ? []
    : values.quiet
      ? ['error']
      : ['error', 'warning', ...(values.verbose ? ['info' as const] : [])]
  const strict = values.strict === true || values.frail === true
  const reports: FileReport[] = results.map((result) => ({
    path: result.note.path,
    messages: sortMessages(result.file.messages).filter((message) => shown.includes(severity(message)))
  }))
  if (!values.silent) {
    const text = format(name, reports, {
      color: io.color,
      version: version(),
      failing: strict ? ['error', 'warning'] : ['error']
    })
    if (name === 'compact' || name === 'stylish') io.stderr(text)
    else io.stdout(text)
  }
  if (feedError && !values.silent) io.stderr(`${feedError}\n`)

  const all = results.flatMap((result) => result.file.messages)
  const warnings = all.filter((message) => severity(message) === 'warning').length
  const errors = all.filter((message) => severity(message) === 'error').length
  if (!values.silent && !values.quiet)
    io.stderr(summary(command, results, {errors, warnings}, out, feedError, io.cwd))
  const failed = results.some(hasErrors) || feedError !== undefined
  return failed || (strict && warnings > 0) || (maxWarnings !== undefined && warnings > maxWarnings) ? 1 : 0
}

/** The notes named on the command line, converted; `-` is standard input. */
function notes(
  command: 'convert' | 'validate',
  positionals: string[],
  settings: Settings,
  out: string,
  values: Values,
  io: Io
): Result[] {
  const paths = positionals.filter((given) => given !== '-')
  const found =
    paths.length > 0 || !positionals.includes('-')
      ? discover(paths, io.cwd, settings, command === 'convert' ? [out] : [])
      : []
  const results = convertAll(found, settings)
  if (positionals.includes('-')) {
    const notePath = values['stdin-filepath'] ?? '<stdin>'
    const file = convertFile(new VFile({path: notePath, value: io.stdin()}), settings)
    results.push({
      note: {path: notePath, absolute: ''},
      file,
      ...(file.data.record ? {record: file.data.record} : {})
    })
  }
  return results
}

function summary(
  command: 'convert' | 'validate',
  results: Result[],
  {errors, warnings}: {errors: number; warnings: number},
  out: string,
  feedError: string | undefined,
  cwd: string
): string {
  const valid = results.filter((result) => !hasErrors(result)).length
  const counts = `(${plural(errors, 'error')}, ${plural(warnings, 'warning')})`
  if (command === 'validate') {
    return `${plural(results.length, 'note')} checked: ${valid} valid, ${results.length - valid} invalid ${counts}\n`
  }
  const wrote = feedError
    ? 'no feed written'
    : `${display(out, feedName, cwd)} holds ${plural(valid, 'record')}`
  return `${plural(results.length, 'note')}: ${valid} converted, ${results.length - valid} invalid ${counts}; ${wrote}\n`
}

function display(folder: string, name: string, cwd: string): string {
  return path.relative(cwd, path.join(folder, name)).split(path.sep).join('/')
}

function formatName(value: string | undefined): Format {
  if (value === undefined) return 'compact'
  if ((formats as readonly string[]).includes(value)) return value as Format
  throw new UsageError(`Unknown format "${value}", expected ${formats.join(', ')}`)
}

function warningLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value))
    throw new UsageError(`Unexpected --max-warnings "${value}", expected a whole number`)
  return Number(value)
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({args: [...argv], options, allowPositionals: true, strict: true})
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

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
  return manifest.version
}
