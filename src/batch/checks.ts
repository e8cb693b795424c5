/**
 * The checks across a batch: one note per output file (`output-collision`)
 * and one note per id (`duplicate-id`: the path that sorts first keeps it).
 */
import type {Note} from '../discover.js'
import {lockName} from '../lock.js'
import {manifestName} from '../manifest.js'
import {type PlainMessage, plain} from '../message.js'

/** A note's output that would replace what is named (another note, or one of infonote's files). */
export type Collisions = Map<string, {output: string; others: string}>

/**
 * Notes whose files would be written over another's, each with the others
 * named: two notes of the run, a note converted on its own earlier
 * (`keptFiles`), or one of infonote's own files (`reserved`, with the batch
 * emitters' files).
 */
export function collide(
  notes: readonly Note[],
  filesOf: (note: Note) => string[],
  keptFiles: ReadonlyMap<string, string>,
  reserved: Readonly<Record<string, string>>
): Collisions {
  const byOutput = new Map<string, Note[]>()
  for (const note of notes) {
    for (const output of filesOf(note)) byOutput.set(output, [...(byOutput.get(output) ?? []), note])
  }
  const collisions: Collisions = new Map()
  for (const [output, group] of byOutput) {
    const owner = keptFiles.get(output)
    const own = reserved[output] ?? ownFiles[output]
    if (owner || own) {
      for (const note of group) {
        if (!collisions.has(note.path))
          collisions.set(note.path, {output, others: own ? `infonote's ${own}` : `"${owner}"`})
      }
      continue
    }
    if (group.length < 2) continue
    for (const note of group) {
      if (collisions.has(note.path)) continue
      const others = group.filter((other) => other !== note).map((other) => `"${other.path}"`)
      collisions.set(note.path, {output, others: others.join(', ')})
    }
  }
  return collisions
}

/** infonote's own files in an output folder: no note's output may replace one. */
const ownFiles: Record<string, string> = {[manifestName]: 'manifest', [lockName]: 'lock file'}

/** The messages of the checks across the batch for a note whose record has `id` (if any). */
export function across(
  note: Note,
  id: string | undefined,
  collisions: Collisions,
  owners: ReadonlyMap<string, string>
): PlainMessage[] {
  const collision = collisions.get(note.path)
  if (collision) {
    return [
      plain(
        'output-collision',
        `Output "${collision.output}" is also the output of ${collision.others}, expected one note per output file`
      )
    ]
  }
  const owner = id === undefined ? undefined : owners.get(id)
  if (id !== undefined && owner !== undefined && owner !== note.path) {
    return [plain('duplicate-id', `Duplicate id "${id}", already used by "${owner}"`)]
  }
  return []
}
