/**
 * The review report's renderer, on notes made by hand and on notes
 * converted here: exact HTML for the escaping of note text, the counts,
 * the charts, the table, a message at its line (a PDF's at the line its
 * `page:line` was rebuilt into) and the record's values with their source.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import type {NoteResult} from '../src/batch.js'
import {settingsFrom} from '../src/config.js'
import {convertAnyFile} from '../src/pipeline.js'
import {renderNote} from '../src/report/detail.js'
import {renderRecord} from '../src/report/fields.js'
import {noteViewOf, type ReportNote, reportNoteOf} from '../src/report/note.js'
import {renderReport} from '../src/report/render.js'
import {renderSummary} from '../src/report/summary.js'
import {renderTable} from '../src/report/table.js'
import {renderPdf} from './render/pdf.js'

const fixtures = path.join(import.meta.dirname, 'fixtures')
const markdownNote = readFileSync(path.join(fixtures, 'markdown-note/input/2013-kuala-lumpur.md'), 'utf8')

/** One note of each status, made by hand, with every kind of value. */
const notes: ReportNote[] = [
  {
    path: 'notes/2012-bogota.md',
    status: 'valid',
    messages: [
      {
        severity: 'warning',
        ruleId: 'missing-footnote',
        reason: 'Missing footnote',
        url: 'https://example.org/missing-footnote.md',
        place: '1:1',
        at: 1
      },
      {severity: 'info', ruleId: 'footnote-marker', reason: 'Read "¹"', place: '2:3', at: 2}
    ],
    view: {
      lines: [
        '# Information Note',
        'Event: Seminar',
        'Date and Venue: 12-14 March 2012, Bogota, Colombia',
        ''
      ],
      sourceMap: {'/event/name': [2, 8, 2, 15], '/event/venue': [3, 35, 3, 51], '/sections/0': [4, 1, 4, 1]},
      record: {
        schemaVersion: 3,
        id: '2012-03-12-seminar',
        source: {path: 'notes/2012-bogota.md', sha256: '0'.repeat(64), encoding: 'utf-8'},
        language: 'en',
        event: {
          name: 'Seminar',
          dates: {text: '12-14 March 2012', start: '2012-03-12', end: '2012-03-14'},
          venue: {text: 'Bogota, Colombia', city: 'Bogota', country: 'Colombia', countryCode: 'CO'},
          organizers: [
            {name: 'UN Office for Disarmament Affairs', acronym: 'UNODA', org: 'unoda', role: 'host'},
            {name: 'Government of Colombia'}
          ]
        },
        participants: [
          {
            category: 'states',
            label: 'States',
            entries: [{name: 'Peru', countryCode: 'PE', group: 'Andean Community'}]
          }
        ],
        sections: [
          {
            number: 1,
            title: 'Objectives',
            kind: 'objectives',
            items: [{text: 'Raise awareness;', items: [{text: 'of <resolution> 1540'}]}],
            paragraphs: ['More.']
          }
        ],
        footnotes: [{marker: '1', text: 'For information'}],
        contacts: [{type: 'email', value: '1540experts@un.org'}],
        extra: [{value: 'Closing remarks.'}]
      }
    }
  },
  {
    path: 'notes/2013-minsk.txt',
    status: 'invalid',
    messages: [
      {
        severity: 'error',
        ruleId: 'unparsed-date',
        reason: 'Unexpected date "<script>alert(1)</script>"',
        url: 'https://example.org/unparsed-date.md',
        place: '2:7',
        at: 2
      },
      {
        severity: 'warning',
        ruleId: 'unknown-country',
        reason: 'Unexpected country "Atlantis"',
        place: '3:1',
        at: 3
      }
    ],
    view: {
      lines: ['Event: Workshop', 'Date: <script>alert(1)</script>', '\u202eVenue:\tAtlantis'],
      sourceMap: {}
    }
  },
  {
    path: 'notes/scan.pdf',
    status: 'unreadable',
    messages: [
      {severity: 'error', ruleId: 'unreadable-file', reason: 'Cannot read this file', place: '1:1', at: 0}
    ]
  }
]

