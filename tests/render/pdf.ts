/**
 * Renders a note's Markdown as the PDF a word processor prints: A4, Liberation
 * Sans embedded (so every accent and dash is real text), bold labels in the
 * Bold face, superscript footnote markers, footnotes in small type at the
 * foot of the page where they are referenced, a running header and a page
 * number on every page, bulleted and numbered lists with hanging indents, and
 * at least two pages; a link's text has a link annotation with its URL, as
 * Word prints hyperlinks. Lines are set here, word by word, so each line is drawn
 * as one text item per style (as printed Word documents are) and the output
 * is the same bytes on every run.
 */
import {createRequire} from 'node:module'
import path from 'node:path'
import {crc32, deflateSync} from 'node:zlib'
import PDFDocument from 'pdfkit'
import {type Block, type Layout, layoutOf, type Run} from './layout.js'

/** How the PDF is laid out beyond the note's own blocks. */
export interface PdfOptions {
  /** Drawn at the top of every page; `''` for none. */
  runningHeader?: string
  /** The page number centred at the foot of every page (default). */
  pageNumbers?: boolean
  /** The index of the block before which a new page starts (default: about the middle). */
  pageBreakBefore?: number
  /** A user password: the PDF is encrypted. */
  encrypt?: string
}

/** The running header when none is given: a UN document symbol. */
export const defaultHeader = 'S/AC.44/2025/NOTE'
/** The PostScript names of the embedded faces, as they appear (after a subset tag) in the PDF. */
export const faces = {
  regular: 'LiberationSans-Regular',
  bold: 'LiberationSans-Bold',
  italic: 'LiberationSans-Italic',
  boldItalic: 'LiberationSans-BoldItalic'
} as const

const fontFolder = path.join(
  path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
  'standard_fonts'
)
/** A fixed date, so that the file (and its ID, made from it) never changes. */
const creationDate = new Date(Date.UTC(2025, 0, 15, 9, 30, 0))
const page = {width: 595.28, height: 841.89, margin: 72}
const body = {width: page.width - 2 * page.margin, top: page.margin, bottom: page.height - page.margin}
/** Sizes in points. */
const size = {body: 11, footnote: 9, header: 9, pageNumber: 10, heading: [14, 12, 11] as const}
const leading = {body: 13, footnote: 10.5}
/** Space after each kind of block, and before a heading. */
const gap = {paragraph: 8, item: 3, heading: 6, headingBefore: 10, footnote: 2, footnoteRule: 12}
const indentStep = 18
const bullets = ['•', 'o', '▪'] as const

type FaceName = (typeof faces)[keyof typeof faces]
/** How a piece of text is drawn. */
type Face = {font: FaceName; size: number; rise: number}
/** Text in one face; `link`: the URL of the link annotation over it. */
type Piece = {text: string; face: Face; link?: string}
/** A set line: its pieces and the footnote labels it references. */
type Line = {pieces: Piece[]; refs: string[]}
/** The size of a block's text and whether it is all bold (headings). */
type Base = {size: number; bold: boolean}
type Measure = (piece: Piece) => number

/** `markdown` as a PDF (see the module comment); deterministic. */
export function renderPdf(markdown: string, options: PdfOptions = {}): Promise<Uint8Array> {
  return renderLayoutPdf(layoutOf(markdown), options)
}

/** A layout as a PDF; `pageBreak` blocks start new pages. */
export function renderLayoutPdf(layout: Layout, options: PdfOptions = {}): Promise<Uint8Array> {
  const doc = newDocument(options.encrypt)
  const done = bytesOf(doc)
  const writer = new PageWriter(doc, layout, options)
  const blocks = withBreak(layout.blocks, options.pageBreakBefore ?? middleBreak(layout.blocks))
  blocks.forEach((block, index) => {
    writer.block(block, blocks[index + 1])
  })
  writer.close()
  doc.end()
  return done
}

/** A PDF of two "scanned" pages: images and drawings, no text at all. */
export function imageOnlyPdf(): Promise<Uint8Array> {
  const doc = newDocument(undefined)
  const done = bytesOf(doc)
  for (const seed of [1, 2]) {
    doc.addPage({size: 'A4', margin: 0})
    doc.image(scanImage(seed), 0, 0, {width: page.width, height: page.height})
    doc.rect(page.margin, page.margin - 20, 120, 8).fill('#333333')
    doc
      .moveTo(page.margin, page.height - 60)
      .lineTo(page.width - page.margin, page.height - 60)
      .stroke()
  }
  doc.end()
  return done
}

