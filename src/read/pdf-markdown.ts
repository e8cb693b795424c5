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
  const all = [...layout.blocks, ...layout.footnotes].flatMap((block) => block.lines)
  const context: Context = {
    labels: new Set(layout.footnotes.map((note) => note.label)),
    words: wordsOf(all),
    metrics: layout.metrics
  }
  const writer = new MarkdownWriter()
  const widths: number[] = []
  for (const block of layout.blocks) {
    if (block.kind === 'item') {
      writeItem(writer, block, widths, context)
      continue
    }
    writer.endBlock()
    if (block.kind === 'heading')
      writeLines(writer, `${'#'.repeat(block.depth)} `, block.lines, {...context, heading: true})
    else writeLines(writer, '', block.lines, context)
    writer.endBlock()
  }
  for (const {label, lines} of layout.footnotes) {
    writer.endBlock()
    const [first, ...rest] = lines
    writeLines(writer, `[^${label}]: `, [{...first, runs: withoutLabel(first)}, ...rest], context)
  }
  return writer.finish()
}

/** A list item: its marker after the markers of the items it is nested in. */
function writeItem(
  writer: MarkdownWriter,
  block: Extract<Block, {kind: 'item'}>,
  widths: number[],
  context: Context
): void {
  const {marker, level, lines} = block
  const opening = marker.ordered ? `${marker.number}. ` : '- '
  widths.length = level
  const indent = ' '.repeat(widths.reduce((sum, width) => sum + width, 0))
  widths.push(opening.length)
  writer.startLine()
  const [first, ...rest] = lines
  const own = [{...first, runs: runsFrom(first, marker.length)}, ...rest]
  writeLines(writer, indent + opening, own, {...context, indent: ' '.repeat(indent.length + opening.length)})
}

/** A line of a block and its Markdown. */
interface Part {
  line: PageLine
  text: string
  /** What goes between it and the part before: a space, a line break, nothing, or the block's opening. */
  join: string
}

/** The lines of one block, after `opening` (a heading's `#`, an item's marker). */
function writeLines(
  writer: MarkdownWriter,
  opening: string,
  lines: readonly PageLine[],
  context: Context
): void {
  const parts: Part[] = []
  for (const line of lines) {
    const part = {line, text: inline(line.runs, context).trim(), join: opening}
    const before = parts.at(-1)
    if (before) {
      const join = context.heading ? ' ' : joinOf(before.line, before.text, line, context)
      if (join === 'split') before.text = before.text.replace(/[-\u00ad]$/, '')
      part.join = join === 'split' || join === 'hyphen' ? '' : join
    }
    parts.push(part)
  }
  for (const [index, {line, text, join}] of parts.entries()) {
    if (join === '\n') {
      writer.newline()
      writer.write(context.indent ?? '')
    } else {
      writer.write(join)
    }
    const opens = join === '\n' || (index === 0 && opening === '')
    writer.write(opens ? escapeStart(text) : text, {page: line.page, line: line.line})
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
  const head = /\p{L}+(?=[-\u00ad]$)/u.exec(text)?.[0]
  const tail = /^\p{L}+/u.exec(plainText(line).trimStart())?.[0]
  if (head && tail) {
    if (text.endsWith('\u00ad')) return 'split'
    const {words} = context
    return words.has(`${head}${tail}`.toLowerCase()) && !words.has(`${head}-${tail}`.toLowerCase())
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
  const start = text.length - text.trimStart().length
  const inner = text.trim()
  return [text.slice(0, start), inner, text.slice(start + inner.length)]
}

/** The footnote's number taken off its first line (it opens the first run with text). */
function withoutLabel(line: PageLine): Run[] {
  let taken = false
  const runs = line.runs.map((run) => {
    if (taken || run.text.trim() === '') return run
    taken = true
    return {...run, text: run.text.replace(/^\s*\d{1,3}\s*/, ''), superscript: false}
  })
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
