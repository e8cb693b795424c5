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
import {type Glyph, linesOf, type PageLine} from './pdf-lines.js'
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
    for (let number = 1; number <= document.numPages; number++) pages.push(await pageLines(document, number))
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

/** One page's lines; the page's items and fonts are let go before the next page. */
async function pageLines(document: Document, number: number): Promise<PageLine[]> {
  const page = await document.getPage(number)
  try {
    const content = await page.getTextContent()
    const links = linksOf(await page.getAnnotations())
    // The fonts' names (which say Bold) are known once the page's operators are read.
    await page.getOperatorList()
    const fonts = new Map<string, {bold: boolean; italic: boolean}>()
    const glyphs: Glyph[] = []
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue
      const [a, b, c, d, x, y] = item.transform as number[]
      // Rotated text (stamps, watermarks, vertical margins) is not part of the note.
      if (Math.abs(b ?? 0) > 0.01 || Math.abs(c ?? 0) > 0.01 || (a ?? 0) <= 0) continue
      let font = fonts.get(item.fontName)
      if (!font) {
        font = styleOf(page.commonObjs.has(item.fontName) ? page.commonObjs.get(item.fontName) : undefined)
        fonts.set(item.fontName, font)
      }
      const glyph: Glyph = {
        text: item.str,
        x: x ?? 0,
        y: y ?? 0,
        width: item.width,
        size: Math.abs(d ?? 0),
        ...font
      }
      glyphs.push(...linked(glyph, links))
    }
    return linesOf(glyphs, number)
  } finally {
    page.cleanup()
  }
}

/** A link annotation: its rectangle (left, bottom, right, top) and its URL. */
interface LinkArea {
  box: [number, number, number, number]
  url: string
}

/** The page's links to the web or to an e-mail address. */
function linksOf(annotations: {subtype?: string; url?: string; rect?: number[]}[]): LinkArea[] {
  return annotations.flatMap((annotation) => {
    const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = annotation.rect ?? []
    const box: LinkArea['box'] = [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)]
    return annotation.subtype === 'Link' && annotation.url ? [{box, url: annotation.url}] : []
  })
}

/**
 * `glyph`, cut where a link starts and ends over it: an item often holds a
 * whole line, of which a link covers some words. Letters are taken as of
 * equal width, and each cut moved to the nearest space.
 */
function linked(glyph: Glyph, links: readonly LinkArea[]): Glyph[] {
  const link = links.find(({box: [left, bottom, right, top]}) => {
    return glyph.y >= bottom && glyph.y <= top && left < glyph.x + glyph.width && right > glyph.x
  })
  if (!link) return [glyph]
  const [left, , right] = link.box
  const perLetter = glyph.width / Math.max(1, glyph.text.length)
  // The address itself, when the item prints it, is where the link is.
  const address = link.url.replace(/^mailto:/, '').replace(/\/$/, '')
  const printed = glyph.text.indexOf(address)
  const from = printed >= 0 ? printed : nearSpace(glyph.text, Math.round((left - glyph.x) / perLetter))
  const to =
    printed >= 0
      ? printed + address.length + (glyph.text.charAt(printed + address.length) === '/' ? 1 : 0)
      : nearSpace(glyph.text, Math.round((right - glyph.x) / perLetter))
  const piece = (start: number, end: number, url?: string): Glyph[] =>
    end > start
      ? [
          {
            ...glyph,
            text: glyph.text.slice(start, end),
            x: glyph.x + start * perLetter,
            width: (end - start) * perLetter,
            ...(url ? {link: url} : {})
          }
        ]
      : []
  const rest =
    to < glyph.text.length
      ? linked(
          piece(to, glyph.text.length)[0] ?? glyph,
          links.filter((other) => other !== link)
        )
      : []
  return [...piece(0, from), ...piece(from, to, link.url), ...rest]
}

/** The index nearest `at` (within 3 letters) where a word starts or ends; `at` kept within the text. */
function nearSpace(text: string, at: number): number {
  const within = Math.min(text.length, Math.max(0, at))
  for (let distance = 0; distance <= 3; distance++) {
    for (const candidate of [within - distance, within + distance]) {
      if (candidate <= 0 || candidate >= text.length) return Math.min(text.length, Math.max(0, candidate))
      if (/\s/.test(text.charAt(candidate)) !== /\s/.test(text.charAt(candidate - 1))) return candidate
    }
  }
  return within
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
