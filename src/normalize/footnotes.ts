/**
 * Reads footnote markers written as plain text: superscript digits (`¹`),
 * `^1` and `[1]`. A paragraph or line that starts with a marker
 * (`¹ For information – not an official report.`) is the text of that
 * footnote: it becomes a footnote definition at the end of the note, wherever
 * the conversion left it (between paragraphs, inside a list item). A marker
 * right after a word (`Information Note¹`) becomes a footnote reference.
 */
import type {
  FootnoteDefinition,
  Heading,
  Nodes,
  Paragraph,
  Parent,
  PhrasingContent,
  Root,
  RootContent,
  Text
} from 'mdast'
import type {VFile} from 'vfile'
import type {Location} from 'vfile-location'
import {titleMarker} from '../labels.js'
import {report} from '../message.js'
import {
  at,
  type Cut,
  lineCuts,
  placeOf,
  slicePosition,
  sliceText,
  splitParagraphAt,
  textOf,
  walk
} from '../tree.js'

/** The superscript digits, `⁰` to `⁹`, at their values. */
export const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹'
/** A marker opening a footnote's text: `¹ `, `^1 `, `[1] `. */
const definitionStart = /^[ \t]*([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^\d{1,3}|\[\d{1,3}\])[ \t\u00a0]*(?=\S)/
/** Nodes that hold blocks, where paragraphs are (what else holds children holds text). */
const flow = new Set(['blockquote', 'list', 'listItem', 'footnoteDefinition'])
/** A marker after a word, or after a word and a space: `Note¹`, `Note^1`, `Note [1]`. */
const reference = /(?<=[^\s[(][ \t]?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^\d{1,3}|\[\^?\d{1,3}\])/g

export default function footnotes() {
  return (tree: Root, file: VFile) => {
    const place = placeOf(file)
    const definitions = collectDefinitions(tree, file, place)
    const known = new Set([
      ...definitions.map((definition) => definition.identifier),
      ...tree.children.flatMap((node) => (node.type === 'footnoteDefinition' ? [node.identifier] : []))
    ])
    for (const definition of definitions) tree.children.push(definition)
    titleReference(tree, file, place)
    markReferences(tree, (node) => references(node, known, file, place))
  }
}

/**
 * Replaces each text outside footnote definitions by what `split` makes of
 * it (when it makes something), in document order; walked with a stack of
 * its own, as emphasis may nest thousands deep.
 */
function markReferences(tree: Root, split: (node: Text) => PhrasingContent[] | undefined): void {
  const replaced = new Map<Parent, Map<Text, PhrasingContent[]>>()
  const stack: [Nodes, Parent][] = tree.children.map((child): [Nodes, Parent] => [child, tree]).reverse()
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, parent] = next
    if (node.type === 'text') {
      const parts = split(node)
      if (parts) replaced.set(parent, (replaced.get(parent) ?? new Map()).set(node, parts))
    } else if ('children' in node && node.type !== 'footnoteDefinition') {
      for (let index = node.children.length - 1; index >= 0; index--) {
        stack.push([node.children[index] as Nodes, node])
      }
    }
  }
  for (const [parent, texts] of replaced) {
    parent.children = (parent.children as RootContent[]).flatMap(
      (child) => (child.type === 'text' ? texts.get(child) : undefined) ?? [child]
    ) as typeof parent.children
  }
}

/**
 * The plain digit PDF text extraction leaves after the title's words
 * (`Information Note1`, `Nota Informativa 1`, `Note d'information [1]`): a
 * footnote marker, whether or not the note has the footnote's text.
 */
function titleReference(tree: Root, file: VFile, place: Location): void {
  const first = tree.children.find((node) => node.type !== 'html')
  if (first?.type !== 'paragraph' && first?.type !== 'heading') return
  const parents: Parent[] = [first]
  for (let parent = parents.pop(); parent; parent = parents.pop()) {
    for (const [index, child] of (parent.children as Nodes[]).entries()) {
      if (child.type !== 'text') {
        if ('children' in child) parents.push(child as Parent)
        continue
      }
      const match = titleMarker.exec(child.value)
      if (!match) continue
      const [, words = '', emphasis = '', space = '', marker = ''] = match
      const start = match.index + words.length + emphasis.length + space.length
      const end = start + marker.length
      const identifier = marker.replace(/[[\]]/g, '')
      const position = slicePosition(child, start, end, place)
      const parts: PhrasingContent[] = [
        sliceText(child, 0, start - space.length, place),
        {type: 'footnoteReference', identifier, label: identifier, ...at(position)},
        ...(end < child.value.length ? [sliceText(child, end, child.value.length, place)] : [])
      ]
      parent.children.splice(index, 1, ...(parts as typeof parent.children))
      report(file, 'footnote-marker', `Read "${marker}" as a reference to footnote ${identifier}`, position)
      return
    }
  }
}

/** Takes every footnote text out of the body, in source order. */
function collectDefinitions(tree: Root, file: VFile, place: Location): FootnoteDefinition[] {
  const found: FootnoteDefinition[] = []
  const blocks = tree.children
  // Blocks after the one being read are not touched yet: where the run of
  // footnote texts that ends the note starts is known up front.
  let trailing = blocks.length
  while (trailing > 0 && isDefinitionLike(blocks[trailing - 1] as RootContent)) trailing--
  /** The pieces of `paragraph` that are not footnote texts; `last`: nothing but footnote texts follow it. */
  const take = (paragraph: Paragraph, last: boolean, section: string | undefined): Paragraph[] =>
    splitParagraphAt(paragraph, definitionCuts(paragraph), place).filter((piece) => {
      const definition = toDefinition(piece, place)
      if (!definition) return true
      // The marker as written: a plain digit's `^` was added before parsing (see `reflow`).
      const marker = writtenMarker(piece, file)
      if (last) {
        report(
          file,
          'footnote-marker',
          `Read the line starting with "${marker}" as the text of footnote ${definition.identifier}`,
          piece.position
        )
      } else {
        const from = section ? `section "${section}"` : 'the header'
        report(
          file,
          'moved-footnote',
          `Moved the text of footnote ${marker} out of ${from} to the footnotes`,
          piece.position
        )
      }
      found.push(definition)
      return false
    })
  const takeWithin = (parent: Parent, section: string | undefined): void => {
    parent.children = (parent.children as RootContent[]).flatMap((child): RootContent[] => {
      if (child.type === 'paragraph') return take(child, false, section)
      if (flow.has(child.type)) takeWithin(child as Parent, section)
      return [child]
    }) as typeof parent.children
  }
  /** The title of the last heading read. */
  let section: string | undefined
  tree.children = blocks.flatMap((node, index): RootContent[] => {
    if (node.type === 'paragraph') return take(node, index + 1 >= trailing, section)
    if (node.type === 'heading') section = sectionTitle(node)
    else if (node.type !== 'footnoteDefinition' && flow.has(node.type)) takeWithin(node as Parent, section)
    return [node]
  })
  removeEmptyContainers(tree)
  return found
}

/**
 * The marker a footnote's text opens with, as the note writes it: a plain
 * digit's `^` was added before parsing (see `reflow`), so it is read from
 * the source, where the text starts.
 */
function writtenMarker(piece: Paragraph, file: VFile): string {
  const from = piece.position?.start.offset
  if (from === undefined) return /\S+/.exec(textOf(piece))?.[0] ?? ''
  const word = /\S+/y
  word.lastIndex = from
  return word.exec(String(file.value))?.[0] ?? ''
}

/** The line starts of `paragraph` where a footnote's text begins. */
function definitionCuts(paragraph: Paragraph): Cut[] {
  return lineCuts(paragraph).filter((cut) => definitionStart.test(cut.line))
}

/** A heading's title, to say where a footnote was found. */
function sectionTitle(heading: Heading): string {
  return textOf(heading)
    .replace(/^\s*\d+[.)]?\s*/, '')
    .trim()
}

