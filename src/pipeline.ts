/**
 * The whole route of one note:
 * bytes → text (decode) → mdast (parse, from the text as repaired by reflow)
 * → repaired mdast (normalize)
 * → record parts (extract) → record (assemble) → checked record (validate).
 */
import type {Root} from 'mdast'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import './data.js'
import assemble from './assemble.js'
import {defaultRules, type Settings, settingsFrom} from './config.js'
import {control} from './control.js'
import {decode} from './decode.js'
import {extract} from './extract.js'
import type {Config} from './generated/config.js'
import type {InformationNote} from './generated/information-note.js'
import {checkLineNesting, checkSize, checkTreeNesting, defaultLimits} from './limits.js'
import {fileStart, isError, report} from './message.js'
import {normalize} from './normalize.js'
import {parse} from './parse.js'
import {type DocumentFormat, formatOf, placeMessages, rebuild} from './read.js'
import validate from './validate.js'

export interface ConvertOptions {
  /** Path of the note, relative, with `/` separators: it goes to `source.path` and messages. */
  path?: string
  /** A configuration, as in infonote.config.json: rule severities, extra labels, required parts. */
  config?: Config
}

export interface ConvertResult {
  /** The record, when the note has no errors. */
  record?: InformationNote
  /** Every error, warning and info, in the order they were found. */
  messages: VFileMessage[]
}

const processor = unified().use(parse).use(normalize).use(extract).use(assemble).use(validate).freeze()

/**
 * Converts one text or Markdown note (its bytes, or its text); reads and
 * writes no file. For PDF and Word files, use `convertDocument`.
 */
export function convert(input: string | Uint8Array, options: ConvertOptions = {}): ConvertResult {
  return resultOf(convertFile(fileOf(input, options), settingsFrom(options.config)))
}

export interface DocumentOptions extends ConvertOptions {
  /** What the bytes are, when `path` does not say it by its extension. */
  format?: DocumentFormat
}

/**
 * Converts one note in any format infonote reads: a PDF or Word file is
 * rebuilt as Markdown first (its messages placed at `page:line`), any other
 * input is converted as by `convert`. Reads and writes no file.
 */
export async function convertDocument(
  input: Uint8Array,
  options: DocumentOptions = {}
): Promise<ConvertResult> {
  const file = fileOf(input, options)
  return resultOf(await convertAnyFile(file, settingsFrom(options.config), options.format))
}

function fileOf(input: string | Uint8Array, options: ConvertOptions): VFile {
  return new VFile({value: input, ...(options.path ? {path: options.path} : {})})
}

function resultOf(file: VFile): ConvertResult {
  return {...(file.data.record ? {record: file.data.record} : {}), messages: file.messages}
}

/** `convertFile`, after rebuilding a PDF or Word `file` (by its path, or `format`) as Markdown. */
export async function convertAnyFile(
  file: VFile,
  settings: Pick<Settings, 'labels' | 'bodies' | 'rules' | 'limits'>,
  format = formatOf(file.path, typeof file.value === 'string' ? undefined : file.value)
): Promise<VFile> {
  if (!format) return convertFile(file, settings)
  try {
    checkSize(file, settings.limits.maxBytes)
    await rebuild(file, format)
  } catch (error) {
    if (!(error instanceof VFileMessage && file.messages.includes(error))) crashed(file, error)
    return file
  }
  return convertFile(file, settings)
}

/**
 * Runs the pipeline on `file` (holding bytes or text) with `settings`.
 * Never throws: a file that cannot be read, or a bug, ends as a fatal
 * message on the file. (Its time is bounded by the batch, not here.)
 */
export function convertFile(
  file: VFile,
  settings?: Pick<Settings, 'labels' | 'bodies' | 'rules' | 'limits'>
): VFile {
  let tree: Root | undefined
  if (settings?.labels) file.data.labels = settings.labels
  if (settings?.bodies) file.data.bodies = settings.bodies
  try {
    checkSize(file, settings?.limits.maxBytes ?? defaultLimits.maxBytes)
    decode(file)
    checkLineNesting(file)
    tree = processor.parse(file) as Root
    checkTreeNesting(tree, file)
    processor.runSync(tree, file)
  } catch (error) {
    if (!(error instanceof VFileMessage && file.messages.includes(error))) crashed(file, error)
  }
  control(file, tree, settings?.rules ?? defaultRules)
  if (file.messages.some(isError)) delete file.data.record
  placeMessages(file)
  return file
}

/** A bug, or a stack overflow the nesting checks did not foresee. */
function crashed(file: VFile, error: unknown): void {
  const cause = error instanceof Error ? error : new Error(String(error))
  if (cause instanceof RangeError && /call stack/i.test(cause.message)) {
    report(
      file,
      'too-deeply-nested',
      'Unexpected structure nested too deeply to read (the parser ran out of stack), expected a note nested a few levels deep',
      fileStart,
      {cause}
    )
    return
  }
  report(
    file,
    'internal-error',
    `Cannot convert this note: ${String(error)}; please report this bug`,
    fileStart,
    {
      cause
    }
  )
}
