/**
 * Repairs labels whose emphasis broke in conversion: `Event:** Seminar` and
 * `International organizations:* CWC` become `**Event:** Seminar`.
 */
import type {PhrasingContent, Root, Text} from 'mdast'
import type {VFile} from 'vfile'
import type {Location} from 'vfile-location'
import {report} from '../message.js'
import {at, lineStarts, placeOf, slicePosition, sliceText, walk} from '../tree.js'

/** A label, its colon, then the stray markers that should have closed it. */
const brokenLabel = /[ \t\u00a0]*([^\s*_:][^\n:*]{0,79}?)[ \t\u00a0]*:[ \t\u00a0]*(\*{1,2}|_{1,2})(?=\s|$)/y

export default function repairLabelEmphasis() {
  return (tree: Root, file: VFile) => {
    const place = placeOf(file)
    walk(tree, (paragraph) => {
      if (paragraph.type !== 'paragraph') return
      paragraph.children = paragraph.children.flatMap((child, index) => {
        if (child.type !== 'text') return [child]
        const previous = paragraph.children[index - 1]
        return repair(child, index === 0 || previous?.type === 'break', file, place)
      })
    })
  }
}

function repair(node: Text, startsLine: boolean, file: VFile, place: Location): PhrasingContent[] {
  const result: PhrasingContent[] = []
  let done = 0
  for (const start of lineStarts(node.value, startsLine)) {
    brokenLabel.lastIndex = start
    const match = brokenLabel.exec(node.value)
    if (!match) continue
    const [whole, , marker = ''] = match
    const labelStart = start + whole.length - whole.trimStart().length
    const colon = node.value.lastIndexOf(':', start + whole.length - marker.length)
    const end = start + whole.length
    if (labelStart > done) result.push(sliceText(node, done, labelStart, place))
    const label = sliceText(node, labelStart, colon + 1, place)
    result.push({type: 'strong', children: [label], ...at(slicePosition(node, labelStart, end, place))})
    report(
      file,
      'repaired-label-emphasis',
      `Read "${node.value.slice(labelStart, end)}" as the label "${label.value}" (broken emphasis)`,
      slicePosition(node, labelStart, end, place)
    )
    done = end
  }
  if (done === 0) return [node]
  if (done < node.value.length) result.push(sliceText(node, done, node.value.length, place))
  return result
}
