/** Paths and errors as people read them. */
import path from 'node:path'

/** `absolute`, relative to `cwd`, with `/` separators. */
export function display(absolute: string, cwd: string): string {
  return toPosix(path.relative(cwd, absolute))
}

export function toPosix(file: string): string {
  return file.split(path.sep).join('/')
}

/** The message of an error, whatever was thrown. */
export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
