/**
 * Turns bold paragraphs used as section headings (`**1. Objectives**`,
 * `**Background:**`) into headings. A bold header label (`**Event:**` alone
 * on its line) stays a label.
 */
import type {Heading, Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {labelsOf} from '../labels.js'
import {report} from '../message.js'
import {at, textOf} from '../tree.js'
import {isEmphasized} from './list-item-heading.js'

export default function paragraphHeading() {
  return (tree: Root, file: VFile) => {
    const labels = labelsOf(file)
    tree.children = tree.children.map((node): RootContent => {
      if (node.type !== 'paragraph' || !isEmphasized(node)) return node
      const text = textOf(node).trim()
      if (!text || text.includes('\n') || labels.isLabel(text)) return node
      if (!/^\d{1,3}[.)]?\s+\S/.test(text) && !labels.section(text)) return node
      report(file, 'paragraph-heading', `Read bold paragraph "${text}" as a section heading`, node.position)
      const heading: Heading = {type: 'heading', depth: 2, children: node.children, ...at(node.position)}
      return heading
    })
  }
}
