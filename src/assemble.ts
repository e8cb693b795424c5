/**
 * Stage 5: the record, put together from the parts on `file.data` with keys
 * in the schema's order, whenever the note names its event and start date.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {InformationNote} from './generated/information-note.js'
import {placeOf} from './tree.js'

const maxSlug = 80
/** Letters that are not an accented form of another, spelled out. */
const letters: Record<string, string> = {
  œ: 'oe',
  Œ: 'OE',
  æ: 'ae',
  Æ: 'AE',
  ß: 'ss',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  þ: 'th',
  Þ: 'TH'
}

export default function assemble() {
  return (_: Root, file: VFile) => {
    const {
      source,
      language,
      title,
      event,
      participants,
      sections,
      footnotes,
      contacts,
      extra = []
    } = file.data
    const {name, dates, venue, organizers} = event ?? {}
    // A record needs the event's name and start date (its id is made of
    // them); whether a missing part is an error is the configuration's say
    // (`required`), applied once the pipeline has run: a note with errors
    // then loses its record.
    if (!source || !name || !dates) return

    const record: InformationNote = {
      schemaVersion: 3,
      id: `${dates.start}-${slug(name) || source.sha256.slice(0, 12)}`,
      source,
      ...(language === undefined ? {} : {language}),
      ...(title === undefined ? {} : {title}),
      event: {name, dates, ...(venue ? {venue} : {}), ...(organizers ? {organizers} : {})},
      participants: participants ?? [],
      sections: sections ?? [],
      footnotes: footnotes ?? [],
      contacts: contacts ?? [],
      extra
    }
    // Values that come from the whole note rather than from one place in it.
    const map = file.data.sourceMap ?? new Map()
    const whole = {
      start: {line: 1, column: 1, offset: 0},
      end: placeOf(file).toPoint(String(file.value).length)
    }
    if (whole.end) {
      for (const pointer of [
        '/schemaVersion',
        '/source/path',
        '/source/sha256',
        '/source/encoding',
        '/source/format',
        '/language'
      ]) {
        map.set(pointer, {start: whole.start, end: whole.end})
      }
    }
    const named = map.get('/event/name')
    if (named) map.set('/id', named)
    file.data.sourceMap = map
    file.data.record = record
  }
}

/**
 * Lowercase ASCII letters and digits joined by hyphens, accents dropped,
 * at most 80 characters, cut at a word boundary.
 */
export function slug(text: string): string {
  const full = text
    .replace(/[œŒæÆßøØłŁđĐþÞ]/g, (letter) => letters[letter] ?? letter)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  if (full.length <= maxSlug) return full
  const cut = full.slice(0, maxSlug + 1).lastIndexOf('-')
  return cut > 0 ? full.slice(0, cut) : full.slice(0, maxSlug)
}