/** A list item whose only paragraph was a footnote goes too, and a list left empty. */
function removeEmptyContainers(tree: Root): void {
  walk(tree, (node) => {
    if (node.type === 'list') node.children = node.children.filter((item) => item.children.length > 0)
    if ('children' in node) {
      ;(node as Parent).children = (node as Parent).children.filter(
        (child) => !(child.type === 'list' && child.children.length === 0)
      )
    }
  })
}

function toDefinition(paragraph: Paragraph, place: Location): FootnoteDefinition | undefined {
  const [first, ...rest] = paragraph.children
  const match = first?.type === 'text' ? definitionStart.exec(first.value) : null
  if (first?.type !== 'text' || !match?.[1]) return undefined
  const identifier = toDigits(match[1])
  const text = sliceText(first, match[0].length, first.value.length, place)
  return {
    type: 'footnoteDefinition',
    identifier,
    label: identifier,
    children: [{type: 'paragraph', children: [text, ...rest], ...at(paragraph.position)}],
    ...at(paragraph.position)
  }
}

/**
 * Splits the footnote markers of `node` out as footnote references.
 */
function references(
  node: Text,
  known: ReadonlySet<string>,
  file: VFile,
  place: Location
): PhrasingContent[] | undefined {
  const result: PhrasingContent[] = []
  let done = 0
  for (const match of node.value.matchAll(reference)) {
    const identifier = toDigits(match[0])
    const before = node.value.slice(Math.max(0, match.index - 3), match.index)
    if (!isMarker(match[0], identifier, before, known)) continue
    const end = match.index + match[0].length
    if (match.index > done) result.push(sliceText(node, done, match.index, place))
    const position = slicePosition(node, match.index, end, place)
    result.push({type: 'footnoteReference', identifier, label: identifier, ...at(position)})
    report(file, 'footnote-marker', `Read "${match[0]}" as a reference to footnote ${identifier}`, position)
    done = end
  }
  if (done === 0) return undefined
  if (done < node.value.length) result.push(sliceText(node, done, node.value.length, place))
  return result
}

/**
 * Whether a marker-like text is a footnote marker: one of a footnote the
 * note has; or, right after a word, `¹`, `^1` or GFM's `[^1]` (whose text
 * may be missing). "see [2]" and "500 m²" stay text. `before` is the text
 * before the marker, at most its last three characters (all the tests
 * read), so that a text with many markers is read in linear time.
 */
function isMarker(marker: string, identifier: string, before: string, known: ReadonlySet<string>): boolean {
  if (/(?:^|[\s\d])(?:k|c|m)?m$/.test(before) && /^[²³]$/.test(marker)) return false
  if (known.has(identifier)) return true
  return !/\s$/.test(before) && (marker === '¹' || marker.startsWith('^') || marker.startsWith('[^'))
}

function isDefinitionLike(node: RootContent): boolean {
  return (
    node.type === 'footnoteDefinition' ||
    (node.type === 'paragraph' &&
      node.children[0]?.type === 'text' &&
      definitionStart.test(node.children[0].value))
  )
}

/** `¹²` → `12`, `^3` → `3`, `[4]` → `4`. */
function toDigits(marker: string): string {
  return Array.from(marker.replace(/[\^[\]]/g, ''), (char) => {
    const superscript = superscripts.indexOf(char)
    return superscript === -1 ? char : String(superscript)
  }).join('')
}
