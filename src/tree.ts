/** Small helpers shared by the plugins that rewrite the tree, and by those that read it. */
import type {Nodes, Paragraph, PhrasingContent, Root, Text} from 'mdast'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {type Location, location} from 'vfile-location'

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
  return splitParagraphAt(paragraph, [cut], place) as [Paragraph, Paragraph]
}

/**
 * `paragraph` cut at each of `cuts` (in order): what cutting it in two at
 * the first cut, then the second part at the next cut and so on gives, but
 * without copying the rest of the paragraph at each cut.
 */
export function splitParagraphAt(paragraph: Paragraph, cuts: readonly Cut[], place: Location): Paragraph[] {
  const pieces: Paragraph[] = []
  let start = paragraph.position?.start
  // The current piece starts at `offset` in child `child` (0: the whole child).
  let child = 0
  let offset = 0
  for (const cut of cuts) {
    const node = paragraph.children[cut.child] as Text
    const from = cut.child === child ? offset : 0
    const head = sliceText(node, from, cut.offset - 1, place)
    const children: PhrasingContent[] =
      cut.child === child
        ? []
        : [
            ...lead(paragraph, child, offset, place),
            ...paragraph.children.slice(child + (offset > 0 ? 1 : 0), cut.child)
          ]
    if (head.value) children.push(head)
    const middle = slicePosition(node, cut.offset - 1, cut.offset, place)
    pieces.push({type: 'paragraph', children, ...span(start, middle?.start)})
    // The next piece starts at its first character (indentation is not text).
    const rest = cut.offset < node.value.length
    start = rest ? slicePosition(node, cut.offset, cut.offset + 1, place)?.start : middle?.end
    child = rest ? cut.child : cut.child + 1
    offset = rest ? cut.offset : 0
  }
  const children = [
    ...lead(paragraph, child, offset, place),
    ...paragraph.children.slice(child + (offset > 0 ? 1 : 0))
  ]
  pieces.push({type: 'paragraph', children, ...span(start, paragraph.position?.end)})
  return pieces
}

/** The rest of child `child` from `offset`, when the piece starts inside it. */
function lead(paragraph: Paragraph, child: number, offset: number, place: Location): Text[] {
  const node = paragraph.children[child] as Text | undefined
  return node && offset > 0 ? [sliceText(node, offset, node.value.length, place)] : []
}

function span(start: Point | undefined, end: Point | undefined): {position?: Position} {
  return start && end ? {position: {start, end}} : {}
}

/**
 * Calls `enter` on `node` and on every node below it, in document order,
 * parents first (after `enter`, a parent's current children are walked).
 * A plain walk, cheaper than `visit` where no index or ancestors are
 * needed; it keeps its own stack, as emphasis may nest thousands deep.
 */
export function walk(node: Nodes, enter: (node: Nodes) => void): void {
  const stack: Nodes[] = [node]
  for (let next = stack.pop(); next; next = stack.pop()) {
    enter(next)
    if ('children' in next) pushReversed(stack, next.children)
  }
}

/**
 * The nodes of `types` anywhere in `tree`, in document order. The tree is
 * walked once, at the first call, and what it holds is kept for the next:
 * so the stages that only read the repaired tree (extract, and the control
 * of messages) share one walk. Never call it while the tree may change
 * (normalize): later calls would not see the change.
 */
export function nodesOf<Type extends Nodes['type']>(
  tree: Root,
  ...types: Type[]
): Extract<Nodes, {type: Type}>[] {
  let found = indexes.get(tree)
  if (!found) {
    const index: Index = {all: [], byType: new Map()}
    walk(tree, (node) => {
      index.all.push(node)
      const same = index.byType.get(node.type)
      if (same) same.push(node)
      else index.byType.set(node.type, [node])
    })
    indexes.set(tree, index)
    found = index
  }
  const nodes =
    types.length === 1
      ? (found.byType.get(types[0] as Type) ?? [])
      : found.all.filter((node) => (types as string[]).includes(node.type))
  return nodes as Extract<Nodes, {type: Type}>[]
}

interface Index {
  all: Nodes[]
  byType: Map<string, Nodes[]>
}

const indexes = new WeakMap<Root, Index>()

/**
 * The text of `node`, as mdast-util-to-string gives it (values, image
 * alternatives, HTML included), without recursion.
 */
export function textOf(node: Nodes): string {
  let text = ''
  walk(node, (next) => {
    if ('value' in next) text += next.value ?? ''
    else if ('alt' in next && next.alt) text += next.alt
  })
  return text
}

/** Pushes `nodes` last first, so that they pop in order. */
function pushReversed(stack: Nodes[], nodes: readonly Nodes[]): void {
  for (let index = nodes.length - 1; index >= 0; index--) stack.push(nodes[index] as Nodes)
}

/**
 * The index of lines and columns of `file`'s text, built once for each text
 * and shared by every pass that places nodes (each used to build its own).
 */
export function placeOf(file: VFile): Location {
  const value = String(file.value)
  const known = places.get(file)
  if (known?.value === value) return known.place
  const place = location(value)
  places.set(file, {value, place})
  return place
}

const places = new WeakMap<VFile, {value: string; place: Location}>()
