/**
 * The record of each note, `<stem>.json` (the default output), and with
 * `--source-map` its provenance, `<stem>.map.json`.
 */
import type {Point, Position} from 'unist'
import type {SourceMap} from '../data.js'
import type {InformationNote} from '../generated/information-note.js'
import type {NoteEmitter} from './emitter.js'

export const json: NoteEmitter = {
  name: 'json',
  scope: 'note',
  files: [
    {suffix: '.json', content: serializeRecord},
    {
      suffix: '.map.json',
      wanted: (options) => options.sourceMap,
      content: (record, file) =>
        file ? serializeSourceMap(record, file.data.sourceMap ?? new Map()) : undefined
    }
  ]
}

export function serializeRecord(record: InformationNote): string {
  return `${JSON.stringify(record, null, 2)}\n`
}

/**
 * The provenance of a record: each leaf value's JSON Pointer, in record
 * order, with the source range it was read from (its nearest parent's when
 * it has none of its own).
 */
export function serializeSourceMap(record: InformationNote, map: SourceMap): string {
  const entries: [string, Position][] = []
  const walk = (value: unknown, pointer: string): void => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, `${pointer}/${index}`)
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, `${pointer}/${key}`)
    } else {
      const position = nearest(map, pointer)
      if (position) entries.push([pointer, position])
    }
  }
  walk(record, '')
  return `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`
}

function nearest(map: SourceMap, pointer: string): Position | undefined {
  for (let at = pointer; at; at = at.slice(0, at.lastIndexOf('/'))) {
    const position = map.get(at)
    if (position) return {start: point(position.start), end: point(position.end)}
  }
  return undefined
}

/** `{line, column, offset}`, in that order. */
function point({line, column, offset}: Point): Point {
  return {line, column, ...(offset === undefined ? {} : {offset})}
}
