/**
 * Reading a PDF: pdf.js (its legacy build, the one for Node) gives each
 * page's text items with their place, size and font; the page's lines are
 * rebuilt from them one page at a time, so a long PDF never holds more
 * than one page's items beside the lines already read.
 *
 * pdf.js is loaded when the first PDF is read, so a batch of Markdown
 * notes never pays for it, and everything it needs (fonts, character
 * maps) comes from its own package: nothing is fetched.
 */
import {createRequire} from 'node:module'
import path from 'node:path'
import type {TextItem} from 'pdfjs-dist/types/src/display/api.js'
import {type Glyph, linesOf, type PageLine} from './pdf-lines.js'
import {linked, linksOf} from './pdf-links.js'
import {UnreadableDocument} from './unreadable.js'

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
let loaded: Promise<PdfJs> | undefined

/** pdf.js, with its worker's code run in this thread (Node has no web workers). */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    ;(globalThis as {pdfjsWorker?: unknown}).pdfjsWorker = worker
    return import('pdfjs-dist/legacy/build/pdf.mjs')
  })()
  return loaded
}

/** A folder of pdf.js's package, as pdf.js reads it in Node: a path ending in `/`. */
function packageFolder(name: string): string {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
  return `${path.join(root, name)}/`
}

/** The text lines of every page of the PDF in `bytes`, in page order. */
export async function pdfLines(bytes: Uint8Array): Promise<PageLine[][]> {
  const {getDocument} = await pdfjs()
  const task = getDocument({
    // pdf.js takes the buffer over: it gets a copy.
    data: bytes.slice(),
    standardFontDataUrl: packageFolder('standard_fonts'),
    cMapUrl: packageFolder('cmaps'),
    cMapPacked: true,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0
  })
  let document: Awaited<typeof task.promise>
  try {
    document = await task.promise
  } catch (error) {
    await task.destroy()
    throw asUnreadable(error)
  }
  try {
    const pages: PageLine[][] = []
    const styles: Styles = new Map()
    for (let number = 1; number <= document.numPages; number++)
      pages.push(await pageLines(document, number, styles))
    if (pages.every((lines) => lines.length === 0)) {
      throw new UnreadableDocument(
        'no-text-layer',
        'Unexpected PDF with no text, only images: run OCR on it first (for example `ocrmypdf`), then read the result'
      )
    }
    return pages
  } catch (error) {
    throw error instanceof UnreadableDocument ? error : asUnreadable(error)
  } finally {
    await document.destroy()
  }
}

type Document = Awaited<ReturnType<PdfJs['getDocument']>['promise']>

/** Bold and italic, by pdf.js's name of each font of a document. */
type Styles = Map<string, {bold: boolean; italic: boolean}>

/** One page's lines; the page's items are let go before the next page. */
async function pageLines(document: Document, number: number, styles: Styles): Promise<PageLine[]> {
  const page = await document.getPage(number)
  try {
    const {items} = await page.getTextContent()
    const texts = items.filter((item) => 'str' in item && item.str.trim() !== '') as TextItem[]
    // A scanned page: its images are not decoded for nothing.
    if (texts.length === 0) return []
    const links = linksOf(await page.getAnnotations())
    // A font's name (which says Bold) is known once a page that uses it has had its operators read.
    if (texts.some((item) => !styles.has(item.fontName))) {
      await page.getOperatorList()
      for (const {fontName} of texts) {
        if (!styles.has(fontName))
          styles.set(
            fontName,
            styleOf(page.commonObjs.has(fontName) ? page.commonObjs.get(fontName) : undefined)
          )
      }
    }
    const glyphs: Glyph[] = []
    for (const item of texts) {
      const [a, b, c, d, x, y] = item.transform as [number, number, number, number, number, number]
      // Rotated text (stamps, watermarks, vertical margins) is not part of the note.
      if (Math.abs(b) > 0.01 || Math.abs(c) > 0.01 || a <= 0) continue
      const style = styles.get(item.fontName) ?? {bold: false, italic: false}
      const glyph: Glyph = {text: item.str, x, y, width: item.width, size: Math.abs(d), ...style}
      glyphs.push(...linked(glyph, links))
    }
    return linesOf(glyphs, number)
  } finally {
    page.cleanup()
  }
}

/** Bold and italic, from the font's name (`Arial-BoldMT`, `Calibri-Semibold`) or its flags. */
function styleOf(font: {name?: string; bold?: boolean; black?: boolean; italic?: boolean} | undefined): {
  bold: boolean
  italic: boolean
} {
  const name = font?.name ?? ''
  return {
    bold: Boolean(font?.bold || font?.black) || /bold|black|heavy|semi-?bold|demi/i.test(name),
    italic: Boolean(font?.italic) || /italic|oblique/i.test(name)
  }
}

/** pdf.js's exceptions, as the rule they are. */
function asUnreadable(error: unknown): UnreadableDocument {
  const name = (error as {name?: string} | undefined)?.name
  const message = String((error as {message?: string} | undefined)?.message ?? error)
  if (name === 'PasswordException')
    return new UnreadableDocument(
      'encrypted-file',
      'Unexpected PDF protected by a password, expected one anyone can open: save an unprotected copy and read that'
    )
  return new UnreadableDocument(
    'unreadable-file',
    `Unexpected PDF that cannot be read (${message.replace(/\.$/, '')}), expected a whole, valid PDF`
  )
}
