/**
 * A PDF's blocks as Markdown: bold runs as `**…**`, superscript numbers
 * as footnote references (`[^1]`, with the footnotes of the page feet as
 * definitions at the end), list items with their nesting, headings with
 * `#`. The lines of a paragraph are joined with a space; a line that ends
 * short, or one that opens with a bold label, keeps its own line; a word
 * split over two lines by a hyphen is joined again.
 */
import {escapeStart, escapeText, type LineMap, MarkdownWriter} from './markdown.js'
import type {Block, Layout, Metrics} from './pdf-blocks.js'
import type {PageLine, Run} from './pdf-lines.js'
import {plainText, runsFrom, startsWithLabel} from './pdf-text.js'

/** What a line is written with: the labels of the note's footnotes, the words it uses. */
interface Context {
  labels: ReadonlySet<string>
  words: ReadonlySet<string>
  metrics: Metrics
  /** Whether the lines make a heading: one line, without bold. */
  heading?: boolean
  /** What a line of the block that keeps its own line starts with (an item's continuation). */
  indent?: string
}

export function markdownOf(layout: Layout): {markdown: string; map: LineMap} {
  const all = [
    ...layout.blocks.flatMap((block) => block.lines),
    ...layout.footnotes.flatMap((note) => note.lines)
  ]
  const context: Context = {
    labels: new Set(layout.footnotes.map((note) => note.label)),
    words: wordsOf(all),
    metrics: layout.metrics
  }
  const writer = new MarkdownWriter()
  const widths: number[] = []
  for (const block of layout.blocks) {
    if (block.kind !== 'item') {
      writer.endBlock()
      const heading = block.kind === 'heading'
      writeLines(writer, heading ? `${'#'.repeat(block.depth ?? 2)} ` : '', block.lines, {
        ...context,
        heading
      })
      writer.endBlock()
    } else {
      writeItem(writer, block, widths, context)
    }
  }
  for (const note of layout.footnotes) {
    writer.endBlock()
    const [first, ...rest] = note.lines
    if (first)
      writeLines(writer, `[^${note.label}]: `, [{...first, runs: withoutLabel(first)}, ...rest], context)
  }
  return {markdown: writer.toString(), map: writer.map}
}

/** A list item: its marker after the markers of the items it is nested in. */
function writeItem(writer: MarkdownWriter, block: Block, widths: number[], context: Context): void {
  const level = block.level ?? 0
  const marker = block.marker?.ordered ? `${block.marker.number ?? 1}. ` : '- '
  widths.length = level
  const indent = ' '.repeat(widths.reduce((sum, width) => sum + width, 0))
  widths.push(marker.length)
  const [first, ...rest] = block.lines
  if (!first) return
  writer.startLine()
  const lines = [{...first, runs: runsFrom(first, block.marker?.length ?? 0)}, ...rest]
  writeLines(writer, indent + marker, lines, {...context, indent: ' '.repeat(indent.length + marker.length)})
}

/** The lines of one block, after `opening` (a heading's `#`, an item's marker). */
function writeLines(
  writer: MarkdownWriter,
  opening: string,
  lines: readonly PageLine[],
  context: Context
): void {
  const texts = lines.map((line) => inline(line.runs, context).trim())
  const joins = lines.map((line, index) => {
    const before = lines[index - 1]
    if (!before) return opening
    const join = context.heading ? ' ' : joinOf(before, texts[index - 1] ?? '', line, context)
    if (join === 'split') texts[index - 1] = (texts[index - 1] ?? '').replace(/[-\u00ad]$/, '')
    return join === 'split' || join === 'hyphen' ? '' : join
  })
  for (const [index, line] of lines.entries()) {
    const join = joins[index] ?? ''
    let text = texts[index] ?? ''
    if (join === '\n') {
      writer.newline()
      writer.write(context.indent ?? '')
    } else {
      writer.write(join)
    }
    if (join === '\n' || (index === 0 && opening === '')) text = escapeStart(text)
    writer.write(text, {page: line.page, line: line.line})
  }
}

