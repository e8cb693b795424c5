/**
 * The plan of a run, before any note is read: which earlier outputs go
 * (their note is gone from a folder searched now), which earlier entries
 * stay as they are (notes converted on their own), and which files the
 * notes of this run may write. Pure: it only reads the manifest's entries.
 */
import type {Note} from '../discover.js'
import type {Entry, Manifest} from '../manifest.js'

export interface Plan {
  /** Outputs of earlier notes gone from a folder searched now, that no note of this run writes. */
  removals: string[]
  /** Earlier entries of notes not in this run, which stay as they are. */
  kept: Record<string, Entry>
  /** The files of those, each with its note. */
  keptFiles: Map<string, string>
  /** Earlier entries of the notes of this run. */
  earlier: Map<string, Entry>
  /** Every file the notes of this run may write. */
  ours: Set<string>
}

/**
 * `walked`: the folders searched in this run, as note paths show them
 * (relative, `/`-separated; `''` for the working directory itself).
 * `filesOf`: every file a note may write.
 */
export function plan(
  notes: readonly Note[],
  previous: Manifest | undefined,
  walked: readonly string[],
  filesOf: (note: Note) => string[]
): Plan {
  const ours = new Set(notes.flatMap(filesOf))
  const inRun = new Set(notes.map((note) => note.path))
  const result: Plan = {removals: [], kept: {}, keptFiles: new Map(), earlier: new Map(), ours}
  for (const [notePath, entry] of Object.entries(previous?.notes ?? {})) {
    if (inRun.has(notePath)) {
      result.earlier.set(notePath, entry)
    } else if (walked.some((folder) => isUnder(notePath, folder))) {
      result.removals.push(...entry.outputs.filter((file) => !ours.has(file)))
    } else {
      result.kept[notePath] = entry
      for (const output of entry.outputs) result.keptFiles.set(output, notePath)
    }
  }
  return result
}

function isUnder(notePath: string, folder: string): boolean {
  return folder === '' || notePath.startsWith(`${folder}/`)
}
