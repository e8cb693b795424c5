/**
 * infonote's own passes (everything after the parse) stay linear in the
 * size of the note, and never recurse once per character: a pathological
 * note costs little more than parsing it. No test here reads a clock:
 * block-level passes are checked by counting the reads of tree nodes, and
 * text-level ones by the CPU time of the passes at size n against 8n (the
 * least of several runs; quadratic would be 64 times, linear 8).
 * `node scripts/pathological.js` measures the same shapes, and more.
 */
import fc from 'fast-check'
import type {Nodes, Parent, Root} from 'mdast'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import assemble from '../src/assemble.js'
import {decode} from '../src/decode.js'
import {extract} from '../src/extract.js'
import {createLabels} from '../src/labels.js'
import {normalize} from '../src/normalize.js'
import {parse} from '../src/parse.js'
import {layoutOf} from '../src/read/pdf-blocks.js'
import {type Glyph, linesOf} from '../src/read/pdf-lines.js'
import {markdownOf} from '../src/read/pdf-markdown.js'
import {reflow} from '../src/reflow.js'
import {Span} from '../src/span.js'
import {at, textOf} from '../src/tree.js'
import validate from '../src/validate.js'
import {keepsArticle} from '../src/values/countries.js'
import {normalizeName} from '../src/values/country-name.js'
import {endOfDates, parseDates} from '../src/values/dates.js'
import {cleanName} from '../src/values/lists.js'
import {leadingRun, trailingRun} from '../src/values/runs.js'
import {finalParenthesis, readVenue} from '../src/values/venue.js'
import {messageLines} from './helpers.js'

const processor = unified().use(parse).use(normalize).use(extract).use(assemble).use(validate).freeze()

/** The parsed tree of `text`, and its file. */
function parsed(text: string): {tree: Root; file: VFile} {
  const file = new VFile({value: text})
  decode(file)
  return {tree: processor.parse(file) as Root, file}
}

const repeat = (count: number, make: (index: number) => string) =>
  Array.from({length: count}, (_, index) => make(index + 1)).join('')

/** A valid note with `body` in its first section. */
const note = (body: string) =>
  [
    'Information Note¹',
    '',
    'Event: Seminar',
    'Organizers: UNODA',
    'Date and Venue: 12-14 March 2012, Bogota, Colombia',
    'Participants: States: Chile',
    '',
    '1. Objectives',
    '',
    body,
    '',
    '¹ For information.',
    ''
  ].join('\n')

/** How many messages of each rule, and the first and last message. */
function summary(file: VFile) {
  const lines = messageLines(file.messages)
  const rules: Record<string, number> = {}
  for (const message of file.messages) rules[message.ruleId ?? ''] = (rules[message.ruleId ?? ''] ?? 0) + 1
  return {rules, first: lines[0], last: lines.at(-1)}
}

const fileStart =
  '1:1 error Missing event, expected a field like "Event: Seminar on resolution 1540" missing-event'
const noContact =
  '1:1 warning Missing contact, expected an e-mail address such as "1540experts@un.org", a URL or a phone number missing-contact'
const missingHeader = {
  'missing-event': 1,
  'missing-date': 1,
  'missing-venue': 1,
  'missing-organizers': 1,
  'missing-participants': 1
}
/** The messages of the note around each shape of text below. */
const around = (last: number, rules: Record<string, number> = {}) => ({
  rules: {'list-item-heading': 1, 'footnote-marker': 2, ...rules, 'missing-contact': 1},
  first: '1:17 info Read "¹" as a reference to footnote 1 footnote-marker',
  last: `${last}:1 info Read the line starting with "¹" as the text of footnote 1 footnote-marker`
})

