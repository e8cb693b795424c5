/**
 * Nothing of a note is lost: every word of each fixture's source is in its
 * record, except the header labels infonote recognised (they become keys),
 * section numbers written as markers, footnote markers and link syntax.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {decode} from '../src/decode.js'
import {convert} from '../src/index.js'
import {labelWords} from '../src/labels.js'

const root = path.join(import.meta.dirname, 'fixtures')
/** What markup and the record's shape account for, rather than a value. */
const syntax = new Set(['mailto', 'http', 'https', 'none', 'ninguno', 'aucun', 'n', 'a'])
/** Words that only join list items, or an organizer to its supporter. */
const joints = [
  'and',
  'y',
  'et',
  'with',
  'the',
  'support',
  'of',
  'con',
  'el',
  'apoyo',
  'de',
  'del',
  'avec',
  'le',
  'soutien',
  'du',
  'l'
]

const footnoteMarkers = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^\d+|\[\^?\w+\]/g

function words(text: string): Set<string> {
  return new Set(
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
}

/** Labels are matched without accents ("Événement", "Evénement"). */
function unaccented(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '')
}

function strings(value: unknown): string[] {
  if (typeof value === 'string' || typeof value === 'number') return [String(value)]
  if (Array.isArray(value)) return value.flatMap(strings)
  return value && typeof value === 'object' ? Object.values(value).flatMap(strings) : []
}

describe('nothing lost', () => {
  it.each(readdirSync(root).sort())('%s', (name) => {
    const [note] = readdirSync(path.join(root, name, 'input'))
    const bytes = readFileSync(path.join(root, name, 'input', String(note)))
    const {record} = convert(bytes)
    if (!record) return
    const file = new VFile({value: bytes})
    decode(file)
    const kept = words(strings(record).join(' '))
    const labels = labelWords()
    const source = String(file.value).replace(footnoteMarkers, ' ')
    const lost = [...words(source)].filter(
      (word) =>
        !kept.has(word) && !labels.has(unaccented(word)) && !syntax.has(word) && !joints.includes(word)
    )
    expect(lost).toEqual([])
  })
})
