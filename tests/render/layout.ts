/**
 * A note's Markdown as the blocks a word processor would lay out: paragraphs,
 * headings and list items made of styled runs (bold, italic, superscript),
 * with the footnotes apart. The PDF and Word renderers of the tests draw
 * these blocks, so both show the same note.
 *
 * Footnotes are read in two forms: GFM's (`[^1]` and `[^1]: …`), and the
 * plain-text forms the fixtures use for the disclaimer: a marker after a word
 * (`Note¹`, `Note^1`, `Note[1]`, `request. [1]`) is a superscript run, and a
 * paragraph that starts with a marker (`¹ For information …`, `^1 …`,
 * `[1] …`) is that footnote's text wherever it stands. A plain digit at a
 * paragraph's start (`1 For …`) is text: it cannot be told from a number.
 * A link is its text, its runs carrying the URL (a Word hyperlink).
 */
import type {
  FootnoteDefinition,
  List,
  ListItem,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table
} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

/** A piece of text in one style, `link` the URL of a link's text; a line break is a run whose text is `'\n'`. */
export type Run = {text: string; bold?: boolean; italic?: boolean; superscript?: boolean; link?: string}
/** One block of the page, in reading order. */
export type Block =
  | {kind: 'paragraph'; runs: Run[]}
  | {kind: 'heading'; depth: number; runs: Run[]}
  | {kind: 'item'; ordered: boolean; number?: number; level: number; runs: Run[]}
  | {kind: 'pageBreak'}
/** The blocks of a note and its footnotes (label and text), in source order. */
export interface Layout {
  blocks: Block[]
  footnotes: {label: string; runs: Run[]}[]
}

type Style = Omit<Run, 'text'>

/** The superscript digits `⁰` to `⁹`, at their values. */
const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹'
/** A footnote marker written as text: superscript digits anywhere, `^1`, `[1]` or `[^1]` after a word. */
const marker = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+|(?<=[^\s[(])[ \t]?(?:\^\d{1,3}|\[\^?\d{1,3}\])/g
/** A paragraph that opens with a marker is a footnote's text. */
const definitionStart = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^\d{1,3}|\[\d{1,3}\])[ \t\u00a0]+(?=\S)/

/** The blocks and footnotes of `markdown` (GFM), as described in the module comment. */
export function layoutOf(markdown: string): Layout {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root
  const layout: Layout = {blocks: [], footnotes: []}
  for (const node of tree.children) addBlock(layout, node, 0)
  return layout
}

/** Adds what `node` shows to `layout`; `level` is the list nesting around it. */
function addBlock(layout: Layout, node: RootContent, level: number): void {
  switch (node.type) {
    case 'paragraph':
      addParagraph(layout, node)
      return
    case 'heading':
      layout.blocks.push({kind: 'heading', depth: node.depth, runs: runsOf(node.children)})
      return
    case 'list':
      addList(layout, node, level)
      return
    case 'footnoteDefinition':
      layout.footnotes.push({label: node.label ?? node.identifier, runs: definitionRuns(node)})
      return
    case 'blockquote':
      for (const child of node.children) addBlock(layout, child, level)
      return
    case 'code':
      layout.blocks.push({kind: 'paragraph', runs: lineRuns(node.value, {})})
      return
    case 'table':
      addTable(layout, node)
      return
    default:
      // thematicBreak, html, definition, yaml: nothing on the page.
      return
  }
}

/** A paragraph, or a footnote's text when it opens with a marker. */
function addParagraph(layout: Layout, node: Paragraph): void {
  const [first, ...rest] = node.children
  const start = first?.type === 'text' ? definitionStart.exec(first.value) : null
  if (first?.type !== 'text' || !start) {
    const runs = runsOf(node.children)
    if (runs.length > 0) layout.blocks.push({kind: 'paragraph', runs})
    return
  }
  const [opening = '', written = ''] = start
  const text = {...first, value: first.value.slice(opening.length)}
  layout.footnotes.push({label: labelOf(written), runs: runsOf([text, ...rest])})
}

/** Each item's first paragraph as an item block, its other blocks after it, nested lists one level down. */
function addList(layout: Layout, list: List, level: number): void {
  const ordered = list.ordered === true
  list.children.forEach((item: ListItem, index) => {
    const [first, ...rest] = item.children
    const lead = first?.type === 'paragraph' ? first : undefined
    const runs = lead ? runsOf(lead.children) : []
    layout.blocks.push(
      ordered
        ? {kind: 'item', ordered, number: (list.start ?? 1) + index, level, runs}
        : {kind: 'item', ordered, level, runs}
    )
    for (const child of lead ? rest : item.children) addBlock(layout, child, level + 1)
  })
}

/** A table as one paragraph per row, its cells separated by ` | `. */
function addTable(layout: Layout, table: Table): void {
  for (const row of table.children) {
    const cells = row.children.map((cell) => runsOf(cell.children))
    const runs = cells.flatMap((cell, index) => (index === 0 ? cell : [{text: ' | '}, ...cell]))
    layout.blocks.push({kind: 'paragraph', runs: mergeRuns(runs)})
  }
}

/** A footnote definition's paragraphs, one line each. */
function definitionRuns(node: FootnoteDefinition): Run[] {
  const paragraphs = node.children.flatMap((child) =>
    child.type === 'paragraph' ? [runsOf(child.children)] : []
  )
  return mergeRuns(paragraphs.flatMap((runs, index) => (index === 0 ? runs : [{text: '\n'}, ...runs])))
}

/** The runs of phrasing content, with whitespace as a page shows it. */
function runsOf(nodes: readonly PhrasingContent[]): Run[] {
  const runs: Run[] = []
  for (const node of nodes) collect(node, {}, runs)
  return mergeRuns(tidy(runs))
}

/** Appends the runs of `node` in `style` to `runs`. */
function collect(node: Nodes, style: Style, runs: Run[]): void {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      runs.push(...textRuns(node.value, style))
      return
    case 'strong':
      for (const child of node.children) collect(child, {...style, bold: true}, runs)
      return
    case 'emphasis':
      for (const child of node.children) collect(child, {...style, italic: true}, runs)
      return
    case 'break':
      runs.push({text: '\n'})
      return
    case 'footnoteReference':
      runs.push({text: node.label ?? node.identifier, ...style, superscript: true})
      return
    case 'link':
      for (const child of node.children) collect(child, {...style, link: node.url}, runs)
      return
    case 'image':
    case 'imageReference':
      runs.push(...textRuns(node.alt ?? '', style))
      return
    default:
      // linkReference, delete: their text; inline html: nothing.
      if ('children' in node) for (const child of node.children) collect(child, style, runs)
  }
}

