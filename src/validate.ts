/**
 * Stage 6: the record against `schemas/information-note.schema.json`.
 * Each violation becomes an error placed where the offending value came from.
 */
import {readFileSync} from 'node:fs'
import {Ajv2020, type ErrorObject, type ValidateFunction} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {InformationNote} from './generated/information-note.js'
import {report} from './message.js'

export const schemaUrl = new URL('../schemas/information-note.schema.json', import.meta.url)

let compiled: ValidateFunction<InformationNote> | undefined

/** The one validator, compiled on first use. */
export function validator(): ValidateFunction<InformationNote> {
  if (!compiled) {
    const ajv = new Ajv2020({strict: true, allErrors: true})
    addFormats.default(ajv)
    compiled = ajv.compile<InformationNote>(JSON.parse(readFileSync(schemaUrl, 'utf8')))
  }
  return compiled
}

export default function validate() {
  return (_: Root, file: VFile) => {
    const record = file.data.record
    if (!record) return
    const check = validator()
    if (check(record)) return
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
