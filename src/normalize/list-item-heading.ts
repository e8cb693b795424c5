/**
 * Turns numbered list items used as section headings (`1. **Objectives**`,
 * `4. Additional comments`) into headings: `## 1. Objectives`.
 */
import type {Heading, List, ListItem, Paragraph, Root} from 'mdast'
import {toString as textOf} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {matchSection} from '../labels.js'
import {report} from '../message.js'

export default function listItemHeading() {
  return (tree: Root, file: VFile) => {
    tree.children = tree.children.flatMap((node) => {
      if (
        node.type !== 'list' ||
        !node.ordered ||
        !node.children.every((item) => isHeadingLike(item, node))
      ) {
        return [node]
      }
      return node.children.map((item, index) => {
        const number = (node.start ?? 1) + index
        const heading = toHeading(item, number, String(file.value))
        report(
          file,
          'list-item-heading',
          `Read numbered list item "${number}. ${textOf(item).trim()}" as a section heading`,
          item.position
        )
        return heading
      })
    })
  }
}

function isHeadingLike(item: ListItem, list: List): boolean {
  const [paragraph, ...rest] = item.children
  if (!paragraph || rest.length > 0 || paragraph.type !== 'paragraph') return false
  const text = textOf(paragraph).trim()
  if (!text || text.includes('\n')) return false
  const emphasized = paragraph.children.every(
    (child) =>
      child.type === 'strong' || child.type === 'emphasis' || (child.type === 'text' && !child.value.trim())
  )
  // A lone short item without final punctuation reads as a title, not a point.
  const lone = list.children.length === 1 && text.split(/\s+/).length <= 10 && !/[.;:,!?]$/.test(text)
  return emphasized || matchSection(text) !== undefined || lone
}

/** The heading keeps the item's number as written (`1. `), placed on the marker. */
function toHeading(item: ListItem, number: number, source: string): Heading {
  const paragraph = item.children[0] as Paragraph
  const start = item.position?.start
  const end = paragraph.position?.start
  const marker =
    start?.offset !== undefined && end?.offset !== undefined
      ? source.slice(start.offset, end.offset)
      : `${number}. `
  return {
    type: 'heading',
    depth: 2,
    children: [
      {type: 'text', value: marker, ...(start && end ? {position: {start, end}} : {})},
      ...paragraph.children
    ],
    ...(item.position ? {position: item.position} : {})
  }
}
