/**
 * Renders a note's Markdown as the Word file its author would have written:
 * bold, italic and superscript runs, Heading 1–3 styles, bulleted and
 * numbered lists (Word numbering, two levels and more), real Word footnotes
 * at their references, and the running header and page number in the
 * header and footer. A paragraph's line breaks (the header's one label per
 * line) become paragraphs of their own, as a writer presses Enter after
 * each label; in list items, headings and footnotes they are line breaks.
 * The file is the same bytes on every run: fixed document dates, and the
 * zip entries' times set to 1980-01-01.
 */
import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  type ILevelsOptions,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  TextRun
} from 'docx'
import {type Block, type Layout, layoutOf, type Run} from './layout.js'
import {defaultHeader} from './pdf.js'

/** Footnote ids by label, and the labels already referenced (Word references a footnote once). */
type Notes = {ids: Map<string, number>; referenced: Set<string>}

const created = '2025-01-15T09:30:00Z'
const bullets = ['•', 'o', '▪'] as const
const listLevels = 3
const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const
/** Space after a paragraph, in twentieths of a point. */
const after = {paragraph: 160, item: 60, line: 0}

/** `markdown` as a .docx file (see the module comment); deterministic. */
export function renderDocx(markdown: string): Promise<Uint8Array> {
  return renderLayoutDocx(layoutOf(markdown))
}

/** A layout as a .docx file; `pageBreak` blocks are page breaks. */
export async function renderLayoutDocx(layout: Layout): Promise<Uint8Array> {
  const notes: Notes = {ids: footnoteIds(layout), referenced: new Set()}
  const numbers = numberingOf(layout.blocks)
  const body = layout.blocks.flatMap((block, index) => paragraphsOf(block, numbers.byBlock.get(index), notes))
  const unreferenced = layout.footnotes.filter((note) => !notes.referenced.has(note.label))
  for (const note of unreferenced) body.push(footnoteAsText(note))
  const doc = new Document({
    creator: 'infonote tests',
    title: 'Information note',
    styles: {default: {document: {run: {font: 'Liberation Sans', size: 22}}}},
    numbering: {config: numberingConfig(numbers)},
    footnotes: Object.fromEntries(
      layout.footnotes.map((note) => [
        notes.ids.get(note.label),
        {children: [paragraph(note.runs, noNotes(), {})]}
      ])
    ),
    sections: [{properties: {page: {size: {width: 11906, height: 16838}}}, ...furniture(), children: body}]
  })
  const bytes = await Packer.toBuffer(doc, false, [{path: 'docProps/core.xml', data: coreProperties()}])
  return fixZipTimes(new Uint8Array(bytes))
}

/** The running header (right) and the page number (centred at the foot) of every page. */
function furniture(): {headers: {default: Header}; footers: {default: Footer}} {
  const symbol = new TextRun({text: defaultHeader, size: 18})
  const pageNumber = new TextRun({children: [PageNumber.CURRENT]})
  return {
    headers: {
      default: new Header({children: [new Paragraph({alignment: AlignmentType.RIGHT, children: [symbol]})]})
    },
    footers: {
      default: new Footer({
        children: [new Paragraph({alignment: AlignmentType.CENTER, children: [pageNumber]})]
      })
    }
  }
}

/** The Word paragraphs of one block; `numbering` is an item's list. */
function paragraphsOf(block: Block, numbering: string | undefined, notes: Notes): Paragraph[] {
  switch (block.kind) {
    case 'pageBreak':
      return [new Paragraph({children: [new PageBreak()]})]
    case 'heading': {
      const heading = headingLevels[Math.min(block.depth, headingLevels.length) - 1] ?? HeadingLevel.HEADING_3
      return [paragraph(block.runs, notes, {heading, spacing: {before: 200, after: 120}})]
    }
    case 'item': {
      const level = Math.min(block.level, listLevels - 1)
      return [
        paragraph(block.runs, notes, {
          numbering: {reference: numbering ?? 'bullets', level},
          spacing: {after: after.item}
        })
      ]
    }
    default: {
      const lines = splitLines(block.runs)
      return lines.map((runs, index) =>
        paragraph(runs, notes, {spacing: {after: index === lines.length - 1 ? after.paragraph : after.line}})
      )
    }
  }
}

type ParagraphOptions = Omit<ConstructorParameters<typeof Paragraph>[0] & object, 'children'>

/** A paragraph of runs; a superscript that labels a footnote is Word's reference to it. */
function paragraph(runs: readonly Run[], notes: Notes, options: ParagraphOptions): Paragraph {
  return new Paragraph({...options, children: runs.map((run) => childOf(run, notes))})
}