describe('passes over blocks', () => {
  /**
   * Runs the passes on `text`, counting each read of `type` or `children`
   * on the parsed nodes: a pass that looks at every earlier block for each
   * block reads quadratically many.
   */
  function reads(text: string): {count: number; file: VFile} {
    const {tree, file} = parsed(text)
    let count = 0
    const counted = <Node extends Nodes>(node: Node): Node => {
      if ('children' in node) (node as Parent).children = (node.children as Nodes[]).map(counted) as never
      return new Proxy(node, {
        get(target, key, receiver) {
          if (key === 'type' || key === 'children') count++
          return Reflect.get(target, key, receiver)
        }
      })
    }
    processor.runSync(counted(tree), file)
    return {count, file}
  }

  const shapes: [string, (count: number) => string, ReturnType<typeof summary>][] = [
    [
      'short paragraphs',
      (count) => repeat(count, () => 'Short paragraph.\n\n'),
      {
        rules: {
          ...missingHeader,
          'unknown-field': 999,
          'missing-sections': 1,
          'missing-footnote': 1,
          'missing-contact': 1
        },
        first: fileStart,
        last: '1999:1 info Kept text "Short paragraph." in "extra": it is not a header field infonote knows unknown-field'
      }
    ],
    [
      'link definitions',
      (count) => repeat(count, (index) => `[d${index}]: http://x.org/${index}\n`),
      {
        rules: {
          'missing-title': 1,
          ...missingHeader,
          'missing-sections': 1,
          'missing-footnote': 1,
          'missing-contact': 1
        },
        first: '1:1 warning Missing title, expected a first line like "Information Note" missing-title',
        last: noContact
      }
    ],
    [
      'footnote texts',
      (count) => note(`Text.\n\n${repeat(count, (index) => `^${index % 999} Footnote text.\n\n`)}`),
      {...around(2014), rules: {'list-item-heading': 1, 'footnote-marker': 1002, 'missing-contact': 1}}
    ]
  ]

  it.each(shapes)('read each of many %s a bounded number of times', (_, make, expected) => {
    const small = reads(make(1000))
    const large = reads(make(2000))
    expect(summary(small.file)).toEqual(expected)
    // Linear work doubles; quadratic work nearly quadruples.
    expect(large.count / small.count).toBeLessThan(2.2)
  })
})

/** The CPU time `work` takes, in milliseconds. */
function cpu(work: () => void): number {
  const before = process.cpuUsage()
  work()
  const {user, system} = process.cpuUsage(before)
  return (user + system) / 1000
}

/**
 * That `measure` takes time in proportion to the size of a text: the least
 * of a few runs on each, taken in turns, on `small` and on `large` (8 times
 * its size): linear work grows 8 times, quadratic work 64 times.
 */
function expectLinear(measure: (text: string) => number, small: string, large: string): void {
  const times = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]
  for (let round = 0; round < 5; round++) {
    times[0] = Math.min(times[0] ?? 0, measure(small))
    times[1] = Math.min(times[1] ?? 0, measure(large))
  }
  const [fast = 0, slow = 0] = times
  expect(slow / fast).toBeLessThan(40)
}

/** A shape of text: its name, a size, how to make it at a size, and what to check of its result. */
type Shape = [string, number, (count: number) => string, (file: VFile) => void]

/** For each shape, that `measure` gives what `check` expects, in time in proportion to the size of the text. */
function itTakesLinearTime(shapes: Shape[], measure: (text: string) => {ms: number; file: VFile}): void {
  it.each(shapes)(
    'take time in proportion to the size of %s',
    (_, count, make, check) => {
      check(measure(make(count)).file)
      expectLinear((text) => measure(text).ms, make(count), make(8 * count))
    },
    60_000
  )
}

const bogota = {text: 'Bogota, Colombia', city: 'Bogota', country: 'Colombia', countryCode: 'CO'}

