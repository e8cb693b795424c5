/**
 * The fixtures as `pdftotext` extracts them from their rendered PDFs
 * (tests/pdftotext/, see its README): each is read as a text note, and the
 * parts of its record that differ from the record of the fixture's Markdown
 * are exactly those listed here, each with its cause.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {InformationNote} from '../src/index.js'
import {convert} from '../src/index.js'

const folder = path.join(import.meta.dirname, 'pdftotext')
const fixtures = path.join(import.meta.dirname, 'fixtures')
const names = readdirSync(folder)
  .filter((file) => file.endsWith('.txt'))
  .map((file) => file.slice(0, -'.txt'.length))

// Causes: pdftotext prints a list's bullets on lines of their own, away from the
// items' text; the running header of page 2 lands in the middle of a section; a
// label alone on its line ("Event", then its value) is not read as a field.
const sections = ['sections', 'footnotes']
const lists = ['participants', 'sections', 'footnotes', 'extra']
const differing: Record<string, string[]> = {
  'en-bold-label-lines': sections,
  'en-heading-labels': ['record'],
  'en-invalid-impossible-date': [],
  'en-lazy-continuation': sections,
  'en-nested-participants-no-title': ['event', 'participants', 'sections', 'footnotes', 'extra', 'title'],
  'en-participants-per-line': ['record'],
  'en-setext-sections': sections,
  'en-un-state-names': lists,
  'en-utf8-bom': lists,
  'es-abiyan-bracket-footnotes': lists,
  'es-asuncion-impossible-date': [],
  'es-lima-heading-labels': ['record'],
  'es-mexico-lazy-line': sections,
  'es-panama-bold-labels': ['participants', 'sections', 'footnotes', 'contacts', 'extra'],
  'fr-dakar-heading-labels': ['record'],
  'fr-geneve-bold-labels': sections,
  'fr-luxembourg-gfm-footnote-nfd': ['participants', 'sections', 'extra'],
  'fr-malabo-setext-bold-headings': ['sections', 'footnotes', 'extra'],
  'markdown-note': ['participants', 'sections', 'contacts', 'extra']
}

/** The parts of `read` that differ from `expected` (`record` when only one of them is a record). */
function partsThatDiffer(expected: InformationNote | undefined, read: InformationNote | undefined): string[] {
  if (!expected || !read) return expected === read ? [] : ['record']
  const keys = new Set([...Object.keys(expected), ...Object.keys(read)])
  return [...keys].filter(
    (key) =>
      key !== 'source' &&
      JSON.stringify(expected[key as keyof InformationNote]) !==
        JSON.stringify(read[key as keyof InformationNote])
  )
}

describe('fixtures as pdftotext extracts their PDFs', () => {
  it('cover every Markdown fixture', () => {
    expect(names.sort()).toEqual(Object.keys(differing).sort())
  })

  it.each(names)('%s differs from its Markdown only where listed', (name) => {
    const [markdown = ''] = readdirSync(path.join(fixtures, name, 'input')).filter((file) =>
      file.endsWith('.md')
    )
    const expected = convert(readFileSync(path.join(fixtures, name, 'input', markdown))).record
    const read = convert(readFileSync(path.join(folder, `${name}.txt`))).record
    expect(partsThatDiffer(expected, read)).toEqual(differing[name])
  })
})
