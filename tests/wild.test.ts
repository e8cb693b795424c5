/**
 * Notes written the way PDF text extraction leaves published notes, by
 * someone who did not write infonote (`tests/wild/<name>.txt`), each with
 * what a careful reader takes from it (`<name>.expected.json`, see
 * scripts/reader.js). Every note gives a record; the fields infonote still
 * reads differently from the reader are listed here, each with its cause,
 * so that a change that reads one better or worse shows.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {misreadFields} from '../scripts/reader.js'
import {convert} from '../src/index.js'
import {messageLines} from './helpers.js'

const folder = path.join(import.meta.dirname, 'wild')
const names = readdirSync(folder)
  .filter((file) => file.endsWith('.txt'))
  .map((file) => file.slice(0, -'.txt'.length))
  .sort()

/**
 * Known misreadings: names that hold "and", "and the" or commas and that the
 * registry of organizations does not know are cut there.
 */
const known: Record<string, string[]> = {
  // "African Centre for Science and International Security" (not in the registry) is cut at its "and".
  'en-addis-ababa-african-union': ['entries'],
  // "UNODA Regional Centre for … in Asia and the Pacific", not a name the registry knows, is cut at "and the".
  'en-astana-peer-review': ['organizers'],
  // "Other ARF participants" are read as other participants; the reader counts them as States.
  'en-manila-arf': ['groups'],
  // "Secretaría Nacional de Ciencia, Tecnología e Innovación", a national body, is cut at its comma.
  'es-panama-mesa-redonda': ['entries']
}

describe('notes as found', () => {
  it.each(names)('%s', (name) => {
    const result = convert(readFileSync(path.join(folder, `${name}.txt`)), {path: `input/${name}.txt`})
    const expected = JSON.parse(readFileSync(path.join(folder, `${name}.expected.json`), 'utf8'))
    expect(messageLines(result.messages).filter((line) => / error /.test(line))).toEqual([])
    expect(misreadFields(expected, result.record)).toEqual(known[name] ?? [])
  })
})
