/**
 * Footnotes: the text of each footnote definition, by marker. Notes carry a
 * disclaimer footnote; a note without one, or a marker without its text, is
 * worth a warning.
 */
import type {FootnoteDefinition, Root} from 'mdast'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import type {Footnote} from '../generated/information-note.js'
import {report} from '../message.js'
import {Span} from '../span.js'
import {recorder} from './source-map.js'

export default function extractFootnotes() {
  return (tree: Root, file: VFile) => {
    const record = recorder(file)
    const definitions: FootnoteDefinition[] = []
    visit(tree, 'footnoteDefinition', (node) => {
      definitions.push(node)
    })
    const footnotes: Footnote[] = []
    for (const definition of definitions) {
      const text = Span.fromNode(definition).clean()
      if (!text.text) continue
      const pointer = `/footnotes/${footnotes.length}`
      record.mark(pointer, text)
      record.mark(`${pointer}/marker`, text)
      // GFM allows names (`[^note]`); the record numbers those by position.
      const marker = /^\d+$/.test(definition.identifier)
        ? definition.identifier
        : String(footnotes.length + 1)
      footnotes.push({marker, text: record.value(`${pointer}/text`, text)})
    }
    const known = new Set(definitions.map((definition) => definition.identifier))
    visit(tree, 'footnoteReference', (node) => {
      if (known.has(node.identifier)) return
      report(
        file,
        'missing-footnote',
        `Missing text for footnote ${node.identifier}, expected a line starting with its marker`,
        node.position
      )
    })
    if (definitions.length === 0) {
      report(
        file,
        'missing-footnote',
        'Missing footnote, expected the disclaimer "¹ For information – not an official report…"',
        file.data.header?.start
      )
    }
    file.data.footnotes = footnotes
  }
}
