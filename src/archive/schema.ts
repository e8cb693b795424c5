/**
 * The archive's tables, as migrations: version 1 made them, each later
 * version changes the one before. A new archive runs them all; an older one
 * runs those it lacks, in one transaction, so that a killed migration leaves
 * it as it was. A migration, once released, never changes: archives were
 * made with it.
 */
import type Database from 'better-sqlite3'
import {organizations as registry} from '../generated/organizations-data.js'
import type {Body} from '../values/organizations.js'

/** The version of the tables this infonote writes (`PRAGMA user_version`). */
export const schemaVersion = 3

/** `PRAGMA application_id`: "INFO", what marks an SQLite file as an infonote archive in its header. */
export const applicationId = 0x494e464f

/** The `format` of the `infonote` table: the archive says what it is to anyone who opens it. */
export const archiveFormat = 'infonote archive'

/**
 * Version 1: the notes, each version's record whole, the current version's
 * event, organizers, participants, sections, footnotes and contacts, and
 * the full-text index.
 */
export const version1 = `
CREATE TABLE infonote (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE notes (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  current_version INTEGER REFERENCES versions(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE versions (
  id INTEGER PRIMARY KEY,
  note_id TEXT NOT NULL REFERENCES notes(id),
  number INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  source_path TEXT,
  loaded_at TEXT NOT NULL,
  record TEXT NOT NULL,
  UNIQUE (note_id, number)
);
CREATE INDEX versions_sha256 ON versions(sha256);
CREATE TABLE events (
  note_id TEXT PRIMARY KEY REFERENCES notes(id),
  name TEXT NOT NULL,
  language TEXT,
  title TEXT,
  dates_text TEXT,
  start_date TEXT NOT NULL,
  end_date TEXT,
  venue_text TEXT,
  place TEXT,
  city TEXT,
  country TEXT,
  country_code TEXT,
  venue_detail TEXT
);
CREATE INDEX events_start_date ON events(start_date);
CREATE INDEX events_country_code ON events(country_code, start_date);
CREATE TABLE organizers (
  note_id TEXT NOT NULL REFERENCES notes(id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  acronym TEXT,
  org TEXT,
  role TEXT,
  PRIMARY KEY (note_id, position)
);
CREATE TABLE participants (
  note_id TEXT NOT NULL REFERENCES notes(id),
  position INTEGER NOT NULL,
  category TEXT NOT NULL,
  label TEXT NOT NULL,
  name TEXT NOT NULL,
  country_code TEXT,
  state_group TEXT,
  acronym TEXT,
  org TEXT,
  role TEXT,
  PRIMARY KEY (note_id, position)
);
CREATE INDEX participants_country_code ON participants(country_code);
CREATE TABLE sections (
  note_id TEXT NOT NULL REFERENCES notes(id),
  position INTEGER NOT NULL,
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (note_id, position)
);
CREATE TABLE footnotes (
  note_id TEXT NOT NULL REFERENCES notes(id),
  position INTEGER NOT NULL,
  marker TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (note_id, position)
);
CREATE TABLE contacts (
  note_id TEXT NOT NULL REFERENCES notes(id),
  position INTEGER NOT NULL,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (note_id, position)
);
CREATE INDEX contacts_value ON contacts(value);
CREATE VIRTUAL TABLE search USING fts5(
  name, sections, organizers, participants,
  tokenize = 'unicode61 remove_diacritics 2'
);
`

/**
 * Version 2: the bodies of the registry get a table, keyed by their id, and
 * the organizers and participants that name one refer to it, so that the
 * events a body organized are one query. Filled from the ids the archive
 * already holds: the registry's name and acronym, else the first entry's.
 */