function childOf(run: Run, notes: Notes): ParagraphChild {
  if (run.text === '\n') return new TextRun({break: 1})
  const id = run.superscript ? notes.ids.get(run.text) : undefined
  if (id !== undefined && !notes.referenced.has(run.text)) {
    notes.referenced.add(run.text)
    return new FootnoteReferenceRun(id)
  }
  return new TextRun({
    text: run.text,
    ...(run.bold ? {bold: true} : {}),
    ...(run.italic ? {italics: true} : {}),
    ...(run.superscript ? {superScript: true} : {})
  })
}

/** A footnote no text refers to, as a plain paragraph after the body, its marker raised. */
function footnoteAsText(note: Layout['footnotes'][number]): Paragraph {
  const runs = [new TextRun({text: note.label, superScript: true}), new TextRun({text: ' ', size: 18})]
  return new Paragraph({
    children: [...runs, ...note.runs.map((run) => new TextRun({text: run.text, size: 18}))]
  })
}

/** No footnotes: a footnote's own superscripts stay text (Word has no footnotes in footnotes). */
function noNotes(): Notes {
  return {ids: new Map(), referenced: new Set()}
}

/** Footnote ids in the order of their first references, as Word numbers them; unreferenced ones last. */
function footnoteIds(layout: Layout): Map<string, number> {
  const labels = new Set(layout.footnotes.map((note) => note.label))
  const referenced = layout.blocks.flatMap((block) =>
    'runs' in block
      ? block.runs.filter((run) => run.superscript && labels.has(run.text)).map((run) => run.text)
      : []
  )
  const order = [...new Set([...referenced, ...labels])]
  return new Map(order.map((label, index) => [label, index + 1]))
}

/** The runs of each line. */
function splitLines(runs: readonly Run[]): Run[][] {
  const lines: Run[][] = [[]]
  for (const run of runs) {
    if (run.text === '\n') lines.push([])
    else lines[lines.length - 1]?.push(run)
  }
  return lines
}

/** Numbered lists: the list of each numbered item by block index, and where each list starts. */
type Numbering = {byBlock: Map<number, string>; lists: {reference: string; level: number; start: number}[]}

/**
 * The Word list of each numbered item: a list goes on while its numbers
 * follow on at its level (`1.` … `2.` with bullets and paragraphs between is
 * one list), and a new one starts at the item's number otherwise. Bullets
 * are all one list.
 */
function numberingOf(blocks: readonly Block[]): Numbering {
  const numbering: Numbering = {byBlock: new Map(), lists: []}
  const open: {reference: string; last: number}[] = []
  blocks.forEach((block, index) => {
    if (block.kind !== 'item') return
    const level = Math.min(block.level, listLevels - 1)
    open.length = Math.min(open.length, level + 1)
    if (!block.ordered) return
    const number = block.number ?? 1
    let list = open[level]
    if (list?.last === number - 1) list.last = number
    else {
      list = {reference: `numbers-${numbering.lists.length + 1}`, last: number}
      open[level] = list
      numbering.lists.push({reference: list.reference, level, start: number})
    }
    numbering.byBlock.set(index, list.reference)
  })
  return numbering
}

/** The bullet list and each numbered list, starting at its first number. */
function numberingConfig(numbering: Numbering): {reference: string; levels: ILevelsOptions[]}[] {
  const bulletLevels = bullets.map((text, level) => levelOf(level, LevelFormat.BULLET, text, 1))
  const numbered = numbering.lists.map(({reference, level, start}) => {
    const levels = Array.from({length: listLevels}, (_, at) =>
      levelOf(at, LevelFormat.DECIMAL, `%${at + 1}.`, at === level ? start : 1)
    )
    return {reference, levels}
  })
  return [{reference: 'bullets', levels: bulletLevels}, ...numbered]
}

function levelOf(
  level: number,
  format: (typeof LevelFormat)[keyof typeof LevelFormat],
  text: string,
  start: number
): ILevelsOptions {
  const indent = {left: 360 * (level + 1), hanging: 360}
  return {level, format, text, start, alignment: AlignmentType.LEFT, style: {paragraph: {indent}}}
}

/** docProps/core.xml with fixed dates (docx writes the time of the run). */
function coreProperties(): string {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '<dc:title>Information note</dc:title><dc:creator>infonote tests</dc:creator>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>`,
    '</cp:coreProperties>'
  ].join('')
}

/**
 * Sets the time of every entry of a zip file to 1980-01-01 00:00, in the
 * central directory and in each local header (the zip writer takes the
 * clock's time); nothing else in the file depends on it.
 */
function fixZipTimes(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  let end = zip.length - 22
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--
  if (end < 0) throw new Error('Not a zip file: no end of central directory')
  const entries = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  for (let entry = 0; entry < entries; entry++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`Not a central directory entry at ${at}`)
    setDosTime(view, at + 12)
    setDosTime(view, view.getUint32(at + 42, true) + 10)
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return zip
}

/** Time 00:00:00, date 1980-01-01, as MS-DOS writes them. */
function setDosTime(view: DataView, offset: number): void {
  view.setUint16(offset, 0, true)
  view.setUint16(offset + 2, (1 << 5) | 1, true)
}
