/**
 * Loading records into an archive. A note is its record id: the same id is
 * the same note, whatever path or folder it was read from. A version is the
 * note's bytes (the record's `source.sha256`): loading the bytes of the
 * current version again adds nothing; other bytes add a version, which
 * becomes current, and the earlier ones stay, each with its record as
 * `convert` wrote it, its sha256 and its load time. The tables of events,
 * organizers, … describe each note's current version. One transaction per
 * note; every value is a bound parameter.
 */
import type Database from 'better-sqlite3'
import {sectionText} from '../emit/section-text.js'
import type {InformationNote} from '../generated/information-note.js'
import {organizations as registry} from '../generated/organizations-data.js'
import type {Body} from '../values/organizations.js'
import {registryRow} from './schema.js'

/** What loading a record did. */
export type Loaded = 'added' | 'updated' | 'unchanged'

type Statements = Record<
  | 'current'
  | 'addNote'
  | 'nextNumber'
  | 'addVersion'
  | 'setCurrent'
  | 'event'
  | 'organizer'
  | 'participant'
  | 'section'
  | 'footnote'
  | 'contact'
  | 'organization'
  | 'index'
  | 'unindex',
  Database.Statement
>

/** The tables that describe a note's current version, emptied for it before a new version. */
const detailTables = ['events', 'organizers', 'participants', 'sections', 'footnotes', 'contacts'] as const

export class Loader {
  private readonly statements: Statements
  private readonly clear: Database.Statement[]
  private readonly bodies: Map<string, Body>

  /** `bodies`: the configuration's own bodies, which win over the registry's. */
  constructor(
    private readonly db: Database.Database,
    bodies: readonly Body[] = []
  ) {
    this.bodies = new Map([...registry, ...bodies].map((body) => [body.id, body]))
    this.statements = prepare(db)
    this.clear = detailTables.map((table) => db.prepare(`DELETE FROM ${table} WHERE note_id = ?`))
  }

  /** Loads one record, the JSON text `convert` writes, in its own transaction. */
  load(text: string, loadedAt: string): Loaded {
    const record = JSON.parse(text) as InformationNote
    const run = this.db.transaction((): Loaded => {
      const current = this.statements.current.get(record.id) as {key: number; sha256: string} | undefined
      if (current?.sha256 === record.source.sha256) return 'unchanged'
      const key = current ? current.key : Number(this.statements.addNote.run(record.id).lastInsertRowid)
      const number = this.statements.nextNumber.pluck().get(record.id) as number
      const source = record.source.path ?? null
      const version = this.statements.addVersion.run(
        record.id,
        number,
        record.source.sha256,
        source,
        loadedAt,
        text
      )
      this.statements.setCurrent.run(version.lastInsertRowid, key)
      if (current) this.forget(record.id, key)
      this.describe(record, key)
      return current ? 'updated' : 'added'
    })
    return run.immediate()
  }

  /** Empties the current version's rows of a note. */
  private forget(id: string, key: number): void {
    for (const statement of this.clear) statement.run(id)
    this.statements.unindex.run(key)
  }

  /** Writes the rows of a record, and its entry in the full-text index. */
  private describe(record: InformationNote, key: number): void {
    const {id, event} = record
    const {statements} = this
    const venue = event.venue
    statements.event.run(
      ...bound(
        id,
        event.name,
        record.language,
        record.title,
        event.dates.text,
        event.dates.start,
        event.dates.end,
        venue?.text,
        venue?.place,
        venue?.city,
        venue?.country,
        venue?.countryCode,
        venue?.detail
      )
    )
    for (const [position, organizer] of (event.organizers ?? []).entries()) {
      this.organization(organizer.org, organizer)
      const {name, acronym, org, role} = organizer
      statements.organizer.run(...bound(id, position + 1, name, acronym, org, role))
    }
    const entries = (record.participants ?? []).flatMap((group) =>
      group.entries.map((entry) => ({group, entry}))
    )
    for (const [position, {group, entry}] of entries.entries()) {
      this.organization(entry.org, entry)
      const {name, countryCode, acronym, org, role} = entry
      statements.participant.run(
        ...bound(
          id,
          position + 1,
          group.category,
          group.label,
          name,
          countryCode,
          entry.group,
          acronym,
          org,
          role
        )
      )
    }
    this.describeText(record, key)
  }

