import type {Position} from 'unist'
import type {VFile} from 'vfile'
import type {SourceMap} from '../data.js'
import type {Span} from '../span.js'
import {placeOf} from '../tree.js'

/** Takes record values out of spans, noting where each came from. */
export interface Recorder {
  /** The span's value, with `pointer` mapped to the span. */
  value(pointer: string, span: Span): string
  /** Maps `pointer` (a list or object) to the span. */
  mark(pointer: string, span: Span): void
  position(span: Span): Position
}

export function recorder(file: VFile): Recorder {
  file.data.sourceMap ??= new Map()
  const map: SourceMap = file.data.sourceMap
  const place = placeOf(file)
  return {
    value(pointer, span) {
      map.set(pointer, span.position(place))
      return span.value
    },
    mark(pointer, span) {
      map.set(pointer, span.position(place))
    },
    position(span) {
      return span.position(place)
    }
  }
}
