/**
 * Every folder in `tests/pairs/` is one note in two forms: `tidy.md` (one
 * field a line, Markdown) and `extracted.txt` (as PDF text extraction leaves
 * it: run-on header, plain-digit footnote marker, page furniture, unnumbered
 * headings; tests/pairs/README.md lists the forms of each). Both must give a
 * record, the same field for field (`source` apart), and the tidy record must
 * be `record.json`: written when missing on a local run, a failure under
 * `CI=true`.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {convert} from '../src/index.js'
import {pairNames, pairsFolder, withoutSource} from './extraction.js'
import {messageLines} from './helpers.js'

describe('note pairs', () => {
  it.each(pairNames())('%s: tidy and extracted forms give the same record', (name) => {
    const folder = path.join(pairsFolder, name)
    const tidy = convert(readFileSync(path.join(folder, 'tidy.md')), {path: `input/${name}.md`})
    const extracted = convert(readFileSync(path.join(folder, 'extracted.txt')), {path: `input/${name}.txt`})

    expect(errors(tidy.messages), 'tidy.md').toEqual([])
    expect(errors(extracted.messages), 'extracted.txt').toEqual([])
    expect(tidy.record).toBeDefined()
    expect(withoutSource(extracted.record)).toEqual(withoutSource(tidy.record))
    expectFile(path.join(folder, 'record.json'), `${JSON.stringify(tidy.record ?? null, null, 2)}\n`)
  })
})

function errors(messages: ReturnType<typeof convert>['messages']): string[] {
  return messageLines(messages).filter((line) => /^\S+ error /.test(line))
}

/** As in tests/fixtures.test.ts: a missing expectation is written locally, and fails under CI. */
function expectFile(file: string, actual: string): void {
  if (!existsSync(file)) {
    if (process.env.CI)
      throw new Error(
        `Missing expectation ${path.relative(pairsFolder, file)}: run the tests locally to write it`
      )
    writeFileSync(file, actual)
  }
  expect(actual).toBe(readFileSync(file, 'utf8'))
}
