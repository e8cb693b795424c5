/**
 * Footnotes: the text of each footnote definition, in the order of their
 * numbers. Notes carry a disclaimer footnote; a note without one, or a
 * marker without its text, is worth a warning.
 */
import type {FootnoteDefinition, Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Footnote} from '../generated/information-note.js'
import {report} from '../message.js'
import {Span} from '../span.js'
import {nodesOf} from '../tree.js'
import {recorder} from './source-map.js'

export default function extractFootnotes() {
  return (tree: Root, file: VFile) => {
    const record = recorder(file)
    const definitions = nodesOf(tree, 'footnoteDefinition')
    const found = numbered(definitions)
      .map(({marker, definition}) => ({marker, text: Span.fromNode(definition).clean()}))
      .filter(({text}) => text.text)
      .sort((a, b) => Number(a.marker) - Number(b.marker))
    file.data.footnotes = found.map(({marker, text}, index): Footnote => {
      const pointer = `/footnotes/${index}`
      record.mark(pointer, text)
      record.mark(`${pointer}/marker`, text)
      return {marker, text: record.value(`${pointer}/text`, text)}
    })

    const known = new Set(definitions.map((definition) => definition.identifier))
    for (const node of nodesOf(tree, 'footnoteReference')) {
      if (known.has(node.identifier)) continue
      report(
        file,
        'missing-footnote',
        `Missing text for footnote ${node.identifier}, expected a line starting with its marker`,
        node.position
      )
    }
    if (definitions.length === 0) {
      report(
        file,
        'missing-footnote',
        'Missing footnote, expected the disclaimer "¹ For information – not an official report…"',
        file.data.header?.start
      )
    }
  }
}

/** Each definition with its number; GFM names (`[^note]`) get the next free ones. */
function numbered(definitions: FootnoteDefinition[]): {marker: string; definition: FootnoteDefinition}[] {
  const used = new Set(
    definitions.map((definition) => definition.identifier).filter((id) => /^\d+$/.test(id))
  )
  let next = 1
  return definitions.map((definition) => {
    if (/^\d+$/.test(definition.identifier))
      return {marker: String(Number(definition.identifier)), definition}
    while (used.has(String(next))) next++
    used.add(String(next))
    return {marker: String(next), definition}
  })
}
