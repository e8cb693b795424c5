/**
 * JSON files infonote reads (the configuration, the manifest), checked
 * against their schema, with each problem at its line and column.
 */
import type {ErrorObject} from 'ajv'
import {
  findNodeAtLocation,
  type Node,
  type ParseError,
  type ParseErrorCode,
  parseTree,
  printParseErrorCode
} from 'jsonc-parser'

/** A problem in a JSON file: where it is, and what is wrong. */
export interface JsonProblem {
  line: number
  column: number
  /** The dotted path of the value (`rules.missing-event`), or `(root)`. */
  at: string
  message: string
  error?: ErrorObject
  /** The value found there. */
  value?: unknown
}

export type Parsed = {tree: Node} | {problem: JsonProblem}

/** The syntax tree of strict JSON (no comments, no trailing commas), or where it breaks. */
export function parseJson(text: string): Parsed {
  const errors: ParseError[] = []
  const tree = parseTree(text, errors, {allowTrailingComma: false, disallowComments: true})
  const first = errors[0]
  if (tree && !first) return {tree}
  const {line, column} = where(text, first?.offset ?? 0)
  const message = printParseErrorCode(first?.error ?? (0 as ParseErrorCode))
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
  return {problem: {line, column, at: '(root)', message}}
}

/** The value a syntax tree holds. */
export function nodeValue(node: Node | undefined): unknown {
  if (!node) return undefined
  if (node.type === 'object') {
    return Object.fromEntries(
      (node.children ?? []).map((property) => [
        property.children?.[0]?.value,
        nodeValue(property.children?.[1])
      ])
    )
  }
  if (node.type === 'array') return (node.children ?? []).map(nodeValue)
  return node.value
}

/** Each schema error of `root`'s value, placed at the key or value it names. */
export function locate(text: string, root: Node, errors: readonly ErrorObject[]): JsonProblem[] {
  return errors.map((error) => {
    const segments = error.instancePath
      .split('/')
      .slice(1)
      .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
      .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment))
    const extra = error.params.additionalProperty as string | undefined
    const route = extra ? [...segments, extra] : segments
    const node = findNodeAtLocation(root, route)
    const key = extra ? node?.parent?.children?.[0] : node
    const allowed = error.params.allowedValues as string[] | undefined
    return {
      ...where(text, key?.offset ?? root.offset),
      at: route.join('.') || '(root)',
      message: `${error.message}${allowed ? ` (${allowed.join(', ')})` : ''}`,
      error,
      value: nodeValue(node)
    }
  })
}

/** Line and column (1-based) of an offset in `text`. */
function where(text: string, offset: number): {line: number; column: number} {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/)
  return {line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1}
}
