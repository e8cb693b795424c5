/**
 * Layouts and values the fixtures do not isolate: each case a small note and
 * the exact part of the record (or message) it is about.
 */
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {discover} from '../src/discover.js'
import {convert} from '../src/index.js'
import {batch, messageLines} from './helpers.js'

const body = [
  '',
  '1. Objectives',
  '',
  '- Raise awareness.',
  '',
  '¹ For information – not an official report. 1540experts@un.org'
]

function note(...header: string[]): string {
  return ['Information Note¹', '', ...header, ...body].join('\n')
}

const basics = [
  '- Event: Workshop',
  '- Organizers: UNODA',
  '- Date and Venue: 12-14 March 2012, Bogota, Colombia',
  '- Participants: States: Colombia'
] as const

describe('dates and venues', () => {
  it.each([
    ['30 December 2011 – 2 January 2012, Vienna, Austria', '2011-12-30', '2012-01-02', 'Vienna, Austria'],
    ['12 March 2012 - 14 March 2012, Vienna, Austria', '2012-03-12', '2012-03-14', 'Vienna, Austria'],
    ['June 23, 2014, Vienna, Austria', '2014-06-23', '2014-06-23', 'Vienna, Austria'],
    ['del 12 al 14 de marzo de 2012, Bogotá, Colombia', '2012-03-12', '2012-03-14', 'Bogotá, Colombia'],
    ['12 au 14 mars 2012 ; Genève, Suisse', '2012-03-12', '2012-03-14', 'Genève, Suisse']
  ])('Date and Venue: %s', (value, start, end, venue) => {
    const record = convert(note(basics[0], basics[1], `- Date and Venue: ${value}`, basics[3])).record
    expect(record?.event.dates).toEqual({
      text: value.slice(0, value.indexOf(venue)).replace(/[\s,;]+$/, ''),
      start,
      end
    })
    expect(record?.event.venue?.text).toBe(venue)
  })

  it.each([
    [
      'Vienna, Austria (Vienna International Centre)',
      {city: 'Vienna', country: 'Austria', countryCode: 'AT', detail: 'Vienna International Centre'}
    ],
    [
      "Saint John's, Antigua and Barbuda",
      {city: "Saint John's", country: 'Antigua and Barbuda', countryCode: 'AG'}
    ],
    ['Bogota, Colombia.', {city: 'Bogota', country: 'Colombia', countryCode: 'CO'}],
    ['in Bogota, Colombia', {city: 'Bogota', country: 'Colombia', countryCode: 'CO'}],
    ['Singapore', {country: 'Singapore', countryCode: 'SG'}],
    ['Palais des Nations', {}],
    [', Colombia', {country: 'Colombia', countryCode: 'CO'}]
  ])('Venue: %s', (text, parts) => {
    const record = convert(
      note(basics[0], basics[1], '- Date: 12 March 2012', `- Venue: ${text}`, basics[3])
    ).record
    expect(record?.event.venue).toEqual({text, ...parts})
  })
})

