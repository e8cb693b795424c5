/**
 * The output folder of a run: every file the run writes (its manifest
 * included), reads back or removes there goes through it, and is checked to
 * lie inside it first, whatever a manifest or a note's path says. Files are written atomically
 * (a temporary file, then a rename), so a reader never sees half a file and
 * a killed run leaves only temporaries, which the next run removes.
 */
import {
  closeSync,
  type Dirent,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync
} from 'node:fs'
import path from 'node:path'
import {manifestName} from './manifest.js'
import {temporary, writeFileAtomic} from './write.js'

/** A file written piece by piece to a temporary file, put in place by `commit`. */
export interface Stream {
  write(text: string): void
  commit(): void
  /** Removes the temporary file: nothing is put in place. */
  discard(): void
}

export class OutputFolder {
  /** `root`: the folder, absolute. */
  constructor(readonly root: string) {}

  /** The absolute path of `file` (relative to the folder), which must lie inside it. */
  path(file: string): string {
    const target = path.resolve(this.root, file)
    const relative = path.relative(this.root, target)
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new Error(`Refusing to touch "${file}": it is outside the output folder`)
    }
    return target
  }

  exists(file: string): boolean {
    return existsSync(this.path(file))
  }

  read(file: string): string {
    return readFileSync(this.path(file), 'utf8')
  }

  write(file: string, content: string): void {
    writeFileAtomic(this.path(file), content)
  }

  /** Opens `file` to be written piece by piece; it replaces the old one only on `commit`. */
  stream(file: string): Stream {
    const target = this.path(file)
    mkdirSync(path.dirname(target), {recursive: true})
    const temporaryFile = temporary(target)
    const descriptor = openSync(temporaryFile, 'w')
    let open = true
    const close = () => {
      if (open) closeSync(descriptor)
      open = false
    }
    return {
      write: (text) => {
        writeSync(descriptor, text)
      },
      commit: () => {
        close()
        renameSync(temporaryFile, target)
      },
      discard: () => {
        close()
        rmSync(temporaryFile, {force: true})
      }
    }
  }

  removeSync(file: string): void {
    rmSync(this.path(file), {force: true})
  }

  /** Writes the manifest (serialized) of what the folder holds now, so that a killed run loses little. */
  checkpoint(manifest: string): void {
    writeFileAtomic(this.path(manifestName), manifest)
  }

  /** Removes the temporary files a killed run left behind. */
  removeTemporaries(folder = this.root): void {
    let entries: Dirent[]
    try {
      entries = readdirSync(folder, {withFileTypes: true})
    } catch {
      return
    }
    for (const entry of entries) {
      const absolute = path.join(folder, entry.name)
      if (entry.isDirectory()) this.removeTemporaries(absolute)
      else if (/\.\d+-[\da-f]{8}\.tmp$/.test(entry.name)) rmSync(absolute, {force: true})
    }
  }
}
