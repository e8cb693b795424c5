/**
 * One `convert` at a time per output folder: `.infonote.lock` holds the
 * pid of the run that writes there. A second run refuses to start while
 * that process lives; the lock of a process that is gone (killed) is taken
 * over.
 */

import {closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync} from 'node:fs'
import {hostname} from 'node:os'
import path from 'node:path'

export const lockName = '.infonote.lock'

interface Owner {
  pid: number
  host: string
  started: string
}

/** The output folder is being written by another run. */
export class LockedError extends Error {}

export interface Lock {
  release(): void
}

/** Takes the lock of `out` (a folder that exists), or throws `LockedError`. */
export function lock(out: string): Lock {
  const file = path.join(out, lockName)
  const owner: Owner = {pid: process.pid, host: hostname(), started: new Date().toISOString()}
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(file, owner)) return {release: () => release(file, owner)}
    const held = readOwner(file)
    if (held ? alive(held) : justMade(file)) {
      throw new LockedError(
        `another infonote run (${held ? describeOwner(held, owner) : 'starting now'}) is writing to this folder; wait for it to end, or stop it`
      )
    }
    takeOver(file, held)
  }
  throw new LockedError('its lock keeps changing hands; try again')
}

/** Writes the lock if there is none; false when there is one. */
function create(file: string, owner: Owner): boolean {
  let descriptor: number
  try {
    descriptor = openSync(file, 'wx')
  } catch (error) {
    if ((error as {code?: string}).code === 'EEXIST') return false
    throw error
  }
  try {
    writeSync(descriptor, `${JSON.stringify(owner)}\n`)
  } finally {
    closeSync(descriptor)
  }
  return true
}

function describeOwner(held: Owner, owner: Owner): string {
  return `pid ${held.pid}${held.host === owner.host ? '' : ` on ${held.host}`}, started ${held.started}`
}

/** A lock without an owner yet may be one another run is writing right now. */
function justMade(file: string): boolean {
  const stats = statSync(file, {throwIfNoEntry: false})
  return stats !== undefined && Date.now() - stats.mtimeMs < 10_000
}

function readOwner(file: string): Owner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<Owner>
    if (
      typeof owner.pid === 'number' &&
      typeof owner.host === 'string' &&
      typeof owner.started === 'string'
    ) {
      return owner as Owner
    }
  } catch {}
  return undefined
}

/** Whether the owner may still be running: on another host, it is assumed to be. */
function alive(owner: Owner): boolean {
  if (owner.host !== hostname()) return true
  try {
    process.kill(owner.pid, 0)
    return true
  } catch (error) {
    return (error as {code?: string}).code === 'EPERM'
  }
}

/**
 * Moves a dead run's lock (or an unreadable one) aside and removes it;
 * a lock that changed meanwhile (another run took it over first) is put back.
 */
function takeOver(file: string, held: Owner | undefined): void {
  const aside = `${file}.${process.pid}.stale`
  try {
    renameSync(file, aside)
  } catch {
    return
  }
  const moved = readOwner(aside)
  if (moved && held && moved.pid !== held.pid) {
    try {
      renameSync(aside, file)
    } catch {}
    return
  }
  rmSync(aside, {force: true})
}

function release(file: string, owner: Owner): void {
  const held = readOwner(file)
  if (held?.pid === owner.pid && held.started === owner.started) rmSync(file, {force: true})
}
