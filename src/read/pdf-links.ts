/**
 * The links of a PDF page (annotations over text, as Word prints its
 * hyperlinks), put on the text items they cover.
 */
import type {Glyph} from './pdf-lines.js'

/** A link annotation: its rectangle (left, bottom, right, top) and its URL. */
export interface LinkArea {
  box: [number, number, number, number]
  url: string
}

/** The page's links to the web or to an e-mail address. */
export function linksOf(annotations: {subtype?: string; url?: string; rect?: number[]}[]): LinkArea[] {
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
export function linked(glyph: Glyph, links: readonly LinkArea[]): Glyph[] {
  const link = links.find(({box: [left, bottom, right, top]}) => {
    return glyph.y >= bottom && glyph.y <= top && left < glyph.x + glyph.width && right > glyph.x
  })
  if (!link) return [glyph]
  const [left, , right] = link.box
  const perLetter = glyph.width / Math.max(1, glyph.text.length)
  // The address itself, when the item prints it, is where the link is.
  const address = link.url.replace(/^mailto:/, '').replace(/\/$/, '')
  const printed = glyph.text.indexOf(address)
  const from =
    printed >= 0 ? printed : wordEdge(glyph.text, Math.round((left - glyph.x) / perLetter), 'start')
  const to =
    printed >= 0
      ? printed + address.length + (glyph.text.charAt(printed + address.length) === '/' ? 1 : 0)
      : wordEdge(glyph.text, Math.round((right - glyph.x) / perLetter), 'end')
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

/** The index nearest `at` (within 3 letters) where a word starts, or ends; `at` kept within the text. */
function wordEdge(text: string, at: number, edge: 'start' | 'end'): number {
  const within = Math.min(text.length, Math.max(0, at))
  const space = (index: number) => index < 0 || index >= text.length || /\s/.test(text.charAt(index))
  for (let distance = 0; distance <= 3; distance++) {
    for (const candidate of [within - distance, within + distance]) {
      if (candidate < 0 || candidate > text.length) continue
      const [before, after] = [space(candidate - 1), space(candidate)]
      if (edge === 'start' ? before && !after : !before && after) return candidate
    }
  }
  return within
}
