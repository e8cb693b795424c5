// A corpus of notes for the benchmark and the batch tests: the valid UTF-8
// fixture notes, varied by event name, year, venue and length, so that every
// note has its own id.
import fs from 'node:fs'
import path from 'node:path'

const fixtures = path.join(import.meta.dirname, '..', 'tests', 'fixtures')

/** The fixture notes to vary: valid, UTF-8, with their event name, dates and city written out as in the record. */
export function templates() {
  return fs
    .readdirSync(fixtures)
    .sort()
    .flatMap((name) => {
      const record = JSON.parse(fs.readFileSync(path.join(fixtures, name, 'record.json'), 'utf8'))
      if (record?.source.encoding !== 'utf-8') return []
      const [file] = fs.readdirSync(path.join(fixtures, name, 'input'))
      const text = fs.readFileSync(path.join(fixtures, name, 'input', file), 'utf8').replace(/^\uFEFF/, '')
      const {name: event, dates, venue} = record.event
      if (
        !text.includes(event) ||
        !text.includes(dates.text) ||
        /february|febrero|f[ée]vrier/i.test(dates.text)
      )
        return []
      return [{name, extension: path.extname(file), text, event, dates: dates.text, city: venue.city}]
    })
}

const cities = ['Lima', 'Vienna', 'Dakar', 'Quito', 'Nairobi', 'Manila', 'Bogota', 'Lomé']

/** Writes `count` notes into `folder`; returns their paths. */
export function makeCorpus(folder, count) {
  const sources = templates()
  fs.mkdirSync(folder, {recursive: true})
  const written = []
  for (let index = 0; index < count; index++) {
    const source = sources[index % sources.length]
    const shift = Math.floor(index / sources.length) % 12
    const dates = source.dates.replace(/\b(20\d\d)\b/g, (year) => String(Number(year) - shift))
    let text = source.text
      .replace(source.event, `Session ${index + 1}: ${source.event}`)
      .replace(source.dates, dates)
    if (source.city) text = text.replace(`${source.city},`, `${cities[index % cities.length]},`)
    // Longer notes: their last paragraph again, a few times.
    const paragraphs = text.trimEnd().split(/\n\n/)
    const last = paragraphs.findLast((paragraph) => /^[A-Za-zÀ-ÿ]/.test(paragraph) && paragraph.length > 60)
    if (last) text = `${text.trimEnd()}\n\n${`${last}\n\n`.repeat(index % 4)}`
    const file = path.join(
      folder,
      `${String(Math.floor(index / 500)).padStart(3, '0')}`,
      `note-${String(index).padStart(5, '0')}${source.extension}`
    )
    fs.mkdirSync(path.dirname(file), {recursive: true})
    fs.writeFileSync(file, text)
    written.push(file)
  }
  return written
}