describe('lists', () => {
  it.each([
    [
      'Government of Chile, with the support of the European Union (EU)',
      [{name: 'Government of Chile'}, {name: 'European Union', acronym: 'EU', org: 'eu'}]
    ],
    [
      'UNODA, Bosnia and Herzegovina and Serbia',
      [{name: 'UNODA', acronym: 'UNODA', org: 'unoda'}, {name: 'Bosnia and Herzegovina'}, {name: 'Serbia'}]
    ],
    [
      'Ministries of Defence and Foreign Affairs of Chile; UNODA',
      [
        {name: 'Ministries of Defence and Foreign Affairs of Chile'},
        {name: 'UNODA', acronym: 'UNODA', org: 'unoda'}
      ]
    ],
    [
      'el Gobierno de Panamá y la OEA',
      [{name: 'Gobierno de Panamá'}, {name: 'OEA', acronym: 'OEA', org: 'oas'}]
    ],
    [
      'le Gouvernement du Togo, l’UNODA et la CEDEAO',
      [
        {name: 'Gouvernement du Togo'},
        {name: 'UNODA', acronym: 'UNODA', org: 'unoda'},
        {name: 'CEDEAO', acronym: 'CEDEAO', org: 'ecowas'}
      ]
    ]
  ])('Organizers: %s', (value, organizers) => {
    expect(
      convert(note(basics[0], `- Organizers: ${value}`, basics[2], basics[3])).record?.event.organizers
    ).toEqual(organizers)
  })

  it('merges organizers given in two fields', () => {
    const record = convert(note(...basics, '- Co-organizers: OAS')).record
    expect(record?.event.organizers).toEqual([
      {name: 'UNODA', acronym: 'UNODA', org: 'unoda'},
      {name: 'OAS', acronym: 'OAS', org: 'oas'}
    ])
  })

  it('keeps a repeated single field in extra', () => {
    const result = convert(note(...basics, '- Event: Second name'))
    expect(result.record?.event.name).toBe('Workshop')
    expect(result.record?.extra).toEqual([{label: 'Event', value: 'Second name'}])
    expect(messageLines(result.messages)).toContain(
      '7:3 info Kept field "Event" in "extra": the note has it twice unknown-field'
    )
  })

  it.each([
    [
      'Bolivia (Plurinational State of), Viet Nam, Türkiye',
      [
        ['Bolivia (Plurinational State of)', 'BO'],
        ['Viet Nam', 'VN'],
        ['Türkiye', 'TR']
      ]
    ],
    [
      "Côte d’Ivoire, Côte d'Ivoire, Lao People's Democratic Republic",
      [
        ['Côte d’Ivoire', 'CI'],
        ["Côte d'Ivoire", 'CI'],
        ["Lao People's Democratic Republic", 'LA']
      ]
    ],
    [
      'USA, UK, Russia, Republic of Korea',
      [
        ['USA', 'US'],
        ['UK', 'GB'],
        ['Russia', 'RU'],
        ['Republic of Korea', 'KR']
      ]
    ],
    [
      'Estados Unidos, Reino Unido, États-Unis, Royaume-Uni',
      [
        ['Estados Unidos', 'US'],
        ['Reino Unido', 'GB'],
        ['États-Unis', 'US'],
        ['Royaume-Uni', 'GB']
      ]
    ],
    [
      'Trinidad &amp; Tobago, Niger, Nigeria',
      [
        ['Trinidad & Tobago', 'TT'],
        ['Niger', 'NE'],
        ['Nigeria', 'NG']
      ]
    ]
  ])('States: %s', (value, states) => {
    const record = convert(note(...basics.slice(0, 3), `- Participants: States: ${value}`)).record
    expect(record?.participants?.[0]?.entries.map((entry) => [entry.name, entry.countryCode])).toEqual(states)
  })

  it('keeps a group without a list as one entry, without a warning', () => {
    const result = convert(
      note(...basics.slice(0, 3), '- Participants: States: Member States of CARICOM, Chile')
    )
    expect(result.record?.participants?.[0]?.entries).toEqual([
      {name: 'Member States of CARICOM'},
      {name: 'Chile', countryCode: 'CL'}
    ])
    expect(messageLines(result.messages).filter((line) => line.includes('warning'))).toEqual([])
  })

  it('reads participants one per line under their category', () => {
    const record = convert(
      note(
        ...basics.slice(0, 3),
        '- Participants:',
        '  - States:',
        '    - Chile',
        '    - Peru',
        '  - Others: none'
      )
    ).record
    expect(record?.participants).toEqual([
      {
        category: 'states',
        label: 'States',
        entries: [
          {name: 'Chile', countryCode: 'CL'},
          {name: 'Peru', countryCode: 'PE'}
        ]
      },
      {category: 'other', label: 'Others', entries: []}
    ])
  })
})

