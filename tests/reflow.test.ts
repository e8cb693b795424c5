/**
 * Text as PDF text extraction leaves it (see src/reflow.ts): each form gives
 * the record its tidy form gives, with messages that point into the note as
 * written.
 */
import {describe, expect, it} from 'vitest'
import type {InformationNote} from '../src/generated/information-note.js'
import {type ConvertOptions, convert} from '../src/index.js'
import {messageLines} from './helpers.js'

/** The record without `source`, which differs with the bytes. */
function record(text: string, options: ConvertOptions = {}): Omit<InformationNote, 'source'> | undefined {
  const result = convert(text, options)
  if (!result.record) throw new Error(messageLines(result.messages).join('\n'))
  const {source: _, ...rest} = result.record
  return rest
}

function infos(text: string): string[] {
  return messageLines(convert(text).messages).filter((line) => !/ (?:warning|error) Missing /.test(line))
}

const body =
  '\n\n## 1. Objectives\n\nPresent the reporting process.\n\n1540experts@un.org\n\n[^1]: For information – not an official report.\n'

describe('run-on header', () => {
  const runOn =
    'Information Note1 Event: Regional Workshop on Border Controls Organizer: Government of Ghana in cooperation with UNODA Date and venue: 3-4 May 2016, Accra, Ghana Participants: States: Ghana, Togo, Benin International organizations: IAEA, INTERPOL Civil society: VERTIC 1. Objectives Present the reporting process. 1 For information – not an official report.\n\n1540experts@un.org\n'
  const tidy = `# Information Note[^1]

Event: Regional Workshop on Border Controls
Organizer: Government of Ghana in cooperation with UNODA
Date and venue: 3-4 May 2016, Accra, Ghana
Participants: States: Ghana, Togo, Benin
International organizations: IAEA, INTERPOL
Civil society: VERTIC${body}`

  it('gives the record of the note written one field a line', () => {
    expect(record(runOn)).toEqual(record(tidy))
    expect(
      record(runOn)?.participants?.map((group) => [group.category, group.label, group.entries.length])
    ).toEqual([
      ['states', 'States', 3],
      ['internationalOrganizations', 'International organizations', 2],
      ['civilSociety', 'Civil society', 1]
    ])
  })

  it('says where it split the line, at the place in the line as written', () => {
    expect(infos(runOn)).toEqual([
      '1:1 info Split this run-on line before the fields "Event", "Organizer", "Date and venue", "Participants", "International organizations", "Civil society" run-on-line',
      '1:1 info Read the first line "Information Note1" as the title, apart from the header below it title-line',
      '1:17 info Read "1" as a reference to footnote 1 footnote-marker',
      '1:270 info Read "1. Objectives" inside this line as a section heading, on a line of its own run-on-line',
      '1:315 info Moved the text of footnote 1, left where a page broke, to the end of the note moved-footnote',
      '1:315 info Read the line starting with "1" as the text of footnote 1 footnote-marker'
    ])
  })

  it('keeps a colon that follows no known label in the value', () => {
    const note = (name: string) =>
      `Information Note1 Event: ${name} Organizers: UNODA Date and venue: 3 May 2016, Accra, Ghana${body}`
    expect(record(note('Workshop II: Border Security'))?.event.name).toBe('Workshop II: Border Security')
    expect(record(note('Conference on Trade Controls: Phase 2'))?.event.name).toBe(
      'Conference on Trade Controls: Phase 2'
    )
  })

  it('points a message about a value at its column in the run-on line', () => {
    const note = `Information Note1 Event: Seminar Organizers: UNODA Date and venue: 3 May 2016, Accra, Ghana Participants: States: Ghana, Wakanda${body}`
    expect(messageLines(convert(note).messages)).toContain(
      '1:122 warning Unexpected State "Wakanda", expected a country name like "Colombia" or "USA" unknown-country'
    )
  })

  it('starts participant categories run together, by what their labels say', () => {
    const note = `Information Note1 Event: Seminar Organizers: UNODA Date and venue: 3 May 2016, Accra, Ghana Participants: Participating States: Ghana, Togo UN entities: UNODC Academia and industry: King's College London${body}`
    expect(record(note)?.participants?.map((group) => [group.category, group.label])).toEqual([
      ['states', 'Participating States'],
      ['internationalOrganizations', 'UN entities'],
      ['civilSociety', 'Academia and industry']
    ])
  })
})

