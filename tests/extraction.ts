/**
 * Notes as PDF text extraction leaves them, for the tests: the transforms
 * that make such forms from a tidy note (`joinHeader`, `addFurniture`, kept
 * in scripts/extraction.js, which scripts/accuracy.js uses too), the notes
 * they are tried on, and records compared without their `source`.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {validFixtures as fixtureNotes, keepExtras} from '../scripts/extraction.js'
import {decode} from '../src/decode.js'
import type {InformationNote} from '../src/index.js'

export {addFurniture, joinHeader, keepExtras, seededRandom} from '../scripts/extraction.js'

/** A tidy note to make extraction forms of. */
export interface TidyNote {
  /** The fixture's or pair's folder name. */
  name: string
  /** The path it is converted with: `input/<file>`. */
  path: string
  /** Its raw bytes. */
  bytes: Uint8Array
  /** Its text, decoded as infonote decodes it (so UTF-16 and Windows-1252 notes are tried too). */
  text: string
  /** For `joinHeader`: the lines of header fields infonote does not know, from the expected record's `extra`. */
  keep: (line: string) => boolean
}

const fixtures = path.join(import.meta.dirname, 'fixtures')
export const pairsFolder = path.join(import.meta.dirname, 'pairs')

/** The fixtures whose `record.json` is a record (not `null`), in name order. */
export function validFixtures(): TidyNote[] {
  return fixtureNotes(fixtures).map(({name, path: file, bytes, record}) =>
    tidyNote(name, file, bytes, record.extra ?? [])
  )
}

/** The names of the note pairs in tests/pairs/ (one folder each). */
export function pairNames(): string[] {
  return readdirSync(pairsFolder, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
}

/** The tidy form (`tidy.md`) of each pair. */
export function tidyPairs(): TidyNote[] {
  return pairNames().map((name) => {
    const bytes = readFileSync(path.join(pairsFolder, name, 'tidy.md'))
    const record = readRecord(path.join(pairsFolder, name, 'record.json'))
    return tidyNote(name, `input/${name}.md`, bytes, record?.extra ?? [])
  })
}

function tidyNote(name: string, file: string, bytes: Uint8Array, extra: InformationNote['extra']): TidyNote {
  const decoded = new VFile({value: bytes})
  decode(decoded)
  return {name, path: file, bytes, text: String(decoded.value), keep: keepExtras(extra ?? [])}
}

/** A record file's record; `undefined` for `null` or a missing file. */
function readRecord(file: string): InformationNote | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) ?? undefined
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** A record without `source` (path, hash and encoding differ between the forms of one note). */
export function withoutSource(
  record: InformationNote | undefined
): Omit<InformationNote, 'source'> | undefined {
  if (!record) return undefined
  const {source: _, ...rest} = record
  return rest
}
