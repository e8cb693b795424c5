/**
 * A note's own reading and writing, done where it is converted (on its
 * thread, or in-process): its bytes read and hashed, and its files written
 * in place, each atomically, while those it has none of are removed. So
 * only paths and small summaries cross between threads, and the main
 * thread does not wait on the disk for each note.
 */
import {createHash} from 'node:crypto'
import {readFileSync, statSync} from 'node:fs'
import {allSuffixes} from '../emit/emitters.js'
import {tooLarge} from '../limits.js'
import {type PlainMessage, plain} from '../message.js'
import type {OutputFolder} from '../output-folder.js'
import {describe} from '../paths.js'

/** A file's size and modification time (ms) when it was read. */
export interface Stamp {
  size: number
  mtime: number
}

/** What the manifest knows of a note converted before: with the same bytes, it is not converted again. */
export interface Known extends Stamp {
  sha256: string
}

/** Where a note's bytes come from: given (standard input, or read already), or else a file to read. */
export type Source = {bytes: Uint8Array; stamp?: Stamp} | {file: string; known?: Pick<Known, 'sha256'>}

export type ReadResult =
  | {bytes: Uint8Array; sha256: string; stamp: Stamp}
  | {unchanged: Known}
  | {refused: PlainMessage}

/**
 * Whether `file` has the size and modification time of `known`: then it is
 * taken as unchanged without being read, as git does. (The batch asks this
 * itself, so that a run that changes nothing starts no thread.)
 */
export function sameStamp(file: string, known: Stamp): boolean {
  try {
    const stats = statSync(file)
    return stats.size === known.size && stats.mtimeMs === known.mtime
  } catch {
    return false
  }
}

/** The note's bytes and hash; or that they are those `known` gives; or why they cannot be read. */
export function readSource(source: Source, maxBytes: number): ReadResult {
  if ('bytes' in source) {
    const {bytes} = source
    return {bytes, sha256: sha256Of(bytes), stamp: source.stamp ?? {size: bytes.byteLength, mtime: 0}}
  }
  const {file, known} = source
  try {
    const stats = statSync(file)
    const stamp = {size: stats.size, mtime: stats.mtimeMs}
    if (stats.size > maxBytes) return {refused: plain('file-too-large', tooLarge(stats.size, maxBytes))}
    const bytes = readFileSync(file)
    const sha256 = sha256Of(bytes)
    return known?.sha256 === sha256 ? {unchanged: {sha256, ...stamp}} : {bytes, sha256, stamp}
  } catch (error) {
    return {refused: plain('unreadable-file', `Cannot read this file: ${describe(error)}`)}
  }
}

/** The SHA-256 of `data`, in hexadecimal. */
export function sha256Of(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex')
}

/**
 * Writes each of `files` (content by suffix) at `stem` in `folder`, and
 * removes the files of the other suffixes; gives the files written.
 */
export function writeNoteFiles(folder: OutputFolder, stem: string, files: Record<string, string>): string[] {
  const written: string[] = []
  for (const suffix of allSuffixes) {
    const content = files[suffix]
    if (content === undefined) {
      // Asked first: removing a file that is not there costs an exception.
      if (folder.exists(stem + suffix)) folder.removeSync(stem + suffix)
      continue
    }
    folder.write(stem + suffix, content)
    written.push(stem + suffix)
  }
  return written
}
