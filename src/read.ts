/**
 * Stage 0, for documents: a PDF or a Word file → the Markdown the rest of
 * the pipeline reads. The layout the text of such a file would lose is put
 * back from the file itself: bold labels, footnotes (from the page feet, or
 * Word's own), lists and headings; page furniture is left out.
 *
 * Reading a document is asynchronous (pdf.js and mammoth are), so it runs
 * before the synchronous pipeline, in a worker thread of a batch.
 */
import {createHash} from 'node:crypto'
import path from 'node:path'
import type {VFile} from 'vfile'
import {report} from './message.js'
import {docxMarkdown} from './read/docx.js'
import {type LineMap, placeIn} from './read/markdown.js'
import {pdfLines} from './read/pdf.js'
import {layoutOf} from './read/pdf-blocks.js'
import {markdownOf as pdfMarkdown} from './read/pdf-markdown.js'
import {UnreadableDocument} from './read/unreadable.js'

/** The documents infonote reads beside text: what `source.format` says. */
export type DocumentFormat = 'pdf' | 'docx'

/** What reading a document leaves on `file.data.rebuilt`. */
export interface Rebuilt {
  format: DocumentFormat
  /** SHA-256 of the document's bytes. */
  sha256: string
  /** For a PDF: where each line of the Markdown was read (page and line). */
  map?: LineMap
}

/**
 * The document format of a file, from its extension, or else from its first
 * bytes (a note read from standard input has no useful name); none for a
 * text note. Cheap for a text note: it is asked of every note of a batch.
 */
export function formatOf(filePath: string | undefined, bytes?: Uint8Array): DocumentFormat | undefined {
  const extension = path.extname(filePath ?? '').toLowerCase()
  if (extension === '.pdf' || extension === '.docx') return extension.slice(1) as DocumentFormat
  if (!bytes) return undefined
  if (startsWith(bytes, pdfMagic)) return 'pdf'
  // A zip whose first entries are a Word document's.
  if (!startsWith(bytes, zipMagic)) return undefined
  const start = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString(
    'latin1'
  )
  return /\[Content_Types\]\.xml|word\//.test(start) ? 'docx' : undefined
}

const pdfMagic = [0x25, 0x50, 0x44, 0x46, 0x2d]
const zipMagic = [0x50, 0x4b, 0x03, 0x04]

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte)
}

/** The Markdown rebuilt from a document, and for a PDF where each line was read. */
async function markdownOf(
  bytes: Uint8Array,
  format: DocumentFormat
): Promise<{markdown: string; map?: LineMap}> {
  if (format === 'docx') return {markdown: await docxMarkdown(bytes)}
  return pdfMarkdown(layoutOf(await pdfLines(bytes)))
}

/**
 * Replaces the bytes of a PDF or Word `file` with the Markdown rebuilt from
 * them, and notes on `file.data.rebuilt` what they were. A document that
 * cannot be read fails `file` with its rule.
 */
export async function rebuild(file: VFile, format: DocumentFormat): Promise<void> {
  const bytes = typeof file.value === 'string' ? new TextEncoder().encode(file.value) : file.value
  if (bytes.byteLength === 0)
    throw report(file, 'empty-file', 'Unexpected empty file, expected an information note', undefined)
  file.data.rebuilt = {format, sha256: createHash('sha256').update(bytes).digest('hex')}
  try {
    const {markdown, map} = await markdownOf(bytes, format)
    file.value = markdown
    if (map) file.data.rebuilt.map = map
  } catch (error) {
    throw error instanceof UnreadableDocument ? report(file, error.ruleId, error.message, undefined) : error
  }
}

/** Places the messages of a PDF note in the PDF: `page:line` (line on that page) for `line:column`. */
export function placeMessages(file: VFile): void {
  const map = file.data.rebuilt?.map
  if (!map) return
  for (const message of file.messages) {
    if (!message.place) continue
    message.place = placeIn(map, message.place)
    const start = 'start' in message.place ? message.place.start : message.place
    message.line = start.line
    message.column = start.column
  }
}
