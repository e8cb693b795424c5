/**
 * The JSON Lines feed of an output folder, `records.jsonl`: one record a
 * line (compact JSON) for every valid note the folder holds, sorted by id.
 */
import type {BatchEmitter} from './emitter.js'

export const feedName = 'records.jsonl'

export const jsonl: BatchEmitter = {
  name: 'jsonl',
  scope: 'batch',
  files: [feedName],
  open(folder) {
    const stream = folder.stream(feedName)
    return {
      add: (record) => stream.write(`${JSON.stringify(record)}\n`),
      close: stream.commit,
      abort: stream.discard
    }
  }
}
