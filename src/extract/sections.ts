/**
 * The numbered sections. The first heading after the header opens one, and
 * so does each later heading that is numbered or no deeper than it; a deeper
 * unnumbered heading (`### Day one`) is a paragraph of its section marked as
 * a sub-heading, as is a short line like `Day 2 (14 May):`; a heading with
 * no title is a paragraph. Bullets become `items` (nested bullets kept),
 * everything else `paragraphs`.
 */
import type {Heading, List, Nodes, Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Item, Section} from '../generated/information-note.js'
import {isSubheading, type Labels, labelsOf} from '../labels.js'
import {report} from '../message.js'
import {Span} from '../span.js'
import {leadingRun, trailingRun} from '../values/runs.js'
import {addExtra} from './header.js'
import {type Recorder, recorder} from './source-map.js'

const numbered = /^(\d{1,3})\s*[.)]?\s+(\S.*)$/

export default function extractSections() {
  return (tree: Root, file: VFile) => {
    const record = recorder(file)
    const skip = new Set<Nodes>(file.data.header?.blocks)
    const sections: Section[] = []
    let depth: number | undefined
    for (const node of tree.children) {
      if (skip.has(node) || node.type === 'footnoteDefinition') continue
      const heading = node.type === 'heading' ? parseHeading(node) : undefined
      if (node.type === 'heading' && heading && (heading.number || node.depth <= (depth ?? node.depth))) {
        depth ??= node.depth
        sections.push(
          readHeading(heading, `/sections/${sections.length}`, sections.at(-1), record, labelsOf(file))
        )
        continue
      }
      const section = sections.at(-1)
      const pointer = `/sections/${sections.length - 1}`
      if (!section) {
        // Text between the header and the first section: kept, not placed.
        addExtra(file, record, undefined, Span.fromNode(node))
      } else if (node.type === 'list') {
        append(section.items, readItems(node, `${pointer}/items`, section.items.length, record))
      } else {
        for (const paragraph of paragraphs(node)) {
          const index = section.paragraphs.length
          section.paragraphs.push(record.value(`${pointer}/paragraphs/${index}`, paragraph))
          if (heading || (node.type === 'paragraph' && isSubheading(paragraph.text))) {
            section.subheadings ??= []
            record.mark(`${pointer}/subheadings/${section.subheadings.length}`, paragraph)
            section.subheadings.push(index)
          }
        }
      }
    }
    if (sections.length === 0) {
      report(
        file,
        'missing-sections',
        'Missing sections, expected numbered sections like "1. Objectives" or "## 1. Objectives"',
        file.data.header?.start
      )
    }
    file.data.sections = sections
  }
}

interface ParsedHeading {
  text: Span
  number?: number
  title: Span
}

/** "2. Background:" → 2 and "Background"; nothing for a heading without a title. */
function parseHeading(heading: Heading): ParsedHeading | undefined {
  const text = Span.fromNode(heading).clean()
  const match = numbered.exec(text.text)
  const rest = match?.[2] ? text.slice(text.text.length - match[2].length) : text
  const title = rest.slice(0, rest.text.length - trailingRun(rest.text, /[\s:.]/))
  if (!/[\p{L}\p{N}]/u.test(title.text)) return undefined
  return {text, title, ...(match?.[1] ? {number: Number(match[1])} : {})}
}

function readHeading(
  heading: ParsedHeading,
  pointer: string,
  previous: Section | undefined,
  record: Recorder,
  labels: Labels
): Section {
  for (const key of ['', '/number', '/kind']) record.mark(`${pointer}${key}`, heading.text)
  return {
    number: heading.number ?? (previous?.number ?? 0) + 1,
    title: record.value(`${pointer}/title`, heading.title),
    kind: labels.section(heading.title.text)?.key ?? 'other',
    items: [],
    paragraphs: []
  }
}

function readItems(list: List, pointer: string, offset: number, record: Recorder): Item[] {
  const items: Item[] = []
  for (const listItem of list.children) {
    const text = Span.join(
      listItem.children.filter((child) => child.type !== 'list').map((child) => Span.fromNode(child)),
      ' '
    ).clean()
    const nested = listItem.children.filter((child): child is List => child.type === 'list')
    const at = `${pointer}/${offset + items.length}`
    if (!text.text) {
      // A bullet holding only a nested list: its bullets move up.
      for (const inner of nested) append(items, readItems(inner, pointer, offset + items.length, record))
      continue
    }
    record.mark(at, text)
    const item: Item = {text: record.value(`${at}/text`, text)}
    const children: Item[] = []
    for (const inner of nested) append(children, readItems(inner, `${at}/items`, children.length, record))
    if (children.length > 0) item.items = children
    items.push(item)
  }
  return items
}

/** Adds `items` to `list`; `push(...items)` would overflow the stack on a list of 100,000 bullets. */
function append<Value>(list: Value[], items: readonly Value[]): void {
  for (const item of items) list.push(item)
}

/** Paragraph texts of a block that is not a list; containers give their paragraphs. */
function paragraphs(node: Nodes): Span[] {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'code':
      return nonEmpty(Span.fromNode(node).clean())
    case 'table':
      return node.children.flatMap((row) =>
        nonEmpty(
          Span.join(
            row.children.map((cell) => Span.fromNode(cell).clean()),
            ' | '
          ).clean()
        )
      )
    case 'blockquote':
    case 'listItem':
      return node.children.flatMap((child) => paragraphs(child))
    case 'html':
      // Converters leave HTML tables and paragraphs: their text is kept, comments are not.
      return node.value.trimStart().startsWith('<!--')
        ? []
        : nonEmpty(htmlText(node.value, node.position?.start.offset ?? 0))
    default:
      return []
  }
}

/**
 * The text of raw HTML: tags and character references stripped, cells and
 * blocks set apart. (Written so that no expression is tried at every
 * position of a long run: a tag is looked for only before the last `>`,
 * and runs of white space and `|` are taken whole.)
 */
function htmlText(html: string, at: number): Span {
  const cells = html.replace(/<(?:\/(?:td|th|p|div|li|tr)|br\s*\/?)>/gi, ' | ')
  const close = cells.lastIndexOf('>') + 1
  const joined = (cells.slice(0, close).replace(/<[^>]*>/g, ' ') + cells.slice(close))
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/[\s|]+/g, (run) => (run.includes('|') ? ' | ' : run))
  const text = joined.slice(leadingRun(joined, /[\s|]/), joined.length - trailingRun(joined, /[\s|]/))
  return Span.fromValue(
    text,
    at,
    at + html.length,
    Array.from(text, () => at)
  ).clean()
}

function nonEmpty(span: Span): Span[] {
  return span.text ? [span] : []
}
