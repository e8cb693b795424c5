/**
 * A record as a reviewer reads it: the event (dates, venue with its
 * country), the organizers with their registry ids, the participants by
 * category, the sections and the rest; each value carries the source range
 * it was read from (`data-at`, from the source map), which the page's
 * script highlights. The raw JSON follows, on a toggle.
 */
import type {InformationNote, Item, ParticipantGroup, Section} from '../generated/information-note.js'
import {sourceLine, text} from './html.js'
import type {NoteView} from './note.js'

/** Where each value was read: the source range of its pointer, or of its nearest parent that has one. */
type Ranges = (pointer: string) => string

/** The record pane of a note. */
export function renderRecord(view: NoteView | undefined): string {
  const record = view?.record
  if (!view || !record) {
    const why = view ? 'it has errors, marked at their lines' : 'the file could not be read'
    return `<div class="record"><h3>Record</h3><p class="none">No record: ${why}.</p></div>`
  }
  const at: Ranges = (pointer) => spanAt(view.sourceMap, pointer)
  const json = JSON.stringify(record, null, 2).split('\n').map(sourceLine).join('\n')
  return `<div class="record"><h3>Record</h3>
${event(record, at)}
${organizers(record, at)}
${participants(record.participants ?? [], at)}
${sections(record.sections ?? [], at)}
${other(record, at)}
<details class="raw"><summary>Raw JSON</summary><pre>${json}</pre></details>
</div>`
}

function spanAt(map: NoteView['sourceMap'], pointer: string): string {
  for (let at = pointer; at; at = at.slice(0, at.lastIndexOf('/'))) {
    const span = map[at]
    if (span) return `${span[0]}:${span[1]}-${span[2]}:${span[3]}`
  }
  return ''
}

/** The attributes of a value read at the range of `pointer`: it can be focused, and highlights that range. */
function located(pointer: string, at: Ranges): string {
  const range = at(pointer)
  return range ? ` data-at="${range}" tabindex="0"` : ''
}

/** A value that highlights its source when chosen; nothing when there is no value. */
function value(content: string | undefined, pointer: string, at: Ranges, tag = 'dd'): string {
  if (content === undefined || content === '') return ''
  return `<${tag} class="value"${located(pointer, at)}>${text(content)}</${tag}>`
}

/** `label: value`, when there is a value. */
function field(label: string, content: string | undefined, pointer: string, at: Ranges): string {
  const shown = value(content, pointer, at)
  return shown ? `<div class="field"><dt>${text(label)}</dt>${shown}</div>` : ''
}

function event(record: InformationNote, at: Ranges): string {
  const {name, dates, venue} = record.event
  const iso = dates.end && dates.end !== dates.start ? `${dates.start} – ${dates.end}` : dates.start
  const country =
    venue?.country && venue.countryCode ? `${venue.country} [${venue.countryCode}]` : venue?.country
  return `<h4>Event</h4><dl class="fields">${[
    field('Name', name, '/event/name', at),
    field('Dates', dates.text, '/event/dates/text', at),
    field('From – to', iso, '/event/dates/start', at),
    field('Venue', venue?.text, '/event/venue/text', at),
    field('Place', venue?.place, '/event/venue/place', at),
    field('City', venue?.city, '/event/venue/city', at),
    field('Country', country, '/event/venue/country', at),
    field('Detail', venue?.detail, '/event/venue/detail', at)
  ].join('')}</dl>`
}

/** A body as one line: name, acronym, registry id, role. */
function body(entry: {
  name: string
  acronym?: string
  org?: string
  role?: string
  countryCode?: string
}): string {
  return [
    entry.name,
    ...(entry.countryCode ? [`[${entry.countryCode}]`] : []),
    ...(entry.acronym && entry.acronym !== entry.name ? [`(${entry.acronym})`] : []),
    ...(entry.org ? [`— registry: ${entry.org}`] : []),
    ...(entry.role ? [`— ${entry.role}`] : [])
  ].join(' ')
}

function organizers(record: InformationNote, at: Ranges): string {
  const items = (record.event.organizers ?? []).map((entry, index) =>
    value(body(entry), `/event/organizers/${index}`, at, 'li')
  )
  return `<h4>Organizers</h4>${items.length > 0 ? `<ol class="list">${items.join('')}</ol>` : '<p class="none">None.</p>'}`
}

function participants(groups: readonly ParticipantGroup[], at: Ranges): string {
  const blocks = groups.map((group, index) => {
    const pointer = `/participants/${index}`
    const entries = group.entries.map((entry, item) => {
      const grouped = entry.group ? `${body(entry)} — in ${entry.group}` : body(entry)
      return value(grouped, `${pointer}/entries/${item}`, at, 'li')
    })
    const label = value(`${group.label} (${group.category})`, `${pointer}/label`, at, 'h5')
    return `${label}<ul class="list">${entries.join('')}</ul>`
  })
  return `<h4>Participants</h4>${blocks.length > 0 ? blocks.join('') : '<p class="none">None.</p>'}`
}

function sections(list: readonly Section[], at: Ranges): string {
  const blocks = list.map((section, index) => {
    const pointer = `/sections/${index}`
    const title = value(`${section.number}. ${section.title} (${section.kind})`, `${pointer}/title`, at, 'h5')
    const items = itemList(section.items, `${pointer}/items`, at)
    const paragraphs = section.paragraphs.map((paragraph, line) =>
      value(paragraph, `${pointer}/paragraphs/${line}`, at, 'p')
    )
    return `${title}${items}${paragraphs.join('')}`
  })
  return `<h4>Sections</h4>${blocks.length > 0 ? blocks.join('') : '<p class="none">None.</p>'}`
}

/** The items of a section, each with the items under it. */
function itemList(items: readonly Item[], pointer: string, at: Ranges): string {
  if (items.length === 0) return ''
  const entries = items.map((item, index) => {
    return `<li class="value"${located(`${pointer}/${index}/text`, at)}>${text(item.text)}${itemList(item.items ?? [], `${pointer}/${index}/items`, at)}</li>`
  })
  return `<ul class="list">${entries.join('')}</ul>`
}

function other(record: InformationNote, at: Ranges): string {
  const {source} = record
  const read = 'encoding' in source ? source.encoding : source.format
  const lines = [
    field('Id', record.id, '/id', at),
    field('Title', record.title, '/title', at),
    field('Language', record.language, '/language', at),
    field('Read as', read, '/source', at),
    ...(record.footnotes ?? []).map((note, index) =>
      field(`Footnote ${note.marker}`, note.text, `/footnotes/${index}`, at)
    ),
    ...(record.contacts ?? []).map((contact, index) =>
      field(`Contact (${contact.type})`, contact.value, `/contacts/${index}`, at)
    ),
    ...(record.extra ?? []).map((extra, index) =>
      field(extra.label ?? 'Text', extra.value ?? '—', `/extra/${index}`, at)
    )
  ]
  return `<h4>Other</h4><dl class="fields">${lines.join('')}</dl>`
}
