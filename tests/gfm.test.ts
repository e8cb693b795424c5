/**
 * Each GFM construct is parsed only for a note whose text holds its trigger
 * (src/parse/gfm.ts). The tree must be the one remark-gfm gives, positions
 * included: on random documents made of the pieces that matter, and on
 * every note of the tests. `npm run fuzz` runs more cases.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {decode} from '../src/decode.js'
import {parseGfm, partsFor} from '../src/parse/gfm.js'

const scale = Number(process.env.FUZZ_RUNS ?? 0) / 2000 || 1
const reference = unified().use(remarkParse).use(remarkGfm)

/** The tree of `text` with every GFM construct, and with those its triggers allow, as JSON. */
function bothWays(text: string): [string, string] {
  return [JSON.stringify(reference.parse(text)), JSON.stringify(parseGfm(text))]
}

/** Pieces of Markdown that start, end or look like GFM constructs, and plain text around them. */
const pieces = [
  'a',
  'word',
  'x',
  'X',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  '|',
  '-',
  '--',
  ':',
  ':-',
  '-:',
  '~',
  '~~',
  '[',
  ']',
  '^',
  '[^1]',
  '[^1]: ',
  '[ ]',
  '[x]',
  '[X]',
  '- ',
  '* ',
  '1. ',
  '> ',
  '#',
  '`',
  '*',
  '_',
  '(',
  ')',
  '!',
  '\\',
  '<',
  '>',
  '@',
  '.',
  'a@b.co',
  'mailto:',
  'xmpp:',
  'www',
  'www.',
  'WWW.',
  'http',
  'http://',
  'https://x.org',
  '&#64;',
  '&#x40;',
  'b.co',
  'name&#64;un.org',
  '&commat;',
  '&#124;',
  '&#126;',
  '&amp;',
  '1540experts@un.org',
  'www.un.org/en/sc/1540/',
  'é'
]

describe('GFM parsed only where it can occur', () => {
  it('gives remark-gfm’s tree for random documents', {timeout: 120_000}, () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 40}), (chosen) => {
        const [expected, actual] = bothWays(chosen.join(''))
        expect(actual).toBe(expected)
      }),
      {numRuns: Math.round(3000 * scale)}
    )
  })

  it('gives remark-gfm’s tree for every note of the tests', () => {
    const root = path.join(import.meta.dirname)
    const notes = ['fixtures', 'pairs', 'wild', 'pdftotext'].flatMap((folder) =>
      readdirSync(path.join(root, folder), {recursive: true, encoding: 'utf8'})
        .filter(
          (file) =>
            /\.(md|txt|markdown)$/.test(file) && !file.endsWith('README.md') && !file.endsWith('messages.txt')
        )
        .map((file) => path.join(folder, file))
    )
    const differing = notes.filter((note) => {
      const file = new VFile({value: readFileSync(path.join(root, note))})
      decode(file)
      const [expected, actual] = bothWays(String(file.value))
      return actual !== expected
    })
    // Every folder gives notes: the tidy fixtures and the forms PDF extraction leaves.
    expect(new Set(notes.map((note) => note.split(path.sep)[0]))).toEqual(
      new Set(['fixtures', 'pairs', 'wild', 'pdftotext'])
    )
    expect(differing).toEqual([])
  })

  it.each([
    ['a\n:--', '"type":"table"'],
    ['a&#64;b.co', '"type":"link","title":null,"url":"mailto:a@b.co"'],
    ['- [\n] foo', '"checked":false'],
    ['x ~y~', '"type":"delete"'],
    ['a[^1]\n\n[^1]: b', '"type":"footnoteDefinition"']
  ])('gives remark-gfm’s tree for %j, which its trigger catches', (text, construct) => {
    const [expected, actual] = bothWays(text)
    expect(expected).toContain(construct)
    expect(actual).toBe(expected)
  })

  it('leaves a construct out when its trigger is absent, and keeps it when present', () => {
    const used = (text: string) => partsFor(text).map((part) => part.name)
    expect(used('Plain words.')).toEqual([])
    expect(used('Write to 1540experts@un.org.')).toEqual(['autolink literal'])
    expect(used('a\n:--')).toEqual(['table'])
    expect(used('- [\n] a ~b~ [^1]')).toEqual(['footnote', 'strikethrough', 'task list item'])
  })
})
