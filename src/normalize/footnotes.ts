/**
 * Reads superscript footnote markers. A paragraph that starts with one
 * (`¹ For information – not an official report.`) is the text of that
 * footnote: it becomes a footnote definition at the end of the note, wherever
 * the conversion left it. A superscript after a word (`Information Note¹`)
 * becomes a footnote reference.
 */
import type {FootnoteDefinition, Paragraph, Parent, PhrasingContent, Root, RootContent, Text} from 'mdast'
import {toString as textOf} from 'mdast-util-to-string'
import {SKIP, visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {type Location, location} from 'vfile-location'
import {report} from '../message.js'
import {at, slicePosition, sliceText} from '../tree.js'

const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹'
const definitionStart = /^[ \t]*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)[ \t]+(?=\S)/
const reference = /(?<=\S)[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g

export default function superscriptFootnotes() {
  return (tree: Root, file: VFile) => {
    const place = location(file)
    const definitions = collectDefinitions(tree, file, place)
    tree.children.push(...definitions)
    visit(tree, (node, index, parent) => {
      if (node.type === 'footnoteDefinition') return SKIP
      if (node.type !== 'text' || !parent || index === undefined) return
      const replacement = references(node, file, place)
      if (!replacement) return
      parent.children.splice(index, 1, ...(replacement as typeof parent.children))
      return index + replacement.length
    })
  }
}

/** Takes every footnote text out of the body, in source order. */
function collectDefinitions(tree: Root, file: VFile, place: Location): FootnoteDefinition[] {
  const found: FootnoteDefinition[] = []
  visit(tree, 'paragraph', (paragraph, index, parent) => {
    if (!parent || index === undefined || parent.type === 'footnoteDefinition') return
    const definition = toDefinition(paragraph, place)
    if (!definition) return
    const marker = textOf(paragraph).trimStart().slice(0, definition.identifier.length)
    const section = parent === tree ? sectionBefore(tree, index) : undefined
    const stranded = parent !== tree || tree.children.slice(index + 1).some((node) => !isDefinitionLike(node))
    if (stranded) {
      const from = section ? `section "${section}"` : parent === tree ? 'the header' : 'a list'
      report(
        file,
        'moved-footnote',
        `Moved the text of footnote ${marker} out of ${from} to the footnotes`,
        paragraph.position
      )
    } else {
      report(
        file,
        'superscript-footnote-marker',
        `Read the line starting with superscript "${marker}" as the text of footnote ${definition.identifier}`,
        paragraph.position
      )
    }
    found.push(definition)
    ;(parent as Parent).children.splice(index, 1)
    return index
  })
  return found
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

/** Splits superscript markers after a word out of `node` as footnote references. */
function references(node: Text, file: VFile, place: Location): PhrasingContent[] | undefined {
  const result: PhrasingContent[] = []
  let done = 0
  for (const match of node.value.matchAll(reference)) {
    const end = match.index + match[0].length
    const identifier = toDigits(match[0])
    if (match.index > done) result.push(sliceText(node, done, match.index, place))
    const position = slicePosition(node, match.index, end, place)
    result.push({type: 'footnoteReference', identifier, label: identifier, ...at(position)})
    report(
      file,
      'superscript-footnote-marker',
      `Read superscript "${match[0]}" as a reference to footnote ${identifier}`,
      position
    )
    done = end
  }
  if (done === 0) return undefined
  if (done < node.value.length) result.push(sliceText(node, done, node.value.length, place))
  return result
}

function isDefinitionLike(node: RootContent): boolean {
  return (
    node.type === 'footnoteDefinition' ||
    (node.type === 'paragraph' &&
      node.children[0]?.type === 'text' &&
      definitionStart.test(node.children[0].value))
  )
}

/** Title of the last heading before `index`, to say where a footnote was found. */
function sectionBefore(tree: Root, index: number): string | undefined {
  const heading = tree.children.slice(0, index).findLast((node) => node.type === 'heading')
  return (
    heading &&
    textOf(heading)
      .replace(/^\s*\d+[.)]?\s*/, '')
      .trim()
  )
}

function toDigits(value: string): string {
  return Array.from(value, (char) => String(superscripts.indexOf(char))).join('')
}
