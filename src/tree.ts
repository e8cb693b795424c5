/** Small helpers shared by the plugins that rewrite the tree. */
import type {Nodes, Paragraph, PhrasingContent, Text} from 'mdast'
import type {Point, Position} from 'unist'
import type {Location} from 'vfile-location'

/**
 * The part of `node` from `start` to `end` (indices into its value) as a new
 * text node with its own position (and character offsets, see `parse`).
 */
export function sliceText(node: Text, start: number, end: number, place: Location): Text {
  const offsets = node.data?.offsets?.slice(start, end)
  return {
    type: 'text',
    value: node.value.slice(start, end),
    ...at(slicePosition(node, start, end, place)),
    ...(offsets ? {data: {offsets}} : {})
  }
}

/** `{position}`, or nothing when there is none (optional properties are never `undefined`). */
export function at(position: Position | undefined): {position?: Position} {
  return position ? {position} : {}
}

export function slicePosition(node: Text, start: number, end: number, place: Location): Position | undefined {
  const from = node.position?.start.offset
  const to = node.position?.end.offset
  if (from === undefined || to === undefined) return undefined
  const offsets = node.data?.offsets
  const startPoint = place.toPoint(offsets ? (offsets[start] ?? to) : from + start)
  const endPoint = place.toPoint(
    offsets ? (end > start ? (offsets[end - 1] ?? to) + 1 : (offsets[start] ?? to)) : from + end
  )
  return startPoint && endPoint ? {start: startPoint, end: endPoint} : undefined
}

/** Offsets in `value` where a line starts: 0 (when `first`) and after each `\n`. */
export function lineStarts(value: string, first: boolean): number[] {
  const starts = first ? [0] : []
  for (let index = value.indexOf('\n'); index !== -1; index = value.indexOf('\n', index + 1)) {
    starts.push(index + 1)
  }
  return starts
}

/** A line start inside a paragraph: just after a `\n` in text child `child`. */
export interface Cut {
  child: number
  offset: number
}

/** Where each line but the first of `paragraph` starts, with the text that opens it. */
export function lineCuts(paragraph: Paragraph): (Cut & {line: string})[] {
  return paragraph.children.flatMap((node, child) =>
    node.type === 'text'
      ? lineStarts(node.value, false).map((offset) => ({child, offset, line: node.value.slice(offset)}))
      : []
  )
}

/** `paragraph` cut in two at `cut`; the line break between them is dropped. */
export function splitParagraph(paragraph: Paragraph, cut: Cut, place: Location): [Paragraph, Paragraph] {
  const node = paragraph.children[cut.child] as Text
  const head = sliceText(node, 0, cut.offset - 1, place)
  const tail = sliceText(node, cut.offset, node.value.length, place)
  const before: PhrasingContent[] = [...paragraph.children.slice(0, cut.child), ...(head.value ? [head] : [])]
  const after: PhrasingContent[] = [...(tail.value ? [tail] : []), ...paragraph.children.slice(cut.child + 1)]
  const middle = slicePosition(node, cut.offset - 1, cut.offset, place)
  // The new paragraph starts at its first character (indentation is not text).
  const first = tail.value ? slicePosition(node, cut.offset, cut.offset + 1, place)?.start : middle?.end
  return [
    {type: 'paragraph', children: before, ...span(paragraph.position?.start, middle?.start)},
    {type: 'paragraph', children: after, ...span(first, paragraph.position?.end)}
  ]
}

function span(start: Point | undefined, end: Point | undefined): {position?: Position} {
  return start && end ? {position: {start, end}} : {}
}

/**
 * Calls `enter` on `node` and on every node below it, parents first (after
 * `enter`, a parent's current children are walked). A plain walk, cheaper
 * than `visit` where no index or ancestors are needed.
 */
export function walk(node: Nodes, enter: (node: Nodes) => void): void {
  enter(node)
  if ('children' in node) for (const child of node.children as Nodes[]) walk(child, enter)
}
