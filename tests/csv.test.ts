/**
 * The CSV output, written through a real output folder: exact tables for a
 * few records (tests/emit/csv/), the byte order mark and the defused
 * formulas of `--csv-bom`, RFC 4180 quoting, and every record of the
 * fixtures and pairs rebuilt from its tables read back with `csv-parse`.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'csv-parse/sync'
import {describe, expect, it} from 'vitest'
import {csv, csvRow} from '../src/emit/csv.js'
import type {EmitOptions} from '../src/emit/emitter.js'
import {sectionText} from '../src/emit/section-text.js'
import type {InformationNote, Item, ParticipantGroup, Section} from '../src/generated/information-note.js'
import {OutputFolder} from '../src/output-folder.js'
import {expectFile, recordOf, records} from './emit/records.js'
import {workspace} from './helpers.js'

type Row = Record<string, string>

const options: EmitOptions = {sourceMap: false, keepText: false, csvBom: false}

/** The tables `records` give, written in id order into a new output folder, by file name. */
function tablesOf(notes: readonly InformationNote[], csvBom = false): Record<string, string> {
  const folder = new OutputFolder(workspace())
  const sink = csv.open(folder, {...options, csvBom})
  for (const record of [...notes].sort((a, b) => (a.id < b.id ? -1 : 1))) sink.add(record)
  sink.close()
  expect(readdirSync(folder.root).sort()).toEqual([...csv.files].sort())
  return Object.fromEntries(csv.files.map((file) => [file, folder.read(file)]))
}

/** A table's rows as objects by header, read as RFC 4180 with CRLF row ends. */
function rowsOf(text: string): Row[] {
  return parse(text, {columns: true, record_delimiter: '\r\n'}) as Row[]
}

/** `row` without its empty cells, with `names` renamed to the record's keys. */
function cells(row: Row, names: Record<string, string> = {}): Row {
  return Object.fromEntries(
    Object.entries(row)
      .filter(([, value]) => value !== '')
      .map(([key, value]) => [names[key] ?? key, value])
  )
}

/** The items of `- ` lines, a level each two spaces of indent. */
function itemsOf(lines: string[], indent = ''): Item[] {
  const items: Item[] = []
  while (lines[0]?.startsWith(`${indent}- `)) {
    const text = String(lines.shift()).slice(indent.length + 2)
    const nested = itemsOf(lines, `${indent}  `)
    items.push(nested.length > 0 ? {text, items: nested} : {text})
  }
  return items
}

/** A section rebuilt from its row: its text split back into paragraphs and items. */
function sectionOf({number, title, kind, subheadings, text = ''}: Row): Section {
  const blocks = text === '' ? [] : text.split('\n\n')
  const list = blocks.at(-1)?.startsWith('- ') ? String(blocks.pop()).split('\n') : []
  return {
    number: Number(number),
    title: String(title),
    kind: kind as Section['kind'],
    items: itemsOf(list),
    paragraphs: blocks,
    ...(subheadings ? {subheadings: subheadings.split(' ').map(Number)} : {})
  }
}

/** Participant groups rebuilt from their rows: a new group where the position starts again. */
function participantsOf(rows: Row[]): ParticipantGroup[] {
  const groups: ParticipantGroup[] = []
  for (const {category, label, position, ...entry} of rows.map((row) => cells(row))) {
    if (position === undefined || position === '1') {
      groups.push({category: category as ParticipantGroup['category'], label: String(label), entries: []})
    }
    if (position !== undefined) groups.at(-1)?.entries.push({...entry, name: String(entry.name)})
  }
  return groups
}

const sourceNames = {sourcePath: 'path'}
const venueNames = {venue: 'text'}

/** The record of `id` rebuilt from the tables, all but its `extra`. */
function rebuild(tables: Record<string, Row[]>, id: string): Omit<InformationNote, 'extra'> {
  const of = (file: string) =>
    (tables[file] ?? []).filter((row) => row.id === id).map(({id: _, ...row}) => row)
  const [event = {}] = of('events.csv')
  const {name, datesText, start, end, language, title, sourcePath, sha256, format, encoding} = event
  const {venue, place, city, country, countryCode, detail} = event
  const organizers = of('organizers.csv').map(({position: _, ...row}) => cells(row))
  const list = <T>(values: T[]) => (values.length > 0 ? values : undefined)
  const record = {
    schemaVersion: 3,
    id,
    source: cells({sourcePath, sha256, format, encoding} as Row, sourceNames),
    ...cells({language, title} as Row),
    event: {
      ...cells({name} as Row),
      dates: cells({text: datesText, start, end} as Row),
      ...(venue ? {venue: cells({venue, place, city, country, countryCode, detail} as Row, venueNames)} : {}),
      ...(organizers.length > 0 ? {organizers} : {})
    },
    participants: list(participantsOf(of('participants.csv'))),
    sections: list(of('sections.csv').map(sectionOf)),
    footnotes: list(of('footnotes.csv')),
    contacts: list(of('contacts.csv'))
  }
  return record as unknown as Omit<InformationNote, 'extra'>
}

const small = [
  'sample',
  'es-panama-bold-labels',
  'fr-abidjan-nested-participants',
  'en-tokyo-global-partnership',
  'en-accra-trade-controls'
]