describe('renderReport', () => {
  it('shows note text as text: markup, controls and bidi overrides escaped, tabs kept', () => {
    const html = renderNote(notes[1] as ReportNote, 2, 3)
    expect(html).toContain(
      '<div class="line marked error" id="note-2-L2" data-line="2"><span class="no">2</span><code>Date: &lt;script&gt;alert(1)&lt;/script&gt;</code></div>' +
        '<div class="message error" data-of="note-2"><span class="where">2:7</span> <span class="severity">error</span> ' +
        '<span class="reason">Unexpected date &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;</span> ' +
        '<span class="rule"><a href="https://example.org/unparsed-date.md">unparsed-date</a></span></div>'
    )
    expect(html).toContain(
      '<div class="line marked warning" id="note-2-L3" data-line="3"><span class="no">3</span><code>\\u202EVenue:\tAtlantis</code></div>' +
        '<div class="message warning" data-of="note-2"><span class="where">3:1</span> <span class="severity">warning</span> ' +
        '<span class="reason">Unexpected country &quot;Atlantis&quot;</span> <span class="rule">unknown-country</span></div>'
    )
    const page = renderReport(notes)
    expect(page.match(/<script[^>]*>/g)).toEqual(['<script>'])
  })

  it('heads a note with its path, status and the way to its neighbours', () => {
    expect(
      renderNote(notes[1] as ReportNote, 2, 3)
        .split('\n')
        .slice(0, 3)
    ).toEqual([
      '<section class="note" id="note-2" data-note="2" aria-label="notes/2013-minsk.txt">',
      '<header><nav><a href="#notes" class="back">↑ All notes</a><a href="#note-1" rel="prev">← Previous</a><a href="#note-3" rel="next">Next →</a></nav>',
      '<h2 tabindex="-1">notes/2013-minsk.txt <span class="status invalid">invalid</span></h2></header>'
    ])
  })

  it('puts a message with no line of text above the source, and says why there is no record', () => {
    const html = renderNote(notes[2] as ReportNote, 3, 3)
    expect(html).toContain(
      '<header><nav><a href="#notes" class="back">↑ All notes</a><a href="#note-2" rel="prev">← Previous</a></nav>'
    )
    expect(html).toContain(
      '<div class="source"><h3>Source</h3><div class="message error" data-of="note-3"><span class="where">1:1</span> <span class="severity">error</span> <span class="reason">Cannot read this file</span> <span class="rule">unreadable-file</span></div>\n<p class="none">No text.</p></div>\n' +
        '<div class="record"><h3>Record</h3><p class="none">No record: the file could not be read.</p></div>'
    )
    expect(renderRecord(notes[1]?.view)).toBe(
      '<div class="record"><h3>Record</h3><p class="none">No record: it has errors, marked at their lines.</p></div>'
    )
  })

  it('counts the notes, and the errors and warnings by rule; charts the valid notes by year and country', () => {
    const html = renderSummary(notes)
    expect(html).toContain(
      '<dl class="counts"><div class="count notes"><dt>notes</dt><dd id="count-notes">3</dd></div><div class="count valid"><dt>valid</dt><dd id="count-valid">1</dd></div><div class="count invalid"><dt>invalid</dt><dd id="count-invalid">1</dd></div><div class="count unreadable"><dt>unreadable</dt><dd id="count-unreadable">1</dd></div><div class="count errors"><dt>errors</dt><dd id="count-errors">2</dd></div><div class="count warnings"><dt>warnings</dt><dd id="count-warnings">2</dd></div></dl>'
    )
    expect(html).toContain(
      '<tbody><tr data-rule="missing-footnote"><th scope="row"><a href="https://example.org/missing-footnote.md">missing-footnote</a></th><td>0</td><td>1</td></tr><tr data-rule="unknown-country"><th scope="row">unknown-country</th><td>0</td><td>1</td></tr><tr data-rule="unparsed-date"><th scope="row"><a href="https://example.org/unparsed-date.md">unparsed-date</a></th><td>1</td><td>0</td></tr><tr data-rule="unreadable-file"><th scope="row">unreadable-file</th><td>1</td><td>0</td></tr></tbody>'
    )
    expect(html).toContain(
      '<figure id="years"><figcaption>Events per year</figcaption><ol class="bars"><li><span class="label" title="2012">2012</span><span class="bar" style="--share:100.0%"></span><span class="value">1</span></li></ol></figure>'
    )
    expect(html).toContain(
      '<figure id="countries"><figcaption>Events per country</figcaption><ol class="bars"><li><span class="label" title="Colombia (CO)">Colombia (CO)</span><span class="bar" style="--share:100.0%"></span><span class="value">1</span></li></ol></figure>'
    )
  })

  it('charts years in order and countries most first, a country without a code by its name', () => {
    const at = (year: string, country: string | undefined, code?: string): ReportNote => {
      const record = structuredClone(notes[0]?.view?.record)
      if (!record) throw new Error('the first note has a record')
      record.event.dates.start = `${year}-01-01`
      record.event.venue = country
        ? {text: country, country, ...(code ? {countryCode: code} : {})}
        : {text: '?'}
      return {path: year, status: 'valid', messages: [], view: {lines: [], sourceMap: {}, record}}
    }
    const html = renderSummary([
      at('2014', 'Peru', 'PE'),
      at('2011', 'Chile', 'CL'),
      at('2012', 'Atlantis'),
      at('2012', 'Peru', 'PE'),
      at('2013', undefined)
    ])
    const labels = (id: string) =>
      [
        ...(new RegExp(`<figure id="${id}">.*?</figure>`).exec(html)?.[0] ?? '').matchAll(
          /title="([^"]*)".*?--share:([\d.]+)%.*?"value">(\d+)/g
        )
      ].map(([, label, share, count]) => `${label} ${share} ${count}`)
    expect(labels('years')).toEqual(['2011 50.0 1', '2012 100.0 2', '2013 50.0 1', '2014 50.0 1'])
    expect(labels('countries')).toEqual(['Peru (PE) 100.0 2', 'Atlantis 50.0 1', 'Chile (CL) 50.0 1'])
    const bare = at('2014', undefined)
    const record = bare.view?.record
    if (!record) throw new Error('made with a record')
    delete record.event.venue
    delete record.event.organizers
    record.event.dates.end = record.event.dates.start
    const row = renderTable([at('2013', 'Atlantis'), bare])
      .split('\n')
      .filter((line) => line.startsWith('<tr id='))
      .map((line) => line.split('<td').slice(2, 6).join('<td'))
    expect(row).toEqual([
      ' data-sort="2013-01-01">2013-01-01 – 2012-03-14</td><td data-sort="Seminar">Seminar</td><td data-sort="Atlantis">Atlantis</td><td data-sort="UN Office for Disarmament Affairs (UNODA); Government of Colombia">UN Office for Disarmament Affairs (UNODA); Government of Colombia</td>',
      ' data-sort="2014-01-01">2014-01-01</td><td data-sort="Seminar">Seminar</td><td data-sort=""></td><td data-sort=""></td>'
    ])
    delete record.extra
    expect(renderRecord(bare.view)).toContain(
      '<div class="field"><dt>From – to</dt><dd class="value">2014-01-01</dd></div></dl>'
    )
    expect(renderRecord(bare.view)).toContain(
      '<div class="field"><dt>Contact (email)</dt><dd class="value">1540experts@un.org</dd></div></dl>'
    )
    expect(renderRecord(at('2013', 'Atlantis').view)).toContain(
      '<div class="field"><dt>Country</dt><dd class="value">Atlantis</dd></div>'
    )
    expect(html).toContain('<p>No errors, no warnings.</p>')
  })

  it('rows the notes in the table, with what each column sorts by', () => {
    const rows = renderTable(notes)
      .split('\n')
      .filter((line) => line.startsWith('<tr id='))
    expect(rows).toEqual([
      '<tr id="row-1" data-note="1" data-status="valid" data-warned="" tabindex="-1"><td data-sort="notes/2012-bogota.md"><a href="#note-1">notes/2012-bogota.md</a></td><td data-sort="2012-03-12">2012-03-12 – 2012-03-14</td><td data-sort="Seminar">Seminar</td><td data-sort="Bogota, Colombia [CO]">Bogota, Colombia [CO]</td><td data-sort="UN Office for Disarmament Affairs (UNODA); Government of Colombia">UN Office for Disarmament Affairs (UNODA); Government of Colombia</td><td data-sort="valid"><span class="status valid">valid</span></td><td data-sort="1">1 warning</td></tr>',
      '<tr id="row-2" data-note="2" data-status="invalid" data-warned="" tabindex="-1"><td data-sort="notes/2013-minsk.txt"><a href="#note-2">notes/2013-minsk.txt</a></td><td data-sort=""></td><td data-sort=""></td><td data-sort=""></td><td data-sort=""></td><td data-sort="invalid"><span class="status invalid">invalid</span></td><td data-sort="100001">1 error, 1 warning</td></tr>',
      '<tr id="row-3" data-note="3" data-status="unreadable" tabindex="-1"><td data-sort="notes/scan.pdf"><a href="#note-3">notes/scan.pdf</a></td><td data-sort=""></td><td data-sort=""></td><td data-sort=""></td><td data-sort=""></td><td data-sort="unreadable"><span class="status unreadable">unreadable</span></td><td data-sort="100000">1 error</td></tr>'
    ])
  })

  it('shows the record as fields, each with the source range it was read from', () => {
    const html = renderRecord(notes[0]?.view)
    expect(html.split('\n').slice(1, 7)).toEqual([
      '<h4>Event</h4><dl class="fields"><div class="field"><dt>Name</dt><dd class="value" data-at="2:8-2:15" tabindex="0">Seminar</dd></div><div class="field"><dt>Dates</dt><dd class="value">12-14 March 2012</dd></div><div class="field"><dt>From – to</dt><dd class="value">2012-03-12 – 2012-03-14</dd></div><div class="field"><dt>Venue</dt><dd class="value" data-at="3:35-3:51" tabindex="0">Bogota, Colombia</dd></div><div class="field"><dt>City</dt><dd class="value" data-at="3:35-3:51" tabindex="0">Bogota</dd></div><div class="field"><dt>Country</dt><dd class="value" data-at="3:35-3:51" tabindex="0">Colombia [CO]</dd></div></dl>',
      '<h4>Organizers</h4><ol class="list"><li class="value">UN Office for Disarmament Affairs (UNODA) — registry: unoda — host</li><li class="value">Government of Colombia</li></ol>',
      '<h4>Participants</h4><h5 class="value">States (states)</h5><ul class="list"><li class="value">Peru [PE] — in Andean Community</li></ul>',
      '<h4>Sections</h4><h5 class="value" data-at="4:1-4:1" tabindex="0">1. Objectives (objectives)</h5><ul class="list"><li class="value" data-at="4:1-4:1" tabindex="0">Raise awareness;<ul class="list"><li class="value" data-at="4:1-4:1" tabindex="0">of &lt;resolution&gt; 1540</li></ul></li></ul><p class="value" data-at="4:1-4:1" tabindex="0">More.</p>',
      '<h4>Other</h4><dl class="fields"><div class="field"><dt>Id</dt><dd class="value">2012-03-12-seminar</dd></div><div class="field"><dt>Language</dt><dd class="value">en</dd></div><div class="field"><dt>Read as</dt><dd class="value">utf-8</dd></div><div class="field"><dt>Footnote 1</dt><dd class="value">For information</dd></div><div class="field"><dt>Contact (email)</dt><dd class="value">1540experts@un.org</dd></div><div class="field"><dt>Text</dt><dd class="value">Closing remarks.</dd></div></dl>',
      '<details class="raw"><summary>Raw JSON</summary><pre>{'
    ])
    expect(html).toContain('      &quot;text&quot;: &quot;of &lt;resolution&gt; 1540&quot;\n')
  })

  it('says when a record has no organizers, participants or sections', () => {
    const record = structuredClone(notes[0]?.view?.record)
    if (!record) throw new Error('the first note has a record')
    delete record.event.organizers
    delete record.participants
    delete record.sections
    delete record.footnotes
    delete record.contacts
    record.extra = [{label: 'Moderator'}]
    const html = renderRecord({lines: [], sourceMap: {}, record})
    expect(html).toContain(
      '<div class="field"><dt>Read as</dt><dd class="value">utf-8</dd></div><div class="field"><dt>Moderator</dt><dd class="value">—</dd></div></dl>\n<details class="raw">'
    )
    expect(html).toContain(
      '<h4>Organizers</h4><p class="none">None.</p>\n<h4>Participants</h4><p class="none">None.</p>\n<h4>Sections</h4><p class="none">None.</p>'
    )
  })

  it('is the same page for the same notes, with the title and version given', () => {
    const page = renderReport([], {title: 'Batch <1>', version: '1.2.3'})
    expect(page).toBe(renderReport([], {title: 'Batch <1>', version: '1.2.3'}))
    expect(page).toContain('<title>Batch &lt;1&gt;</title>')
    expect(page).toContain('<header><h1>Batch &lt;1&gt;</h1>')
    expect(page).toContain('<footer><p class="keys">Written by infonote 1.2.3.</p></footer>')
    expect(page).toContain('<span id="shown" aria-live="polite">0 of 0 notes shown</span>')
    expect(renderReport([])).toContain('<title>infonote review report</title>')
    expect(renderReport([])).toContain('<footer><p class="keys">Written by infonote.</p></footer>')
  })
})

