/**
 * The records the output tests read: every valid record of tests/fixtures
 * and tests/pairs (the pairs hold the roles, places and sub-headings the
 * fixtures lack), by case name; and the check of an expected output file,
 * written when missing on a local run and a failure under `CI=true`.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {expect} from 'vitest'
import type {InformationNote} from '../../src/generated/information-note.js'

const tests = path.join(import.meta.dirname, '..')

/** `[case, record]` for every valid record, fixtures first, each sorted by name. */
export const records: [string, InformationNote][] = ['fixtures', 'pairs'].flatMap((folder) =>
  readdirSync(path.join(tests, folder))
    .filter((name) => existsSync(path.join(tests, folder, name, 'record.json')))
    .sort()
    .flatMap((name): [string, InformationNote][] => {
      const record = JSON.parse(readFileSync(path.join(tests, folder, name, 'record.json'), 'utf8'))
      return record === null ? [] : [[name, record as InformationNote]]
    })
)

/** The record of a case. */
export function recordOf(name: string): InformationNote {
  const found = records.find(([key]) => key === name)
  if (!found) throw new Error(`No record for case ${name}`)
  return found[1]
}

/** Checks `actual` against the expected file `tests/emit/<file>`. */
export function expectFile(file: string, actual: string): void {
  const expected = path.join(import.meta.dirname, file)
  if (!existsSync(expected)) {
    if (process.env.CI)
      throw new Error(`Missing expectation tests/emit/${file}: run the tests locally to write it`)
    mkdirSync(path.dirname(expected), {recursive: true})
    writeFileSync(expected, actual)
  }
  expect(actual).toBe(readFileSync(expected, 'utf8'))
}
