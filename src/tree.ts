/** Small helpers shared by the plugins that rewrite the tree. */
import type {Text} from 'mdast'
import type {Position} from 'unist'
import type {Location} from 'vfile-location'

/**
 * The part of `node` from `start` to `end` (indices into its value) as a new
 * text node with its own position. Text nodes whose value is as long as their
 * source (no escapes) map exactly; others map to their start.
 */
export function sliceText(node: Text, start: number, end: number, place: Location): Text {
  return {type: 'text', value: node.value.slice(start, end), ...at(slicePosition(node, start, end, place))}
}

/** `{position}`, or nothing when there is none (optional properties are never `undefined`). */
export function at(position: Position | undefined): {position?: Position} {
  return position ? {position} : {}
}

export function slicePosition(node: Text, start: number, end: number, place: Location): Position | undefined {
  const from = node.position?.start.offset
  const to = node.position?.end.offset
  if (from === undefined || to === undefined) return undefined
  const exact = to - from === node.value.length
  const startPoint = place.toPoint(exact ? from + start : from)
  const endPoint = place.toPoint(exact ? from + end : to)
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
