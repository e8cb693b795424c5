/**
 * Converting one note, in a worker thread or in-process: bytes in, plain
 * data out (messages, the record and its source map as JSON text), so that
 * nothing but what the batch needs crosses between threads.
 */
import {isMainThread, parentPort, workerData} from 'node:worker_threads'
import {VFile} from 'vfile'
import {type Settings, settingsFrom} from './config.js'
import type {Config} from './generated/config.js'
import {type PlainMessage, toPlain} from './message.js'
import {convertFile} from './pipeline.js'
import {serializeRecord, serializeSourceMap} from './write.js'

export interface Task {
  path: string
  bytes: Uint8Array
  /** The configuration object: settings are rebuilt from it in each worker. */
  config: Config
  sourceMap: boolean
}

export interface Done {
  messages: PlainMessage[]
  id?: string
  /** The record, as the file to write. */
  record?: string
  map?: string
}

export function convertNote(
  task: Task,
  settings: Pick<Settings, 'labels' | 'bodies' | 'rules' | 'limits'>
): Done {
  const file = convertFile(new VFile({path: task.path, value: task.bytes}), settings)
  const record = file.data.record
  const messages = file.messages.map(toPlain)
  if (!record) return {messages}
  const map = task.sourceMap ? {map: serializeSourceMap(record, file.data.sourceMap ?? new Map())} : {}
  return {messages, id: record.id, record: serializeRecord(record), ...map}
}

/** Settings per configuration, built once per thread. */
const cache = new Map<string, Settings>()

/** Converts a task with the settings of its configuration. */
export default function run(task: Task): Done {
  const key = JSON.stringify(task.config)
  let settings = cache.get(key)
  if (!settings) {
    settings = settingsFrom(task.config)
    cache.set(key, settings)
  }
  return convertNote(task, settings)
}

// In a thread of the pool: answer each task with its result.
if (!isMainThread && (workerData as {infonote?: boolean} | undefined)?.infonote) {
  parentPort?.on('message', (task: Task) => {
    parentPort?.postMessage(run(task))
  })
  parentPort?.postMessage('ready')
}
