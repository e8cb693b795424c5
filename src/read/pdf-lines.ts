/**
 * A PDF page's text items, rebuilt into lines: items whose letters stand
 * on one line are joined in reading order, with a space where the gap
 * between them is one; a smaller item raised above the line is a
 * superscript (a footnote marker); text printed twice on itself (the
 * "bold" of some printers) is one bold item.
 */

/** A text item of a page, as pdf.js gives it: `y` is its baseline, from the page's foot. */
export interface Glyph {
  text: string
  x: number
  y: number
  width: number
  size: number
  bold: boolean
  italic: boolean
  /** The URL of the link over it. */
  link?: string
}

/** Text of one style on a line. */
export interface Run {
  text: string
  bold: boolean
  italic: boolean
  superscript: boolean
  link?: string
}

/** A line of a page. */
export interface PageLine {
  page: number
  /** Its number on the page, counted from the top from 1 (every line, furniture too). */
  line: number
  /** Baseline, from the page's foot. */
  y: number
  left: number
  right: number
  /** Type size of the line's text (superscripts aside). */
  size: number
  runs: Run[]
}

/** The lines the glyphs of page `page` make, from the top of the page. */
export function linesOf(glyphs: readonly Glyph[], page: number): PageLine[] {
  const sorted = [...glyphs].sort((a, b) => b.y - a.y || a.x - b.x)
  const clusters: Glyph[][] = []
  let band: [number, number] | undefined
  for (const glyph of sorted) {
    const own = bandOf(glyph)
    const current = clusters.at(-1)
    if (current && band && overlaps(band, own)) {
      current.push(glyph)
      band = [Math.min(band[0], own[0]), Math.max(band[1], own[1])]
    } else {
      clusters.push([glyph])
      band = own
    }
  }
  return clusters.map((cluster, index) => lineOf(cluster, page, index + 1))
}

/** The height the letters of `glyph` take: from its baseline to about its x-height and a bit. */
function bandOf(glyph: Glyph): [number, number] {
  return [glyph.y, glyph.y + 0.7 * glyph.size]
}

/** Whether two bands share at least half of the smaller one. */
function overlaps(a: [number, number], b: [number, number]): boolean {
  const shared = Math.min(a[1], b[1]) - Math.max(a[0], b[0])
  return shared >= 0.5 * Math.min(a[1] - a[0], b[1] - b[0])
}

function lineOf(cluster: Glyph[], page: number, line: number): PageLine {
  const glyphs = withoutOverprint(cluster.sort((a, b) => a.x - b.x))
  const size = Math.max(...glyphs.map((glyph) => glyph.size))
  const y = Math.min(...glyphs.filter((glyph) => glyph.size === size).map((glyph) => glyph.y))
  const runs: Run[] = []
  let previous: Glyph | undefined
  for (const glyph of glyphs) {
    const superscript = glyph.size < 0.85 * size && glyph.y > y + 0.15 * size
    const text = (previous && spaceBetween(previous, glyph) ? ' ' : '') + glyph.text
    const last = runs.at(-1)
    const style = {
      bold: glyph.bold,
      italic: glyph.italic,
      superscript,
      ...(glyph.link ? {link: glyph.link} : {})
    }
    if (last && sameStyle(last, style)) last.text += text
    else runs.push({text, ...style})
    previous = glyph
  }
  const last = glyphs.at(-1)
  return {
    page,
    line,
    y,
    left: glyphs[0]?.x ?? 0,
    right: last ? last.x + last.width : 0,
    size,
    runs
  }
}

function sameStyle(a: Omit<Run, 'text'>, b: Omit<Run, 'text'>): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.superscript === b.superscript && a.link === b.link
}

/** Whether a space separates two neighbouring items: a gap of more than about a third of a space. */
function spaceBetween(before: Glyph, after: Glyph): boolean {
  if (/\s$/.test(before.text) || /^\s/.test(after.text)) return false
  return after.x - (before.x + before.width) > 0.1 * Math.min(before.size, after.size)
}

/** Text printed twice at (nearly) one place is printed bold: one bold item. */
function withoutOverprint(glyphs: Glyph[]): Glyph[] {
  const kept: Glyph[] = []
  for (const glyph of glyphs) {
    const twin = kept.find(
      (other) =>
        other.text === glyph.text && Math.abs(other.x - glyph.x) < 0.1 * glyph.size && other.y === glyph.y
    )
    if (twin) twin.bold = true
    else kept.push({...glyph})
  }
  return kept
}
