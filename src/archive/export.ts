/**
 * Writing an archive's current records back out, through the emitters of
 * `src/emit/`: a batch emitter gets every record in id order (as `convert`
 * gives them), a per-note emitter writes `<id><suffix>` for each. The
 * records are read one at a time; every file goes through the output
 * folder, each put in place atomically.
 */
import type Database from 'better-sqlite3'
import {noteFilesOf, type Outputs, writeBatch} from '../emit/emitters.js'
import type {InformationNote} from '../generated/information-note.js'
import type {OutputFolder} from '../output-folder.js'
import {compare} from '../write.js'

/** Writes the current records of `db` into `folder` as `outputs` say; gives the number of records and files. */
export function exportRecords(
  db: Database.Database,
  folder: OutputFolder,
  outputs: Outputs
): {records: number; files: number} {
  const ids = (db.prepare('SELECT id FROM notes').pluck().all() as string[]).sort(compare)
  const recordOf = db
    .prepare(
      'SELECT record FROM notes JOIN versions ON versions.id = notes.current_version WHERE notes.id = ?'
    )
    .pluck()
  function* records(): Generator<InformationNote> {
    for (const id of ids) yield JSON.parse(recordOf.get(id) as string) as InformationNote
  }
  const count = writeBatch(folder, outputs, records())
  let files = outputs.batch.reduce((sum, emitter) => sum + emitter.files.length, 0)
  for (const record of records()) {
    for (const file of noteFilesOf(outputs, 'format' in record.source)) {
      const content = file.content(record)
      if (content === undefined) continue
      folder.write(`${record.id}${file.suffix}`, content)
      files++
    }
  }
  return {records: count, files}
}
