/**
 * Finds the title and the header block — the `Label: value` lines before the
 * first section, written as lines of a paragraph, as list items (a nested
 * list under a label holds its values) or as `## Label` headings followed by
 * their value — and reads its fields onto `file.data.header`. Header text
 * that is not a known field goes to `file.data.extra`, so nothing is lost.
 * A label about people who took part ("Observers:", "Special guests:") is
 * a participant category like "States:", which `Labels.category` reads.
 */
import type {Heading, Nodes, Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import type {Field} from '../data.js'
import type {Extra} from '../generated/information-note.js'
import {type FieldKey, type Labels, labelsOf, maxLabelWords} from '../labels.js'
import {report} from '../message.js'
import {Span} from '../span.js'
import {type Recorder, recorder} from './source-map.js'

/** `Label: value`: a short label that starts with a letter; not a URL's `https:`. */
const fieldLine = /^(\p{L}[^:\n]{0,59}?)[ \t\u00a0]*:(?!\/\/)[ \t\u00a0]*/u

/** What each field a note has once gives; a field whose parts are given already is kept in `extra`. */
const parts: Partial<Record<FieldKey, string[]>> = {
  event: ['event'],
  date: ['start', 'end'],
  startDate: ['start'],
  endDate: ['end'],
  venue: ['venue'],
  dateAndVenue: ['start', 'end', 'venue']
}

interface Line {
  span: Span
  /** The first line of its paragraph. */
  first: boolean
}

export default function extractHeader() {
  return (tree: Root, file: VFile) => {
    const record = recorder(file)
    const labels = labelsOf(file)
    // Footnotes and comments (suppression comments among them) are not header text.
    const blocks = tree.children.filter((node) => node.type !== 'footnoteDefinition' && node.type !== 'html')
    const first = blocks[0]
    const titled = first !== undefined && isTitle(first, labels)
    if (titled) {
      const title = Span.fromNode(first).clean()
      if (title.text) file.data.title = record.value('/title', title)
    } else {
      report(
        file,
        'missing-title',
        'Missing title, expected a first line like "Information Note"',
        first?.position?.start
      )
    }

    const read = lineReader()
    const header = headerBlocks(blocks.slice(titled ? 1 : 0), labels, read)
    const fields = readFields(header, labels, read)
    const given = new Set<string>()
    for (const field of fields) {
      const gives = field.key === undefined || field.key === 'category' ? undefined : parts[field.key]
      if (!gives) continue
      // A second "Event:" cannot be the event: it is kept, not merged.
      if (gives.some((part) => given.has(part))) delete field.key
      else for (const part of gives) given.add(part)
    }
    file.data.header = {
      start: header[0]?.position?.start,
      blocks: [...(titled ? [first] : []), ...header],
      fields: fields.filter((field) => field.key)
    }
    for (const field of fields) {
      if (field.key) continue
      const repeated = field.languages.length > 0
      addExtra(file, record, field.label, Span.join([field.value, ...field.items], ' '), repeated)
    }
  }
}

/**
 * Keeps header text in the record's `extra`, with an info saying so; also
 * used for text between the header and the first section.
 */
export function addExtra(
  file: VFile,
  record: Recorder,
  label: Span | undefined,
  value: Span,
  repeated = false
): void {
  const name = label?.clean()
  const text = value.clean()
  if (!name?.text && !text.text) return
  file.data.extra ??= []
  const extra = file.data.extra
  const pointer = `/extra/${extra.length}`
  const item: Extra = {}
  if (name?.text) item.label = record.value(`${pointer}/label`, name)
  if (text.text) item.value = record.value(`${pointer}/value`, text)
  const where = name?.text ? name : text
  record.mark(pointer, where)
  extra.push(item)
  const what = name?.text ? `field "${name.value}"` : `text "${clip(text.value)}"`
  const why = repeated ? 'the note has it twice' : 'it is not a header field infonote knows'
  report(file, 'unknown-field', `Kept ${what} in "extra": ${why}`, record.position(where))
}

/**
 * The blocks of the header: labelled lines, and what follows a `## Label`
 * heading; unlabelled blocks before the first label (a subtitle) too.
 */
function headerBlocks(blocks: RootContent[], labels: Labels, lines: LineReader): RootContent[] {
  const labelled = (block: RootContent) =>
    block.type === 'heading'
      ? headingField(block, labels) !== undefined
      : lines(block).some((line) => fieldLine.test(line.span.clean().text))
  // The header starts at the first label before the first section; what
  // comes before (a subtitle, even as a heading) is header text too.
  const section = blocks.findIndex((block) => block.type === 'heading' && isSection(block, labels))
  const start = blocks.slice(0, section === -1 ? undefined : section).findIndex(labelled)
  if (start === -1) return []
  const header = blocks.slice(0, start)
  let underLabel = false
  for (const block of blocks.slice(start)) {
    if (!labelled(block) && (block.type === 'heading' || !underLabel)) break
    if (block.type === 'heading') underLabel = true
    header.push(block)
  }
  return header
}

function readFields(blocks: RootContent[], labels: Labels, lines: LineReader): Field[] {
  const fields: Field[] = []
  /** The field of the last `## Label` heading: unlabelled text after it is its value. */
  let context: Field | undefined
  const read = (node: Nodes, owner: Field | undefined): void => {
    if (node.type === 'heading') {
      context = headingField(node, labels)
      fields.push(context ?? {value: Span.fromNode(node), items: [], languages: []})
    } else if (node.type === 'list') {
      for (const item of node.children) {
        const before = fields.length
        for (const child of item.children) {
          // A nested list belongs to the label its item opened, if any.
          read(child, child.type === 'list' && fields.length > before ? fields.at(-1) : owner)
        }
      }
    } else {
      const found =
        node.type === 'paragraph' || node.type === 'table'
          ? lines(node)
          : [{span: Span.fromNode(node), first: true}]
      readLines(found, owner, fields, labels)
    }
  }
  for (const block of blocks) read(block, context)
  return fields
}

/**
 * A labelled line opens a field; a line without a label (or with one
 * infonote does not know, under a `## Label` other than participants)
 * continues the field of its paragraph, else belongs to `owner`, else
 * stands alone. Under participants, an unknown label ("Languages:") is a
 * field of its own, kept in `extra`, not a participant.
 */
function readLines(lines: Line[], owner: Field | undefined, fields: Field[], labels: Labels): void {
  let current: Field | undefined
  for (const {span, first} of lines) {
    const field = toField(span, labels)
    if (field && (field.key || !owner || owner.key === 'participants')) {
      fields.push(field)
      current = field
    } else if (!span.clean().text) {
      // A blank line adds nothing.
    } else if (current && !first) {
      // Text fields join their lines; list fields take each line as items.
      current.items.push(span)
    } else if (owner) {
      owner.items.push(span)
    } else {
      fields.push({value: span, items: [], languages: []})
    }
  }
}

function toField(line: Span, labels: Labels): Field | undefined {
  const text = line.clean()
  const match = fieldLine.exec(text.text)
  if (!match?.[1]) return undefined
  const field = labelled(text.slice(0, match[1].length), text.slice(match[0].length), labels)
  // An unknown "label" of many words is a sentence with a colon.
  return field.key || match[1].split(' ').length <= maxLabelWords ? field : undefined
}

/** `## Participants` (or `## Event: Seminar …`) as a field; other headings are sections. */
function headingField(heading: Heading, labels: Labels): Field | undefined {
  const text = Span.fromNode(heading).clean()
  const field = toField(text, labels) ?? labelled(text, Span.empty(text.end), labels)
  return field.key ? field : undefined
}

function labelled(label: Span, value: Span, labels: Labels): Field {
  const field = labels.field(label.text)
  if (field) return {key: field.key, label, value, items: [], languages: field.languages}
  const category = labels.category(label.text)
  if (category) {
    return {key: 'category', category: category.key, label, value, items: [], languages: category.languages}
  }
  return {label, value, items: [], languages: []}
}

/** A heading that opens a section: numbered, or titled like one. */
function isSection(heading: Heading, labels: Labels): boolean {
  const text = Span.fromNode(heading).clean().text
  return /^\d{1,3}[.)]?\s+\S/.test(text) || labels.section(text) !== undefined
}

