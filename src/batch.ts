/**
 * Many notes at once: finding them, converting each, the checks that need
 * the whole batch (`output-collision`, `duplicate-id`) and the output files.
 * One bad note never stops the batch nor costs another note its output.
 */
import {type Dirent, readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {type Settings, settingsFrom, UsageError} from './config.js'
import type {InformationNote} from './generated/information-note.js'
import {fileStart, isError, report} from './message.js'
import {convertFile} from './pipeline.js'
import {compare, serializeFeed, serializeRecord, serializeSourceMap, writeFileAtomic} from './write.js'

export const feedName = 'records.jsonl'

export interface Note {
  /** As shown to people and written to `source.path`: relative to the working directory, `/`-separated. */
  path: string
  absolute: string
  /** Where its record goes, relative to the output folder; none for a folder that could not be read. */
  output?: string
  /** Why this folder could not be searched for notes. */
  unreadable?: string
}

export interface Result {
  note: Note
  file: VFile
  record?: InformationNote
}

/**
 * The notes that `paths` name, sorted by path. A directory gives every
 * `.md`, `.markdown` and `.txt` file below it, skipping hidden entries,
 * `node_modules` and `exclude` (the output folder).
 */
export function discover(
  paths: readonly string[],
  cwd: string,
  settings: Pick<Settings, 'extensions' | 'ignored'> = settingsFrom(),
  exclude: readonly string[] = []
): Note[] {
  if (paths.length === 0) throw new UsageError('Missing path: name the notes or folders to read')
  const skip = new Set(exclude.map((folder) => path.resolve(cwd, folder)))
  const walker = {skip, extensions: settings.extensions, ignored: settings.ignored}
  const notes = new Map<string, Note>()
  for (const given of paths) {
    const absolute = path.resolve(cwd, given)
    const kind = kindOf(absolute)
    if (kind === 'missing') throw new UsageError(`Cannot find "${given}": no such file or folder`)
    const found =
      kind === 'folder'
        ? walk(absolute, walker).map((found) =>
            found.unreadable
              ? {path: display(found.absolute, cwd), ...found}
              : toNote(found.absolute, path.relative(absolute, found.absolute), cwd)
          )
        : [{...toNote(absolute, path.basename(absolute), cwd), ...(typeof kind === 'object' ? kind : {})}]
    if (found.length === 0) {
      throw new UsageError(`No notes in "${given}": expected ${settings.extensions.join(', ')} files`)
    }
    for (const note of found) notes.set(note.absolute, note)
  }
  return [...notes.values()].sort((a, b) => compare(a.path, b.path))
}

interface Found {
  absolute: string
  unreadable?: string
}

/**
 * The note files below `folder`. A folder that cannot be listed, or an entry
 * that cannot be looked at (a symbolic link loop), is reported, not fatal.
 */
interface Walker {
  skip: ReadonlySet<string>
  extensions: readonly string[]
  ignored: (absolute: string) => boolean
}

function walk(folder: string, walker: Walker): Found[] {
  let entries: Dirent[]
  try {
    entries = readdirSync(folder, {withFileTypes: true})
  } catch (error) {
    return [{absolute: folder, unreadable: `Cannot read this folder: ${describe(error)}`}]
  }
  const found: Found[] = []
  for (const entry of entries) {
    const absolute = path.join(folder, entry.name)
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || walker.skip.has(absolute)) continue
    if (walker.ignored(entry.isDirectory() ? `${absolute}${path.sep}` : absolute)) continue
    if (entry.isDirectory()) {
      found.push(...walk(absolute, walker))
    } else if (walker.extensions.includes(path.extname(entry.name).toLowerCase())) {
      // A symbolic link counts when it leads to a file; links to folders are not walked.
      const kind = entry.isSymbolicLink() ? kindOf(absolute) : 'file'
      if (kind === 'file') found.push({absolute})
      else if (typeof kind === 'object') found.push({absolute, ...kind})
    }
  }
  return found
}

