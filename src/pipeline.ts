/**
 * The whole route of one note:
 * bytes → text (decode) → mdast (parse) → repaired mdast (normalize)
 * → record parts (extract) → record (assemble) → checked record (validate).
 */
import type {Root} from 'mdast'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import './data.js'
import assemble from './assemble.js'
import {decode} from './decode.js'
import {extract} from './extract.js'
import type {InformationNote} from './generated/information-note.js'
import {fileStart, isError, report} from './message.js'
import {normalize} from './normalize.js'
import {parse} from './parse.js'
import validate from './validate.js'

export interface ConvertOptions {
  /** Path of the note, relative, with `/` separators: it goes to `source.path` and messages. */
  path?: string
}

export interface ConvertResult {
  /** The record, when the note has no errors. */
  record?: InformationNote
  /** Every error, warning and info, in the order they were found. */
  messages: VFileMessage[]
}

const processor = unified().use(parse).use(normalize).use(extract).use(assemble).use(validate).freeze()

/** Converts one note (its bytes, or its text); no file I/O. */
export function convert(input: string | Uint8Array, options: ConvertOptions = {}): ConvertResult {
  const file = convertFile(
    new VFile({value: input, ...(options.path === undefined ? {} : {path: options.path})})
  )
  return {...(file.data.record ? {record: file.data.record} : {}), messages: file.messages}
}

/**
 * Runs the pipeline on `file` (holding bytes or text). Never throws: a file
 * that cannot be read, or a bug, ends as a fatal message on the file.
 */
export function convertFile(file: VFile): VFile {
  try {
    decode(file)
    const tree = processor.parse(file) as Root
    processor.runSync(tree, file)
  } catch (error) {
    if (!(error instanceof VFileMessage && file.messages.includes(error))) {
      report(
        file,
        'internal-error',
        `Cannot convert this note: ${String(error)}; please report this bug`,
        fileStart,
        {
          cause: error instanceof Error ? error : new Error(String(error))
        }
      )
    }
  }
  if (file.messages.some(isError)) delete file.data.record
  return file
}
