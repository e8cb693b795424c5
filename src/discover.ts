/**
 * Finding the notes: the paths and globs given, folders searched for note
 * files (hidden entries, node_modules, the output folder and ignored files
 * skipped), sorted by path. What cannot be read is reported, never fatal.
 */
import {type Dirent, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {globSync} from 'tinyglobby'
import {type Settings, settingsFrom, UsageError} from './config.js'
import {describe, display, toPosix} from './paths.js'
import {compare} from './write.js'

export interface Note {
  /** As shown to people and written to `source.path`: relative to the working directory, `/`-separated. */
  path: string
  absolute: string
  /** Where its record goes, relative to the output folder; none for a folder that could not be read. */
  output?: string
  /** Why this file or folder could not be read. */
  unreadable?: string
  /** The note's bytes, for a note read from standard input: it is not read from disk, nor kept in a manifest. */
  bytes?: Uint8Array
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
    if (kind === 'missing' && isGlob(given)) {
      const matches = globSync(given, {cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**']})
      const found = matches
        .filter((match) => !settings.ignored(match))
        .map((match) => toNote(match, path.basename(match), cwd))
      if (found.length === 0) throw new UsageError(`No notes match "${given}"`)
      for (const note of found) notes.set(note.absolute, note)
      continue
    }
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

interface Walker {
  skip: ReadonlySet<string>
  extensions: readonly string[]
  ignored: (absolute: string) => boolean
}

/**
 * The note files below `folder`. A folder that cannot be listed, or an entry
 * that cannot be looked at (a symbolic link loop, a link to nothing), is
 * reported, not fatal.
 */
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
    } else if (
      walker.extensions.some(
        (extension) => extension.toLowerCase() === path.extname(entry.name).toLowerCase()
      )
    ) {
      // A symbolic link counts when it leads to a file; links to folders are not walked.
      const kind = entry.isSymbolicLink() ? kindOf(absolute) : 'file'
      if (kind === 'file') found.push({absolute})
      else if (typeof kind === 'object') found.push({absolute, ...kind})
      else if (kind === 'missing')
        found.push({absolute, unreadable: 'Cannot read this file: it is a symbolic link to nothing'})
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

/** A path with glob characters (`*`, `?`, `[`, `{`), which the shell did not expand. */
function isGlob(given: string): boolean {
  return /[*?[\]{}]/.test(given)
}