describe('header layouts', () => {
  it('reads "## Label" headings followed by their values', () => {
    const text = [
      '# Information Note',
      '',
      '## Event',
      '',
      'Workshop',
      '',
      '## Organizers',
      '',
      '- UNODA',
      '- OAS',
      '',
      '## Date and Venue',
      '',
      '12 March 2012, Lima, Peru',
      '',
      '## Participants',
      '',
      '- States: Peru',
      ...body
    ].join('\n')
    const record = convert(text).record
    expect([record?.title, record?.event.name, record?.event.organizers, record?.event.venue?.city]).toEqual([
      'Information Note',
      'Workshop',
      [
        {name: 'UNODA', acronym: 'UNODA', org: 'unoda'},
        {name: 'OAS', acronym: 'OAS', org: 'oas'}
      ],
      'Lima'
    ])
    expect(record?.sections?.map((section) => section.title)).toEqual(['Objectives'])
  })

  it('reads a header laid out as a table', () => {
    const text = [
      'Information Note',
      '',
      '| Event | Workshop |',
      '| --- | --- |',
      '| Organizers: | UNODA |',
      '| Date and Venue | 12 March 2012, Lima, Peru |',
      ...body
    ].join('\n')
    expect(convert(text).record?.event).toMatchObject({name: 'Workshop', organizers: [{name: 'UNODA'}]})
  })

  it('reads French spacing and a title in the paragraph of the header', () => {
    const text = [
      "Note d'information¹",
      '**Événement :** Atelier',
      '**Organisateurs :** UNODA',
      '**Date et lieu :** 5-7 novembre 2013, Lomé, Togo',
      ...body
    ].join('\n')
    const result = convert(text)
    expect([
      result.record?.title,
      result.record?.event.name,
      result.record?.event.dates.end,
      result.record?.language
    ]).toEqual(["Note d'information", 'Atelier', '2013-11-07', 'fr'])
    expect(messageLines(result.messages)).toContain(
      `1:1 info Read the first line "Note d'information¹" as the title, apart from the header below it title-line`
    )
  })

  it('keeps a subtitle before the header fields', () => {
    const record = convert(note('Regional workshop, second edition', '', ...basics)).record
    expect([record?.event.name, record?.extra]).toEqual([
      'Workshop',
      [{value: 'Regional workshop, second edition'}]
    ])
  })
})

describe('sections', () => {
  it('reads deeper unnumbered headings as sub-headings of their section', () => {
    const text = [
      'Information Note',
      '',
      ...basics,
      '',
      '## 1. Highlights',
      '',
      '### Day one',
      '',
      'Talks.',
      '',
      '## 2. Comments',
      '',
      'None.'
    ].join('\n')
    expect(convert(text).record?.sections).toEqual([
      {
        number: 1,
        title: 'Highlights',
        kind: 'highlights',
        items: [],
        paragraphs: ['Day one', 'Talks.'],
        subheadings: [0]
      },
      {number: 2, title: 'Comments', kind: 'comments', items: [], paragraphs: ['None.']}
    ])
  })

  it('does not open a section for a heading without a title', () => {
    const text = [
      'Information Note',
      '',
      ...basics,
      '',
      '## 1. Highlights',
      '',
      'Talks.',
      '',
      '#',
      '',
      '## 2. :',
      '',
      'More talks.'
    ].join('\n')
    expect(convert(text).record?.sections).toEqual([
      {
        number: 1,
        title: 'Highlights',
        kind: 'highlights',
        items: [],
        paragraphs: ['Talks.', '2. :', 'More talks.']
      }
    ])
  })

  it('reads tables, code and quotations as paragraphs', () => {
    const text = [
      'Information Note',
      '',
      ...basics,
      '',
      '## 1. Highlights',
      '',
      '| Day | Topic |',
      '| --- | --- |',
      '| 1 | Export *controls* |',
      '',
      '```',
      'Article 3',
      '```',
      '',
      '> A quotation.'
    ].join('\n')
    expect(convert(text).record?.sections?.[0]?.paragraphs).toEqual([
      'Day | Topic',
      '1 | Export controls',
      'Article 3',
      'A quotation.'
    ])
  })

  it('reads setext headings and unknown titles', () => {
    const text = [
      'INFORMATION NOTE',
      '================',
      '',
      ...basics,
      '',
      'Programme',
      '---------',
      '',
      '- Opening'
    ].join('\n')
    const record = convert(text).record
    expect([record?.title, record?.sections]).toEqual([
      'INFORMATION NOTE',
      [{number: 1, title: 'Programme', kind: 'other', items: [{text: 'Opening'}], paragraphs: []}]
    ])
  })
})

