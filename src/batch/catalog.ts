/**
 * The records an output folder holds: each valid note's id and record file.
 * The batch emitters' files (the feed, the CSV tables) are written from the
 * record files themselves, read one at a time in id order, so few records
 * are ever in memory.
 */
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
 * The records of `catalog`, read from their files in `folder` one at a
 * time, in id order; a record file that cannot be read is left out.
 */
export function* recordsOf(folder: OutputFolder, catalog: Catalog): Generator<InformationNote> {
  for (const [, output] of [...catalog].sort(([a], [b]) => compare(a, b))) {
    let record: InformationNote
    try {
      record = JSON.parse(folder.read(output)) as InformationNote
    } catch {
      continue
    }
    yield record
  }
}