function newDocument(password: string | undefined): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    margin: 0,
    // No font here: pdfkit would keep it under its file's name, and open the
    // TrueType file again each time the registered name asks for it.
    info: {
      Title: 'Information note',
      Creator: 'infonote tests',
      Producer: 'PDFKit',
      CreationDate: creationDate
    },
    ...(password === undefined ? {} : {userPassword: password, ownerPassword: `${password}-owner`})
  })
  for (const face of Object.values(faces)) doc.registerFont(face, path.join(fontFolder, `${face}.ttf`))
  return doc
}

/** The bytes `doc` writes, once it has ended. */
function bytesOf(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
  })
}

/**
 * The block nearest the middle before which a page can end as a writer
 * would end it: not after a heading, a numbered item (a section's title) or
 * a line ending in a colon, nor between two list items.
 */
function middleBreak(blocks: readonly Block[]): number {
  const middle = Math.floor(blocks.length / 2)
  const clean = (index: number): boolean => {
    const before = blocks[index - 1]
    if (before === undefined || before.kind === 'heading' || before.kind === 'pageBreak') return false
    if (before.kind === 'item' && (before.ordered || blocks[index]?.kind === 'item')) return false
    return !before.runs.at(-1)?.text.endsWith(':')
  }
  for (let distance = 0; distance < blocks.length; distance++) {
    if (clean(middle - distance)) return middle - distance
    if (middle + distance < blocks.length && clean(middle + distance)) return middle + distance
  }
  return middle
}

function withBreak(blocks: readonly Block[], index: number): Block[] {
  if (index <= 0 || index >= blocks.length) return [...blocks]
  return [...blocks.slice(0, index), {kind: 'pageBreak'}, ...blocks.slice(index)]
}

/**
 * Writes blocks down the pages: each line goes where the last one ended, or
 * on a new page when it would run into the footnotes, which grow from the
 * foot of the page as their references are set.
 */
