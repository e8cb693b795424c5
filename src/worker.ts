/**
 * Converting one note, in a worker thread or in-process: bytes in, plain
 * data out (messages, the record and its source map as JSON text), so that
 * nothing but what the batch needs crosses between threads.
 */
import {isMainThread, parentPort, workerData} from 'node:worker_threads'
import type {Point, Position} from 'unist'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {type Settings, settingsFrom} from './config.js'
import type {Config} from './generated/config.js'
import {convertFile} from './pipeline.js'
import {serializeRecord, serializeSourceMap} from './write.js'

export interface Task {
  path: string
  bytes: Uint8Array
  /** The configuration object: settings are rebuilt from it in each worker. */
  config: Config
  sourceMap: boolean
}

/** A message as data. */
export interface PlainMessage {
  reason: string
  ruleId: string
  /** `true` for errors, `false` for warnings, absent for infos. */
  fatal?: boolean
  place: Point | Position
  url?: string
}

export interface Done {
  messages: PlainMessage[]
  id?: string
  /** The record, as the file to write. */
  record?: string
  map?: string
}

export function convertNote(task: Task, settings: Pick<Settings, 'labels' | 'rules'>): Done {
  const file = convertFile(new VFile({path: task.path, value: task.bytes}), settings)
  const record = file.data.record
  const messages = file.messages.map(toPlain)
  if (!record) return {messages}
  const map = task.sourceMap ? {map: serializeSourceMap(record, file.data.sourceMap ?? new Map())} : {}
  return {messages, id: record.id, record: serializeRecord(record), ...map}
}

function toPlain(message: VFileMessage): PlainMessage {
  return {
    reason: message.reason,
    ruleId: message.ruleId ?? '',
    ...(typeof message.fatal === 'boolean' ? {fatal: message.fatal} : {}),
    place: message.place ?? {line: 1, column: 1},
    ...(message.url ? {url: message.url} : {})
  }
}

export function fromPlain(plain: PlainMessage): VFileMessage {
  const message = new VFileMessage(plain.reason, {
    place: plain.place,
    ruleId: plain.ruleId,
    source: 'infonote'
  })
  message.fatal = plain.fatal
  if (plain.url) message.url = plain.url
  return message
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
  parentPort?.on('message', ({id, task}: {id: number; task: Task}) => {
    try {
      parentPort?.postMessage({id, done: run(task)})
    } catch (error) {
      parentPort?.postMessage({id, error: String(error)})
    }
  })
}
