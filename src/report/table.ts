/**
 * The table of notes: a row per note with its date, event, venue,
 * organizers, status and messages, which the page's script sorts and
 * filters (each cell's `data-sort` is what it sorts by).
 */
import {plural} from '../format.js'
import type {InformationNote} from '../generated/information-note.js'
import {text} from './html.js'
import type {ReportNote} from './note.js'

const columns = ['Note', 'Date', 'Event', 'Venue', 'Organizers', 'Status', 'Messages'] as const

/** The filters and the table of `notes`. */
export function renderTable(notes: readonly ReportNote[]): string {
  const head = columns
    .map(
      (name, index) =>
        `<th scope="col" data-column="${index}"><button type="button" class="sort">${name}</button></th>`
    )
    .join('')
  return `<section id="notes" aria-label="Notes">
<div class="filters">
<label>Filter <input id="filter" type="search" placeholder="text in any column  ( / )" autocomplete="off"></label>
<label>Status <select id="status"><option value="">all</option><option value="valid">valid</option><option value="invalid">invalid</option><option value="unreadable">unreadable</option><option value="warned">with warnings</option></select></label>
<span id="shown" aria-live="polite">${notes.length} of ${plural(notes.length, 'note')} shown</span>
</div>
<div class="scroll"><table id="table"><thead><tr>${head}</tr></thead>
<tbody>
${notes.map(row).join('\n')}
</tbody></table></div>
</section>`
}

function row(note: ReportNote, index: number): string {
  const record = note.view?.record
  const errors = note.messages.filter((message) => message.severity === 'error').length
  const warnings = note.messages.filter((message) => message.severity === 'warning').length
  const problems = [
    ...(errors > 0 ? [plural(errors, 'error')] : []),
    ...(warnings > 0 ? [plural(warnings, 'warning')] : [])
  ].join(', ')
  const cells = [
    cell(note.path, `<a href="#note-${index + 1}">${text(note.path)}</a>`),
    ...recordCells(record),
    cell(note.status, `<span class="status ${note.status}">${note.status}</span>`),
    cell(String(errors * 100_000 + warnings), text(problems))
  ]
  const warned = warnings > 0 ? ' data-warned=""' : ''
  return `<tr id="row-${index + 1}" data-note="${index + 1}" data-status="${note.status}"${warned} tabindex="-1">${cells.join('')}</tr>`
}

/** Date, event, venue and organizers of a record; empty cells for a note without one. */
function recordCells(record: InformationNote | undefined): string[] {
  if (!record) return ['', '', '', ''].map((empty) => cell(empty, empty))
  const {dates, name, venue, organizers = []} = record.event
  const date = dates.end && dates.end !== dates.start ? `${dates.start} – ${dates.end}` : dates.start
  const place = venue ? `${venue.text}${venue.countryCode ? ` [${venue.countryCode}]` : ''}` : ''
  const bodies = organizers.map((body) => (body.acronym ? `${body.name} (${body.acronym})` : body.name))
  return [
    cell(dates.start, text(date)),
    cell(name, text(name)),
    cell(place, text(place)),
    cell(bodies.join('; '), text(bodies.join('; ')))
  ]
}

function cell(sort: string, html: string): string {
  return `<td data-sort="${text(sort)}">${html}</td>`
}
