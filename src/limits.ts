/**
 * The bounds every note is held to, so that one odd file cannot take the
 * batch's time, memory or stack: its size before it is read, how deeply
 * it nests before and after it is parsed. (Time is bounded by the batch,
 * which stops a conversion that takes longer than `timeoutMs`.)
 */
import type {Nodes, Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Config} from './generated/config.js'
import {report} from './message.js'

export interface Limits {
  /** Largest note to read, in bytes. */
  maxBytes: number
  /** Longest time one note may take to convert, in milliseconds. */
  timeoutMs: number
}

export const defaultLimits: Limits = {maxBytes: 2 * 1024 * 1024, timeoutMs: 10_000}

/** Container levels (block quotes, list items, emphasis, links) a note may nest. */
export const maxNesting = 100

export function limitsOf(config: Config): Limits {
  return {
    maxBytes: config.maxBytes ?? defaultLimits.maxBytes,
    timeoutMs: config.timeoutMs ?? defaultLimits.timeoutMs
  }
}

/** The reason of a `file-too-large` error. */
export function tooLarge(size: number, maxBytes: number): string {
  return `Unexpected file of ${megabytes(size)}, expected at most ${megabytes(maxBytes)} ("maxBytes" in the configuration); it was not read`
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes} bytes` : `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Fails `file` (bytes or text) when it is larger than `maxBytes`. */
export function checkSize(file: VFile, maxBytes: number): void {
  const size = typeof file.value === 'string' ? Buffer.byteLength(file.value) : file.value.byteLength
  if (size > maxBytes) throw report(file, 'file-too-large', tooLarge(size, maxBytes), undefined)
}

const nested = `Unexpected nesting deeper than ${maxNesting} levels (lists, block quotes, emphasis or links), expected a note nested a few levels deep`

/**
 * Fails `file` (text) when a line opens more than `maxNesting` block
 * quotes and list items (`> > - 1. …`): the parser's time and stack grow
 * with such runs, so they are refused before it sees them.
 */
export function checkLineNesting(file: VFile): void {
  const text = String(file.value)
  let line = 1
  for (let start = 0; start < text.length; line++) {
    const end = text.indexOf('\n', start)
    const stop = end === -1 ? text.length : end
    const column = deepColumn(text, start, stop)
    if (column !== undefined) throw report(file, 'too-deeply-nested', nested, {line, column})
    start = stop + 1
  }
}

/** The column where a line's container markers go past `maxNesting`, if they do. */
function deepColumn(text: string, start: number, end: number): number | undefined {
  let levels = 0
  let at = start
  while (at < end) {
    const char = text.charCodeAt(at)
    if (char === 0x20 || char === 0x09) {
      at++
      continue
    }
    const next = markerEnd(text, at, end)
    if (next === undefined) return undefined
    // `- - -` and `* * *` are thematic breaks, not lists.
    thematicBreak.lastIndex = at
    if (char !== 0x3e && thematicBreak.test(text)) return undefined
    if (++levels > maxNesting) return at - start + 1
    at = next
  }
  return undefined
}

const thematicBreak = /([-*_])(?:[ \t]*\1){2,}[ \t]*(?:\n|$)/y

/** After a block quote marker, or a list marker followed by white space: where it ends. */
function markerEnd(text: string, at: number, end: number): number | undefined {
  const char = text.charAt(at)
  if (char === '>') return at + 1
  let after = at
  if (char === '-' || char === '*' || char === '+') after = at + 1
  else {
    while (after < end && after - at < 9 && /\d/.test(text.charAt(after))) after++
    if (after === at || (text.charAt(after) !== '.' && text.charAt(after) !== ')')) return undefined
    after++
  }
  const space = text.charAt(after)
  return space === ' ' || space === '\t' ? after : undefined
}

const containers = new Set([
  'blockquote',
  'listItem',
  'footnoteDefinition',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference'
])

/**
 * Fails `file` when its tree nests more than `maxNesting` containers, so
 * that the passes after it, which recurse, never run out of stack.
 */
export function checkTreeNesting(tree: Root, file: VFile): void {
  const stack: [Nodes, number][] = [[tree, 0]]
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry
    const levels = containers.has(node.type) ? depth + 1 : depth
    if (levels > maxNesting) throw report(file, 'too-deeply-nested', nested, node.position?.start)
    // Reversed, so that the first node too deep in the text is the one reported.
    if ('children' in node) for (const child of node.children.toReversed()) stack.push([child, levels])
  }
}
