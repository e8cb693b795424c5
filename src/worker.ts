/**
 * One note of a batch, in a worker thread or in-process: its bytes read
 * and hashed, converted, and its files written (see batch/note-io.ts); out
 * comes plain data (messages, what was read, the files written, or each
 * file as text when nothing is written), so that nothing but what the batch
 * needs crosses between threads.
 */
import {isMainThread, parentPort, workerData} from 'node:worker_threads'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {type Known, type ReadResult, readSource, type Source, writeNoteFiles} from './batch/note-io.js'
import {type Settings, settingsFrom} from './config.js'
import {noteFile} from './emit/emitters.js'
import type {Config} from './generated/config.js'
import {type PlainMessage, toPlain} from './message.js'
import {OutputFolder} from './output-folder.js'
import {describe} from './paths.js'
import {convertAnyFile, convertFile} from './pipeline.js'
import {withPlaces} from './read/markdown.js'
import {type DocumentFormat, formatOf, rebuild} from './read.js'
import {type NoteView, noteViewOf} from './report/note.js'

export type Task = Source & {
  path: string
  /** The configuration object: settings are rebuilt from it in each worker. */
  config: Config
  /** The files a valid note gets, by suffix (`.json`, `.jsonld`): see emit/emitters.ts. */
  files: readonly string[]
  /** Where they are written (the output folder, and the note's path there without suffix); without it they come back in `files`. */
  write?: {root: string; stem: string}
  /** Only rebuild a PDF or Word note's Markdown (`infonote text`), with `page:line` before each line when `pages`. */
  textOnly?: {pages: boolean}
  /** Also send back what the review report shows of the note (src/report/). */
  report?: true
}

/** A task whose bytes are given. */
export type BytesTask = Task & {bytes: Uint8Array}

export interface Done {
  messages: PlainMessage[]
  /** The bytes read: their hash, and the file's size and time then; absent when they could not be read. */
  read?: Known
  /** They are those the task knew of: the note was not converted again. */
  unchanged?: true
  id?: string
  /** Without `write`: a valid note's files, by suffix, in the order asked; a file this note has none of is absent. */
  files?: Record<string, string>
  /** With `write`: the files written, relative to the output folder (none for an invalid note, whose files are removed). */
  outputs?: string[]
  /** With `write`: why they could not be written. */
  writeError?: string
  /** `infonote text`: the Markdown rebuilt. */
  text?: string
  /** For the review report: the note's text, record and source map. */
  report?: NoteView
}

type ConvertSettings = Pick<Settings, 'labels' | 'bodies' | 'rules' | 'limits'>

/** Reads, converts and writes the note of `task`. */
export function runTask(task: Task, settings: ConvertSettings): Done | Promise<Done> {
  if (task.textOnly && 'bytes' in task) return convertNote(task, settings)
  const read = readSource(task, settings.limits.maxBytes)
  if (!('bytes' in read)) return unread(read)
  const known = {sha256: read.sha256, ...read.stamp}
  const done = convertNote({...task, bytes: read.bytes}, settings)
  return done instanceof Promise
    ? done.then((result) => placed(task, known, result))
    : placed(task, known, done)
}

/** A task whose bytes could not be read, or are those it knew of. */
export function unread(read: Exclude<ReadResult, {bytes: Uint8Array}>): Done {
  return 'refused' in read
    ? {messages: [read.refused]}
    : {messages: [], read: read.unchanged, unchanged: true}
}

/**
 * Converts the bytes of `task`; a PDF or Word note is read asynchronously
 * (the batch sends those to a thread, where its time limit can stop them).
 */
export function convertNote(task: BytesTask, settings: ConvertSettings): Done | Promise<Done> {
  const file = new VFile({path: task.path, value: task.bytes})
  const format = formatOf(task.path, task.bytes)
  if (format && task.textOnly) return textOf(file, format, task.textOnly.pages)
  if (format) return convertAnyFile(file, settings, format).then((converted) => doneOf(converted, task))
  return doneOf(convertFile(file, settings), task)
}

/** `done` of the bytes `read`, its files written when the task says where. */
export function placed(task: Task, read: Known, done: Done): Done {
  if (!task.write) return {...done, read}
  const {files, ...rest} = done
  try {
    const outputs = writeNoteFiles(new OutputFolder(task.write.root), task.write.stem, files ?? {})
    return {...rest, read, outputs}
  } catch (error) {
    return {...rest, read, outputs: [], writeError: describe(error)}
  }
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
  return runTask(task, settings)
}

// In a thread of the pool: answer each task with its result, one task
// after the other (a PDF is read asynchronously; the next task waits).
if (!isMainThread && (workerData as {infonote?: boolean} | undefined)?.infonote) {
  let last: Promise<void> = Promise.resolve()
  parentPort?.on('message', (task: Task) => {
    last = last.then(async () => parentPort?.postMessage(await run(task)))
  })
  parentPort?.postMessage('ready')
}