describe('titles and footnote markers', () => {
  const header = 'Event: Seminar\nOrganizers: UNODA\nDate and venue: 3 May 2016, Accra, Ghana'
  const titles = {
    en: 'Information Note',
    es: 'Nota Informativa',
    fr: "Note d'information"
  }
  const forms = ['1', ' 1', '¹', ' [1]']
  it.each(Object.entries(titles))('reads the marker after "%s" in each form', (_, title) => {
    const records = forms.map((marker) => record(`${title}${marker}\n\n${header}${body}`))
    for (const each of records)
      expect([each?.title, each?.footnotes]).toEqual([
        title,
        [{marker: '1', text: 'For information – not an official report.'}]
      ])
  })

  it('reads a title sharing its line with the first label', () => {
    expect(
      record(
        `Nota Informativa 1 Evento: Seminario\nOrganizadores: UNODA\nFecha y lugar: 3 de mayo de 2016, Acra, Ghana${body}`
      )?.title
    ).toBe('Nota Informativa')
  })

  const footnote = '1 For information – not an official report.'
  it.each([
    [
      'after the header',
      `Information Note1\n\n${header}\n${footnote}\n\n## 1. Objectives\n\nPresent.\n\nRaise awareness.\n`
    ],
    [
      'between two paragraphs',
      `Information Note1\n\n${header}\n\n## 1. Objectives\n\nPresent.\n${footnote}\nRaise awareness.\n`
    ],
    [
      'at the end of a run-on line',
      `Information Note1\n\n${header}\n\n## 1. Objectives\n\nPresent. Raise awareness. ${footnote}\n`
    ]
  ])('takes a plain-digit footnote %s out of the text', (_, note) => {
    const read = record(note)
    expect([read?.footnotes, read?.sections?.[0]?.paragraphs.join(' ')]).toEqual([
      [{marker: '1', text: 'For information – not an official report.'}],
      'Present. Raise awareness.'
    ])
  })

  it('reads a digit glued to a word as a marker only when the note has that footnote', () => {
    const note = `Information Note1\n\n${header}\n\n## 1. Objectives\n\nHeld at the G7 summit venue2.\n\n1 For information.\n2 Hosted by Ghana.\n`
    expect(record(note)?.footnotes).toEqual([
      {marker: '1', text: 'For information.'},
      {marker: '2', text: 'Hosted by Ghana.'}
    ])
    expect(record(note)?.sections?.[0]?.paragraphs).toEqual(['Held at the G7 summit venue.'])
  })
})

