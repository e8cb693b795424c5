/**
 * The manifest of an output folder, `.infonote-manifest.json`: per note its
 * sha256, id, the files written and its messages, with the tool version, a
 * hash of the schemas and of the configuration. A re-run skips the notes it
 * describes as unchanged, and removes the outputs of notes that are gone.
 * It is checked against schemas/manifest.schema.json before it is used: a
 * damaged or tampered one (naming files outside the folder) is ignored and
 * rebuilt, with a warning.
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Config} from './generated/config.js'
import type {Entry as StoredEntry, Manifest as StoredManifest} from './generated/manifest.js'
import check from './generated/manifest.validate.cjs'
import {schemaHash, version} from './generated/versions.js'
import {locate, nodeValue, parseJson} from './json-file.js'
import {type PlainMessage, plain} from './message.js'
import {describe} from './paths.js'

export const manifestName = '.infonote-manifest.json'

export type Entry = Omit<StoredEntry, 'messages'> & {messages: PlainMessage[]}
export type Manifest = Omit<StoredManifest, 'notes'> & {notes: Record<string, Entry>}

/** What makes a manifest's entries trustworthy: same tool, schemas and configuration. */
export function stamp(config: Config): Pick<Manifest, 'tool' | 'schema' | 'config'> {
  const hash = createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16)
  return {tool: `infonote ${version}`, schema: schemaHash, config: hash}
}

export interface Read {
  manifest?: Manifest
  /** Why the manifest there was ignored (an `invalid-manifest` warning). */
  problem?: PlainMessage
}

/** The manifest in `out`: nothing when there is none, a problem when it cannot be used. */
export function readManifest(out: string): Read {
  let text: string
  try {
    text = readFileSync(path.join(out, manifestName), 'utf8')
  } catch (error) {
    const code = (error as {code?: string}).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return {}
    return {problem: ignored(`it cannot be read (${describe(error)})`)}
  }
  // A manifest infonote wrote is read fastest by JSON.parse; the syntax
  // tree is built only to place what is wrong with one that is not.
  const quick = parsedOrUndefined(text)
  if (quick !== undefined && check(quick)) return {manifest: quick as Manifest}
  const parsed = parseJson(text)
  if ('problem' in parsed) {
    const {line, column, message} = parsed.problem
    return {problem: ignored(`it is not JSON (${message})`, {line, column})}
  }
  const value = nodeValue(parsed.tree)
  if (check(value)) return {manifest: value as Manifest}
  const [first] = locate(text, parsed.tree, check.errors ?? [])
  if (!first) return {problem: ignored('it does not match its schema')}
  const why = /\.outputs\.\d+$/.test(first.at)
    ? `it lists ${JSON.stringify(first.value)}, which is not a file infonote writes inside the output folder`
    : `${first.at} ${first.message}`
  return {problem: ignored(why, {line: first.line, column: first.column})}
}

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function ignored(why: string, place?: {line: number; column: number}): PlainMessage {
  return plain(
    'invalid-manifest',
    `Ignored the manifest: ${why}, expected a manifest written by infonote; it is rebuilt from this run`,
    place
  )
}

/** Notes in path order, so that the file is deterministic. */
export function serializeManifest(manifest: Manifest): string {
  const notes = Object.fromEntries(
    Object.entries(manifest.notes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  )
  return `${JSON.stringify({...manifest, notes}, null, 2)}\n`
}