class PageWriter {
  private y = body.top
  private pageNumber = 0
  private empty = true
  /** Footnote lines of this page; their height is `footHeight`. */
  private foot: Line[][] = []
  private footHeight = 0
  private readonly placed = new Set<string>()
  private readonly notes: Map<string, Run[]>
  private readonly header: string
  private readonly measure: Measure

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    layout: Layout,
    private readonly options: PdfOptions
  ) {
    this.notes = new Map(layout.footnotes.map((note) => [note.label, note.runs]))
    this.header = options.runningHeader ?? defaultHeader
    this.measure = (piece) => doc.font(piece.face.font).fontSize(piece.face.size).widthOfString(piece.text)
    this.startPage()
  }

  /** Sets one block; `next` keeps a heading on the page of what follows it. */
  block(block: Block, next: Block | undefined): void {
    if (block.kind === 'pageBreak') {
      if (!this.empty) this.newPage()
      return
    }
    const {runs, base, indent, marker, after, before} = blockSetting(block)
    const lines = wrap(runs, body.width - indent, base, this.measure)
    if (block.kind === 'heading' && next) this.keepWithNext(before + lines.length * lineHeight(base))
    lines.forEach((line, index) => {
      this.line(
        line,
        page.margin + indent,
        lineHeight(base),
        index === 0 ? before : 0,
        index === 0 ? marker : undefined
      )
    })
    this.y += after
  }

  /** Sets the footnotes no line referenced, at the foot of the last page, and ends it. */
  close(): void {
    const rest = [...this.notes.keys()].filter((label) => !this.placed.has(label))
    const need = rest.reduce((sum, label) => sum + this.footnoteHeight(label), 0)
    if (rest.length > 0 && this.y + need + (this.footHeight === 0 ? gap.footnoteRule : 0) > this.bottom()) {
      this.newPage()
    }
    for (const label of rest) this.addFootnote(label)
    this.finishPage()
  }

  private keepWithNext(height: number): void {
    if (!this.empty && this.y + height + 2 * leading.body > this.bottom()) this.newPage()
  }

  private line(line: Line, x: number, height: number, before: number, marker: Piece | undefined): void {
    const notes = line.refs.filter((label) => this.notes.has(label) && !this.placed.has(label))
    const extra = notes.reduce((sum, label) => sum + this.footnoteHeight(label), 0)
    const rule = this.footHeight === 0 && extra > 0 ? gap.footnoteRule : 0
    if (!this.empty && this.y + before + height > this.bottom() - extra - rule) this.newPage()
    const top = this.empty ? this.y : this.y + before
    const baseline = top + height * 0.8
    if (marker) drawPiece(this.doc, marker, x - indentStep, baseline)
    drawLine(this.doc, line, x, baseline, this.measure)
    this.y = top + height
    this.empty = false
    for (const label of notes) this.addFootnote(label)
  }

  /** The lowest line of the body on this page, above its footnotes. */
  private bottom(): number {
    return body.bottom - this.footHeight
  }

  private footnoteLines(label: string): Line[] {
    const runs: Run[] = [{text: label, superscript: true}, {text: ' '}, ...(this.notes.get(label) ?? [])]
    return wrap(runs, body.width, {size: size.footnote, bold: false}, this.measure)
  }

  private footnoteHeight(label: string): number {
    return this.footnoteLines(label).length * leading.footnote + gap.footnote
  }

  private addFootnote(label: string): void {
    if (this.footHeight === 0) this.footHeight = gap.footnoteRule
    this.foot.push(this.footnoteLines(label))
    this.footHeight += this.footnoteHeight(label)
    this.placed.add(label)
  }

  private newPage(): void {
    this.finishPage()
    this.startPage()
  }

  private startPage(): void {
    this.doc.addPage({size: 'A4', margin: 0})
    this.pageNumber++
    this.y = body.top
    this.empty = true
    this.foot = []
    this.footHeight = 0
    if (this.header === '') return
    const piece = {text: this.header, face: {font: faces.regular, size: size.header, rise: 0}}
    drawPiece(this.doc, piece, page.width - page.margin - this.measure(piece), page.margin - 30)
  }

  private finishPage(): void {
    this.drawFootnotes()
    if (this.options.pageNumbers === false) return
    const piece = {text: String(this.pageNumber), face: {font: faces.regular, size: size.pageNumber, rise: 0}}
    drawPiece(this.doc, piece, (page.width - this.measure(piece)) / 2, page.height - 36)
  }

  /** The footnotes at the foot of the page under a short rule, the last line on the bottom margin. */
  private drawFootnotes(): void {
    if (this.foot.length === 0) return
    let top = body.bottom - this.footHeight
    this.doc
      .moveTo(page.margin, top + 4)
      .lineTo(page.margin + 144, top + 4)
      .lineWidth(0.5)
      .stroke()
    top += gap.footnoteRule
    for (const lines of this.foot) {
      for (const line of lines) {
        drawLine(this.doc, line, page.margin, top + leading.footnote * 0.8, this.measure)
        top += leading.footnote
      }
      top += gap.footnote
    }
  }
}

/** How a block is set: its runs, size, indent, list marker and spacing. */
function blockSetting(block: Exclude<Block, {kind: 'pageBreak'}>): {
  runs: Run[]
  base: Base
  indent: number
  marker: Piece | undefined
  before: number
  after: number
} {
  const plain = {size: size.body, bold: false}
  switch (block.kind) {
    case 'heading': {
      const headingSize = size.heading[Math.min(block.depth, size.heading.length) - 1] ?? size.body
      const base = {size: headingSize, bold: true}
      return {
        runs: block.runs,
        base,
        indent: 0,
        marker: undefined,
        before: gap.headingBefore,
        after: gap.heading
      }
    }
    case 'item': {
      const indent = indentStep * (block.level + 1)
      const text = block.ordered
        ? `${block.number ?? 1}.`
        : (bullets[Math.min(block.level, bullets.length - 1)] ?? '•')
      const marker = {text, face: {font: faces.regular, size: size.body, rise: 0}}
      return {runs: block.runs, base: plain, indent, marker, before: 0, after: gap.item}
    }
    default:
      return {runs: block.runs, base: plain, indent: 0, marker: undefined, before: 0, after: gap.paragraph}
  }
}

function lineHeight(base: Base): number {
  return base.size === size.footnote ? leading.footnote : Math.max(leading.body, base.size * 1.2)
}

/** The face of a run in a block of `base`: superscripts about two thirds the size, raised a third. */
function faceOf(run: Run, base: Base): Face {
  const bold = base.bold || run.bold === true
  const font = bold ? (run.italic ? faces.boldItalic : faces.bold) : run.italic ? faces.italic : faces.regular
  if (!run.superscript) return {font, size: base.size, rise: 0}
  const small = base.size <= size.footnote ? 6 : Math.round(base.size * 0.64)
  return {font, size: small, rise: base.size <= size.footnote ? 3 : Math.round(base.size * 0.36)}
}

