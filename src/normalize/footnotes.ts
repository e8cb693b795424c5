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
  Paragraph,
  Parent,
  PhrasingContent,
  Root,
  RootContent,
  Text
} from 'mdast'
import {toString as textOf} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {type Location, location} from 'vfile-location'
import {report} from '../message.js'
import {at, lineCuts, slicePosition, sliceText, splitParagraph, walk} from '../tree.js'

const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹'
/** A marker opening a footnote's text: `¹ `, `^1 `, `[1] `. */
const definitionStart = /^[ \t]*([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^\d{1,3}|\[\d{1,3}\])[ \t\u00a0]*(?=\S)/
/** A marker after a word, or after a word and a space: `Note¹`, `Note^1`, `Note [1]`. */
const reference = /(?<=[^\s[(][ \t]?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^\d{1,3}|\[\^?\d{1,3}\])/g

export default function footnotes() {
  return (tree: Root, file: VFile) => {
    const place = location(file)
    const definitions = collectDefinitions(tree, file, place)
    const known = new Set([
      ...definitions.map((definition) => definition.identifier),
      ...tree.children.flatMap((node) => (node.type === 'footnoteDefinition' ? [node.identifier] : []))
    ])
    tree.children.push(...definitions)
    const mark = (parent: Parent): void => {
      parent.children = (parent.children as RootContent[]).flatMap((child): RootContent[] => {
        if (child.type === 'text') return references(child, known, file, place) ?? [child]
        if ('children' in child && child.type !== 'footnoteDefinition') mark(child)
        return [child]
      }) as typeof parent.children
    }
    mark(tree)
  }
}

/** Takes every footnote text out of the body, in source order. */
function collectDefinitions(tree: Root, file: VFile, place: Location): FootnoteDefinition[] {
  const found: FootnoteDefinition[] = []
  // The title of the last heading so far, kept as the walk goes: one pass, not one per block.
  let section: string | undefined
  for (let index = 0; index < tree.children.length; index++) {
    const node = tree.children[index] as RootContent
    if (node.type === 'heading') section = sectionTitle(node)
    if (node.type === 'footnoteDefinition') continue
    const take = (paragraph: Paragraph, position: number, parent: Parent): number | undefined => {
      const cut = lineCuts(paragraph).find((candidate) => definitionStart.test(candidate.line))
      if (cut) {
        // A footnote's text glued onto the line before it: cut it off first.
        parent.children.splice(position, 1, ...splitParagraph(paragraph, cut, place))
        return position
      }
      const definition = toDefinition(paragraph, place)
      if (!definition) return undefined
      const last = parent === tree && tree.children.slice(index + 1).every(isDefinitionLike)
      const marker = /\S+/.exec(textOf(paragraph))?.[0] ?? ''
      if (last) {
        report(
          file,
          'footnote-marker',
          `Read the line starting with "${marker}" as the text of footnote ${definition.identifier}`,
          paragraph.position
        )
      } else {
        const from = section ? `section "${section}"` : 'the header'
        report(
          file,
          'moved-footnote',
          `Moved the text of footnote ${marker} out of ${from} to the footnotes`,
          paragraph.position
        )
      }
      found.push(definition)
      parent.children.splice(position, 1)
      return position
    }
    if (node.type === 'paragraph') {
      if (take(node, index, tree) !== undefined) index--
      continue
    }
    visit(node, 'paragraph', (paragraph, position, parent) =>
      parent && position !== undefined ? take(paragraph, position, parent) : undefined
    )
  }
  removeEmptyContainers(tree)
  return found
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
    if (!isMarker(match[0], identifier, node.value.slice(0, match.index), known)) continue
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
 * may be missing). "see [2]" and "500 m²" stay text.
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

/** A heading's title without its number, to say in which section a footnote was found. */
function sectionTitle(heading: Heading): string {
  return textOf(heading)
    .replace(/^\s*\d+[.)]?\s*/, '')
    .trim()
}

/** `¹²` → `12`, `^3` → `3`, `[4]` → `4`. */
function toDigits(marker: string): string {
  return Array.from(marker.replace(/[\^[\]]/g, ''), (char) => {
    const superscript = superscripts.indexOf(char)
    return superscript === -1 ? char : String(superscript)
  }).join('')
}
