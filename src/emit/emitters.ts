/**
 * The outputs infonote knows, by the name `--emit` gives them, and the
 * choice of a run. A new format is one emitter file and one line here.
 */
import {UsageError} from '../config.js'
import {csv} from './csv.js'
import type {BatchEmitter, EmitOptions, Emitter, NoteEmitter, NoteFile} from './emitter.js'
import {json} from './json.js'
import {jsonl} from './jsonl.js'
import {jsonld} from './jsonld.js'
import {text} from './text.js'

/** The formats `--emit` chooses from, in the order they are listed. */
export const emitters: Readonly<Record<string, Emitter>> = {json, jsonl, jsonld, csv}

/** What `convert` writes without `--emit`. */
export const defaultEmit: readonly string[] = ['json', 'jsonl']

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
 * The outputs `names` choose (`--emit json,csv`), in the registry's order,
 * with the options that shape them. The feed and the tables are built from the record files, so
 * they need `json`; an option for an output not chosen is a usage error too.
 */
export function outputsOf(names: readonly string[] = defaultEmit, options: EmitOptions = noOptions): Outputs {
  const known = Object.keys(emitters)
  const unknown = names.find((name) => !known.includes(name))
  if (unknown !== undefined) {
    throw new UsageError(
      `Unknown output "${unknown}" in --emit, expected ${known.slice(0, -1).join(', ')} or ${known.at(-1)}`
    )
  }
  // In the registry's order, whatever the order given: the same run writes the same manifest.
  const chosen = Object.values(emitters).filter((emitter) => names.includes(emitter.name))
  const has = (name: string) => names.includes(name)
  const batch = chosen.filter((emitter): emitter is BatchEmitter => emitter.scope === 'batch')
  if (batch.length > 0 && !has('json')) {
    throw new UsageError(
      `Unexpected --emit "${names.join(',')}" without "json": ${batch.map((emitter) => emitter.name).join(' and ')} ${batch.length > 1 ? 'are' : 'is'} built from the record files`
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

/** The suffixes of the files a note of this kind gets in a run. */
export function suffixesOf(outputs: Outputs, document: boolean): string[] {
  return outputs.notes.flatMap((emitter) =>
    emitter.files
      .filter((file) => (file.wanted?.(outputs.options) ?? true) && (file.applies?.(document) ?? true))
      .map((file) => file.suffix)
  )
}

/** Every suffix a note's files may have, whatever the run writes: those may collide. */
export const allSuffixes: readonly string[] = [...Object.values(emitters), ...sideEmitters].flatMap(
  (emitter) => (emitter.scope === 'note' ? emitter.files.map((file) => file.suffix) : [])
)

/** The file a suffix names, for the worker. */
export function noteFile(suffix: string): NoteFile {
  for (const emitter of [...Object.values(emitters), ...sideEmitters]) {
    const file = emitter.scope === 'note' ? emitter.files.find((file) => file.suffix === suffix) : undefined
    if (file) return file
  }
  throw new Error(`No emitter writes "${suffix}" files`)
}