/** A word: pieces with no space between them (`Note` and its marker `1`). */
type Unit = {kind: 'word'; pieces: Piece[]} | {kind: 'space'; piece: Piece} | {kind: 'break'}

/** Breaks runs into lines at spaces, each line no wider than `width` (a longer word gets a line of its own). */
function wrap(runs: readonly Run[], width: number, base: Base, measure: Measure): Line[] {
  const lines: Line[] = []
  let current: Piece[] = []
  let used = 0
  let space: Piece | undefined
  const push = (): void => {
    lines.push(toLine(current))
    current = []
    used = 0
    space = undefined
  }
  for (const unit of unitsOf(runs, base)) {
    if (unit.kind === 'break') push()
    else if (unit.kind === 'space') space = current.length > 0 ? unit.piece : undefined
    else {
      const wordWidth = unit.pieces.reduce((sum, piece) => sum + measure(piece), 0)
      const spaceWidth = space ? measure(space) : 0
      if (current.length > 0 && used + spaceWidth + wordWidth > width) push()
      else if (space) {
        current.push(space)
        used += spaceWidth
      }
      current.push(...unit.pieces)
      used += wordWidth
      space = undefined
    }
  }
  if (current.length > 0 || lines.length === 0) push()
  return lines
}

/** The words, spaces and line breaks of `runs`. */
function unitsOf(runs: readonly Run[], base: Base): Unit[] {
  const units: Unit[] = []
  for (const run of runs) {
    if (run.text === '\n') {
      units.push({kind: 'break'})
      continue
    }
    const face = faceOf(run, base)
    const piece = (text: string): Piece =>
      run.link === undefined ? {text, face} : {text, face, link: run.link}
    // Composed: the embedded fonts have no combining marks, and Word shows `é` written as `e` + U+0301 as `é`.
    for (const part of run.text.normalize('NFC').split(/( +)/)) {
      if (part === '') continue
      const last = units[units.length - 1]
      if (part.startsWith(' ')) units.push({kind: 'space', piece: piece(' ')})
      else if (last?.kind === 'word') last.pieces.push(piece(part))
      else units.push({kind: 'word', pieces: [piece(part)]})
    }
  }
  return units
}

/** A line of pieces, neighbours of one face joined; its superscripts are the footnotes it references. */
function toLine(pieces: readonly Piece[]): Line {
  const joined: Piece[] = []
  for (const piece of pieces) {
    const last = joined[joined.length - 1]
    if (last && sameFace(last.face, piece.face) && last.link === piece.link) last.text += piece.text
    else joined.push({...piece})
  }
  return {pieces: joined, refs: joined.filter((piece) => piece.face.rise > 0).map((piece) => piece.text)}
}

function sameFace(a: Face, b: Face): boolean {
  return a.font === b.font && a.size === b.size && a.rise === b.rise
}

function drawLine(doc: PDFKit.PDFDocument, line: Line, x: number, baseline: number, measure: Measure): void {
  let left = x
  for (const piece of line.pieces) {
    drawPiece(doc, piece, left, baseline)
    const width = measure(piece)
    if (piece.link) doc.link(left, baseline - piece.face.size * 0.9, width, piece.face.size * 1.1, piece.link)
    left += width
  }
}

function drawPiece(doc: PDFKit.PDFDocument, piece: Piece, x: number, baseline: number): void {
  doc
    .font(piece.face.font)
    .fontSize(piece.face.size)
    .text(piece.text, x, baseline - piece.face.rise, {lineBreak: false, baseline: 'alphabetic'})
}

/**
 * A grey page "scan" as a PNG: bars where lines of text would be, with
 * deterministic speckles, so the image is not blank.
 */
function scanImage(seed: number): Buffer {
  const width = 298
  const height = 421
  const rows: Buffer[] = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(width + 1, 0xff)
    row[0] = 0 // PNG filter: none
    const inText = y > 40 && y < height - 40 && y % 9 < 4
    for (let x = 36; x < width - 36 && inText; x++)
      row[x + 1] = (x * 7 + y * 13 * seed) % 11 < 8 ? 0x30 : 0xd0
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 0, 0, 0, 0], 8) // 8-bit grey, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0))
  ])
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}
