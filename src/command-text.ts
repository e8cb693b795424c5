/**
 * `infonote text <file>`: the Markdown infonote reads from a PDF or Word
 * file, so a person can see what the pipeline sees (and, with `--pages`,
 * which page and line each line was read at); for a text note, its text as
 * decoded. A PDF or Word file is read on a thread, under the configured
 * time and memory limits, as in a batch.
 */
import {readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import type {Io} from './command.js'
import {loadSettings, UsageError} from './config.js'
import {Converter} from './convert-note.js'
import {decode} from './decode.js'
import {format} from './format.js'
import {version} from './generated/versions.js'
import {tooLarge} from './limits.js'
import {fromPlain, type PlainMessage, plain, toPlain} from './message.js'
import {describe, display} from './paths.js'
import {formatOf} from './read.js'

export interface TextOptions {
  config?: string | undefined
  pages?: boolean | undefined
}

type TextIo = Pick<Io, 'cwd' | 'stdout' | 'stderr' | 'color'>

/** Prints the text of the one file in `positionals`; resolves to the exit code. */
export async function printText(
  options: TextOptions,
  positionals: readonly string[],
  io: TextIo
): Promise<number> {
  const [given, ...more] = positionals
  if (given === undefined || more.length > 0 || given === '-') {
    throw new UsageError('Expected one file: infonote text <file.pdf|file.docx|note.md>')
  }
  const absolute = path.resolve(io.cwd, given)
  const shown = display(absolute, io.cwd)
  const settings = loadSettings(io.cwd, options.config)
  const read = bytesOf(absolute, given, settings.limits.maxBytes)
  const done =
    'message' in read ? {messages: [read.message]} : await textOf(shown, read.bytes, options, settings)
  if (done.text === undefined) {
    const messages = done.messages.map(fromPlain)
    io.stderr(format('compact', [{path: shown, messages}], {color: io.color, version, failing: ['error']}))
    return 1
  }
  io.stdout(done.text)
  return 0
}

/** The file's bytes, or why they cannot be read; a file that is not there is a usage error. */
function bytesOf(
  absolute: string,
  given: string,
  maxBytes: number
): {bytes: Uint8Array} | {message: PlainMessage} {
  try {
    const stats = statSync(absolute)
    if (stats.isDirectory()) throw new UsageError(`Unexpected folder "${given}", expected one file`)
    if (stats.size > maxBytes) return {message: plain('file-too-large', tooLarge(stats.size, maxBytes))}
    return {bytes: readFileSync(absolute)}
  } catch (error) {
    if (error instanceof UsageError) throw error
    if ((error as {code?: string}).code === 'ENOENT')
      throw new UsageError(`Cannot find "${given}": no such file`)
    return {message: plain('unreadable-file', `Cannot read this file: ${describe(error)}`)}
  }
}

async function textOf(
  shown: string,
  bytes: Uint8Array,
  options: TextOptions,
  settings: ReturnType<typeof loadSettings>
): Promise<{messages: PlainMessage[]; text?: string}> {
  if (!formatOf(shown, bytes)) {
    const file = new VFile({path: shown, value: bytes})
    try {
      decode(file)
    } catch {
      return {messages: file.messages.map(toPlain)}
    }
    return {messages: [], text: String(file.value)}
  }
  const converter = new Converter({settings, threads: 0})
  try {
    const task = {
      path: shown,
      bytes,
      config: settings.config,
      files: [],
      textOnly: {pages: options.pages === true}
    }
    return await converter.convert(task)
  } finally {
    await converter.destroy()
  }
}
