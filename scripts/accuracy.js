// node scripts/accuracy.js [--dist DIR]: how much of each note a build reads
// when the note arrives as PDF text extraction leaves it.
//
// 1. Run-on headers: each valid fixture (record.json not null) with its title
//    and header joined into one line (joinHeader of scripts/extraction.js),
//    against the record of the fixture as it is.
// 2. Pairs: each tests/pairs/<name>/extracted.txt against its record.json,
//    or, before that is written, against the record of its tidy.md.
// 3. Notes as found: each tests/wild/<name>.txt against what a careful
//    reader takes from it (<name>.expected.json; 13 fields, scripts/reader.js).
//
// A field is a leaf of the record (JSON pointer → value), `source` left out;
// it is right when the extraction form's record has the same value at the
// same pointer. Both parts print, per note and in total, the fields right
// out of the fields expected, and how many notes gave a record. DIR (default
// dist/) is the build to measure, so that an older build can be compared.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {joinHeader, keepExtras, validFixtures} from './extraction.js'
import {misreadFields, readerFields} from './reader.js'

const root = path.join(import.meta.dirname, '..')
const {values} = parseArgs({options: {dist: {type: 'string', default: path.join(root, 'dist')}}})
const dist = path.resolve(values.dist)
const {convert, decode} = await load(dist)

/** `convert` and `decode` of the build in `dist`. */
async function load(folder) {
  try {
    const {convert} = await import(pathToFileURL(path.join(folder, 'index.js')).href)
    const {decode} = await import(pathToFileURL(path.join(folder, 'decode.js')).href)
    return {convert, decode}
  } catch (error) {
    console.error(`Cannot load the build in ${folder} (run \`npm run build\`): ${error.message}`)
    process.exit(1)
  }
}

/** Leaf values of a record by JSON pointer, without `/source`. */
function leaves(value, pointer = '', found = new Map()) {
  if (pointer === '/source') return found
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      leaves(child, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, found)
    }
  } else {
    found.set(pointer, value)
  }
  return found
}

/** The fields of `expected` that `actual` has with the same value. */
function score(expected, actual) {
  const want = leaves(expected ?? {})
  const got = leaves(actual ?? {})
  let right = 0
  for (const [pointer, value] of want) if (got.has(pointer) && got.get(pointer) === value) right++
  return {right, expected: want.size, record: actual !== undefined}
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined
}

function runOnHeaders() {
  return validFixtures(path.join(root, 'tests/fixtures')).map(({name, path: note, bytes, record}) => {
    const file = new VFile({value: bytes})
    decode(file)
    const tidy = convert(bytes, {path: note}).record
    const joined = joinHeader(String(file.value), {keep: keepExtras(record.extra ?? [])})
    return {name, ...score(tidy ?? record, convert(joined, {path: note}).record)}
  })
}

function pairs() {
  const folder = path.join(root, 'tests/pairs')
  if (!existsSync(folder)) return []
  return readdirSync(folder, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .map(({name}) => {
      const read = (file) => readFileSync(path.join(folder, name, file))
      const expected =
        readJson(path.join(folder, name, 'record.json')) ??
        convert(read('tidy.md'), {path: `input/${name}.md`}).record
      const extracted = convert(read('extracted.txt'), {path: `input/${name}.txt`}).record
      return expected
        ? {name, ...score(expected, extracted)}
        : {name, right: 0, expected: 0, record: extracted !== undefined, unmeasured: true}
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

function asFound() {
  const folder = path.join(root, 'tests/wild')
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.txt'.length)
      const expected = readJson(path.join(folder, `${name}.expected.json`))
      const record = convert(readFileSync(path.join(folder, file)), {path: `input/${file}`}).record
      const wrong = misreadFields(expected, record).length
      return {
        name,
        right: readerFields.length - wrong,
        expected: readerFields.length,
        record: record !== undefined
      }
    })
}

function print(title, rows) {
  console.log(`\n${title}`)
  const fields = rows.map((row) => (row.unmeasured ? 'no tidy record' : `${row.right}/${row.expected}`))
  const width = Math.max(...rows.map((row) => row.name.length), 4)
  const column = Math.max(...fields.map((text) => text.length), 6)
  console.log(`  ${'note'.padEnd(width)}  ${'fields'.padStart(column)}  record`)
  for (const [index, row] of rows.entries()) {
    console.log(
      `  ${row.name.padEnd(width)}  ${fields[index]?.padStart(column)}  ${row.record ? 'yes' : 'no'}`
    )
  }
  const right = rows.reduce((sum, row) => sum + row.right, 0)
  const expected = rows.reduce((sum, row) => sum + row.expected, 0)
  const percent = expected === 0 ? 0 : (100 * right) / expected
  const records = rows.filter((row) => row.record).length
  console.log(
    `  total: ${right}/${expected} fields right (${percent.toFixed(1)} %), ${records}/${rows.length} notes gave a record`
  )
}

console.log(`Build: ${path.relative(process.cwd(), dist) || '.'}`)
print('Run-on headers (valid fixtures, title and header joined into one line):', runOnHeaders())
const measured = pairs()
if (measured.length > 0) print('Pairs (tests/pairs/*/extracted.txt against the tidy record):', measured)
const found = asFound()
if (found.length > 0) print("Notes as found (tests/wild/*.txt against a reader's expectations):", found)
