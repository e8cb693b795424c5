/**
 * Finds the title and the header block (the `Label: value` lines before the
 * first section) and reads its fields onto `file.data.header`.
 */
import type {Nodes, Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import type {Field} from '../data.js'
import {matchCategory, matchField} from '../labels.js'
import {report} from '../message.js'
import {Span} from '../span.js'
import {recorder} from './source-map.js'

/** `Label: value`, the label short enough not to be a sentence. */
const fieldLine = /^([^:\n]{1,60}?)[ \t]*:[ \t]*/

export default function extractHeader() {
  return (tree: Root, file: VFile) => {
    const blocks = tree.children.filter((node) => node.type !== 'footnoteDefinition')
    let index = 0
    const first = blocks[0]
    if (first && isTitle(first)) {
      const title = Span.fromNode(first).clean()
      if (title.text) file.data.title = recorder(file).value('/title', title)
      index = 1
    } else {
      report(
        file,
        'missing-title',
        'Missing title, expected a first line like "Information Note"',
        first?.position?.start
      )
    }

    const header: RootContent[] = []
    for (const block of blocks.slice(index)) {
      if (block.type === 'heading' || !lines(block).some((line) => labelOf(line.span))) break
      header.push(block)
    }

    const fields: Field[] = []
    let previous: Field | undefined
    for (const line of header.flatMap((block) => lines(block))) {
      const field = toField(line.span)
      if (field) {
        fields.push(field)
        previous = field
        continue
      }
      const label = labelOf(line.span)
      if (label || !previous || line.first) {
        previous = undefined
        const what = label ? `field "${label.text}"` : `text "${line.span.clean().text}"`
        report(
          file,
          'unknown-field',
          `Unexpected ${what} in the header, expected a field such as Event, Organizers, Date and Venue or Participants`,
          recorder(file).position(line.span.trim())
        )
      } else {
        // A line without a label, in the paragraph of a field, continues it.
        previous.value = Span.join([previous.value, line.span], ' ')
      }
    }
    file.data.header = {
      start: header[0]?.position?.start,
      blocks: [...blocks.slice(0, index), ...header],
      fields
    }
  }
}

/** A first block that is a heading, or one short line that is not a field. */
function isTitle(node: RootContent): boolean {
  if (node.type === 'heading') return true
  if (node.type !== 'paragraph') return false
  const text = Span.fromNode(node).clean().text
  return !text.includes('\n') && text.split(' ').length <= 12 && !labelOf(Span.fromNode(node))
}

interface Line {
  span: Span
  /** The first line of its paragraph. */
  first: boolean
}

/** The lines of a header block: each line of each paragraph, list items included. */
function lines(node: Nodes): Line[] {
  switch (node.type) {
    case 'paragraph':
      return Span.fromNode(node)
        .split(/\n/g)
        .map((span, index) => ({span, first: index === 0}))
    case 'list':
    case 'listItem':
      return node.children.flatMap((child) => lines(child))
    default:
      return []
  }
}

function labelOf(line: Span): Span | undefined {
  const text = line.clean()
  const match = fieldLine.exec(text.text)
  return match?.[1] ? text.slice(0, match[1].length) : undefined
}

function toField(line: Span): Field | undefined {
  const text = line.clean()
  const match = fieldLine.exec(text.text)
  if (!match?.[1]) return undefined
  const label = text.slice(0, match[1].length)
  const value = text.slice(match[0].length)
  const field = matchField(label.text)
  if (field) return {key: field.key, label, value, languages: field.languages}
  const category = matchCategory(label.text)
  if (category) return {key: 'category', category: category.key, label, value, languages: category.languages}
  return undefined
}
