/**
 * The CSV tables of an output folder, for spreadsheets and for archives
 * that load tables: `events.csv` (one row a record), `organizers.csv`,
 * `participants.csv`, `sections.csv`, `footnotes.csv` and `contacts.csv`,
 * each keyed by the record id in its first column, rows in record (id)
 * order and lists in source order. Everything a record holds but `extra`
 * (and the constant `schemaVersion`) has a cell, so the records can be
 * rebuilt from the tables; docs/outputs.md gives the columns.
 *
 * RFC 4180: a header row, CRLF after each row, a field quoted when it holds
 * `"`, `,`, CR or LF, with its quotes doubled; UTF-8. With `--csv-bom` the
 * tables are meant for a spreadsheet: each starts with a byte order mark (so
 * it reads them as UTF-8), and a cell starting with `=`, `+`, `-`, `@`, a tab
 * or CR gets a leading `'`, so the spreadsheet shows it as text instead of
 * running it as a formula (the notes come from documents anyone can write).
 * Without it the cells hold the record's values exactly, as an archive
 * loading them needs ("+1 212 963 5000" stays a phone number).
 */
import type {InformationNote} from '../generated/information-note.js'
import type {Stream} from '../output-folder.js'
import type {BatchEmitter} from './emitter.js'
import {sectionText} from './section-text.js'

/** A cell: absent values are empty cells. */
type Cell = string | number | undefined

interface Table {
  file: string
  header: readonly string[]
  rows(record: InformationNote): Cell[][]
}

const tables: readonly Table[] = [
  {
    file: 'events.csv',
    header: [
      'id',
      'name',
      'datesText',
      'start',
      'end',
      'venue',
      'place',
      'city',
      'country',
      'countryCode',
      'detail',
      'language',
      'title',
      'sourcePath',
      'sha256',
      'format',
      'encoding'
    ],
    rows: (record) => [eventRow(record)]
  },
  {
    file: 'organizers.csv',
    header: ['id', 'position', 'name', 'acronym', 'org', 'role'],
    rows: ({id, event}) =>
      (event.organizers ?? []).map((organizer, index) => [
        id,
        index + 1,
        organizer.name,
        organizer.acronym,
        organizer.org,
        organizer.role
      ])
  },
  {
    file: 'participants.csv',
    header: ['id', 'category', 'label', 'position', 'name', 'countryCode', 'group', 'acronym', 'org', 'role'],
    rows: participantRows
  },
  {
    file: 'sections.csv',
    header: ['id', 'number', 'title', 'kind', 'subheadings', 'text'],
    rows: ({id, sections}) =>
      (sections ?? []).map((section) => [
        id,
        section.number,
        section.title,
        section.kind,
        section.subheadings?.join(' '),
        sectionText(section)
      ])
  },
  {
    file: 'footnotes.csv',
    header: ['id', 'marker', 'text'],
    rows: ({id, footnotes}) => (footnotes ?? []).map((footnote) => [id, footnote.marker, footnote.text])
  },
  {
    file: 'contacts.csv',
    header: ['id', 'type', 'value'],
    rows: ({id, contacts}) => (contacts ?? []).map((contact) => [id, contact.type, contact.value])
  }
]

export const csv: BatchEmitter = {
  name: 'csv',
  scope: 'batch',
  files: tables.map((table) => table.file),
  open(folder, options) {
    const streams: Stream[] = []
    const discard = () => {
      for (const stream of streams) stream.discard()
    }
    const row = (cells: readonly Cell[]) => csvRow(cells, options.csvBom)
    try {
      for (const table of tables) {
        const stream = folder.stream(table.file)
        streams.push(stream)
        stream.write(`${options.csvBom ? '\uFEFF' : ''}${row(table.header)}`)
      }
    } catch (error) {
      discard()
      throw error
    }
    return {
      add: (record) => {
        tables.forEach((table, index) => {
          for (const cells of table.rows(record)) {
            // Every row has a cell for each column, trailing empty ones too.
            streams[index]?.write(row(Array.from(table.header, (_, column) => cells[column])))
          }
        })
      },
      close: () => {
        for (const stream of streams) stream.commit()
      },
      abort: discard
    }
  }
}

function eventRow({id, event, language, title, source}: InformationNote): Cell[] {
  const {dates, venue} = event
  return [
    id,
    event.name,
    dates.text,
    dates.start,
    dates.end,
    venue?.text,
    venue?.place,
    venue?.city,
    venue?.country,
    venue?.countryCode,
    venue?.detail,
    language,
    title,
    source.path,
    source.sha256,
    'format' in source ? source.format : undefined,
    'encoding' in source ? source.encoding : undefined
  ]
}

/** One row a participant, numbered from 1 in its group; a group with none is one row without a position. */
function participantRows({id, participants}: InformationNote): Cell[][] {
  return (participants ?? []).flatMap(({category, label, entries}): Cell[][] =>
    entries.length === 0
      ? [[id, category, label]]
      : entries.map((entry, index) => [
          id,
          category,
          label,
          index + 1,
          entry.name,
          entry.countryCode,
          entry.group,
          entry.acronym,
          entry.org,
          entry.role
        ])
  )
}

/** One RFC 4180 row, CRLF-terminated; `spreadsheet` defuses cells a spreadsheet would run as formulas. */
export function csvRow(cells: readonly Cell[], spreadsheet = false): string {
  return `${cells.map((cell) => csvField(cell === undefined ? '' : String(cell), spreadsheet)).join(',')}\r\n`
}

function csvField(value: string, spreadsheet: boolean): string {
  const text = spreadsheet && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}