  /** The sections, footnotes and contacts, and the full-text index. */
  private describeText(record: InformationNote, key: number): void {
    const {id} = record
    const {statements} = this
    const sections = (record.sections ?? []).map((section) => ({
      ...section,
      text: sectionText(section) ?? ''
    }))
    for (const [position, section] of sections.entries()) {
      statements.section.run(id, position + 1, section.number, section.title, section.kind, section.text)
    }
    for (const [position, {marker, text}] of (record.footnotes ?? []).entries()) {
      statements.footnote.run(id, position + 1, marker, text)
    }
    for (const [position, {type, value}] of (record.contacts ?? []).entries()) {
      statements.contact.run(id, position + 1, type, value)
    }
    statements.index.run(
      key,
      record.event.name,
      record.event.venue?.text ?? null,
      sections.map((section) => `${section.title}\n${section.text}`).join('\n'),
      names(record.event.organizers ?? []),
      names((record.participants ?? []).flatMap((group) => group.entries))
    )
  }

  /** Adds the body an entry names to `organizations`, once: the registry's name, else the entry's. */
  private organization(org: string | undefined, entry: {name: string; acronym?: string}): void {
    if (org === undefined) return
    const body = this.bodies.get(org)
    const row = body ? registryRow(body) : {id: org, name: entry.name, acronym: entry.acronym ?? null}
    this.statements.organization.run(row.id, row.name, row.acronym)
  }
}

function prepare(db: Database.Database): Statements {
  const statement = (sql: string) => db.prepare(sql)
  return {
    current: statement(
      'SELECT notes.key, versions.sha256 FROM notes JOIN versions ON versions.id = notes.current_version WHERE notes.id = ?'
    ),
    addNote: statement('INSERT INTO notes (id) VALUES (?)'),
    nextNumber: statement('SELECT coalesce(max(number), 0) + 1 FROM versions WHERE note_id = ?'),
    addVersion: statement(
      'INSERT INTO versions (note_id, number, sha256, source_path, loaded_at, record) VALUES (?, ?, ?, ?, ?, ?)'
    ),
    setCurrent: statement('UPDATE notes SET current_version = ? WHERE key = ?'),
    event: statement(`INSERT INTO events (note_id, name, language, title, dates_text, start_date, end_date,
      venue_text, place, city, country, country_code, venue_detail) VALUES (${marks(13)})`),
    organizer: statement(
      `INSERT INTO organizers (note_id, position, name, acronym, org, role) VALUES (${marks(6)})`
    ),
    participant: statement(`INSERT INTO participants (note_id, position, category, label, name, country_code,
      state_group, acronym, org, role) VALUES (${marks(10)})`),
    section: statement(
      `INSERT INTO sections (note_id, position, number, title, kind, text) VALUES (${marks(6)})`
    ),
    footnote: statement(`INSERT INTO footnotes (note_id, position, marker, text) VALUES (${marks(4)})`),
    contact: statement(`INSERT INTO contacts (note_id, position, type, value) VALUES (${marks(4)})`),
    organization: statement(
      'INSERT INTO organizations (id, name, acronym) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'
    ),
    index: statement(
      `INSERT INTO search (rowid, name, venue, sections, organizers, participants) VALUES (${marks(6)})`
    ),
    unindex: statement('DELETE FROM search WHERE rowid = ?')
  }
}

/** Values to bind: what a record leaves out is SQL's NULL. */
function bound(...values: (string | number | undefined)[]): (string | number | null)[] {
  return values.map((value) => (value === undefined ? null : value))
}

function marks(count: number): string {
  return Array.from({length: count}, () => '?').join(', ')
}

/** Names (with their acronym when it is not the name) for the index, `; ` between them. */
function names(entries: readonly {name: string; acronym?: string}[]): string {
  return entries
    .map(({name, acronym}) => (acronym && acronym !== name ? `${name} (${acronym})` : name))
    .join('; ')
}
