/**
 * Writing an archive's current records back out, through the emitters of
 * `src/emit/`: a batch emitter gets every record in id order (as `convert`
 * gives them), a per-note emitter writes `<id><suffix>` for each. The
 * records are read one at a time; every file goes through the output
 * folder, each put in place atomically.
 */
import type Database from 'better-sqlite3'
import type {BatchEmitter, EmitOptions, Emitter, NoteEmitter, Sink} from '../emit/emitter.js'
import type {InformationNote} from '../generated/information-note.js'
import type {OutputFolder} from '../output-folder.js'
import {compare} from '../write.js'

/** Writes the current records of `db` into `folder` with `emitters`; gives the number of records and files. */
export async function exportRecords(
  db: Database.Database,
  folder: OutputFolder,
  emitters: readonly Emitter[],
  options: EmitOptions
): Promise<{records: number; files: number}> {
  const batch = emitters.filter((emitter): emitter is BatchEmitter => emitter.scope === 'batch')
  const perNote = emitters.filter((emitter): emitter is NoteEmitter => emitter.scope === 'note')
  const ids = (db.prepare('SELECT id FROM notes').pluck().all() as string[]).sort(compare)
  const recordOf = db
    .prepare(
      'SELECT record FROM notes JOIN versions ON versions.id = notes.current_version WHERE notes.id = ?'
    )
    .pluck()
  const sinks: Sink[] = []
  let files = 0
  try {
    for (const emitter of batch) sinks.push(emitter.open(folder, options))
    for (const id of ids) {
      const record = JSON.parse(recordOf.get(id) as string) as InformationNote
      for (const sink of sinks) sink.add(record)
      files += await writeNoteFiles(folder, perNote, record, options)
    }
    for (const sink of sinks) sink.close()
  } catch (error) {
    for (const sink of sinks) sink.abort()
    throw error
  }
  return {records: ids.length, files: files + batch.reduce((sum, emitter) => sum + emitter.files.length, 0)}
}

/** Writes a record's per-note files, `<id><suffix>`; gives how many. */
async function writeNoteFiles(
  folder: OutputFolder,
  emitters: readonly NoteEmitter[],
  record: InformationNote,
  options: EmitOptions
): Promise<number> {
  const document = 'format' in record.source
  let written = 0
  for (const file of emitters.flatMap((emitter) => emitter.files)) {
    if (file.wanted && !file.wanted(options)) continue
    if (file.applies && !file.applies(document)) continue
    const content = file.content(record)
    if (content === undefined) continue
    await folder.write(`${record.id}${file.suffix}`, content)
    written++
  }
  return written
}
