/**
 * The records an output folder holds: each valid note's id and record file.
 * The batch emitters' files (the feed, the CSV tables) are written from the
 * record files themselves, one at a time in id order, so few records are
 * ever in memory.
 */
import type {BatchEmitter, EmitOptions, Sink} from '../emit/emitter.js'
import type {InformationNote} from '../generated/information-note.js'
import type {Entry, Manifest} from '../manifest.js'
import type {OutputFolder} from '../output-folder.js'
import {compare} from '../write.js'

/** Each record's id, and the file (in the output folder) it is read from. */
export type Catalog = [id: string, output: string][]

/** The records a complete manifest describes. */
export function catalogOf(manifest: Manifest): Catalog {
  return Object.values(manifest.notes).flatMap((entry): Catalog => {
    const file = recordFileOf(entry)
    return entry.id && file ? [[entry.id, file]] : []
  })
}

/** The record file of a manifest entry: its first output, when the JSON emitter wrote it. */
export function recordFileOf(entry: Entry): string | undefined {
  const [first] = entry.outputs
  return first?.endsWith('.json') ? first : undefined
}

/** Whether two catalogs hold the same records, in whatever order. */
export function sameCatalog(a: Catalog, b: Catalog): boolean {
  const key = (catalog: Catalog) =>
    catalog
      .map((pair) => pair.join('\0'))
      .sort(compare)
      .join('\n')
  return key(a) === key(b)
}

/**
 * Writes the files of `emitters` into `folder` from the records of
 * `catalog`, in id order; gives the number of records written. A record
 * file that cannot be read is left out.
 */
export function writeBatchFiles(
  folder: OutputFolder,
  emitters: readonly BatchEmitter[],
  catalog: Catalog,
  options: EmitOptions
): number {
  const sinks: Sink[] = []
  try {
    for (const emitter of emitters) sinks.push(emitter.open(folder, options))
    let records = 0
    for (const [, output] of [...catalog].sort(([a], [b]) => compare(a, b))) {
      let record: InformationNote
      try {
        record = JSON.parse(folder.read(output)) as InformationNote
      } catch {
        continue
      }
      for (const sink of sinks) sink.add(record)
      records++
    }
    for (const sink of sinks) sink.close()
    return records
  } catch (error) {
    for (const sink of sinks) sink.abort()
    throw error
  }
}
