import type {Nodes} from 'mdast'
import type {Position} from 'unist'
import type {Location} from 'vfile-location'

/**
 * A piece of text that remembers, for each character, its offset in the
 * source file, so that values cut out of it can be placed at their exact
 * line and column (for messages and the source map).
 */
export class Span {
  /** `starts[i]` is the source offset of `text[i]`. */
  private constructor(
    readonly text: string,
    private readonly starts: readonly number[],
    private readonly endOffset: number
  ) {}

  static empty(at: number): Span {
    return new Span('', [], at)
  }

  /**
   * A literal value found between `start` and `end` in the source, with the
   * offset of each character when they are not consecutive (escapes).
   */
  static fromValue(value: string, start: number, end: number, offsets?: readonly number[]): Span {
    // Arrays are made at their length: filling one is much faster than pushing.
    const starts = new Array<number>(value.length)
    for (let index = 0; index < value.length; index++) {
      starts[index] = offsets?.[index] ?? Math.min(start + index, end)
    }
    return new Span(value, starts, end)
  }

  /** The text of any node, blocks joined by `\n`. */
  static fromNode(node: Nodes): Span {
    if (containers.has(node.type) && 'children' in node) {
      const blocks = (node.children as Nodes[]).filter((child) => child.type !== 'footnoteDefinition')
      return Span.join(
        blocks.map((child) => Span.fromNode(child)),
        '\n'
      )
    }
    return phrasingSpan(node, node.position?.start.offset ?? 0)
  }

  static join(spans: readonly Span[], separator = ''): Span {
    // Spans never change: one is its own join (a large one is not copied).
    const [only] = spans
    if (spans.length === 1 && only) return only
    let length = separator.length * Math.max(0, spans.length - 1)
    for (const span of spans) length += span.starts.length
    const starts = new Array<number>(length)
    let text = ''
    let at = 0
    let end = spans[0]?.endOffset ?? 0
    for (const [index, span] of spans.entries()) {
      if (index > 0 && separator) {
        text += separator
        for (let i = 0; i < separator.length; i++) starts[at++] = end
      }
      text += span.text
      for (const start of span.starts) starts[at++] = start
      if (span.text || index === 0) end = span.endOffset
    }
    return new Span(text, starts, end)
  }

  /** Whether the span starts no later than it ends (as slices make them): then a whole slice is the span. */
  private get ordered(): boolean {
    return (this.starts[0] ?? this.endOffset) <= this.endOffset
  }

  get start(): number {
    return this.starts[0] ?? this.endOffset
  }

  get end(): number {
    return this.endOffset
  }

  slice(start: number, end = this.text.length): Span {
    const from = Math.max(0, Math.min(start, this.text.length))
    const to = Math.max(from, Math.min(end, this.text.length))
    if (from === 0 && to === this.text.length && this.ordered) return this
    const starts = this.starts.slice(from, to)
    const last = starts.at(-1)
    const endOffset =
      last === undefined
        ? (this.starts[from] ?? this.endOffset)
        : to === this.text.length
          ? this.endOffset
          : last + 1
    return new Span(this.text.slice(from, to), starts, Math.max(endOffset, starts[0] ?? endOffset))
  }

  trim(): Span {
    const start = this.text.length - this.text.trimStart().length
    return this.slice(start, this.text.trimEnd().length)
  }

  /**
   * Plain text: stray `*` (emphasis markers that did not parse) dropped,
   * each run of white space made one space, both ends trimmed.
   */
  clean(): Span {
    if (this.ordered && isClean(this.text)) return this
    const source = this.text
    const starts = new Array<number>(source.length)
    let length = 0
    let text = ''
    // Characters are copied in runs: `from` is where the current run starts.
    let from = 0
    let space = false
    for (let index = 0; index < source.length; index++) {
      const code = source.charCodeAt(index)
      const white = isWhite(code, source, index)
      // A run of white space is one space.
      if (code === asteriskCode || (white && space)) {
        text += source.slice(from, index)
        from = index + 1
        continue
      }
      if (white && code !== spaceCode) {
        text += `${source.slice(from, index)} `
        from = index + 1
      }
      space = white
      starts[length++] = this.starts[index] ?? this.endOffset
    }
    starts.length = length
    text += source.slice(from)
    return new Span(text, starts, this.endOffset).trim()
  }

  /** Splits at each match of `separator` (a global regular expression). */
  split(separator: RegExp): Span[] {
    const parts: Span[] = []
    let from = 0
    for (const match of this.text.matchAll(separator)) {
      parts.push(this.slice(from, match.index))
      from = match.index + match[0].length
    }
    parts.push(this.slice(from))
    return parts
  }

  /** The cleaned text as a record value: plain, Unicode NFC. */
  get value(): string {
    return this.text.normalize('NFC')
  }

  /** Where this span sits in the file that `place` indexes. */
  position(place: Location): Position {
    const start = place.toPoint(this.start)
    const end = place.toPoint(this.end)
    // Both ends are offsets into the file, so they always resolve.
    if (!start || !end) throw new Error(`Span ${this.start}-${this.end} is outside the file`)
    return {start, end}
  }
}

const asteriskCode = 0x2a
const spaceCode = 0x20

/** Whether `clean` would leave `text` as it is: no `*`, single spaces, no other white space, none at the ends. */
function isClean(text: string): boolean {
  let space = true
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === asteriskCode || (isWhite(code, text, index) && (space || code !== spaceCode))) return false
    space = code === spaceCode
  }
  return !space || text.length === 0
}

/** Whether the character at `index` (code `code`) is white space, as `/\s/` says. */
function isWhite(code: number, text: string, index: number): boolean {
  // Below U+00A0 only the ASCII ones are; the rest are rare enough to ask.
  if (code < 0xa0) return code === spaceCode || (code >= 0x09 && code <= 0x0d)
  return /\s/.test(text.charAt(index))
}

/** Nodes whose children are blocks, joined by line breaks. */
const containers = new Set([
  'root',
  'blockquote',
  'list',
  'listItem',
  'footnoteDefinition',
  'table',
  'tableRow'
])

/**
 * The span of a node that is not a container: the spans of the text below
 * it joined (as joining the span of each child, and so on down, gives),
 * with a stack of its own, as emphasis may nest thousands deep. A node
 * without text or children is the empty span at its start.
 */
function phrasingSpan(node: Nodes, at: number): Span {
  const leaves: Span[] = []
  const stack: [Nodes, number][] = [[node, at]]
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [current, from] = next
    const start = current.position?.start.offset ?? from
    const children = 'children' in current ? (current.children as Nodes[]) : []
    const leaf = leafSpan(current, start) ?? (children.length === 0 ? Span.empty(start) : undefined)
    if (leaf) leaves.push(leaf)
    for (let index = leaf ? -1 : children.length - 1; index >= 0; index--) {
      stack.push([children[index] as Nodes, start])
    }
  }
  return Span.join(leaves)
}

/** The span of a node that holds text itself, or stands for none; nothing for others. */
function leafSpan(node: Nodes, start: number): Span | undefined {
  const end = node.position?.end.offset ?? start
  switch (node.type) {
    case 'text':
      return Span.fromValue(node.value, start, end, node.data?.offsets)
    case 'code':
      return Span.fromValue(node.value, start, end)
    case 'inlineCode':
      return Span.fromValue(node.value, start + 1, end - 1)
    case 'break':
      return Span.fromValue('\n', start, end)
    case 'footnoteReference':
    case 'html':
    case 'image':
    case 'imageReference':
      return Span.empty(start)
    default:
      return undefined
  }
}
