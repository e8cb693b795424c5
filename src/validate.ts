/**
 * Stage 6: the record against `schemas/information-note.schema.json`, with
 * the validator Ajv compiled from it at build time (strict, all errors,
 * formats). Each violation becomes an error placed where the offending value
 * came from.
 */
import type {ErrorObject} from 'ajv'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import check from './generated/information-note.validate.cjs'
import {report} from './message.js'

export {check as validator}

export default function validate() {
  return (_: Root, file: VFile) => {
    const record = file.data.record
    if (!record || check(record)) return
    for (const error of check.errors ?? []) {
      report(file, `schema-${error.keyword}`, reason(error), place(file, error.instancePath))
    }
    delete file.data.record
  }
}

function reason(error: ErrorObject): string {
  const where = error.instancePath || '/'
  const extra = error.keyword === 'additionalProperties' ? ` ("${error.params.additionalProperty}")` : ''
  return `Unexpected record value at ${where}: ${error.message ?? error.keyword}${extra}`
}

/** The source of the value at `pointer`, or of its nearest parent that has one. */
function place(file: VFile, pointer: string) {
  const map = file.data.sourceMap
  for (let at = pointer; ; at = at.slice(0, at.lastIndexOf('/'))) {
    const position = map?.get(at)
    if (position) return position
    if (!at) return file.data.header?.start
  }
}