describe('page furniture', () => {
  const note = `>>
Pages: 4
Format: PDF, 310 KB
Date: 12/05/2017
Information Note1
Event: Seminar
Organizers: UNODA
- 2 -
Date and venue: 3 May 2016, Accra, Ghana
1540 Committee – Information Note

## 1. Objectives

Present the
3
reporting process.
Page 2 of 4
1540 Committee – Information Note
Página 3 de 4
Page 4 sur 4

1 For information – not an official report.
`
  it('drops page numbers, running headers and the banner before the title', () => {
    expect(infos(note).filter((line) => line.endsWith('page-furniture'))).toEqual([
      '1:1 info Dropped the line ">>" before the title: it is not part of the note page-furniture',
      '2:1 info Dropped the line "Pages: 4" before the title: it is not part of the note page-furniture',
      '3:1 info Dropped the line "Format: PDF, 310 KB" before the title: it is not part of the note page-furniture',
      '4:1 info Dropped the line "Date: 12/05/2017" before the title: it is not part of the note page-furniture',
      '8:1 info Dropped the page number "- 2 -" page-furniture',
      '10:1 info Dropped the running header "1540 Committee – Information Note", repeated at page breaks page-furniture',
      '15:1 info Dropped the page number "3" page-furniture',
      '17:1 info Dropped the page number "Page 2 of 4" page-furniture',
      '18:1 info Dropped the running header "1540 Committee – Information Note", repeated at page breaks page-furniture',
      '19:1 info Dropped the page number "Página 3 de 4" page-furniture',
      '20:1 info Dropped the page number "Page 4 sur 4" page-furniture'
    ])
    const read = record(note)
    expect([read?.title, read?.event.dates, read?.extra, read?.sections?.[0]?.paragraphs]).toEqual([
      'Information Note',
      {text: '3 May 2016', start: '2016-05-03', end: '2016-05-03'},
      [],
      ['Present the reporting process.']
    ])
  })
})

describe('section headings without numbers or Markdown', () => {
  const header =
    'Information Note1\nEvent: Seminar\nOrganizers: UNODA\nDate and venue: 3 May 2016, Accra, Ghana'
  it.each([
    ['en', 'Objectives:', 'Background', 'HIGHLIGHTS'],
    ['es', 'Objetivos', 'ANTECEDENTES:', 'Aspectos destacados'],
    ['fr', 'Objectifs', 'Contexte', 'Points saillants :']
  ])('reads a line that is only a section title as a heading (%s)', (_, ...titles) => {
    const note = `${header}\n${titles.map((title, index) => `${title}\nText ${index + 1}.`).join('\n')}\n1 For information.\n`
    expect(
      record(note)?.sections?.map((section) => [section.number, section.kind, section.paragraphs])
    ).toEqual([
      [1, 'objectives', ['Text 1.']],
      [2, 'background', ['Text 2.']],
      [3, 'highlights', ['Text 3.']]
    ])
  })

  it('reads a numbered heading run into a line, and where its title ends', () => {
    const note = `${header} Participants: States: Ghana International organizations: IAEA (IAEA) 1. Objectives of the Committee's participation Present the reporting process. 2. Background The Committee met.\n1 For information.\n`
    expect(
      record(note)?.sections?.map((section) => [section.number, section.title, section.paragraphs])
    ).toEqual([
      [1, "Objectives of the Committee's participation", ['Present the reporting process.']],
      [2, 'Background', ['The Committee met.']]
    ])
  })

  it('keeps a sub-heading inside its section, marked as one', () => {
    const tidy = `${header}\n\n## 1. Highlights\n\n**Day 2 (14 May):**\n\nBorder controls.\n\nSession 3:\n\nExport controls.\n\n[^1]: For information.\n`
    const extracted = `${header}\nHighlights\nDay 2 (14 May):\nBorder controls.\nSession 3:\nExport controls.\n1 For information.\n`
    expect(record(extracted)).toEqual(record(tidy))
    expect(record(extracted)?.sections).toEqual([
      {
        number: 1,
        title: 'Highlights',
        kind: 'highlights',
        items: [],
        paragraphs: ['Day 2 (14 May):', 'Border controls.', 'Session 3:', 'Export controls.'],
        subheadings: [0, 2]
      }
    ])
  })

  it('leaves code and Markdown headings as they are', () => {
    const note = `${header}\n\n## 1. Background\n\n\`\`\`\nBackground\n3\n\`\`\`\n\n1 For information.\n`
    expect(record(note)?.sections?.[0]?.paragraphs).toEqual(['Background 3'])
  })
})