describe('csv emitter', () => {
  it('declares its six tables', () => {
    expect(csv.name).toBe('csv')
    expect(csv.scope).toBe('batch')
    expect(csv.files).toEqual([
      'events.csv',
      'organizers.csv',
      'participants.csv',
      'sections.csv',
      'footnotes.csv',
      'contacts.csv'
    ])
  })

  it.each(csv.files)('documents the columns of %s in docs/outputs.md, in order', (file) => {
    const page = readFileSync(path.join(import.meta.dirname, '..', 'docs', 'outputs.md'), 'utf8')
    const section = page.split(`\n### ${file}\n`)[1]?.split('\n#')[0] ?? ''
    const columns = [...section.matchAll(/^\| `(\w+)` \|/gm)].map(([, column]) => column)
    expect(columns).toEqual(String(tablesOf([])[file]).trimEnd().split(','))
  })

  it.each(csv.files)('writes %s for a few records', (file) => {
    expectFile(`csv/${file}`, String(tablesOf(small.map(recordOf))[file]))
  })

  it('starts each table with a byte order mark, and defuses formulas, with --csv-bom', () => {
    const tables = tablesOf([recordOf('es-panama-bold-labels')], true)
    const id = '2015-05-12-taller-subregional-sobre-la-aplicacion-de-la-resolucion-1540-2004-para-los'
    expect(tables['contacts.csv']).toBe(
      `\uFEFFid,type,value\r\n${id},email,1540experts@un.org\r\n${id},url,https://www.un.org/es/sc/1540/\r\n` +
        `${id},phone,'+1 212 963 5000\r\n`
    )
    expect(Object.values(tables).map((text) => text.slice(0, 4))).toEqual([
      '\uFEFFid,',
      '\uFEFFid,',
      '\uFEFFid,',
      '\uFEFFid,',
      '\uFEFFid,',
      '\uFEFFid,'
    ])
    expect(rowsOf(String(tables['sections.csv']).slice(1))[0]?.text).toBe(
      "'- Examinar los avances logrados desde el taller celebrado en 2013:\n  - informes nacionales;\n" +
        '  - planes de acción nacionales voluntarios.\n- Determinar las necesidades de asistencia de los Estados participantes.'
    )
  })

  it('writes the values exactly, with no byte order mark, without --csv-bom', () => {
    const tables = tablesOf([recordOf('es-panama-bold-labels')])
    expect(tables['contacts.csv']?.split('\r\n').at(-2)).toBe(
      '2015-05-12-taller-subregional-sobre-la-aplicacion-de-la-resolucion-1540-2004-para-los,phone,+1 212 963 5000'
    )
    expect(tables['events.csv']?.startsWith('id,name,datesText,')).toBe(true)
  })

  it('quotes a field holding a quote, a comma, CR or LF, doubling its quotes', () => {
    expect(csvRow(['say "no"', 'a, b', 'one\ntwo', 'three\r\nfour', 'cr\r', 'plain', undefined, 7])).toBe(
      '"say ""no""","a, b","one\ntwo","three\r\nfour","cr\r",plain,,7\r\n'
    )
    expect(csvRow(['=1+2', '+1', '-', '@SUM(A1)', '\tx', 'a=b', '=1,2'], true)).toBe(
      `'=1+2,'+1,'-,'@SUM(A1),'\tx,a=b,"'=1,2"\r\n`
    )
    expect(parse(csvRow(['say "no"', 'a, b', 'one\ntwo', 'three\r\nfour']))).toEqual([
      ['say "no"', 'a, b', 'one\ntwo', 'three\r\nfour']
    ])
  })

  it('gives a section its paragraphs, then its items as indented "- " lines', () => {
    const section: Section = {
      number: 2,
      title: 'Highlights',
      kind: 'highlights',
      paragraphs: ['Day 1:', 'Talks.'],
      items: [{text: 'one', items: [{text: 'one.a', items: [{text: 'one.a.i'}]}]}, {text: 'two'}]
    }
    expect(sectionText(section)).toBe('Day 1:\n\nTalks.\n\n- one\n  - one.a\n    - one.a.i\n- two')
    expect(sectionText({...section, paragraphs: [], items: []})).toBeUndefined()
  })

  it('puts nothing in place until closed, and nothing at all when aborted', () => {
    const folder = new OutputFolder(workspace())
    const sink = csv.open(folder, options)
    sink.add(recordOf('sample'))
    expect(csv.files.filter((file) => folder.exists(file))).toEqual([])
    sink.abort()
    expect(readdirSync(folder.root)).toEqual([])
  })

  it('discards the tables opened so far when one cannot be opened', () => {
    class Failing extends OutputFolder {
      override stream(file: string) {
        if (file === 'participants.csv') throw new Error(`Cannot open ${file}`)
        return super.stream(file)
      }
    }
    const folder = new Failing(workspace())
    expect(() => csv.open(folder, options)).toThrow('Cannot open participants.csv')
    expect(readdirSync(folder.root)).toEqual([])
  })

  it('writes a table of a document note its format, and no encoding', () => {
    const record: InformationNote = {
      schemaVersion: 3,
      id: '2020-01-02-workshop',
      source: {path: 'notes/a.pdf', sha256: 'a'.repeat(64), format: 'pdf'},
      event: {name: 'Workshop', dates: {start: '2020-01-02'}}
    }
    expect(tablesOf([record])['events.csv']).toBe(
      'id,name,datesText,start,end,venue,place,city,country,countryCode,detail,language,title,sourcePath,sha256,format,encoding\r\n' +
        `2020-01-02-workshop,Workshop,,2020-01-02,,,,,,,,,,notes/a.pdf,${'a'.repeat(64)},pdf,\r\n`
    )
  })

  describe('read back with csv-parse', () => {
    let tables: Record<string, Row[]> | undefined
    /** The tables of every record, written once. */
    const readBack = () => {
      tables ??= Object.fromEntries(
        Object.entries(tablesOf(records.map(([, record]) => record))).map(([file, text]) => [
          file,
          rowsOf(text)
        ])
      )
      return tables
    }
    it.each(records)('gives back %s, all but its extra', (_, record) => {
      const {extra: _extra, ...kept} = record
      expect(rebuild(readBack(), record.id)).toEqual(kept)
    })
  })
})
