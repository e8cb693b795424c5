/**
 * The `infonote` command line: a thin layer over the batch functions.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {convertAll, discover, feedName, hasErrors, UsageError, writeAll} from './batch.js'
import {count, describeCounts, formatResults, plural} from './report.js'

export interface Io {
  cwd: string
  stdout(text: string): void
  stderr(text: string): void
}

export const help = `Usage: infonote <command> <path>... [options]

Turns information notes of the 1540 Committee into JSON records
validated against schemas/information-note.schema.json.

Commands:
  convert <path>...   write <out>/<note>.json for each valid note and
                      <out>/records.jsonl with all of them, sorted by id
  validate <path>...  check the notes and print their problems; write nothing

A path is a note or a folder, searched for .md, .markdown and .txt files
(hidden entries and node_modules skipped).

Options:
  -o, --out <dir>  output folder of convert (default: output)
      --strict     exit 1 on warnings too
      --verbose    also print infos (the repairs made to each note)
  -h, --help       show this help
  -v, --version    show the version

Exit codes: 0 every note is valid; 1 a note is invalid or unreadable;
2 usage error (unknown option, missing path, no notes found).
`

const options = {
  out: {type: 'string', short: 'o'},
  strict: {type: 'boolean'},
  verbose: {type: 'boolean'},
  help: {type: 'boolean', short: 'h'}
} as const

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
    if (command === 'convert') return convert(rest, io)
    if (command === 'validate') return validate(rest, io)
    throw new UsageError(`Unknown command "${command}", expected "convert" or "validate"`)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.stderr(`infonote: ${error.message}\nRun "infonote --help" for usage.\n`)
    return 2
  }
}

function convert(argv: readonly string[], io: Io): number {
  const {values, positionals} = parse(argv)
  if (values.help) return showHelp(io)
  const out = path.resolve(io.cwd, values.out ?? 'output')
  const results = convertAll(discover(positionals, io.cwd, [out]))
  const feed = path.relative(io.cwd, path.join(out, feedName)).split(path.sep).join('/')
  let feedError: string | undefined
  try {
    writeAll(results, out, io.cwd)
  } catch (error) {
    feedError = `infonote: Cannot write "${feed}": ${error instanceof Error ? error.message : String(error)}`
  }
  const counts = count(results)
  print(formatResults(results, values.verbose === true), io)
  if (feedError) io.stderr(`${feedError}\n`)
  const wrote = feedError ? 'no feed written' : `${feed} holds ${plural(counts.valid, 'record')}`
  io.stderr(
    `${plural(counts.notes, 'note')}: ${counts.valid} converted, ${counts.notes - counts.valid} invalid (${describeCounts(counts)}); ${wrote}\n`
  )
  return exitCode(
    results.some(hasErrors) || feedError !== undefined,
    counts.warnings > 0 && values.strict === true
  )
}

function validate(argv: readonly string[], io: Io): number {
  const {values, positionals} = parse(argv)
  if (values.help) return showHelp(io)
  if (values.out !== undefined) throw new UsageError('Unexpected option "--out": validate writes nothing')
  const results = convertAll(discover(positionals, io.cwd))
  const counts = count(results)
  print(formatResults(results, values.verbose === true), io)
  io.stderr(
    `${plural(counts.notes, 'note')} checked: ${counts.valid} valid, ${counts.notes - counts.valid} invalid (${describeCounts(counts)})\n`
  )
  return exitCode(results.some(hasErrors), counts.warnings > 0 && values.strict === true)
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

function showHelp(io: Io): number {
  io.stdout(help)
  return 0
}

function print(lines: readonly string[], io: Io): void {
  if (lines.length > 0) io.stderr(`${lines.join('\n')}\n`)
}

function exitCode(errors: boolean, failingWarnings: boolean): number {
  return errors || failingWarnings ? 1 : 0
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
  return manifest.version
}
