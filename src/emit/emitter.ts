/**
 * The seam for outputs. An emitter writes one format: per note (a file
 * beside the note's others, `<stem><suffix>`) or per batch (files at the top
 * of the output folder, built from every record the folder holds, in id
 * order). The batch, the manifest, the removal of stale outputs, the
 * collision checks and the summary work from these declarations alone;
 * `emitters.ts` lists them.
 */
import type {VFile} from 'vfile'
import type {InformationNote} from '../generated/information-note.js'
import type {OutputFolder} from '../output-folder.js'

export interface EmitOptions {
  /** `--source-map`: the JSON emitter also writes `<stem>.map.json`. */
  sourceMap: boolean
  /** `--keep-text`: a PDF or Word note's rebuilt Markdown is written as `<stem>.md`. */
  keepText: boolean
  /** `--csv-bom`: the CSV tables start with a byte order mark, for spreadsheets. */
  csvBom: boolean
}

/** One file a per-note emitter writes: `<stem><suffix>`. */
export interface NoteFile {
  suffix: string
  /** Whether this run writes it (an option may ask for it); always when absent. */
  wanted?(options: EmitOptions): boolean
  /** Whether a note can have it at all: only a PDF or Word note has rebuilt text. */
  applies?(document: boolean): boolean
  /** The file's content; nothing when this note has none. `file` is absent when exporting from an archive. */
  content(record: InformationNote, file?: VFile): string | undefined
}

export interface NoteEmitter {
  name: string
  scope: 'note'
  files: readonly NoteFile[]
}

/** Where a batch emitter's files are written, one record at a time. */
export interface Sink {
  add(record: InformationNote): void
  /** Puts the files in place, each atomically. */
  close(): void
  /** Removes what was written so far: nothing is put in place. */
  abort(): void
}

export interface BatchEmitter {
  name: string
  scope: 'batch'
  /** The files it writes at the top of the output folder. */
  files: readonly string[]
  /** Opens its files in `folder`; records are then added in id order. */
  open(folder: OutputFolder, options: EmitOptions): Sink
}

export type Emitter = NoteEmitter | BatchEmitter
