/**
 * Every folder in `tests/fixtures/` is a case: `input/<note>` is converted
 * with the path `input/<note>`; `record.json` holds the exact record (`null`
 * for an invalid note) and `messages.txt` the exact messages, one
 * `line:col severity reason rule-id` line each. A missing expectation is
 * written on a local run, and is a failure under `CI=true`.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {convert} from '../src/index.js'
import {messageLines} from './helpers.js'

const root = path.join(import.meta.dirname, 'fixtures')
const cases = readdirSync(root).sort()

describe('fixtures', () => {
  it.each(cases)('%s', (name) => {
    const folder = path.join(root, name)
    const [note, ...others] = readdirSync(path.join(folder, 'input'))
    expect(others, 'one note per fixture').toEqual([])
    const result = convert(readFileSync(path.join(folder, 'input', String(note))), {path: `input/${note}`})

    const record = `${JSON.stringify(result.record ?? null, null, 2)}\n`
    const messages = messageLines(result.messages)
      .map((line) => `${line}\n`)
      .join('')
    expectFile(path.join(folder, 'record.json'), record)
    expectFile(path.join(folder, 'messages.txt'), messages)
  })
})

function expectFile(file: string, actual: string): void {
  if (!existsSync(file)) {
    if (process.env.CI)
      throw new Error(`Missing expectation ${path.relative(root, file)}: run the tests locally to write it`)
    writeFileSync(file, actual)
  }
  expect(actual).toBe(readFileSync(file, 'utf8'))
}
