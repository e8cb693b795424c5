/**
 * One small note per rule: the exact message, line and column.
 */
import {createHash} from 'node:crypto'
import {describe, expect, it} from 'vitest'
import {convert} from '../src/index.js'
import {messageLines} from './helpers.js'

const lines = [
  'Information Note¹',
  '',
  '- Event: Workshop on Export Controls',
  '- Organizers: UNODA',
  '- Date and Venue: 12-14 March 2012, Bogota, Colombia',
  '- Participants: States: Colombia',
  '',
  '1. Objectives',
  '',
  '- Raise awareness.',
  '',
  '2. Additional comments',
  '',
  'Contact 1540experts@un.org.',
  '',
  '¹ For information – not an official report.',
  ''
]

/** The valid note above with line `n` (1-based) replaced, or removed when `null`. */
function note(changes: Record<number, string | null> = {}): string {
  return lines
    .flatMap((line, index) => {
      const change = changes[index + 1]
      return change === undefined ? [line] : change === null ? [] : [change]
    })
    .join('\n')
}

/** Errors and warnings: infos are the repairs, tested below. */
function problems(text: string): string[] {
  return messageLines(convert(text).messages).filter((line) => !/^\d+:\d+ info /.test(line))
}

describe('a valid note', () => {
  it('has a record and no errors or warnings', () => {
    const result = convert(note())
    expect(problems(note())).toEqual([])
    expect(result.record?.event).toEqual({
      name: 'Workshop on Export Controls',
      dates: {text: '12-14 March 2012', start: '2012-03-12', end: '2012-03-14'},
      venue: {text: 'Bogota, Colombia', city: 'Bogota', country: 'Colombia', countryCode: 'CO'},
      organizers: [{name: 'UNODA', acronym: 'UNODA', org: 'unoda'}]
    })
  })

  it('has no source path without a path', () => {
    expect(convert(note()).record?.source).toEqual({
      sha256: createHash('sha256').update(note(), 'utf8').digest('hex'),
      encoding: 'utf-8'
    })
  })
})

describe('errors', () => {
  it.each([
    [
      'missing-event',
      {3: null},
      ['3:1 error Missing event, expected a field like "Event: Seminar on resolution 1540" missing-event']
    ],
    [
      'missing-event (empty field)',
      {3: '- Event:'},
      ['3:3 error Missing event, expected a field like "Event: Seminar on resolution 1540" missing-event']
    ],
    [
      'missing-organizers',
      {4: null},
      [
        '3:1 error Missing organizers, expected a field like "Organizers: Government of Colombia, UNODA" missing-organizers'
      ]
    ],
    [
      'missing-date and missing-venue',
      {5: null},
      [
        '3:1 error Missing date, expected a field like "Date and Venue: 12-14 March 2012, Bogota, Colombia" missing-date',
        '3:1 error Missing venue, expected a city and country like "Bogota, Colombia" after the date missing-venue'
      ]
    ],
    [
      'missing-venue',
      {5: '- Date and Venue: 12-14 March 2012'},
      [
        '5:3 error Missing venue, expected a city and country like "Bogota, Colombia" after the date missing-venue'
      ]
    ],
    [
      'unparsed-date (no such day)',
      {5: '- Date and Venue: 32 March 2012, Bogota, Colombia'},
      [
        '5:19 error Unexpected date "32 March 2012", expected a day, month and year like "12-14 March 2012" unparsed-date'
      ]
    ],
    [
      'unparsed-date (30 February)',
      {5: '- Date: 30 February 2013', 6: '- Venue: Vienna, Austria'},
      [
        '5:9 error Unexpected date "30 February 2013": February has 28 days in 2013 unparsed-date',
        '3:1 warning Missing participants, expected a field like "Participants: States: Bolivia, Colombia" missing-participants'
      ].reverse()
    ],
    [
      'unparsed-date (no year)',
      {5: '- Date and Venue: 12-14 March, Bogota, Colombia'},
      [
        '5:19 error Unexpected date "12-14 March", expected a day, month and year like "12-14 March 2012" unparsed-date'
      ]
    ],
    [
      'missing-sections',
      {8: null, 10: 'Raise awareness.', 12: null},
      [
        '3:1 error Missing sections, expected numbered sections like "1. Objectives" or "## 1. Objectives" missing-sections'
      ]
    ]
  ])('%s', (_, changes, expected) => {
    const text = note(changes)
    expect(problems(text)).toEqual(expected)
    expect(convert(text).record).toBeUndefined()
  })
})

