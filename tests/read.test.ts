/**
 * Rebuilding a PDF's Markdown from the pieces of text on its pages: lines,
 * paragraphs, bold labels, headings, footnotes, furniture, lists and
 * hyphens, on pages made of text items placed by hand (the PDFs rendered
 * from fixtures are in pdf.test.ts).
 */
import {describe, expect, it} from 'vitest'
import {placeIn} from '../src/read/markdown.js'
import {layoutOf} from '../src/read/pdf-blocks.js'
import {type Glyph, linesOf} from '../src/read/pdf-lines.js'
import {linked} from '../src/read/pdf-links.js'
import {markdownOf} from '../src/read/pdf-markdown.js'

/** A text item at `x`, `y` (its baseline), 0.5 em wide a character. */
function text(
  x: number,
  y: number,
  value: string,
  style: {size?: number; bold?: boolean; italic?: boolean} = {}
): Glyph {
  const size = style.size ?? 11
  return {
    text: value,
    x,
    y,
    width: value.length * size * 0.5,
    size,
    bold: style.bold ?? false,
    italic: style.italic ?? false
  }
}

/** A line of items, each after the one before it (with `gap` between them). */
function line(
  x: number,
  y: number,
  ...items: [string, {size?: number; bold?: boolean; italic?: boolean}?][]
): Glyph[] {
  const glyphs: Glyph[] = []
  let at = x
  for (const [value, style] of items) {
    const glyph = text(at, y, value, style)
    glyphs.push(glyph)
    at += glyph.width
  }
  return glyphs
}

const bold = {bold: true}
/** 80 characters at 11 pt, 0.5 em each: a line from 72 to 512, the measure of these pages. */
const full = (words: string) => words.padEnd(80, ' ').slice(0, 80)

function rebuild(pages: Glyph[][]): {markdown: string; map: ReturnType<typeof markdownOf>['map']} {
  return markdownOf(layoutOf(pages.map((glyphs, index) => linesOf(glyphs, index + 1))))
}

const header = (y: number) => line(72, y, ['S/AC.44/2024/NOTE.7', {size: 9}])

const pageOne = [
  ...header(810),
  ...line(72, 770, ['Information Note', {size: 16, bold: true}]),
  text(72 + 16 * 8, 776, '1', {size: 9, bold: true}),
  ...line(
    72,
    740,
    ['Event:', bold],
    [full(' Regional workshop on border and export controls for the States of').slice(0, 74)]
  ),
  ...line(72, 727, ['West Africa']),
  ...line(72, 714, ['Organizers:', bold], [' UNODA and the Government of Ghana']),
  ...line(72, 701, ['Date and Venue:', bold], [' 12-14 March 2024, Accra, Ghana']),
  ...line(72, 688, ['Participants:', bold], [' States: Ghana, Nigeria, Togo']),
  ...line(72, 660, ['1. Objectives', bold]),
  ...line(72, 634, [full('The workshop aimed to strengthen implementation of resolution 1540 and imple-')]),
  ...line(72, 621, [full('mentation and the national non-')]),
  ...line(72, 608, ['proliferation efforts of the region.']),
  ...line(72, 100, ['1', {size: 6}]).map((glyph) => ({...glyph, y: 103})),
  ...line(76, 100, ['For information only: not an official record of the meeting.', {size: 9}]),
  ...line(290, 50, ['1'])
]

const pageTwo = [
  ...header(810),
  ...line(72, 770, ['2. Highlights', bold]),
  ...line(90, 744, ['•'], ['  Participants discussed the implementation of controls.']),
  ...line(110, 731, ['o'], ['  Licensing of dual-use goods.']),
  ...line(90, 718, ['•'], ['  A follow-up meeting is planned for 2025.']),
  ...line(72, 690, ['Contact: 1540experts@un.org']),
  ...line(290, 50, ['2'])
]

