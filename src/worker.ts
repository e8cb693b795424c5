/**
 * Converting one note, in a worker thread or in-process: bytes in, plain
 * data out (messages, and each file the note gets as text), so that
 * nothing but what the batch needs crosses between threads.
 */
import {isMainThread, parentPort, workerData} from 'node:worker_threads'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {type Settings, settingsFrom} from './config.js'
import {noteFile} from './emit/emitters.js'
import type {Config} from './generated/config.js'
import {type PlainMessage, toPlain} from './message.js'
import {convertAnyFile, convertFile} from './pipeline.js'
import {withPlaces} from './read/markdown.js'
import {type DocumentFormat, formatOf, rebuild} from './read.js'
import {type NoteView, noteViewOf} from './report/note.js'

export interface Task {
  path: string
  bytes: Uint8Array
  /** The configuration object: settings are rebuilt from it in each worker. */
  config: Config
  /** The files to send back for a valid note, by suffix (`.json`, `.jsonld`): see emit/emitters.ts. */
  files: readonly string[]
  /** Only rebuild a PDF or Word note's Markdown (`infonote text`), with `page:line` before each line when `pages`. */
  textOnly?: {pages: boolean}
  /** Also send back what the review report shows of the note (src/report/). */
  report?: true
}

export interface Done {
  messages: PlainMessage[]
  id?: string
  /** A valid note's files, by suffix, in the order asked; a file this note has none of is absent. */
  files?: Record<string, string>
  /** `infonote text`: the Markdown rebuilt. */
  text?: string
  /** For the review report: the note's text, record and source map. */
  report?: NoteView
}

/**
 * Converts `task`; a PDF or Word note is read asynchronously (the batch
 * sends those to a thread, where its time limit can stop them).
 */
export function convertNote(
  task: Task,
  settings: Pick<Settings, 'labels' | 'bodies' | 'rules' | 'limits'>
): Done | Promise<Done> {
  const file = new VFile({path: task.path, value: task.bytes})
  const format = formatOf(task.path, task.bytes)
  if (format && task.textOnly) return textOf(file, format, task.textOnly.pages)
  if (format) return convertAnyFile(file, settings, format).then((converted) => doneOf(converted, task))
  return doneOf(convertFile(file, settings), task)
}

function doneOf(file: VFile, task: Task): Done {
  const done = filesOf(file, task)
  return task.report ? {...done, report: noteViewOf(file)} : done
}

function filesOf(file: VFile, task: Task): Done {
  const record = file.data.record
  const messages = file.messages.map(toPlain)
  if (!record) return {messages}
  const files: Record<string, string> = {}
  for (const suffix of task.files) {
    const content = noteFile(suffix).content(record, file)
    if (content !== undefined) files[suffix] = content
  }
  return {messages, id: record.id, files}
}

/** The Markdown of a PDF or Word `file`, or the message that says why there is none. */
async function textOf(file: VFile, format: DocumentFormat, pages: boolean): Promise<Done> {
  try {
    await rebuild(file, format)
  } catch (error) {
    if (!file.messages.includes(error as VFileMessage)) throw error
    return {messages: file.messages.map(toPlain)}
  }
  const text = String(file.value)
  const map = file.data.rebuilt?.map
  return {messages: [], text: pages && map ? withPlaces(text, map) : text}
}

/** Settings per configuration, built once per thread. */
const cache = new Map<string, Settings>()

/** Converts a task with the settings of its configuration. */
export default function run(task: Task): Done | Promise<Done> {
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
  parentPort?.on('message', async (task: Task) => {
    parentPort?.postMessage(await run(task))
  })
  parentPort?.postMessage('ready')
}