describe('passes over text', () => {
  /** The record and messages of `text`, and the CPU time of the passes on it (parse excluded). */
  function run(text: string): {ms: number; file: VFile} {
    const {tree, file} = parsed(text)
    return {ms: cpu(() => processor.runSync(tree, file)), file}
  }

  const shapes: Shape[] = [
    [
      'footnote texts on the lines of one paragraph',
      200,
      (count) => note(`Intro\n${repeat(count, (index) => `^${index % 999} Text \\* x\n`)}`),
      (file) => {
        expect(summary(file)).toEqual(around(213, {'footnote-marker': 202}))
        expect(file.data.footnotes?.at(-1)).toEqual({marker: '200', text: 'Text x'})
      }
    ],
    [
      'a heading with a long run of periods',
      5000,
      (count) => note(`## 2. Background${' .'.repeat(count)} x\n\nText.`),
      (file) => {
        expect(summary(file)).toEqual(around(14))
        expect(file.data.sections?.[1]?.title).toBe(`Background${' .'.repeat(5000)} x`)
      }
    ],
    [
      'a bold line with a long run of colons',
      5000,
      (count) => note(`**Objectives${' :'.repeat(count)} x**`),
      (file) => {
        expect(summary(file)).toEqual(around(12, {'paragraph-heading': 1}))
        expect(file.data.sections?.[1]?.kind).toBe('objectives')
      }
    ],
    [
      'a date with a long run of commas',
      5000,
      (count) => note('Text.').replace('12-14 March 2012', `12${','.repeat(count)} March 2012`),
      (file) => {
        expect(summary(file)).toEqual(around(12))
        expect(file.data.event?.dates).toEqual({
          text: `12${','.repeat(5000)} March 2012`,
          start: '2012-03-12',
          end: '2012-03-12'
        })
      }
    ],
    [
      'a date with many years',
      500,
      (count) => note('Text.').replace('12-14 March 2012', `${'2012 '.repeat(count)}12 March 2012`),
      (file) => {
        expect(summary(file)).toEqual(around(12, {'unparsed-date': 1}))
        expect(messageLines(file.messages)).toContain(
          '5:17 error Unexpected date "2012", expected a day, month and year like "12-14 March 2012" unparsed-date'
        )
      }
    ],
    [
      'HTML with many tags and a long run of unclosed ones',
      5000,
      (count) => note(`<div>\n${'<b>'.repeat(count)}x${'<'.repeat(count)}\n</div>`),
      (file) => {
        expect(summary(file)).toEqual(around(14))
        expect(file.data.sections?.[0]?.paragraphs).toEqual([`x${'<'.repeat(5000)}`])
      }
    ],
    [
      'a phone label and a long run of spaces',
      5000,
      (count) => note(`Tel${' '.repeat(count)}x, Tel: +41 22 917 1234`),
      (file) => {
        expect(summary(file)).toEqual({...around(12), rules: {'list-item-heading': 1, 'footnote-marker': 2}})
        expect(file.data.contacts).toEqual([{type: 'phone', value: '+41 22 917 1234'}])
      }
    ],
    [
      'a State with a long run of periods',
      5000,
      (count) => note('Text.').replace('States: Chile', `States: Chile${'.'.repeat(count)}x, Peru`),
      (file) => {
        expect(summary(file)).toEqual(around(12, {'unknown-country': 1}))
        expect(file.data.participants?.[0]?.entries).toEqual([
          {name: `Chile${'.'.repeat(5000)}x`},
          {name: 'Peru', countryCode: 'PE'}
        ])
      }
    ],
    [
      'an organizer list made of the starts of known names',
      500,
      (count) =>
        note('Text.').replace(
          'Organizers: UNODA',
          `Organizers: ${'United Nations Office for '.repeat(count)}UNODA`
        ),
      (file) => {
        // Off unless turned on, as the command line applies it; here, the passes' own messages.
        expect(summary(file)).toEqual(around(12, {'unknown-organization': 1}))
        expect(file.data.event?.organizers?.length).toBe(1)
      }
    ],
    [
      'a venue with a long run of spaces between two words',
      50_000,
      (count) => note('Text.').replace('Bogota, Colombia', `Bogota,${' '.repeat(count)}Colombia`),
      (file) => {
        expect(summary(file)).toEqual(around(12))
        expect(file.data.event?.venue).toEqual(bogota)
      }
    ],
    [
      'a venue with a long run of spaces before a final parenthesis',
      50_000,
      (count) => note('Text.').replace('Colombia', `Colombia${' '.repeat(count)}(Hotel Tequendama)`),
      (file) => {
        expect(summary(file)).toEqual(around(12))
        expect(file.data.event?.venue).toEqual({
          ...bogota,
          text: 'Bogota, Colombia (Hotel Tequendama)',
          detail: 'Hotel Tequendama'
        })
      }
    ]
  ]

  itTakesLinearTime(shapes, run)
})