const version2 = `
CREATE TABLE organizations (id TEXT PRIMARY KEY, name TEXT NOT NULL, acronym TEXT);
CREATE TEMP TABLE registry (id TEXT PRIMARY KEY, name TEXT NOT NULL, acronym TEXT);
INSERT INTO temp.registry SELECT value ->> 'id', value ->> 'name', value ->> 'acronym' FROM json_each(?);
INSERT INTO organizations (id, name, acronym)
  SELECT found.org, coalesce(registry.name, found.name), CASE WHEN registry.id IS NULL THEN found.acronym ELSE registry.acronym END
  FROM (
    SELECT org, name, acronym, row_number() OVER (PARTITION BY org ORDER BY rank, note_id, position) AS nth
    FROM (
      SELECT org, name, acronym, 0 AS rank, note_id, position FROM organizers WHERE org IS NOT NULL
      UNION ALL
      SELECT org, name, acronym, 1, note_id, position FROM participants WHERE org IS NOT NULL
    )
  ) AS found LEFT JOIN temp.registry AS registry ON registry.id = found.org
  WHERE found.nth = 1;
DROP TABLE temp.registry;
CREATE TABLE organizers_2 (
  note_id TEXT NOT NULL REFERENCES notes(id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  acronym TEXT,
  org TEXT REFERENCES organizations(id),
  role TEXT,
  PRIMARY KEY (note_id, position)
);
INSERT INTO organizers_2 SELECT note_id, position, name, acronym, org, role FROM organizers;
DROP TABLE organizers;
ALTER TABLE organizers_2 RENAME TO organizers;
CREATE INDEX organizers_org ON organizers(org);
CREATE TABLE participants_2 (
  note_id TEXT NOT NULL REFERENCES notes(id),
  position INTEGER NOT NULL,
  category TEXT NOT NULL,
  label TEXT NOT NULL,
  name TEXT NOT NULL,
  country_code TEXT,
  state_group TEXT,
  acronym TEXT,
  org TEXT REFERENCES organizations(id),
  role TEXT,
  PRIMARY KEY (note_id, position)
);
INSERT INTO participants_2
  SELECT note_id, position, category, label, name, country_code, state_group, acronym, org, role FROM participants;
DROP TABLE participants;
ALTER TABLE participants_2 RENAME TO participants;
CREATE INDEX participants_country_code ON participants(country_code);
CREATE INDEX participants_org ON participants(org);
`

/**
 * Version 3: the venue is searched too (`venue:bogota`), so a place finds
 * its events; the index is rebuilt from the one before and the events. And
 * positions count from 1, as in the CSV tables (moved through negative
 * numbers, so that no two rows of a note share one on the way).
 */
const version3 = `
${['organizers', 'participants', 'sections', 'footnotes', 'contacts']
  .map((table) => `UPDATE ${table} SET position = -position - 1;\nUPDATE ${table} SET position = -position;`)
  .join('\n')}
CREATE VIRTUAL TABLE search_3 USING fts5(
  name, venue, sections, organizers, participants,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO search_3 (rowid, name, venue, sections, organizers, participants)
  SELECT search.rowid, search.name, events.venue_text, search.sections, search.organizers, search.participants
  FROM search JOIN notes ON notes.key = search.rowid JOIN events ON events.note_id = notes.id;
DROP TABLE search;
ALTER TABLE search_3 RENAME TO search;
`

/** Each version's step from the one before (index 0 makes version 1 from nothing). */
const migrations: readonly ((db: Database.Database) => void)[] = [
  (db) => db.exec(version1),
  (db) => runWithParameter(db, version2, JSON.stringify(registry.map(registryRow))),
  (db) => db.exec(version3)
]

/** The registry's name (English first) and first acronym of a body. */
export function registryRow(body: Body): {id: string; name: string; acronym: string | null} {
  const name = body.names.en[0] ?? body.names.es[0] ?? body.names.fr[0] ?? body.id
  return {id: body.id, name, acronym: body.acronyms[0] ?? null}
}

/** Runs a script whose one `?` is `value`, statement by statement (`exec` binds nothing). */
function runWithParameter(db: Database.Database, script: string, value: string): void {
  for (const statement of script.split(/;\n/)) {
    const sql = statement.trim()
    if (sql === '') continue
    const prepared = db.prepare(sql)
    if (sql.includes('?')) prepared.run(value)
    else prepared.run()
  }
}

/**
 * Brings `db` from version `from` to `to` (by default this infonote's), in
 * one transaction, and records the version in the header and the
 * `infonote` table.
 */
export function migrate(db: Database.Database, from: number, to = schemaVersion): void {
  db.transaction(() => {
    for (let version = from; version < to; version++)
      (migrations[version] as (db: Database.Database) => void)(db)
    db.pragma(`application_id = ${applicationId}`)
    db.pragma(`user_version = ${to}`)
    const meta = db.prepare('INSERT OR REPLACE INTO infonote (key, value) VALUES (?, ?)')
    meta.run('format', archiveFormat)
    meta.run('schema', String(to))
  })()
}
