/**
 * Opening an archive. Its header is read before SQLite ever opens the file:
 * a file that is not an infonote archive (a text file, another program's
 * database) or one of a newer version is refused, and left as it was, byte
 * for byte; the same checks are made again inside, through the WAL, where
 * the header may lag behind while another run loads. An older archive is migrated; the archive is kept in WAL mode,
 * so that `search` reads while `archive` loads.
 */
import {closeSync, existsSync, mkdirSync, openSync, readSync, statSync} from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import {applicationId, archiveFormat, migrate, schemaVersion} from './schema.js'

/** An archive that cannot be used: the message names the file; exit code 2. */
export class ArchiveError extends Error {}

/** What SQLite writes at the start of every database file. */
const magic = 'SQLite format 3\0'
/** How long (ms) a writer waits for another one to finish its transaction. */
const busyTimeout = 10_000

export interface OpenOptions {
  /** Make the archive when the file does not exist (or is empty): `archive` may, `search` and `export` may not. */
  create: boolean
  /** How the file is shown in messages. */
  shown: string
}

/** Opens (or makes) the archive `file` and brings it to this infonote's version. */
export function openArchive(file: string, {create, shown}: OpenOptions): Database.Database {
  const fresh = checkFile(file, shown, create)
  if (fresh) mkdirSync(path.dirname(file), {recursive: true})
  const db = new Database(file, {fileMustExist: !fresh, timeout: busyTimeout})
  try {
    const version = checkOpened(db, shown, fresh)
    db.pragma('journal_mode = WAL')
    // In WAL mode, a commit is atomic without a sync of its own: a killed
    // run loses nothing committed; a power cut may lose the last notes, never
    // the archive.
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    if (version < schemaVersion) migrate(db, version)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** Whether the archive is to be made; throws for a file that is not one of ours. */
function checkFile(file: string, shown: string, create: boolean): boolean {
  const stats = statSync(file, {throwIfNoEntry: false})
  if (!stats || stats.size === 0) {
    if (create) return true
    throw new ArchiveError(
      `Cannot find the archive "${shown}": ${stats ? 'the file is empty' : 'no such file'}; make it with "infonote archive <path>... --db ${shown}"`
    )
  }
  if (stats.isDirectory())
    throw new ArchiveError(`Refusing "${shown}": it is a folder, expected an archive file`)
  const header = readHeader(file, shown)
  if (header.subarray(0, magic.length).toString('latin1') !== magic) {
    throw notOurs(shown, 'it is not an SQLite database')
  }
  // While another run loads, what it committed may be in its WAL only: the
  // header lags behind, and the checks are made inside (checkOpened).
  if (existsSync(`${file}-wal`)) return false
  if (header.readUInt32BE(68) !== applicationId)
    throw notOurs(shown, 'it is an SQLite database of another program')
  checkVersion(header.readUInt32BE(60), shown)
  return false
}

/** The first 100 bytes of the file (SQLite's header), fewer when it is shorter. */
function readHeader(file: string, shown: string): Buffer {
  const header = Buffer.alloc(100)
  let descriptor: number | undefined
  try {
    descriptor = openSync(file, 'r')
    return header.subarray(0, readSync(descriptor, header, 0, header.length, 0))
  } catch (error) {
    throw new ArchiveError(`Cannot read the archive "${shown}": ${(error as Error).message}`)
  } finally {
    if (descriptor !== undefined) closeSync(descriptor)
  }
}

/** The version of the opened archive, checked again from inside (a header may lag behind its WAL). */
function checkOpened(db: Database.Database, shown: string, fresh: boolean): number {
  const version = db.pragma('user_version', {simple: true}) as number
  if (fresh && version === 0) return 0
  if ((db.pragma('application_id', {simple: true}) as number) !== applicationId) {
    throw notOurs(shown, 'it is an SQLite database of another program')
  }
  checkVersion(version, shown)
  const table = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'infonote'")
    .pluck()
    .get()
  const format = table
    ? db.prepare("SELECT value FROM infonote WHERE key = 'format'").pluck().get()
    : undefined
  if (format !== archiveFormat) throw notOurs(shown, 'its "infonote" table does not say it is one')
  return version
}

function checkVersion(version: number, shown: string): void {
  if (version > schemaVersion) {
    throw new ArchiveError(
      `Refusing "${shown}": it is an infonote archive of version ${version}, newer than this infonote reads (${schemaVersion}); use a newer infonote`
    )
  }
  if (version < 1) throw notOurs(shown, 'it has no version')
}

function notOurs(shown: string, why: string): ArchiveError {
  return new ArchiveError(
    `Refusing "${shown}": ${why}, not an infonote archive; give --db a new file or an archive infonote made`
  )
}