/** Text in `style`, with its line breaks and its footnote markers as runs of their own. */
function textRuns(value: string, style: Style): Run[] {
  return value.split('\n').flatMap((line, index) => {
    const runs = markerRuns(line, style)
    return index === 0 ? runs : [{text: '\n'}, ...runs]
  })
}

/** One line of text, its footnote markers as superscript runs of their digits. */
function markerRuns(line: string, style: Style): Run[] {
  const runs: Run[] = []
  let from = 0
  for (const match of line.matchAll(marker)) {
    runs.push({text: line.slice(from, match.index), ...style})
    runs.push({text: labelOf(match[0].trim()), ...style, superscript: true})
    from = match.index + match[0].length
  }
  runs.push({text: line.slice(from), ...style})
  return runs
}

/** Text set as lines (a code block): one run per line. */
function lineRuns(value: string, style: Style): Run[] {
  return mergeRuns(tidy(textRuns(value, style)))
}

/** The label a written marker stands for: `¹` → `1`, `^12` → `12`, `[3]` → `3`. */
function labelOf(written: string): string {
  return [...written]
    .map((character) => {
      const digit = superscripts.indexOf(character)
      return digit >= 0 ? String(digit) : character
    })
    .join('')
    .replace(/[[\]^]/g, '')
}

/**
 * Whitespace as a rendered page has it: spaces and tabs collapse to one
 * space, across runs too, and none is left at a line's start or end.
 */
function tidy(runs: readonly Run[]): Run[] {
  const tidied: Run[] = []
  let afterSpace = true
  for (const run of runs) {
    if (run.text === '\n') {
      trimEnd(tidied)
      tidied.push(run)
      afterSpace = true
      continue
    }
    let text = run.text.replace(/[ \t]+/g, ' ')
    if (afterSpace) text = text.replace(/^ /, '')
    if (text === '') continue
    tidied.push({...run, text})
    afterSpace = text.endsWith(' ')
  }
  trimEnd(tidied)
  return tidied
}

/** Takes the spaces off the end of the last line of `runs`. */
function trimEnd(runs: Run[]): void {
  for (let last = runs.at(-1); last && last.text !== '\n'; last = runs.at(-1)) {
    last.text = last.text.replace(/ +$/, '')
    if (last.text !== '') return
    runs.pop()
  }
}

/** Joins neighbouring runs of one style (line breaks stay runs of their own). */
function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = []
  for (const run of runs) {
    const previous = merged[merged.length - 1]
    if (previous && run.text !== '\n' && previous.text !== '\n' && sameStyle(previous, run)) {
      merged[merged.length - 1] = {...previous, text: previous.text + run.text}
    } else {
      merged.push({...run})
    }
  }
  return merged
}

function sameStyle(a: Run, b: Run): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.superscript === b.superscript && a.link === b.link
}
