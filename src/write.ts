/**
 * Stage 7: files. The per-note JSON and the JSON Lines feed, each written
 * to a temporary file beside its target and renamed into place, so a reader
 * never sees half a file.
 */
import {randomBytes} from 'node:crypto'
import {mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {mkdir, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {Point, Position} from 'unist'
import type {SourceMap} from './data.js'
import type {InformationNote} from './generated/information-note.js'

export function serializeRecord(record: InformationNote): string {
  return `${JSON.stringify(record, null, 2)}\n`
}

/**
 * The provenance of a record: each leaf value's JSON Pointer, in record
 * order, with the source range it was read from (its nearest parent's when
 * it has none of its own).
 */
export function serializeSourceMap(record: InformationNote, map: SourceMap): string {
  const entries: [string, Position][] = []
  const walk = (value: unknown, pointer: string): void => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, `${pointer}/${index}`)
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, `${pointer}/${key}`)
    } else {
      const position = nearest(map, pointer)
      if (position) entries.push([pointer, position])
    }
  }
  walk(record, '')
  return `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`
}

function nearest(map: SourceMap, pointer: string): Position | undefined {
  for (let at = pointer; at; at = at.slice(0, at.lastIndexOf('/'))) {
    const position = map.get(at)
    if (position) return {start: point(position.start), end: point(position.end)}
  }
  return undefined
}

/** `{line, column, offset}`, in that order. */
function point({line, column, offset}: Point): Point {
  return {line, column, ...(offset === undefined ? {} : {offset})}
}

export function writeFileAtomic(target: string, data: string): void {
  mkdirSync(path.dirname(target), {recursive: true})
  const file = temporary(target)
  try {
    writeFileSync(file, data)
    renameSync(file, target)
  } catch (error) {
    rmSync(file, {force: true})
    throw error
  }
}

/** `writeFileAtomic` on libuv's threads, so that writing overlaps converting. */
export async function writeFileAtomicAsync(target: string, data: string): Promise<void> {
  await mkdir(path.dirname(target), {recursive: true})
  const file = temporary(target)
  try {
    await writeFile(file, data)
    await rename(file, target)
  } catch (error) {
    await rm(file, {force: true})
    throw error
  }
}

/** A temporary name beside `target`; a later run removes those a killed run left. */
export function temporary(target: string): string {
  return `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
}

/** Code-unit order: the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
