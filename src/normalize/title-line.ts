/**
 * Splits the title off the header when a conversion put them in one
 * paragraph (`Information Note¹` then `Event:** …` on the next line).
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {labelsOf} from '../labels.js'
import {report} from '../message.js'
import {lineCuts, placeOf, splitParagraph, textOf} from '../tree.js'

export default function titleLine() {
  return (tree: Root, file: VFile) => {
    const labels = labelsOf(file)
    const [first] = tree.children
    if (first?.type !== 'paragraph') return
    const [cut] = lineCuts(first)
    const [, ...after] = textOf(first).split('\n')
    if (!cut || !after.some((line) => labels.isLabel(line.trim()))) return
    const [title, header] = splitParagraph(first, cut, placeOf(file))
    const text = textOf(title).trim()
    if (!text || labels.isLabel(text) || text.split(/\s+/).length > 12) return
    report(
      file,
      'title-line',
      `Read the first line "${text}" as the title, apart from the header below it`,
      title.position
    )
    tree.children.splice(0, 1, title, header)
  }
}
