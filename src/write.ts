/**
 * Stage 7: files, each written to a temporary file beside its target and
 * renamed into place, so a reader never sees half a file. What is written
 * is the emitters' business (src/emit/).
 */
import {randomBytes} from 'node:crypto'
import {mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'

export function writeFileAtomic(target: string, data: string): void {
  const file = temporary(target)
  try {
    writeMaking(file, data)
    renameSync(file, target)
  } catch (error) {
    rmSync(file, {force: true})
    throw error
  }
}

/** Writes `file`, making its folder only when it is missing (most writes go to a folder there already). */
function writeMaking(file: string, data: string): void {
  try {
    writeFileSync(file, data)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    mkdirSync(path.dirname(file), {recursive: true})
    writeFileSync(file, data)
  }
}

let next = randomBytes(4).readUInt32BE()

/**
 * A temporary name beside `target`; a later run removes those a killed run
 * left. Its 8 hex digits count up from a random start in each thread: no
 * two names one thread gives are alike, and a target is written by one
 * thread at a time.
 */
export function temporary(target: string): string {
  next = (next + 1) >>> 0
  return `${target}.${process.pid}-${next.toString(16).padStart(8, '0')}.tmp`
}

/** Code-unit order: the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
