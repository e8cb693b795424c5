/**
 * The JSON Lines feed of an output folder, `records.jsonl`: one record a
 * line for every valid note the folder holds, sorted by id. It is written
 * from the record files themselves, one at a time, so few records are ever
 * in memory, and only when what it would hold changed.
 */
import {closeSync, openSync, renameSync, rmSync, writeSync} from 'node:fs'
import type {Manifest} from '../manifest.js'
import type {OutputFolder} from '../output-folder.js'
import {compare, temporary} from '../write.js'

export const feedName = 'records.jsonl'

/** What a feed holds: each record's id, and the file (in the output folder) it is read from. */
export type Feed = [id: string, output: string][]

/** The feed a complete manifest describes. */
export function feedOf(manifest: Manifest): Feed {
  return Object.values(manifest.notes).flatMap(
    (entry): Feed => (entry.id && entry.outputs[0] ? [[entry.id, entry.outputs[0]]] : [])
  )
}

/** Whether two feeds hold the same records, in whatever order. */
export function sameFeed(a: Feed, b: Feed): boolean {
  const key = (feed: Feed) =>
    feed
      .map((pair) => pair.join('\0'))
      .sort(compare)
      .join('\n')
  return key(a) === key(b)
}

/** Writes the feed into `folder` (atomically); gives the number of records written. */
export function writeFeed(folder: OutputFolder, feed: Feed): number {
  const target = folder.path(feedName)
  const file = temporary(target)
  const descriptor = openSync(file, 'w')
  let records = 0
  try {
    for (const [, output] of [...feed].sort(([a], [b]) => compare(a, b))) {
      let text: string
      try {
        text = folder.read(output)
      } catch {
        continue
      }
      writeSync(descriptor, `${JSON.stringify(JSON.parse(text))}\n`)
      records++
    }
    closeSync(descriptor)
    renameSync(file, target)
  } catch (error) {
    rmSync(file, {force: true})
    throw error
  }
  return records
}
