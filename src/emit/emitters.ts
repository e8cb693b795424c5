/**
 * The outputs infonote knows, by the name `--emit` gives them, and the
 * choice of a run. A new format is one emitter file and one line here.
 */
import {UsageError} from '../config.js'
import type {InformationNote} from '../generated/information-note.js'
import type {OutputFolder} from '../output-folder.js'
import {csv} from './csv.js'
import type {BatchEmitter, EmitOptions, Emitter, NoteEmitter, NoteFile, Sink} from './emitter.js'
import {json} from './json.js'
import {jsonl} from './jsonl.js'
import {jsonld} from './jsonld.js'
import {text} from './text.js'

/** The formats `--emit` chooses from, in the order they are listed. */
export const emitters: Readonly<Record<string, Emitter>> = {json, jsonl, jsonld, csv}

/** What `convert` writes without `--emit`. */
const defaultEmit: readonly string[] = ['json', 'jsonl']

/** Emitters no `--emit` names, each turned on by its own option (`--keep-text`). */
const sideEmitters: readonly NoteEmitter[] = [text]

/** What a run writes. */
export interface Outputs {
  notes: readonly NoteEmitter[]
  batch: readonly BatchEmitter[]
  options: EmitOptions
}

export const noOptions: EmitOptions = {sourceMap: false, keepText: false, csvBom: false}

/**
 * The emitters `--emit json,csv` names, in the registry's order whatever
 * the order given (the same run writes the same manifest); the default
 * ones without it.
 */
export function emittersNamed(list: string | undefined): Emitter[] {
  const names = list === undefined ? defaultEmit : list.split(',').map((name) => name.trim())
  if (names.includes('')) {
    throw new UsageError(`Unexpected --emit "${list}", expected names separated by commas, such as json,csv`)
  }
  const known = Object.keys(emitters)
  const unknown = names.find((name) => !known.includes(name))
  if (unknown !== undefined) {
    throw new UsageError(
      `Unknown output "${unknown}" in --emit, expected ${known.slice(0, -1).join(', ')} or ${known.at(-1)}`
    )
  }
  return Object.values(emitters).filter((emitter) => names.includes(emitter.name))
}

/**
 * What a run writes: `chosen` (by default what `convert` writes without
 * `--emit`), with the options that shape them. In `convert`, the feed and
 * the tables are built from the record files (`fromRecordFiles`), so they
 * need `json`; an option for an output not chosen is a usage error too.
 */
export function outputsOf(
  chosen: readonly Emitter[] = emittersNamed(undefined),
  options: EmitOptions = noOptions,
  {fromRecordFiles = true} = {}
): Outputs {
  const has = (name: string) => chosen.some((emitter) => emitter.name === name)
  const batch = chosen.filter((emitter): emitter is BatchEmitter => emitter.scope === 'batch')
  if (fromRecordFiles && batch.length > 0 && !has('json')) {
    const built = batch.map((emitter) => emitter.name).join(' and ')
    throw new UsageError(
      `Missing "json" in --emit: ${built} ${batch.length > 1 ? 'are' : 'is'} built from the record files`
    )
  }
  if (options.sourceMap && !has('json')) {
    throw new UsageError('Unexpected "--source-map" without "json" in --emit: it maps the record file')
  }
  if (options.csvBom && !has('csv')) {
    throw new UsageError('Unexpected "--csv-bom" without "csv" in --emit: it marks the CSV tables')
  }
  const notes = chosen.filter((emitter): emitter is NoteEmitter => emitter.scope === 'note')
  return {notes: [...notes, ...sideEmitters], batch, options}
}

/** The files a note of this kind gets in a run. */
export function noteFilesOf(outputs: Outputs, document: boolean): NoteFile[] {
  return outputs.notes.flatMap((emitter) =>
    emitter.files.filter(
      (file) => (file.wanted?.(outputs.options) ?? true) && (file.applies?.(document) ?? true)
    )
  )
}

/** The suffixes of the files a note of this kind gets in a run. */
export function suffixesOf(outputs: Outputs, document: boolean): string[] {
  return noteFilesOf(outputs, document).map((file) => file.suffix)
}

/**
 * Writes the files of the batch emitters `outputs` chose into `folder`,
 * from `records` in id order: all of them are put in place, or none.
 * Gives the number of records.
 */
export function writeBatch(
  folder: OutputFolder,
  outputs: Outputs,
  records: Iterable<InformationNote>
): number {
  const sinks: Sink[] = []
  try {
    for (const emitter of outputs.batch) sinks.push(emitter.open(folder, outputs.options))
    let count = 0
    for (const record of records) {
      for (const sink of sinks) sink.add(record)
      count++
    }
    for (const sink of sinks) sink.close()
    return count
  } catch (error) {
    for (const sink of sinks) sink.abort()
    throw error
  }
}

/** Every file a per-note emitter may write, by its suffix. */
const noteFiles = new Map(
  [...Object.values(emitters), ...sideEmitters].flatMap((emitter) =>
    emitter.scope === 'note' ? emitter.files.map((file): [string, NoteFile] => [file.suffix, file]) : []
  )
)

/** Every suffix a note's files may have, whatever the run writes: those may collide. */
export const allSuffixes: readonly string[] = [...noteFiles.keys()]

/** The file a suffix names, for the worker. */
export function noteFile(suffix: string): NoteFile {
  const file = noteFiles.get(suffix)
  if (!file) throw new Error(`No emitter writes "${suffix}" files`)
  return file
}
