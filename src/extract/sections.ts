/**
 * The numbered sections: each heading after the header opens one; its
 * bullets become `items` (nested bullets kept), everything else `paragraphs`.
 */
import type {Heading, List, Nodes, Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Item, Section} from '../generated/information-note.js'
import {matchSection} from '../labels.js'
import {report} from '../message.js'
import {Span} from '../span.js'
import {type Recorder, recorder} from './source-map.js'

const numbered = /^(\d{1,3})\s*[.)]?\s+(\S.*)$/

export default function extractSections() {
  return (tree: Root, file: VFile) => {
    const record = recorder(file)
    const skip = new Set<Nodes>(file.data.header?.blocks)
    const sections: Section[] = []
    for (const node of tree.children) {
      if (skip.has(node) || node.type === 'footnoteDefinition') continue
      if (node.type === 'heading') {
        sections.push(readHeading(node, `/sections/${sections.length}`, sections.at(-1), record))
        continue
      }
      const section = sections.at(-1)
      const pointer = `/sections/${sections.length - 1}`
      if (!section) {
        report(
          file,
          'unknown-field',
          `Unexpected text "${clip(Span.fromNode(node).clean().text)}" before the first section, expected a header field or a section heading`,
          node.position
        )
      } else if (node.type === 'list') {
        section.items.push(...readItems(node, `${pointer}/items`, section.items.length, record))
      } else {
        for (const paragraph of paragraphs(node)) {
          section.paragraphs.push(
            record.value(`${pointer}/paragraphs/${section.paragraphs.length}`, paragraph)
          )
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

function readHeading(
  heading: Heading,
  pointer: string,
  previous: Section | undefined,
  record: Recorder
): Section {
  const text = Span.fromNode(heading).clean()
  const match = numbered.exec(text.text)
  const title = match?.[2] ? text.slice(text.text.length - match[2].length) : text
  const clean = title.slice(0, title.text.length - (/[\s:.]*$/.exec(title.text)?.[0].length ?? 0))
  for (const key of ['', '/number', '/kind']) record.mark(`${pointer}${key}`, text)
  return {
    number: match?.[1] ? Number(match[1]) : (previous?.number ?? 0) + 1,
    title: record.value(`${pointer}/title`, clean),
    kind: matchSection(clean.text)?.key ?? 'other',
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
      for (const inner of nested) items.push(...readItems(inner, pointer, offset + items.length, record))
      continue
    }
    record.mark(at, text)
    const item: Item = {text: record.value(`${at}/text`, text)}
    const children: Item[] = []
    for (const inner of nested) children.push(...readItems(inner, `${at}/items`, children.length, record))
    if (children.length > 0) item.items = children
    items.push(item)
  }
  return items
}

/** Paragraph texts of a block that is not a list; containers give their paragraphs. */
function paragraphs(node: Nodes): Span[] {
  switch (node.type) {
    case 'paragraph':
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
    default:
      return []
  }
}

function nonEmpty(span: Span): Span[] {
  return span.text ? [span] : []
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}