describe('tidy notes keep their text', () => {
  const header =
    'Information Note¹\n\nEvent: Seminar\nOrganizers: UNODA\nDate and venue: 3 May 2016, Accra, Ghana'
  const footnote = '\n\n¹ For information.\n'

  it('reads a wrapped line that opens with a day as text, not as a footnote', () => {
    const note = `${header}\n\n## 1. Highlights\n\nThe workshop took place on\n1 June 2016 in Accra, and it went well.${footnote}`
    const read = record(note)
    expect([read?.sections?.[0]?.paragraphs, read?.footnotes]).toEqual([
      ['The workshop took place on 1 June 2016 in Accra, and it went well.'],
      [{marker: '1', text: 'For information.'}]
    ])
  })

  it('takes a sentence that mentions information notes for no title', () => {
    const note = `Event: Seminar\nOrganizers: UNODA\nDate and venue: 3 May 2016, Accra, Ghana\n\nInformation notes from the Committee are short.\n\n## 1. Highlights\n\nTalks.${footnote}`
    expect(record(note)?.event.name).toBe('Seminar')
    expect(infos(note).filter((line) => line.endsWith('page-furniture'))).toEqual([])
  })

  it('runs no heading out of a sentence when the note has that heading on a line of its own', () => {
    const note = `${header}\n\n## 1. Objectives\n\nThe papers listed in annex 2. Background papers were sent to all.\n\n## 2. Highlights\n\nTalks.${footnote}`
    expect(record(note)?.sections?.map((section) => [section.number, section.title])).toEqual([
      [1, 'Objectives'],
      [2, 'Highlights']
    ])
  })

  it('reads a bare title line in a note with Markdown headings as a line of its section', () => {
    const note = `${header}\n\n## 1. Objectives\n\nTalks.\n\n## 2. Highlights\n\nOutcomes:\n\n- A plan.\n\n## 3. Comments\n\nNone.${footnote}`
    expect(
      record(note)?.sections?.map((section) => [section.number, section.title, section.paragraphs])
    ).toEqual([
      [1, 'Objectives', ['Talks.']],
      [2, 'Highlights', ['Outcomes:']],
      [3, 'Comments', ['None.']]
    ])
  })

  it('keeps a wrapped line ending in a colon in its paragraph', () => {
    const note = `${header}\n\n## 1. Highlights\n\nThe workshop was organized with the\nUnited Nations Office for Disarmament Affairs (UNODA):\nit was the first.${footnote}`
    expect(record(note)?.sections?.[0]).toEqual({
      number: 1,
      title: 'Highlights',
      kind: 'highlights',
      items: [],
      paragraphs: [
        'The workshop was organized with the United Nations Office for Disarmament Affairs (UNODA): it was the first.'
      ]
    })
  })

  it('keeps a number alone on a wrapped line', () => {
    const note = `${header}\n\n## 1. Highlights\n\nThe number of States that attended was\n12\nwhich is a record.${footnote}`
    expect(record(note)?.sections?.[0]?.paragraphs).toEqual([
      'The number of States that attended was 12 which is a record.'
    ])
  })

  it('reads States listed over two short lines as they are', () => {
    const note = `${header}\nParticipants: States: Argentina, Chile, Costa Rica\nEl Salvador, Guatemala\n\n## 1. Highlights\n\nTalks.${footnote}`
    expect(record(note)?.participants?.[0]?.entries.map((entry) => entry.countryCode)).toEqual([
      'AR',
      'CL',
      'CR',
      'SV',
      'GT'
    ])
  })

  it('ends a footnote run into a header line at the next field', () => {
    const note =
      'Information Note1 Event: Seminar Organizers: UNODA. 1 For information – not an official report. Date and venue: 3-4 May 2016, Accra, Ghana Participants: States: Ghana, Togo\n\n## 1. Highlights\n\nTalks.\n'
    const read = record(note)
    expect([
      read?.event.dates.start,
      read?.event.venue?.countryCode,
      read?.participants?.[0]?.entries.length,
      read?.footnotes
    ]).toEqual(['2016-05-03', 'GH', 2, [{marker: '1', text: 'For information – not an official report.'}]])
  })
})