describe('warnings', () => {
  it.each([
    [
      'unknown-country (venue)',
      {5: '- Date and Venue: 12-14 March 2012, Bogota, Atlantis'},
      [
        '5:45 warning Unexpected country "Atlantis" in the venue, expected a country name like "Colombia" unknown-country'
      ]
    ],
    [
      'unknown-country (State)',
      {6: '- Participants: States: Colombia, Government of Colombia'},
      [
        '6:35 warning Unexpected State "Government of Colombia", expected a country name like "Colombia" or "USA" unknown-country'
      ]
    ],
    [
      'missing-participants',
      {6: null},
      [
        '3:1 warning Missing participants, expected a field like "Participants: States: Bolivia, Colombia" missing-participants'
      ]
    ],
    [
      'missing-footnote',
      {16: null},
      [
        '1:17 warning Missing text for footnote 1, expected a line starting with its marker missing-footnote',
        '3:1 warning Missing footnote, expected the disclaimer "¹ For information – not an official report…" missing-footnote'
      ]
    ],
    [
      'missing-contact',
      {14: 'Contact the experts.'},
      [
        '3:1 warning Missing contact, expected an e-mail address such as "1540experts@un.org", a URL or a phone number missing-contact'
      ]
    ],
    [
      'missing-title',
      {1: null, 2: null},
      ['1:1 warning Missing title, expected a first line like "Information Note" missing-title']
    ]
  ])('%s', (_, changes, expected) => {
    const text = note(changes)
    expect(problems(text)).toEqual(expected)
    expect(convert(text).record).toBeDefined()
  })
})

describe('infos: one per repair', () => {
  it('reads the valid note with three repairs', () => {
    expect(messageLines(convert(note()).messages)).toEqual([
      '1:17 info Read "¹" as a reference to footnote 1 footnote-marker',
      '8:1 info Read numbered list item "1. Objectives" as a section heading list-item-heading',
      '12:1 info Read numbered list item "2. Additional comments" as a section heading list-item-heading',
      '16:1 info Read the line starting with "¹" as the text of footnote 1 footnote-marker'
    ])
  })

  it('repaired-label-emphasis', () => {
    const text = note({3: '- Event:** Workshop on Export Controls', 6: '- States:* Colombia'})
    expect(
      messageLines(convert(text).messages).filter((line) => line.endsWith('repaired-label-emphasis'))
    ).toEqual([
      '3:3 info Read "Event:**" as the label "Event:" (broken emphasis) repaired-label-emphasis',
      '6:3 info Read "States:*" as the label "States:" (broken emphasis) repaired-label-emphasis'
    ])
    expect(convert(text).record?.event.name).toBe('Workshop on Export Controls')
  })

  it('moved-footnote', () => {
    const text = note({10: '- Raise awareness.\n\n¹ For information – not an official report.', 16: null})
    const result = convert(text)
    expect(messageLines(result.messages).filter((line) => line.endsWith('moved-footnote'))).toEqual([
      '12:1 info Moved the text of footnote ¹ out of section "Objectives" to the footnotes moved-footnote'
    ])
    expect(result.record?.footnotes).toEqual([
      {marker: '1', text: 'For information – not an official report.'}
    ])
    expect(result.record?.sections?.[0]?.paragraphs).toEqual([])
  })
})

describe('header text that is not a field', () => {
  it('is kept in extra, labelled or not', () => {
    const text = note({6: '- Participants: States: Colombia\n- Moderator: Jane Doe\n- Two days of talks'})
    const result = convert(text)
    expect(result.record?.extra).toEqual([
      {label: 'Moderator', value: 'Jane Doe'},
      {value: 'Two days of talks'}
    ])
    expect(messageLines(result.messages).filter((line) => line.endsWith('unknown-field'))).toEqual([
      '7:3 info Kept field "Moderator" in "extra": it is not a header field infonote knows unknown-field',
      '8:3 info Kept text "Two days of talks" in "extra": it is not a header field infonote knows unknown-field'
    ])
  })

  it('keeps text between the header and the first section', () => {
    const result = convert(note({7: '\nThe event was held in Spanish.\n'}))
    expect(result.record?.extra).toEqual([{value: 'The event was held in Spanish.'}])
  })
})

