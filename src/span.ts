import type {Nodes, PhrasingContent} from 'mdast'
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
    const starts: number[] = []
    for (let index = 0; index < value.length; index++) {
      starts.push(offsets?.[index] ?? Math.min(start + index, end))
    }
    return new Span(value, starts, end)
  }

  /** The text of inline content; line breaks become `\n`, footnote markers vanish. */
  static fromPhrasing(nodes: readonly PhrasingContent[], at: number): Span {
    return nodes.length === 0 ? Span.empty(at) : Span.join(nodes.map((node) => phrasingSpan(node, at)))
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
    let text = ''
    const starts: number[] = []
    let end = spans[0]?.endOffset ?? 0
    for (const [index, span] of spans.entries()) {
      if (index > 0 && separator) {
        text += separator
        for (let i = 0; i < separator.length; i++) starts.push(end)
      }
      text += span.text
      for (const start of span.starts) starts.push(start)
      if (span.text || index === 0) end = span.endOffset
    }
    return new Span(text, starts, end)
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
    const chars: string[] = []
    const starts: number[] = []
    let space = false
    for (let index = 0; index < this.text.length; index++) {
      const char = this.text.charAt(index)
      if (char === '*') continue
      const white = /\s/.test(char)
      // A run of white space is one space; checking the last character of a
      // growing string would flatten it each time.
      if (white && space) continue
      space = white
      chars.push(white ? ' ' : char)
      starts.push(this.starts[index] ?? this.endOffset)
    }
    const text = chars.join('')
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

function phrasingSpan(node: Nodes, at: number): Span {
  const start = node.position?.start.offset ?? at
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
      return 'children' in node
        ? Span.fromPhrasing(node.children as PhrasingContent[], start)
        : Span.empty(start)
  }
}