/** What is at `absolute`, following links; what cannot be looked at is unreadable. */
function kindOf(absolute: string): 'file' | 'folder' | 'missing' | 'other' | {unreadable: string} {
  try {
    const stats = statSync(absolute, {throwIfNoEntry: false})
    if (!stats) return 'missing'
    return stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : 'other'
  } catch (error) {
    return {unreadable: `Cannot read this file: ${describe(error)}`}
  }
}

function toNote(absolute: string, relative: string, cwd: string): Note {
  const parsed = path.parse(relative)
  return {
    path: display(absolute, cwd),
    absolute,
    output: toPosix(path.join(parsed.dir, `${parsed.name}.json`))
  }
}

function display(absolute: string, cwd: string): string {
  return toPosix(path.relative(cwd, absolute))
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/')
}

/** Reads and converts every note, then applies the checks that span the batch. */
export function convertAll(notes: readonly Note[], settings?: Pick<Settings, 'labels' | 'rules'>): Result[] {
  const results = notes.map((note): Result => {
    const file = new VFile({path: note.path})
    if (note.unreadable) {
      report(file, 'unreadable-file', note.unreadable, fileStart)
      return {note, file}
    }
    try {
      file.value = readFileSync(note.absolute)
    } catch (error) {
      report(file, 'unreadable-file', `Cannot read this file: ${describe(error)}`, fileStart)
      return {note, file}
    }
    convertFile(file, settings)
    return {note, file, ...(file.data.record ? {record: file.data.record} : {})}
  })
  checkCollisions(results)
  checkDuplicateIds(results)
  return results
}

function checkCollisions(results: Result[]): void {
  const byOutput = new Map<string, Result[]>()
  for (const result of results) {
    const output = result.note.output
    if (output) byOutput.set(output, [...(byOutput.get(output) ?? []), result])
  }
  for (const [output, group] of byOutput) {
    if (group.length < 2) continue
    for (const result of group) {
      const others = group.filter((other) => other !== result).map((other) => `"${other.note.path}"`)
      reject(
        result,
        'output-collision',
        `Output "${output}" is also the output of ${others.join(', ')}, expected one note per output file`
      )
    }
  }
}

/** The note whose path sorts first keeps an id; later ones are errors. */
function checkDuplicateIds(results: Result[]): void {
  const owners = new Map<string, Result>()
  for (const result of results) {
    if (!result.record) continue
    const owner = owners.get(result.record.id)
    if (owner)
      reject(
        result,
        'duplicate-id',
        `Duplicate id "${result.record.id}", already used by "${owner.note.path}"`
      )
    else owners.set(result.record.id, result)
  }
}

function reject(result: Result, ruleId: 'output-collision' | 'duplicate-id', reason: string): void {
  report(result.file, ruleId, reason, fileStart)
  delete result.record
}

/**
 * Writes each record to `<out>/<output>` (`out` absolute, shown relative
 * to `cwd`), with its source map `<stem>.map.json` when asked, and removes the output an invalid
 * note left from an earlier run; then writes the feed of all valid records.
 */
export function writeAll(
  results: readonly Result[],
  out: string,
  cwd: string,
  options: {sourceMap?: boolean} = {}
): void {
  const records: InformationNote[] = []
  for (const result of results) {
    if (!result.note.output) continue
    const target = path.join(out, result.note.output)
    try {
      const map = target.replace(/\.json$/, '.map.json')
      if (result.record) {
        writeFileAtomic(target, serializeRecord(result.record))
        if (options.sourceMap)
          writeFileAtomic(map, serializeSourceMap(result.record, result.file.data.sourceMap ?? new Map()))
        else rmSync(map, {force: true})
        records.push(result.record)
      } else {
        rmSync(target, {force: true})
        rmSync(map, {force: true})
      }
    } catch (error) {
      report(
        result.file,
        'unwritable-output',
        `Cannot write "${display(target, cwd)}": ${describe(error)}`,
        fileStart
      )
    }
  }
  writeFileAtomic(path.join(out, feedName), serializeFeed(records))
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export function hasErrors(result: Result): boolean {
  return result.file.messages.some(isError)
}
