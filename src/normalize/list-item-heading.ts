/**
 * Turns numbered list items used as section headings (`1. **Objectives**`,
 * `4. Additional comments`) into headings: `## 1. Objectives`. What else the
 * item holds (bullets indented under it) follows the heading.
 */
import type {Heading, List, ListItem, Paragraph, Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {type Labels, labelsOf} from '../labels.js'
import {report} from '../message.js'
import {at, textOf} from '../tree.js'

export default function listItemHeading() {
  return (tree: Root, file: VFile) => {
    const labels = labelsOf(file)
    tree.children = tree.children.flatMap((node): RootContent[] => {
      if (
        node.type !== 'list' ||
        !node.ordered ||
        !node.children.every((item) => isHeadingLike(item, node, labels))
      ) {
        return [node]
      }
      return node.children.flatMap((item, index) => {
        const number = (node.start ?? 1) + index
        const [paragraph, ...rest] = item.children as [Paragraph, ...RootContent[]]
        report(
          file,
          'list-item-heading',
          `Read numbered list item "${number}. ${textOf(paragraph).trim()}" as a section heading`,
          item.position
        )
        return [toHeading(item, paragraph, number, String(file.value)), ...rest]
      })
    })
  }
}

function isHeadingLike(item: ListItem, list: List, labels: Labels): boolean {
  const [paragraph, ...rest] = item.children
  if (paragraph?.type !== 'paragraph') return false
  const text = textOf(paragraph).trim()
  if (!text || text.includes('\n') || labels.isLabel(text)) return false
  if (isEmphasized(paragraph) || labels.section(text)) return true
  // A lone short item without final punctuation reads as a title, not a point.
  return (
    rest.length === 0 &&
    list.children.length === 1 &&
    text.split(/\s+/).length <= 10 &&
    !/[.;:,!?]$/.test(text)
  )
}

/** Only bold or italic text: how converters mark a heading. */
export function isEmphasized(paragraph: Paragraph): boolean {
  return paragraph.children.every(
    (child) =>
      child.type === 'strong' || child.type === 'emphasis' || (child.type === 'text' && !child.value.trim())
  )
}

/** The heading keeps the item's number as written (`1. `), placed on the marker. */
function toHeading(item: ListItem, paragraph: Paragraph, number: number, source: string): Heading {
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
    ...at(start && paragraph.position ? {start, end: paragraph.position.end} : undefined)
  }
}
