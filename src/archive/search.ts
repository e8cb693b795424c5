/**
 * Searching an archive: the current notes whose event name, venue,
 * sections, organizers or participants match an FTS5 query, best match first (FTS5's
 * bm25 rank), then by start date, then by id; narrowed by a body, the
 * venue's country and a span of dates. Every value is a bound parameter.
 */
import type Database from 'better-sqlite3'

export interface SearchOptions {
  query: string
  /** A body of the registry that organized the event or took part in it. */
  org?: string
  /** The venue's ISO 3166-1 alpha-2 code. */
  country?: string
  /** Events that end on or after this day (YYYY-MM-DD). */
  from?: string
  /** Events that start on or before this day (YYYY-MM-DD). */
  to?: string
  /** What is put around each matched word of the snippet. */
  mark: {open: string; close: string}
}

export interface Hit {
  id: string
  name: string
  start: string
  end: string | null
  city: string | null
  countryCode: string | null
  snippet: string
  source: string | null
  /** The venue as the note writes it. */
  venue: string | null
}

/** A query that FTS5 cannot read: the reason SQLite gives. */
export class QueryError extends Error {}

/** Words of context a snippet has at most. */
const snippetTokens = 16

/** The current notes that match, in order. */
export function search(db: Database.Database, options: SearchOptions): Hit[] {
  const filters: string[] = []
  const values: string[] = [options.mark.open, options.mark.close, options.query]
  if (options.org !== undefined) {
    // Not correlated: the body's notes are found once, by the `org` indexes.
    filters.push(`AND notes.id IN (SELECT note_id FROM organizers WHERE org = ?
      UNION SELECT note_id FROM participants WHERE org = ?)`)
    values.push(options.org, options.org)
  }
  if (options.country !== undefined) {
    filters.push('AND events.country_code = ?')
    values.push(options.country)
  }
  if (options.from !== undefined) {
    filters.push('AND coalesce(events.end_date, events.start_date) >= ?')
    values.push(options.from)
  }
  if (options.to !== undefined) {
    filters.push('AND events.start_date <= ?')
    values.push(options.to)
  }
  const sql = `SELECT notes.id, events.name, events.start_date AS start, events.end_date AS "end",
      events.city, events.country_code AS countryCode,
      snippet(search, -1, ?, ?, '…', ${snippetTokens}) AS snippet,
      versions.source_path AS source, events.venue_text AS venue
    FROM search
      JOIN notes ON notes.key = search.rowid
      JOIN events ON events.note_id = notes.id
      JOIN versions ON versions.id = notes.current_version
    WHERE search MATCH ? ${filters.join(' ')}
    ORDER BY search.rank, events.start_date, notes.id`
  try {
    return db.prepare(sql).all(...values) as Hit[]
  } catch (error) {
    if (isQueryError(error)) throw new QueryError((error as Error).message)
    throw error
  }
}

/** Whether SQLite refused the query itself (its syntax, or a column it names), not the archive. */
function isQueryError(error: unknown): boolean {
  const {code, message} = error as {code?: string; message?: string}
  return (
    code === 'SQLITE_ERROR' &&
    /^(fts5: |unterminated string|no such column|unknown special query)/.test(message ?? '')
  )
}

/** Whether the archive knows the body `org` (some note names it). */
export function knowsOrganization(db: Database.Database, org: string): boolean {
  return db.prepare('SELECT 1 FROM organizations WHERE id = ?').pluck().get(org) !== undefined
}
