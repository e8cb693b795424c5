/**
 * Splits list items the parser glued together. A list marker followed by a
 * non-breaking space (`-\u00a0Organizers: …`), or a `•` bullet, is not a
 * marker to CommonMark, so its line becomes a lazy continuation of the item
 * or paragraph before it. Each such line becomes a list item of its own.
 */
import type {ListItem, Paragraph, Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import type {Location} from 'vfile-location'
import {report} from '../message.js'
import {at, lineCuts, placeOf, sliceText, splitParagraphAt, walk} from '../tree.js'

/** A bullet CommonMark does not take for one. */
const lazyBullet = /^(?:[-*+]\u00a0|•)[\s\u00a0]*/

export default function lazyListItems() {
  return (tree: Root, file: VFile) => {
    const place = placeOf(file)
    const split = (paragraph: Paragraph): [Paragraph, ...Paragraph[]] => {
      const [first, ...rest] = splitAtBullets(paragraph, place)
      for (const part of rest) {
        report(
          file,
          'lazy-list-item',
          'Read this line as a list item of its own (its marker is not followed by a plain space)',
          part.position
        )
      }
      return [first, ...rest]
    }
    walk(tree, (list) => {
      if (list.type !== 'list') return
      list.children = list.children.flatMap((item) => splitItem(item, split, place))
    })
    tree.children = tree.children.flatMap((node): RootContent[] => {
      if (node.type !== 'paragraph') return [node]
      const [first, ...rest] = split(node)
      if (rest.length === 0 && !startsWithBullet(first)) return [node]
      const items = [...(startsWithBullet(first) ? [first] : []), ...rest].map((part) => toItem(part, place))
      const list = {type: 'list', ordered: false, spread: false, children: items} as const
      return startsWithBullet(first) ? [list] : [first, list]
    })
  }
}

/** The item, then one item per glued line, which takes the rest of the item's children. */
function splitItem(
  item: ListItem,
  split: (paragraph: Paragraph) => [Paragraph, ...Paragraph[]],
  place: Location
): ListItem[] {
  const index = item.children.findIndex(
    (child) => child.type === 'paragraph' && lineCuts(child).some((cut) => lazyBullet.test(cut.line))
  )
  const paragraph = item.children[index]
  if (paragraph?.type !== 'paragraph') return [item]
  const [first, ...rest] = split(paragraph)
  const after = item.children.slice(index + 1)
  const items = rest.map((part, position): ListItem => {
    const children = [stripBullet(part, place), ...(position === rest.length - 1 ? after : [])]
    return {type: 'listItem', spread: false, children, ...at(part.position)}
  })
  return [{...item, children: [...item.children.slice(0, index), first]}, ...items]
}

function splitAtBullets(paragraph: Paragraph, place: Location): [Paragraph, ...Paragraph[]] {
  const cuts = lineCuts(paragraph).filter((cut) => lazyBullet.test(cut.line))
  return splitParagraphAt(paragraph, cuts, place) as [Paragraph, ...Paragraph[]]
}

function startsWithBullet(paragraph: Paragraph): boolean {
  const first = paragraph.children[0]
  return first?.type === 'text' && lazyBullet.test(first.value)
}

function toItem(paragraph: Paragraph, place: Location): ListItem {
  return {
    type: 'listItem',
    spread: false,
    children: [stripBullet(paragraph, place)],
    ...at(paragraph.position)
  }
}

function stripBullet(paragraph: Paragraph, place: Location): Paragraph {
  const [first, ...rest] = paragraph.children
  const bullet = first?.type === 'text' ? (lazyBullet.exec(first.value)?.[0].length ?? 0) : 0
  if (first?.type !== 'text' || bullet === 0) return paragraph
  return {...paragraph, children: [sliceText(first, bullet, first.value.length, place), ...rest]}
}