describe('repairs of the text before the parse', () => {
  /** The repaired note, and the CPU time of the repairs on `text`. */
  function repair(text: string): {ms: number; file: VFile} {
    const file = new VFile({value: text})
    decode(file)
    const labels = createLabels()
    return {ms: cpu(() => reflow(file, labels)), file}
  }

  const rules = (file: VFile) => [...new Set(file.messages.map((message) => message.ruleId))].sort()
  const shapes: Shape[] = [
    [
      'many lines that look like footnote texts run into a sentence',
      500,
      (count) => `Information Note1\nEvent: Seminar\n${'x. 1 A\n'.repeat(count)}`,
      (file) => expect(rules(file)).toEqual(['wrapped-value'])
    ],
    [
      'many lines that open with a footnote number',
      500,
      (count) => `Information Note1\nEvent: Seminar\n${'1 A\n'.repeat(count)}`,
      (file) => expect(rules(file)).toEqual([])
    ],
    [
      'a line with a long run of spaces inside',
      5000,
      (count) => `Information Note\nEvent: Seminar\n\na${' '.repeat(count)}b\n`,
      (file) => expect(rules(file)).toEqual([])
    ],
    [
      'a label with a long run of stars',
      5000,
      (count) => `Information Note\nEvent: A${'*'.repeat(count)}b: c Organizers: UNODA\n`,
      (file) => expect(rules(file)).toEqual(['run-on-line'])
    ],
    [
      'a header line with many colons',
      2000,
      (count) => `Information Note\nEvent: ${'A: '.repeat(count)}Organizers: UNODA\n`,
      (file) => expect(rules(file)).toEqual(['run-on-line'])
    ],
    [
      'a running header with a long run of spaces before its page number',
      5000,
      (count) => `Information Note\nEvent: Seminar\n\nText.\nComité 1540${' '.repeat(count)}Página 2 de 2\n`,
      (file) => expect(rules(file)).toEqual(['page-furniture'])
    ],
    [
      'many numbered lines in a paragraph',
      2000,
      (count) =>
        `Information Note\nEvent: Seminar\n\n## 1. Objectives\n${'Text 2. Background of it\n'.repeat(count)}`,
      (file) => expect(rules(file)).toEqual(['run-on-line'])
    ]
  ]

  itTakesLinearTime(shapes, repair)
})

describe('venues over text', () => {
  // The passes above read a venue with its white space made single; readVenue
  // itself must stay linear on the text it is given.
  const accra = {city: 'Accra', country: 'Ghana', countryCode: 'GH'}
  const shapes: [string, (count: number) => string, object][] = [
    ['between two words', (count) => `Accra,${' '.repeat(count)}Ghana`, accra],
    [
      'before a final parenthesis',
      (count) => `Accra, Ghana${' '.repeat(count)}(Room 4)`,
      {...accra, detail: 'Room 4'}
    ]
  ]

  it.each(shapes)(
    'read a venue with a long run of spaces %s in time in proportion to its size',
    (_, make, expected) => {
      const text = make(50_000)
      const parts = readVenue(Span.fromValue(text, 0, text.length))
      expect(
        Object.fromEntries(Object.entries(parts).map(([key, value]) => [key, value.text ?? value]))
      ).toEqual(expected)
      const venue = (value: string) => cpu(() => readVenue(Span.fromValue(value, 0, value.length)))
      expectLinear(venue, text, make(8 * 50_000))
    },
    60_000
  )
})