/**
 * How `line` follows `before` (whose Markdown is `text`): on its own line,
 * after a space, or glued to it when `before` ends with a hyphen: `split`
 * when the hyphen only splits a word (a soft hyphen, or the note writes the
 * word whole elsewhere), `hyphen` when it is the word's own.
 */
function joinOf(before: PageLine, text: string, line: PageLine, context: Context): string {
  if (startsWithLabel(line)) return '\n'
  const split = /(\p{L}+)([-\u00ad])$/u.exec(text)
  const next = /^\s*(\p{L}+)/u.exec(plainText(line))
  if (split && next) {
    const [, head = '', hyphen] = split
    const tail = next[1] ?? ''
    if (hyphen === '\u00ad') return 'split'
    const whole = `${head}${tail}`.toLowerCase()
    return context.words.has(whole) && !context.words.has(`${head}-${tail}`.toLowerCase())
      ? 'split'
      : 'hyphen'
  }
  const {left, right} = context.metrics
  return before.right < right - 0.3 * (right - left) ? '\n' : ' '
}

const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹'

/** Runs as Markdown: bold and italic marked, superscript numbers as footnote references. */
function inline(runs: readonly Run[], context: Context): string {
  let text = ''
  for (const run of runs) {
    if (run.superscript && /^\s*\d+\s*$/.test(run.text)) {
      const label = run.text.trim()
      text += context.labels.has(label)
        ? `[^${label}]`
        : label.replace(/\d/g, (digit) => superscripts.charAt(Number(digit)))
      continue
    }
    const marks = context.heading ? '' : (run.bold ? '**' : '') + (run.italic ? '_' : '')
    text += emphasized(linked(escapeText(run.text), run.link), marks)
  }
  return text.replace(/[ \t]{2,}/g, ' ')
}

/** `text` as a link to `url`, unless it prints the address itself (Markdown links that as it is). */
function linked(text: string, url: string | undefined): string {
  const [before, inner, after] = padded(text)
  if (!url || !inner) return text
  const printed = inner.replaceAll('\\', '')
  if (printed === url.replace(/^mailto:/, '') || sameUrl(printed, url)) return text
  return `${before}[${inner}](<${url.replaceAll('>', '%3E')}>)${after}`
}

/** Whether `text` is the address `url` (`www.un.org` is `http://www.un.org/`). */
function sameUrl(text: string, url: string): boolean {
  const address = /^www\./i.test(text) ? `http://${text}` : text
  return URL.canParse(address) && URL.canParse(url) && new URL(address).href === new URL(url).href
}

/** `text` between `marks` (`**`, `_`), its white space outside them. */
function emphasized(text: string, marks: string): string {
  const [before, inner, after] = padded(text)
  if (!marks || !inner) return text
  return `${before}${marks}${inner}${[...marks].reverse().join('')}${after}`
}

/** `text` as its white space before, the rest, and its white space after. */
function padded(text: string): [string, string, string] {
  const [, before = '', inner = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? []
  return [before, inner, after]
}

/** The first run's footnote number taken off a footnote's first line. */
function withoutLabel(line: PageLine): Run[] {
  const runs = [...line.runs]
  const index = runs.findIndex((run) => run.text.trim() !== '')
  const first = runs[index]
  if (first) runs[index] = {...first, text: first.text.replace(/^\s*\d{1,3}\s*/, ''), superscript: false}
  return runs.filter((run) => run.text !== '')
}

/** The words of the note, lower case, hyphenated words whole. */
function wordsOf(lines: readonly PageLine[]): Set<string> {
  const words = new Set<string>()
  for (const line of lines) {
    for (const [word] of plainText(line).matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
      words.add(word.toLowerCase())
    }
  }
  return words
}