describe('a PDF rebuilt as Markdown', () => {
  it('gives the note with its labels, headings, lists and footnote, and without its furniture', () => {
    expect(rebuild([pageOne, pageTwo]).markdown).toBe(
      [
        '# Information Note[^1]',
        '',
        '**Event:** Regional workshop on border and export controls for the States of West Africa',
        '**Organizers:** UNODA and the Government of Ghana',
        '**Date and Venue:** 12-14 March 2024, Accra, Ghana',
        '**Participants:** States: Ghana, Nigeria, Togo',
        '',
        '## 1. Objectives',
        '',
        'The workshop aimed to strengthen implementation of resolution 1540 and implementation and the national non-proliferation efforts of the region.',
        '',
        '## 2. Highlights',
        '',
        '- Participants discussed the implementation of controls.',
        '  - Licensing of dual-use goods.',
        '- A follow-up meeting is planned for 2025.',
        '',
        'Contact: 1540experts@un.org',
        '',
        '[^1]: For information only: not an official record of the meeting.',
        ''
      ].join('\n')
    )
  })

  it('places each line of the Markdown at its page and line, footnotes at their page', () => {
    const {map} = rebuild([pageOne, pageTwo])
    const at = (line: number, column = 1) => placeIn(map, {line, column})
    // The title (page 1, line 2: the running header is line 1), the wrapped Event value, a list item, the footnote.
    // The start of the file stays 1:1 (messages about the whole note are there).
    expect([at(1), at(1, 3), at(3), at(3, 80), at(14), at(20)]).toEqual([
      {line: 1, column: 1},
      {line: 1, column: 2},
      {line: 1, column: 3},
      {line: 1, column: 4},
      {line: 2, column: 3},
      {line: 1, column: 12}
    ])
  })

  it('keeps a page number and a running header on a one-page note only when they are not furniture', () => {
    const page = [
      ...line(72, 810, ['S/AC.44/2024/NOTE.7']),
      ...line(72, 770, ['Information Note', bold]),
      ...line(72, 744, ['Event:', bold], [' Seminar']),
      ...line(72, 731, ['Organizers:', bold], [' UNODA']),
      ...line(290, 50, ['- 1 -'])
    ]
    expect(rebuild([page]).markdown).toBe(
      'S/AC.44/2024/NOTE.7\n\n## Information Note\n\n**Event:** Seminar\n**Organizers:** UNODA\n'
    )
  })

  it('keeps text repeated at one height on two pages when it is not set apart from the text', () => {
    const page = (number: number) => [
      ...line(72, 800, ['S/AC.44/2024/NOTE.7']),
      ...line(72, 770, ['The participants discussed:']),
      ...line(72, 757, [`point ${number === 1 ? 'one' : 'two'} of the agenda.`]),
      ...line(290, 50, [String(number)])
    ]
    expect(rebuild([page(1), page(2)]).markdown).toBe(
      'The participants discussed: point one of the agenda.\n\nThe participants discussed: point two of the agenda.\n'
    )
  })

  it('joins a paragraph over a page break when its last line on the page is full', () => {
    const first = [
      ...line(72, 700, [full('The participants agreed that the national action plans should be updated')]),
      ...line(72, 687, [full('every two years, and that the regional centre should support the States')])
    ]
    const second = [...line(72, 770, ['in drafting them.']), ...line(72, 740, ['A new paragraph.'])]
    expect(rebuild([first, second]).markdown).toBe(
      'The participants agreed that the national action plans should be updated every two years, and that the regional centre should support the States in drafting them.\n\nA new paragraph.\n'
    )
  })

  it('joins a footnote that goes on at the foot of the next page, and reads a footnote in small type without a raised number', () => {
    const small = {size: 9}
    const first = [
      ...line(72, 770, ['The workshop took place in Accra']),
      text(72 + 32 * 5.5, 775, '1', {size: 7}),
      ...line(252, 770, [' and was followed by a visit to the port of Tema']),
      ...line(72, 757, ['and its customs.']),
      ...line(72, 100, ['1', {size: 6}]).map((glyph) => ({...glyph, y: 103})),
      ...line(76, 100, [
        'For information only: the views expressed here are not those of the Committee, nor',
        small
      ]),
      ...line(290, 50, ['1'])
    ]
    const second = [
      ...line(72, 770, ['The experts thanked the hosts.']),
      ...line(72, 744, ['The delegations of Ghana, Nigeria and Togo presented their national action plans.']),
      ...line(72, 112, ['of the organizers.', small]),
      ...line(72, 100, ['2 A second note, its number in small type.', small]),
      ...line(290, 50, ['2'])
    ]
    expect(rebuild([first, second]).markdown).toBe(
      [
        'The workshop took place in Accra[^1] and was followed by a visit to the port of Tema and its customs.',
        '',
        'The experts thanked the hosts.',
        '',
        'The delegations of Ghana, Nigeria and Togo presented their national action plans.',
        '',
        '[^1]: For information only: the views expressed here are not those of the Committee, nor of the organizers.',
        '',
        '[^2]: A second note, its number in small type.',
        ''
      ].join('\n')
    )
  })

  it('reads footnotes set in the size of the text, apart at the foot of the page, and a small running header on one page', () => {
    // As LibreOffice prints a Word note: footnotes in the text's size under a gap, the header in 9 pt well above the text.
    const page = [
      ...line(440, 798, ['S/AC.44/2025/NOTE', {size: 9}]),
      ...line(72, 760, ['Event:', bold], [' Seminar on resolution 1540']),
      text(72 + 32 * 5.5, 764, '1', {size: 7}),
      ...line(72, 747, ['Organizers:', bold], [' UNODA']),
      text(72 + 18 * 5.5, 751, '2', {size: 7}),
      ...line(72, 721, ['The experts thanked the hosts.']),
      ...line(72, 112, ['1', {size: 7}]).map((glyph) => ({...glyph, y: 116})),
      ...line(76, 112, [full('For information: not an official record of the meeting, nor of the views of')]),
      ...line(72, 99, ['the organizers.']),
      ...line(72, 86, ['2', {size: 7}]).map((glyph) => ({...glyph, y: 90})),
      ...line(76, 86, ['The Office for Disarmament Affairs.']),
      ...line(295, 38, ['1'])
    ]
    expect(rebuild([page]).markdown).toBe(
      [
        '**Event:** Seminar on resolution 1540[^1]',
        '**Organizers:** UNODA[^2]',
        '',
        'The experts thanked the hosts.',
        '',
        '[^1]: For information: not an official record of the meeting, nor of the views of the organizers.',
        '',
        '[^2]: The Office for Disarmament Affairs.',
        ''
      ].join('\n')
    )
  })

  it('escapes what Markdown would read as markup, and keeps a raised number without a footnote', () => {
    const page = [
      ...line(72, 770, ['1540 *experts* <team> [list] and snake_case']),
      ...line(72, 757, [full('which ends here and goes on')]),
      ...line(72, 731, ['# not a heading']),
      ...line(72, 718, [full('- nor a list item')]),
      ...line(72, 705, ['1. but a numbered item']),
      ...line(72, 679, ['Note', bold]),
      text(72 + 22, 684, '2', {size: 7}),
      ...line(102, 679, [' and more'])
    ]
    expect(rebuild([page]).markdown).toBe(
      '1540 \\*experts\\* \\<team> \\[list\\] and snake\\_case\nwhich ends here and goes on\n\n\\# not a heading\n\\- nor a list item\n\n1. but a numbered item\n\n**Note**² and more\n'
    )
  })

  it('reads text printed twice on itself as bold, and italic text as emphasis', () => {
    const page = [
      ...line(72, 770, ['Event:']),
      text(72.2, 770, 'Event:'),
      ...line(105, 770, [' Seminar on '], ['resolution 1540', {italic: true}])
    ]
    expect(rebuild([page]).markdown).toBe('**Event:** Seminar on _resolution 1540_\n')
  })

  it('writes links: the text and its address, or the address as printed', () => {
    const url = {link: 'https://www.un.org/en/sc/1540/'}
    const page = [
      ...line(72, 783, [full('The Committee and its experts answer questions from States.')]),
      ...line(72, 770, ['See the '], ['Committee website', {}]).map((glyph) =>
        glyph.text === 'Committee website' ? {...glyph, ...url} : glyph
      ),
      ...line(72, 757, ['www.un.org']).map((glyph) => ({...glyph, link: 'http://www.un.org/'})),
      ...line(72, 744, ['1540experts@un.org']).map((glyph) => ({...glyph, link: 'mailto:1540experts@un.org'}))
    ]
    expect(rebuild([page]).markdown).toBe(
      'The Committee and its experts answer questions from States. See the [Committee website](<https://www.un.org/en/sc/1540/>)\nwww.un.org\n1540experts@un.org\n'
    )
  })

  it('joins a word split by a soft hyphen, and keeps a hyphen the word has', () => {
    const page = [
      ...line(72, 770, [full('The delegations discussed the export control frame\u00ad')]),
      ...line(72, 757, [full('work and the self-')]),
      ...line(72, 744, ['assessment tools.'])
    ]
    expect(rebuild([page]).markdown).toBe(
      'The delegations discussed the export control framework and the self-assessment tools.\n'
    )
  })

  it('places a range of the Markdown at the page and line of its start and end', () => {
    const {map} = rebuild([pageOne, pageTwo])
    expect(placeIn(map, {start: {line: 3, column: 1}, end: {line: 14, column: 5}})).toEqual({
      start: {line: 1, column: 3},
      end: {line: 2, column: 3}
    })
  })
})

describe('a link over part of a text item', () => {
  const item = text(72, 700, 'More on the Committee website or at 1540experts@un.org.')
  const perLetter = 5.5

  it('is cut where the address it links to is printed', () => {
    const cut = linked(item, [{box: [0, 690, 600, 710], url: 'mailto:1540experts@un.org'}])
    expect(cut.map((glyph) => [glyph.text, glyph.link])).toEqual([
      ['More on the Committee website or at ', undefined],
      ['1540experts@un.org', 'mailto:1540experts@un.org'],
      ['.', undefined]
    ])
  })

  it('is cut at the spaces nearest its rectangle when the text is not the address', () => {
    const box: [number, number, number, number] = [72 + 12.4 * perLetter, 690, 72 + 29.6 * perLetter, 710]
    const cut = linked(item, [{box, url: 'https://www.un.org/en/sc/1540/'}])
    expect(cut.map((glyph) => [glyph.text, glyph.link])).toEqual([
      ['More on the ', undefined],
      ['Committee website', 'https://www.un.org/en/sc/1540/'],
      [' or at 1540experts@un.org.', undefined]
    ])
  })
})
