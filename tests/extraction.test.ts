/**
 * Notes as PDF text extraction leaves them (issue 9). The transforms that
 * make those forms give exact text; and, as properties, every valid fixture
 * and the tidy form of every pair keeps its record, field for field
 * (`source` apart), when its title and header are joined into one line, and
 * when page numbers and a running header are put at random paragraph breaks.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {convert} from '../src/index.js'
import {
  addFurniture,
  joinHeader,
  keepExtras,
  seededRandom,
  type TidyNote,
  tidyPairs,
  validFixtures,
  withoutSource
} from './extraction.js'
import {messageLines} from './helpers.js'

const notes = [...validFixtures(), ...tidyPairs()]

/** The note's own record (no errors expected), as the other forms must give it. */
function recordOf(note: TidyNote) {
  const result = convert(note.bytes, {path: note.path})
  expect(errors(result.messages)).toEqual([])
  return withoutSource(result.record)
}

function errors(messages: ReturnType<typeof convert>['messages']): string[] {
  return messageLines(messages).filter((line) => /^\S+ error /.test(line))
}

describe('the transforms', () => {
  it('joins the title and header into one line, keeping a field infonote does not know on its own', () => {
    const note = [
      '# Information Note¹',
      '',
      '- **Event:** Workshop II: Border Security',
      '- **Moderator:** Jane Doe',
      '- **Participants:**',
      '  - **States:**',
      '    - Chile',
      '    - Peru',
      '  - **Civil society:** VERTIC',
      '',
      '## 1. Objectives',
      '',
      'Text.'
    ].join('\n')
    expect(joinHeader(note, {keep: keepExtras([{label: 'Moderator', value: 'Jane Doe'}])})).toBe(
      [
        'Information Note¹ Event: Workshop II: Border Security',
        'Moderator: Jane Doe',
        'Participants: States: Chile; Peru Civil society: VERTIC',
        '',
        '## 1. Objectives',
        '',
        'Text.'
      ].join('\n')
    )
  })

  it('reads `## Label` headings as labels, a colon in a value included, and stops at a numbered bold paragraph', () => {
    const note = [
      'Information Note',
      '================',
      '',
      '## Event',
      '',
      'Workshop II: Border Security',
      '',
      '## Organizers',
      '',
      '- Government of Chile',
      '- UNODA',
      '',
      '**1. Objectives**',
      '',
      'Text.'
    ].join('\n')
    expect(joinHeader(note)).toBe(
      'Information Note Event: Workshop II: Border Security Organizers: Government of Chile; UNODA\n\n**1. Objectives**\n\nText.'
    )
  })

  it('puts a running header and page numbers at the paragraph breaks it draws, never before an indented line', () => {
    const draws = [0.5, 0, 0.99, 0.5, 0.4]
    let draw = 0
    const paged = addFurniture('Title\n\nA\n\nB\n\n- item\n  more\n\n  indented\n\nC', () => {
      const value = draws[draw % draws.length] ?? 0
      draw++
      return value
    })
    const header = 'Security Council Committee established pursuant to resolution 1540 (2004)'
    expect(paged).toBe(
      `Title\n\n${header}\n\n- 2 -\n\nA\n\nB\n\n${header}\n\n- 3 -\n\n- item\n  more\n\n  indented\n\n${header}\n\n- 4 -\n\nC`
    )
  })

  it('draws the same numbers from the same seed', () => {
    const [first, second] = [seededRandom(1540), seededRandom(1540)]
    expect([first(), first()]).toEqual([0.9747215558309108, 0.3987830579280853])
    expect([second(), second()]).toEqual([0.9747215558309108, 0.3987830579280853])
  })
})

describe('extraction forms keep the record', {timeout: 600_000}, () => {
  it.each(notes)('$name, its header joined into one line', (note) => {
    const expected = recordOf(note)
    const joined = convert(joinHeader(note.text, {keep: note.keep}), {path: note.path})
    expect(errors(joined.messages)).toEqual([])
    expect(withoutSource(joined.record)).toEqual(expected)
  })

  it.each(notes)('$name, with page numbers and a running header at page breaks', (note) => {
    const expected = recordOf(note)
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const paged = convert(addFurniture(note.text, seededRandom(seed)), {path: note.path})
        expect(errors(paged.messages)).toEqual([])
        expect(withoutSource(paged.record)).toEqual(expected)
      }),
      {numRuns: 20}
    )
  })
})
