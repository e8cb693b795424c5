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
    removeQuietly(file)
    throw error
  }
}

/** Removes `file` if it is there; the error that stopped the write is the one to tell. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, {force: true})
  } catch {}
}

/**
 * Writes `file`, making its folder only when the write finds it missing
 * (most writes go to a folder there already), or a file in its way (then
 * making it says which).
 */
function writeMaking(file: string, data: string): void {
  try {
    writeFileSync(file, data)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error
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