/** A first block that is a heading but not a label, or one short line that is not a field. */
function isTitle(node: RootContent, labels: Labels): boolean {
  if (node.type === 'heading') return !headingField(node, labels)
  if (node.type !== 'paragraph') return false
  const text = Span.fromNode(node).clean().text
  return !text.includes('\n') && text.split(' ').length <= 12 && !fieldLine.test(text)
}

/** The lines of a node, each node's read once: the header's blocks are looked at more than once. */
type LineReader = (node: Nodes) => Line[]

function lineReader(): LineReader {
  const known = new Map<Nodes, Line[]>()
  const read = (node: Nodes): Line[] => {
    const found = known.get(node) ?? lines(node, read)
    known.set(node, found)
    return found
  }
  return read
}

function lines(node: Nodes, read: LineReader): Line[] {
  switch (node.type) {
    case 'paragraph':
      return Span.fromNode(node)
        .split(/\n/g)
        .map((span, index) => ({span, first: index === 0}))
    case 'list':
    case 'listItem':
      return node.children.flatMap((child) => read(child))
    case 'table':
      // A header laid out as a table: one "Label | value" row per field.
      return node.children.map((row) => {
        const [label, ...cells] = row.children.map((cell) => Span.fromNode(cell))
        const value = Span.join(cells, ' ')
        const separator = label && !label.text.trimEnd().endsWith(':') && value.text ? ': ' : ' '
        return {span: Span.join(label ? [label, value] : [], separator), first: true}
      })
    default:
      return []
  }
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}