/** The batch's result for a note converted here. */
function resultOf(file: VFile, status: NoteResult['status']): NoteResult {
  return {note: {path: file.path, absolute: ''}, messages: file.messages, status, report: noteViewOf(file)}
}

describe('reportNoteOf', () => {
  it('keeps the text, record and source map of a text note, its messages in place order at their lines', async () => {
    const text = markdownNote.replace(
      '**Organizers:** Government of Malaysia; UNODA; the European Union (EU)\n',
      ''
    )
    const file = await convertAnyFile(new VFile({path: 'notes/kl.md', value: text}), settingsFrom())
    const note = reportNoteOf(resultOf(file, 'invalid'))
    expect(note.status).toBe('invalid')
    expect(note.view?.lines.slice(0, 3)).toEqual([
      '# Information Note[^1]',
      '',
      '**Event:** Regional Workshop on the Implementation of Resolution 1540 (2004) for South-East Asian States'
    ])
    expect(note.view?.record).toBeUndefined()
    expect(note.view?.rebuilt).toBeUndefined()
    expect(note.view?.sourceMap['/event/name']).toEqual([3, 12, 3, 105])
    expect(note.messages.filter((message) => message.severity !== 'info')).toEqual([
      {
        severity: 'error',
        ruleId: 'missing-organizers',
        reason: 'Missing organizers, expected a field like "Organizers: Government of Colombia, UNODA"',
        url: 'https://github.com/infonote/infonote/blob/main/docs/rules/missing-organizers.md',
        place: '3:1',
        at: 3
      }
    ])
  })

  it("marks a PDF's message at the line its page:line was rebuilt into", async () => {
    const pdf = await renderPdf(markdownNote.replace('Indonesia, Malaysia', 'Indonesia, , Malaysia'))
    const file = await convertAnyFile(new VFile({path: 'notes/kl.pdf', value: pdf}), settingsFrom())
    const note = reportNoteOf(resultOf(file, 'converted'))
    expect(note.status).toBe('valid')
    expect(note.view?.rebuilt).toBe('pdf')
    expect(note.view?.record?.id).toBe(
      '2013-11-05-regional-workshop-on-the-implementation-of-resolution-1540-2004-for-south-east'
    )
    expect(note.messages.map(({place, at, ruleId}) => `${place} → ${at} ${ruleId}`)).toEqual([
      '1:9 → 9 empty-entry'
    ])
    const html = renderNote(note, 1, 1)
    expect(html).toContain(
      '<p class="caption">Markdown rebuilt from the PDF; the second number is the page:line it was read at.</p>'
    )
    expect(html).toContain(
      '<div class="line marked warning" id="note-1-L9" data-line="9"><span class="no">9</span><span class="page">1:9</span><code>- **States:** Indonesia, , Malaysia, Philippines, Singapore and Thailand</code></div>'
    )
    expect(html).toContain(
      '<div class="line" id="note-1-L2" data-line="2"><span class="no">2</span><span class="page"></span><code></code></div>'
    )
  })

  it('has no lines for a note that was never read as text, and marks its messages above them', () => {
    const file = new VFile({path: 'notes/scan.md', value: new Uint8Array([0xff])})
    file.message('Cannot read this file', {
      place: {line: 4, column: 2},
      ruleId: 'unreadable-file'
    }).fatal = true
    const note = reportNoteOf({...resultOf(file, 'unreadable'), note: {path: 'notes/scan.md', absolute: ''}})
    expect(note).toEqual({
      path: 'notes/scan.md',
      status: 'unreadable',
      messages: [
        {severity: 'error', ruleId: 'unreadable-file', reason: 'Cannot read this file', place: '4:2', at: 0}
      ],
      view: {lines: [], sourceMap: {}}
    })
  })

  it('marks a message past the last line at the last line, and one at 1:1 of a PDF at the first', () => {
    const message = (line: number, column: number) => {
      const file = new VFile()
      file.message('Reason', {place: {line, column}, ruleId: 'missing-contact'}).fatal = false
      return file.messages
    }
    const view = {lines: ['a', 'b'], sourceMap: {}}
    const paged = {...view, pages: ['1:1', '2:1'], places: {'1:1': 1, '2:1': 2}}
    const at = (messages: VFileMessage[], report: typeof view) =>
      reportNoteOf({note: {path: 'n', absolute: ''}, messages, status: 'converted', report}).messages[0]?.at
    expect([
      at(message(9, 1), view),
      at(message(1, 1), paged),
      at(message(2, 1), paged),
      at(message(3, 1), paged)
    ]).toEqual([2, 1, 2, 0])
  })

  it('counts an unchanged note as valid; a note with no view has its messages at no line', () => {
    const file = new VFile()
    file.message('Kept', {place: {line: 2, column: 1}})
    const note = reportNoteOf({
      note: {path: 'a.md', absolute: ''},
      messages: file.messages,
      status: 'unchanged'
    })
    expect(note).toEqual({
      path: 'a.md',
      status: 'valid',
      messages: [{severity: 'warning', ruleId: '', reason: 'Kept', place: '2:1', at: 0}]
    })
  })

  it('leaves the page of a line blank when the map says nothing of it', () => {
    const note: ReportNote = {
      path: 'a.pdf',
      status: 'valid',
      messages: [],
      view: {lines: ['a', 'b'], rebuilt: 'docx', pages: ['1:1'], places: {'1:1': 1}, sourceMap: {}}
    }
    expect(renderNote(note, 1, 1)).toContain(
      '<div class="source"><h3>Source</h3><p class="caption">Markdown rebuilt from the Word file.</p>\n' +
        '<div class="lines paged"><div class="line" id="note-1-L1" data-line="1"><span class="no">1</span><span class="page">1:1</span><code>a</code></div>\n' +
        '<div class="line" id="note-1-L2" data-line="2"><span class="no">2</span><span class="page"></span><code>b</code></div></div></div>'
    )
  })
})
