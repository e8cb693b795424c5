/**
 * Stage 7: files. The per-note JSON and the JSON Lines feed, each written
 * to a temporary file beside its target and renamed into place, so a reader
 * never sees half a file.
 */
import {randomBytes} from 'node:crypto'
import {mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {InformationNote} from './generated/information-note.js'

export function serializeRecord(record: InformationNote): string {
  return `${JSON.stringify(record, null, 2)}\n`
}

/** One record per line, sorted by id. */
export function serializeFeed(records: readonly InformationNote[]): string {
  return [...records]
    .sort((a, b) => compare(a.id, b.id))
    .map((record) => `${JSON.stringify(record)}\n`)
    .join('')
}

export function writeFileAtomic(target: string, data: string): void {
  mkdirSync(path.dirname(target), {recursive: true})
  const temporary = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
  try {
    writeFileSync(temporary, data)
    renameSync(temporary, target)
  } catch (error) {
    rmSync(temporary, {force: true})
    throw error
  }
}

/** Code-unit order: the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
