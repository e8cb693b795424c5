/**
 * Stage 7: files, each written to a temporary file beside its target and
 * renamed into place, so a reader never sees half a file. What is written
 * is the emitters' business (src/emit/).
 */
import {randomBytes} from 'node:crypto'
import {mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'

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

/** A temporary name beside `target`; a later run removes those a killed run left. */
export function temporary(target: string): string {
  return `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
}

/** Code-unit order: the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