describe('more repairs', () => {
  it('lazy-list-item: a marker followed by a non-breaking space', () => {
    const text = note({
      4: '- Organizers: UNODA\n-\u00a0Date and Venue: 12-14 March 2012, Bogota, Colombia',
      5: null
    })
    const result = convert(text)
    expect(messageLines(result.messages).filter((line) => line.endsWith('lazy-list-item'))).toEqual([
      '5:1 info Read this line as a list item of its own (its marker is not followed by a plain space) lazy-list-item'
    ])
    expect(result.record?.event.organizers).toEqual([{name: 'UNODA', acronym: 'UNODA', org: 'unoda'}])
    expect(result.record?.event.dates.start).toBe('2012-03-12')
  })

  it('lazy-list-item: lines with a bullet character', () => {
    const text = note({3: '•Event: Workshop on Export Controls\n•Organizers: UNODA', 4: null})
    const result = convert(text)
    expect(result.record?.event.name).toBe('Workshop on Export Controls')
    expect(result.record?.event.organizers).toEqual([{name: 'UNODA', acronym: 'UNODA', org: 'unoda'}])
  })

  it('paragraph-heading: a bold numbered paragraph', () => {
    const result = convert(note({8: '**1. Objectives**'}))
    expect(messageLines(result.messages).filter((line) => line.endsWith('paragraph-heading'))).toEqual([
      '8:1 info Read bold paragraph "1. Objectives" as a section heading paragraph-heading'
    ])
    expect(result.record?.sections?.map((section) => [section.number, section.title, section.kind])).toEqual([
      [1, 'Objectives', 'objectives'],
      [2, 'Additional comments', 'comments']
    ])
  })

  it('list-item-heading: a heading item with its bullets indented under it', () => {
    const result = convert(note({8: '1. **Objectives**\n\n   - Raise awareness.', 9: null, 10: null}))
    expect(result.record?.sections?.[0]?.items).toEqual([{text: 'Raise awareness.'}])
  })

  it.each([
    ['^1', 'Information Note^1', '^1 For information – not an official report.'],
    ['[1]', 'Information Note[1]', '[1] For information – not an official report.']
  ])('footnote-marker: %s', (marker, title, footnote) => {
    const result = convert(note({1: title, 16: footnote}))
    expect(result.record?.title).toBe('Information Note')
    expect(result.record?.footnotes).toEqual([
      {marker: '1', text: 'For information – not an official report.'}
    ])
    expect(messageLines(result.messages).filter((line) => line.endsWith('footnote-marker'))).toEqual([
      `1:17 info Read "${marker}" as a reference to footnote 1 footnote-marker`,
      `16:1 info Read the line starting with "${marker}" as the text of footnote 1 footnote-marker`
    ])
  })

  it('moved-footnote: a footnote glued onto a list item', () => {
    const result = convert(
      note({10: '- Raise awareness.\n¹ For information – not an official report.', 16: null})
    )
    expect(result.record?.sections?.[0]?.items).toEqual([{text: 'Raise awareness.'}])
    expect(result.record?.footnotes).toEqual([
      {marker: '1', text: 'For information – not an official report.'}
    ])
    expect(messageLines(result.messages).filter((line) => line.endsWith('moved-footnote'))).toEqual([
      '11:1 info Moved the text of footnote ¹ out of section "Objectives" to the footnotes moved-footnote'
    ])
  })

  it('moved-footnote: a list item holding only a footnote goes', () => {
    const result = convert(
      note({10: '- Raise awareness.\n- ¹ For information – not an official report.\n- Explain.', 16: null})
    )
    expect(result.record?.sections?.[0]?.items).toEqual([{text: 'Raise awareness.'}, {text: 'Explain.'}])
    expect(result.record?.footnotes).toEqual([
      {marker: '1', text: 'For information – not an official report.'}
    ])
  })
})

describe('internal-error', () => {
  it('turns a crash on one note into a fatal message', () => {
    const result = convert(7 as unknown as string, {path: 'x.txt'})
    expect(result.record).toBeUndefined()
    expect(messageLines(result.messages)).toEqual([
      expect.stringMatching(
        /^1:1 error Cannot convert this note: TypeError\b.*; please report this bug internal-error$/
      )
    ])
  })
})
