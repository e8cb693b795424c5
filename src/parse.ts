/**
 * Stage 2: text → mdast, as CommonMark with GitHub's extensions (those
 * each note can use: parse/gfm.ts), read as
 * the text is once repaired (`reflow`), with every position in the note as
 * written. Text nodes whose value is shorter than their source (escapes
 * `\*`, character references `&amp;`, repairs) get the source offset of
 * each character, so that values cut out of them keep their exact line and
 * column.
 */
import type {Nodes, Root} from 'mdast'
import type {Preset, Processor} from 'unified'
import type {VFile} from 'vfile'
import type {Location} from 'vfile-location'
import {labelsOf} from './labels.js'
import {parseGfm} from './parse/gfm.js'
import {reflow} from './reflow.js'
import {placeOf, walk} from './tree.js'

declare module 'mdast' {
  interface TextData {
    /** Source offset of each character of `value`, where it is not simply `start + index`. */
    offsets?: number[]
  }
}

const reference = /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i

/** Walks `value` and its `source` together, skipping escapes and taking a reference for its character. */
function align(value: string, source: string, base: number): number[] {
  const offsets: number[] = []
  let at = 0
  for (let index = 0; index < value.length; index++) {
    let found = source.length
    while (at < source.length) {
      const entity = source.charAt(at) === '&' ? reference.exec(source.slice(at))?.[0] : undefined
      if (source.charAt(at) === value.charAt(index) || entity) {
        found = at
        at += entity && source.charAt(at) !== value.charAt(index) ? entity.length : 1
        break
      }
      at++
    }
    offsets.push(base + found)
  }
  return offsets
}

/**
 * In one walk, gives text nodes whose value is shorter than their source
 * (`text`, what was parsed) the offset of each character; then, when the
 * text was repaired (`map` gives, for each repaired character, where it
 * comes from), moves each position back into the note as written.
 */
function placeAsWritten(tree: Root, file: VFile, text: string, map: Int32Array | undefined): void {
  const place = map ? placeOf(file) : undefined
  walk(tree, (node) => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    if (node.type === 'text' && end - start !== node.value.length) {
      node.data = {...node.data, offsets: align(node.value, text.slice(start, end), start)}
    }
    if (map && place) remap(node, start, end, place, map)
  })
}

/**
 * Moves the position of `node` (from `start` to `end` in the repaired
 * text) back into the note as written; a text node gets the offset of each
 * character where the repairs made them other than consecutive.
 */
function remap(node: Nodes, start: number, end: number, place: Location, map: Int32Array): void {
  const at = (offset: number) => map[Math.min(offset, map.length - 1)] ?? 0
  if (node.type === 'text') {
    const offsets = Array.from(node.value, (_, index) => at(node.data?.offsets?.[index] ?? start + index))
    const consecutive = offsets.every((offset, index) => offset === at(start) + index)
    if (consecutive) delete node.data?.offsets
    else node.data = {...node.data, offsets}
  }
  const from = place.toPoint(at(start))
  const to = place.toPoint(end > start ? at(end - 1) + 1 : at(start))
  if (from && to) node.position = {start: from, end: to}
}

/**
 * The parser reads the note as its text is repaired (see `reflow`), and
 * gives a tree whose positions, and character offsets, are in the note as
 * written.
 */
function asWritten(this: Processor) {
  const parse = this.parser
  if (!parse) throw new Error('asWritten must follow a parser')
  this.parser = (document: string, file: VFile): Root => {
    reflow(file, labelsOf(file))
    const repaired = file.data.reflow
    const tree = parse(repaired?.text ?? document, file) as Root
    placeAsWritten(tree, file, repaired?.text ?? document, repaired?.map)
    return tree
  }
}

/** remark-parse with the GFM extensions of remark-gfm that each note can use (see parse/gfm.ts). */
function gfmAsNeeded(this: Processor) {
  this.parser = (document: string): Root => parseGfm(document)
}

export const parse: Preset = {plugins: [gfmAsNeeded, asWritten]}
