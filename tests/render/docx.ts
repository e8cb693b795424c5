/**
 * Renders a note's Markdown as the Word file its author would have written:
 * bold, italic and superscript runs, Heading 1–3 styles, bulleted and
 * numbered lists (Word numbering, two levels and more), real Word footnotes
 * at their references, and the running header and page number in the
 * header and footer. A paragraph whose lines each open with a bold label
 * (the header's one label per line) becomes a paragraph a line, as a writer
 * presses Enter after each label; other line breaks stay line breaks.
 * Links are hyperlinks. The file is the same bytes on every run.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
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
import {unzip, zip} from './zip.js'

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
  const referenced = layout.footnotes.filter((note) => notes.referenced.has(note.label))
  for (const note of layout.footnotes) if (!referenced.includes(note)) body.push(footnoteAsText(note))
  const doc = new Document({
    creator: 'infonote tests',
    title: 'Information note',
    styles: {default: {document: {run: {font: 'Liberation Sans', size: 22}}}},
    numbering: {config: numberingConfig(numbers)},
    footnotes: Object.fromEntries(
      referenced.map((note) => [notes.ids.get(note.label), {children: [paragraph(note.runs, noNotes(), {})]}])
    ),
    sections: [{properties: {page: {size: {width: 11906, height: 16838}}}, ...furniture(), children: body}]
  })
  return fixed(new Uint8Array(await Packer.toBuffer(doc)))
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
      // A line that opens with a bold label is a paragraph of its own; other lines are line breaks.
      if (!lines.slice(1).every((runs) => runs[0]?.bold)) {
        return [paragraph(block.runs, notes, {spacing: {after: after.paragraph}})]
      }
      return lines.map((runs, index) =>
        paragraph(runs, notes, {spacing: {after: index === lines.length - 1 ? after.paragraph : after.line}})
      )
    }
  }
}

type ParagraphOptions = Omit<ConstructorParameters<typeof Paragraph>[0] & object, 'children'>

/** A paragraph of runs; a superscript that labels a footnote is Word's reference to it. */
function paragraph(runs: readonly Run[], notes: Notes, options: ParagraphOptions): Paragraph {
  const children: ParagraphChild[] = []
  let from = 0
  while (from < runs.length) {
    const link = runs[from]?.link
    let to = from + 1
    while (to < runs.length && link !== undefined && runs[to]?.link === link) to++
    const group = runs.slice(from, to).map((run) => childOf(run, notes))
    children.push(...(link === undefined ? group : [new ExternalHyperlink({link, children: group})]))
    from = to
  }
  return new Paragraph({...options, children})
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

/**
 * The package with what docx takes from the clock or from chance made
 * fixed: the document's dates, the random ids of hyperlink relationships
 * (renamed `rIdLink1` … in order), and the zip entries' times.
 */
function fixed(docx: Uint8Array): Uint8Array {
  const files = unzip(docx)
  const random = [...files]
    .filter(([name]) => name.endsWith('.rels'))
    .flatMap(([, data]) =>
      [...data.toString('utf8').matchAll(/Id="([^"]+)"/g)].map((match) => match[1] ?? '')
    )
    .filter((id) => !/^rId\d+$/.test(id))
  const ids = new Map(random.map((id, index) => [`"${id}"`, `"rIdLink${index + 1}"`]))
  for (const [name, data] of files) {
    if (!/\.(xml|rels)$/.test(name)) continue
    let text = data.toString('utf8')
    for (const [from, to] of ids) text = text.replaceAll(from, to)
    if (name === 'docProps/core.xml')
      text = text.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${created}`)
    files.set(name, Buffer.from(text, 'utf8'))
  }
  return zip(files)
}