describe('rewritten expressions', () => {
  // Each is checked against the regular expression it stands in for.
  const runs = {numRuns: 2000}
  const text = (chars: string[]) => fc.string({unit: fc.constantFrom(...chars), maxLength: 24})
  const punctuation = text([
    ' ',
    '\t',
    '\u00a0',
    '\u2003',
    '.',
    ',',
    ';',
    ':',
    '|',
    '*',
    'a',
    'B',
    'É',
    '&',
    's',
    't',
    "'",
    '’'
  ])

  it('find the runs that end and start a text', () => {
    fc.assert(
      fc.property(punctuation, (value) => {
        expect(trailingRun(value, /[\s:.]/)).toBe(/[\s:.]*$/.exec(value)?.[0].length)
        expect(leadingRun(value, /[\s|]/)).toBe(/^[\s|]*/.exec(value)?.[0].length)
      }),
      runs
    )
  })

  it('fold country names as before', () => {
    const previous = (name: string) =>
      name
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[’‘`´]/g, "'")
        .replace(/^st\.? /, 'saint ')
        .replace(/ & /g, ' and ')
        .replace(/[\s\u00a0]+/g, ' ')
        .replace(/^[\s.,;:]+|[\s.,;:]+$/g, '')
    fc.assert(
      fc.property(punctuation, (name) => {
        expect(normalizeName(name)).toBe(previous(name))
      }),
      runs
    )
  })

  it('clean names as before ("U.S." keeps its final period)', () => {
    const previous = (name: Span) => {
      const and = /^(?:and|y|et)\s+/i.exec(name.text)?.[0].length ?? 0
      const rest = name.text.slice(and)
      const article = keepsArticle(rest)
        ? ''
        : (/^(?:(?:the|el|la|los|las|le|les)\s+|l['’]\s*)/i.exec(rest)?.[0] ?? '')
      const lead = name.text.slice(0, and) + article
      const trail = /(?<!\b\p{Lu})\.+$/u.exec(name.text)?.[0] ?? ''
      return name.slice(lead.length, name.text.length - trail.length).trim()
    }
    const names = text([' ', '.', 'a', 'U', 'S', 'É', '_', '1', '𝐀', 'and ', 'the ', 'El Salvador'])
    fc.assert(
      fc.property(names, (name) => {
        const span = Span.fromValue(name, 10, 10 + name.length)
        const [now, then] = [cleanName(span), previous(span)]
        expect([now.text, now.start, now.end]).toEqual([then.text, then.start, then.end])
      }),
      runs
    )
    expect(cleanName(Span.fromValue('U.S.', 0, 4)).text).toBe('U.S.')
    expect(cleanName(Span.fromValue('the Chile...', 0, 12)).text).toBe('Chile')
  })

  it("find a venue's final parenthesis as before", () => {
    const venues = text([' ', '\t', '(', ')', '.', ';', ',', 'a', 'Ghana'])
    fc.assert(
      fc.property(venues, (venue) => {
        const match = /\s*\(([^()]+)\)[.;]?$/.exec(venue)
        const previous = match && {
          start: match.index,
          open: match.index + match[0].indexOf('('),
          close: match.index + match[0].lastIndexOf(')')
        }
        expect(finalParenthesis(venue)).toEqual(previous ?? undefined)
      }),
      runs
    )
    expect(finalParenthesis('Accra  (Ghana).')).toEqual({start: 5, open: 7, close: 13})
  })

  it('end dates at the same year as when every year was tried', () => {
    const dates = fc
      .array(
        fc.constantFrom('12', '14', 'March', '2012', '2013', '-', 'to', ',', 'de', 'Monday', 'x', '1999'),
        {
          maxLength: 14
        }
      )
      .map((words) => words.join(' '))
    fc.assert(
      fc.property(dates, (value) => {
        const ends = [...value.matchAll(/\b(?:1[89]|20)\d\d\b/g)].map((year) => year.index + year[0].length)
        const previous = ends.findLast((end) => parseDates(value.slice(0, end)) !== undefined) ?? ends[0]
        expect(endOfDates(value)).toBe(previous)
      }),
      runs
    )
  })

  it('read dates the same whatever the white space between words', () => {
    expect(parseDates(`12${','.repeat(40)}  -   14 ,, March\t2012`)).toEqual({
      start: '2012-03-12',
      end: '2012-03-14'
    })
    expect(parseDates('3 to 5 June 2019')).toEqual({start: '2019-06-03', end: '2019-06-05'})
  })
})

describe('deep nesting', () => {
  it('does not overflow the stack on emphasis nested thousands deep', () => {
    const {tree, file} = parsed(note('Deep¹ text'))
    // The parser itself stops near 5,000 levels: a deeper tree is made by hand.
    const paragraph = tree.children.find((node) => node.type === 'paragraph' && textOf(node) === 'Deep¹ text')
    if (paragraph?.type !== 'paragraph') throw new Error('No paragraph "Deep¹ text"')
    for (let level = 0; level < 20_000; level++) {
      paragraph.children = [{type: 'emphasis', children: paragraph.children, ...at(paragraph.position)}]
    }
    processor.runSync(tree, file)
    expect(file.data.sections?.[0]?.paragraphs).toEqual(['Deep text'])
    expect(messageLines(file.messages)).toContain(
      '10:5 info Read "¹" as a reference to footnote 1 footnote-marker'
    )
  })

  it('reads lists and quotes nested 100 deep', () => {
    const list = repeat(100, (level) => `${'  '.repeat(level - 1)}- Level ${level}\n`)
    const quote = repeat(100, (level) => `${'> '.repeat(level)}Quote ${level}\n`)
    const {tree, file} = parsed(note(`${list}\n${quote}`))
    processor.runSync(tree, file)
    let item = file.data.sections?.[0]?.items[0]
    for (let level = 1; level < 100; level++) item = item?.items?.[0]
    expect(item).toEqual({text: 'Level 100'})
    expect(file.data.sections?.[0]?.paragraphs).toEqual(
      Array.from({length: 100}, (_, index) => `Quote ${index + 1}`)
    )
  })
})

describe('rebuilding a PDF', () => {
  /** A page of 36 lines at 11 pt: paragraphs of three lines, a list, a footnote in small type and a page number. */
  function page(number: number): Glyph[] {
    const glyph = (x: number, y: number, text: string, size = 11): Glyph => ({
      text,
      x,
      y,
      width: text.length * size * 0.5,
      size,
      bold: false,
      italic: false
    })
    const lines: Glyph[] = [glyph(72, 800, 'S/AC.44/2024/NOTE.7', 9)]
    for (let index = 0; index < 36; index++) {
      const y = 770 - index * 13 - Math.floor(index / 3) * 8
      const words = `Line ${index} of page ${number} of the note, on the implementation of resolution 1540 and its`
      lines.push(index % 6 === 5 ? glyph(90, y, `• Item ${index} of page ${number}`) : glyph(72, y, words))
    }
    // Footnotes differ in more than their numbers: text repeated at one height on two pages is furniture.
    const spelled = String(number).replace(/\d/g, (digit) => 'abcdefghij'.charAt(Number(digit)))
    lines.push(glyph(72, 100, `${number} A footnote on ${spelled}.`, 9), glyph(290, 50, String(number)))
    return lines
  }

  /** The CPU time of rebuilding `count` pages' Markdown from their items (pdf.js aside), and the Markdown. */
  function rebuild(count: number): {ms: number; markdown: string} {
    const pages = Array.from({length: count}, (_, index) => page(index + 1))
    let markdown = ''
    const ms = cpu(() => {
      markdown = markdownOf(layoutOf(pages.map((glyphs, index) => linesOf(glyphs, index + 1)))).markdown
    })
    return {ms, markdown}
  }

  it('takes time in proportion to the pages', {timeout: 60_000}, () => {
    const {markdown} = rebuild(25)
    expect([
      markdown.match(/^\[\^\d+\]: /gm)?.length,
      markdown.match(/^- Item/gm)?.length,
      markdown.includes('NOTE.7')
    ]).toEqual([25, 150, false])
    expectLinear((text) => rebuild(Number(text)).ms, '25', '200')
  })
})