describe('footnotes', () => {
  it('reads a footnote with no space after its marker', () => {
    const record = convert(note(...basics).replace('¹ For information', '¹For information')).record
    expect(record?.footnotes).toEqual([
      {marker: '1', text: 'For information – not an official report. 1540experts@un.org'}
    ])
  })

  it('leaves a superscript that is not a footnote marker', () => {
    const record = convert(note(...basics).replace('Raise awareness.', 'A 500 m² site.')).record
    expect(record?.sections?.[0]?.items).toEqual([{text: 'A 500 m² site.'}])
  })

  it('numbers named footnotes after the numbered ones', () => {
    const text = `${note(...basics)}\n\nSee the report.[^note]\n\n[^note]: The report.`
    expect(convert(text).record?.footnotes).toEqual([
      {marker: '1', text: 'For information – not an official report. 1540experts@un.org'},
      {marker: '2', text: 'The report.'}
    ])
  })
})

describe('contacts', () => {
  it('keeps a mailto address it cannot unescape', () => {
    const record = convert(
      note(...basics).replace('1540experts@un.org', '[write](mailto:a%zz@un.org)')
    ).record
    expect(record?.contacts).toEqual([{type: 'email', value: 'a%zz@un.org'}])
  })

  it('skips an empty mailto link', () => {
    const record = convert(
      note(...basics).replace('1540experts@un.org', '[write](mailto:) 1540experts@un.org')
    ).record
    expect(record?.contacts).toEqual([{type: 'email', value: '1540experts@un.org'}])
  })
})

describe('discovery', () => {
  it('reports a symbolic link loop and goes on', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'infonote-'))
    try {
      mkdirSync(path.join(cwd, 'notes'))
      writeFileSync(path.join(cwd, 'notes/a.md'), note(...basics))
      symlinkSync('loop.md', path.join(cwd, 'notes/loop.md'))
      const results = await batch(discover(['notes'], cwd), cwd)
      expect(
        results.map((result) => [
          result.note.path,
          result.status,
          messageLines(result.messages).filter((line) => line.includes('error'))
        ])
      ).toEqual([
        ['notes/a.md', 'converted', []],
        [
          'notes/loop.md',
          'unreadable',
          [
            `1:1 error Cannot read this file: ELOOP: too many symbolic links encountered, stat '${path.join(cwd, 'notes/loop.md')}' unreadable-file`
          ]
        ]
      ])
    } finally {
      rmSync(cwd, {recursive: true, force: true})
    }
  })
})

