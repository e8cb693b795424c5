/**
 * The manifest of an output folder, `.infonote-manifest.json`: per note its
 * sha256, id, the files written and its messages, with the tool version, a
 * hash of the schemas and of the configuration. A re-run skips the notes it
 * describes as unchanged, and removes the outputs of notes that are gone.
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Config} from './generated/config.js'
import {schemaHash, version} from './generated/versions.js'
import type {PlainMessage} from './worker.js'
import {writeFileAtomic} from './write.js'

export const manifestName = '.infonote-manifest.json'

export interface Entry {
  sha256: string
  /** Size and modification time of the note when it was read: unchanged, the note is not read again. */
  size: number
  mtime: number
  /** The record's id, for a note that has a record. */
  id?: string
  /** The files written for the note, relative to the output folder. */
  outputs: string[]
  /** Its errors and warnings, but those of checks across the batch. */
  messages: PlainMessage[]
}

export interface Manifest {
  tool: string
  schema: string
  config: string
  /** The run that wrote it reached its end: the feed matches the records. */
  complete: boolean
  notes: Record<string, Entry>
}

/** What makes a manifest's entries trustworthy: same tool, schemas and configuration. */
export function stamp(config: Config): Pick<Manifest, 'tool' | 'schema' | 'config'> {
  const hash = createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16)
  return {tool: `infonote ${version}`, schema: schemaHash, config: hash}
}

/** The manifest in `out`, or nothing when there is none or it cannot be read. */
export function readManifest(out: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path.join(out, manifestName), 'utf8')) as Manifest
    return typeof manifest.notes === 'object' && manifest.notes !== null ? manifest : undefined
  } catch {
    return undefined
  }
}

/** Notes in path order, so that the file is deterministic. */
export function writeManifest(out: string, manifest: Manifest): void {
  const notes = Object.fromEntries(
    Object.entries(manifest.notes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  )
  writeFileAtomic(path.join(out, manifestName), `${JSON.stringify({...manifest, notes}, null, 2)}\n`)
}
