/**
 * Page furniture of a PDF: the lines printed for the page, not for the
 * note. It is looked for in a page's margins, the few lines at its top and
 * foot set apart from its text by a gap: a page number (`3`, `- 3 -`,
 * `Page 3 of 4`, `Página 3`), and running headers and footers: the same
 * text (numbers aside) at the same height on two or more pages, or a line
 * in small type at the very top or foot.
 */
import type {PageLine} from './pdf-lines.js'
import {plainText} from './pdf-text.js'

/** Lines at each end of a page where furniture is looked for. */
const edge = 3
/** The least gap, in type sizes of the text, between a margin and the text. */
const margin = 2

const pageNumber =
  /^(?:(?:page|página|pág\.?|p\.)\s*)?[-–—]?\s*\d{1,3}\s*[-–—]?(?:\s*(?:of|de|sur|\/)\s*\d{1,3})?$/i

/** The lines of `pages` that are furniture, on pages whose text is mostly in type of `size`. */
export function furnitureOf(pages: readonly (readonly PageLine[])[], size: number): Set<PageLine> {
  const furniture = new Set<PageLine>(pages.flatMap((lines) => apart(lines, size)))
  const seen = new Map<string, PageLine[]>()
  for (const lines of pages) {
    for (const line of marginsOf(lines, size)) {
      const text = plainText(line).trim()
      if (pageNumber.test(text)) furniture.add(line)
      const key = `${Math.round(line.y / 3)}:${text.replace(/\d+/g, '#').toLowerCase()}`
      const same = seen.get(key) ?? []
      // One line a page: a key seen twice on one page is not a page's furniture.
      if (!same.some((other) => other.page === line.page)) same.push(line)
      seen.set(key, same)
    }
  }
  for (const same of seen.values()) {
    if (same.length >= 2) for (const line of same) furniture.add(line)
  }
  return furniture
}

/**
 * The lines of a page's margins: those above the first wide gap among its
 * first lines, and below the last wide gap among its last lines.
 */
function marginsOf(lines: readonly PageLine[], size: number): PageLine[] {
  const wide = (index: number) => {
    const [above, below] = [lines[index], lines[index + 1]]
    return above !== undefined && below !== undefined && above.y - below.y > margin * size
  }
  const top = Array.from({length: edge}, (_, index) => index).find(wide)
  const foot = Array.from({length: edge}, (_, index) => lines.length - 2 - index).find(wide)
  const head = top === undefined ? [] : lines.slice(0, top + 1)
  const tail = foot === undefined ? [] : lines.slice(Math.max(foot + 1, head.length))
  return [...head, ...tail]
}

/**
 * A line in smaller type at the very top or foot of a page, set well apart
 * from the text: a running header or footer, even on a note of one page (a
 * footnote, which starts with its number, is not one).
 */
function apart(lines: readonly PageLine[], size: number): PageLine[] {
  const [first, second] = lines
  const [beforeLast, last] = lines.slice(-2)
  const isApart = (line: PageLine | undefined, other: PageLine | undefined): line is PageLine =>
    line !== undefined &&
    other !== undefined &&
    line.size < 0.92 * size &&
    Math.abs(line.y - other.y) > 2.5 * size &&
    !/^\s*\d/.test(plainText(line)) &&
    !line.runs[0]?.superscript
  return [...(isApart(first, second) ? [first] : []), ...(isApart(last, beforeLast) ? [last] : [])]
}