describe('found in review', () => {
  it('reads a very long paragraph', () => {
    const text = note(...basics).replace('Raise awareness.', `Raise ${'awareness '.repeat(25_000)}.`)
    expect(convert(text).record?.sections?.[0]?.items[0]?.text.length).toBe(250_007)
  })

  it('drops empty items of a participant list', () => {
    const record = convert(
      note(
        ...basics.slice(0, 3),
        '- Participants: States: Chile, .',
        '- International organizations: IAEA, ...'
      )
    ).record
    expect(record?.participants).toEqual([
      {category: 'states', label: 'States', entries: [{name: 'Chile', countryCode: 'CL'}]},
      {
        category: 'internationalOrganizations',
        label: 'International organizations',
        entries: [{name: 'IAEA', acronym: 'IAEA', org: 'iaea'}]
      }
    ])
  })

  it('keeps a subtitle heading before the header fields', () => {
    const text = [
      '# Information Note',
      '',
      '## UN Security Council 1540 Committee',
      '',
      ...basics,
      ...body
    ].join('\n')
    const record = convert(text).record
    expect([record?.event.name, record?.extra]).toEqual([
      'Workshop',
      [{value: 'UN Security Council 1540 Committee'}]
    ])
  })

  it('keeps a combined "Date and Venue" given after separate ones', () => {
    const result = convert(
      note(
        ...basics.slice(0, 2),
        '- Date: 3 May 2013',
        '- Venue: Lima, Peru',
        '- Date and Venue: 4 May 2014, Quito, Ecuador'
      )
    )
    expect([
      result.record?.event.dates.start,
      result.record?.event.venue?.city,
      result.record?.extra
    ]).toEqual(['2013-05-03', 'Lima', [{label: 'Date and Venue', value: '4 May 2014, Quito, Ecuador'}]])
  })

  it('keeps the text of raw HTML in a section', () => {
    const text = note(...basics).replace(
      '- Raise awareness.',
      '<table><tr><td>Customs</td><td>enforcement &amp; borders</td></tr></table>'
    )
    expect(convert(text).record?.sections?.[0]?.paragraphs).toEqual(['Customs | enforcement & borders'])
  })

  it('spells out letters that are not accented forms in ids', () => {
    const record = convert(
      note('- Event: Atelier sur la mise en œuvre, Łódź, Straße', ...basics.slice(1))
    ).record
    expect(record?.id).toBe('2012-03-12-atelier-sur-la-mise-en-oeuvre-lodz-strasse')
  })

  it('decodes the bad bytes of a UTF-8 file with a BOM as Windows-1252, and the rest as UTF-8', () => {
    const text = Buffer.from(note(...basics).replace('Workshop', 'Workshop café'), 'utf8')
    const at = text.indexOf('é')
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      text.subarray(0, at),
      Buffer.from([0xe9]),
      text.subarray(at + 2)
    ])
    const result = convert(bytes)
    expect([
      result.record?.title,
      result.record?.event.name,
      result.record?.source && 'encoding' in result.record.source ? result.record.source.encoding : undefined
    ]).toEqual(['Information Note', 'Workshop café', 'windows-1252'])
  })

  it('reads footnote markers of every kind, and leaves units alone', () => {
    const text = note(...basics)
      .replace('Information Note¹', 'Information Note^1')
      .replace('Raise awareness.', 'A 500 m² site.[^2] See [3].')
      .replace('¹ For information', '² Second.\n\n¹ For information')
    const result = convert(text)
    expect([result.record?.title, result.record?.sections?.[0]?.items]).toEqual([
      'Information Note',
      [{text: 'A 500 m² site. See [3].'}]
    ])
    expect(result.record?.footnotes?.map((footnote) => footnote.marker)).toEqual(['1', '2'])
    expect(messageLines(result.messages).filter((line) => line.includes('missing-footnote'))).toEqual([])
    const missing = convert(note(...basics).replace('Raise awareness.', 'Raise awareness.[^2]'))
    expect(messageLines(missing.messages).filter((line) => line.includes('missing-footnote'))).toEqual([
      '10:19 warning Missing text for footnote 2, expected a line starting with its marker missing-footnote'
    ])
  })

  it('drops an empty parenthesis after the venue', () => {
    expect(
      convert(note(basics[0], basics[1], '- Date: 3 May 2013', '- Venue: Lima, Peru ( )', basics[3])).record
        ?.event.venue
    ).toEqual({
      text: 'Lima, Peru ( )',
      city: 'Lima',
      country: 'Peru',
      countryCode: 'PE'
    })
  })

  it('places a footnote glued onto an indented line at its first character', () => {
    const result = convert(
      note(...basics)
        .replace('- Raise awareness.', '- Raise awareness.\n  ¹ For information.')
        .replace(/\n\n¹ For information[^\n]*$/, '')
    )
    expect(messageLines(result.messages).filter((line) => line.endsWith('moved-footnote'))).toEqual([
      '11:3 info Moved the text of footnote ¹ out of section "Objectives" to the footnotes moved-footnote'
    ])
  })

  it('gives notes whose outputs would overwrite each other output-collision errors', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'infonote-'))
    try {
      mkdirSync(path.join(cwd, 'in'))
      writeFileSync(path.join(cwd, 'in/a.md'), note(...basics))
      writeFileSync(path.join(cwd, 'in/a.map.md'), note(...basics).replace('Workshop', 'Seminar'))
      symlinkSync('nowhere.md', path.join(cwd, 'in/b.md'))
      const results = await batch(discover(['in'], cwd), cwd)
      expect(results.map((result) => [result.note.path, result.status])).toEqual([
        ['in/a.map.md', 'invalid'],
        ['in/a.md', 'invalid'],
        ['in/b.md', 'unreadable']
      ])
      expect(messageLines(results[2]?.messages ?? [])).toEqual([
        '1:1 error Cannot read this file: it is a symbolic link to nothing unreadable-file'
      ])
    } finally {
      rmSync(cwd, {recursive: true, force: true})
    }
  })
})
