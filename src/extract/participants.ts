/**
 * Participants, grouped by category: from the "Participants" field and the
 * category fields ("States:", "International organizations:" …) around it.
 * Each group keeps its label as written and gets the category its label
 * says ("ECOWAS Member States": `states`; "Observers": `other`); the
 * "Participants" field's own entries are `other`.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Field} from '../data.js'
import type {Participant, ParticipantGroup} from '../generated/information-note.js'
import {type Category, type Labels, labelsOf} from '../labels.js'
import {report, reportEmptyEntries} from '../message.js'
import type {Span} from '../span.js'
import {countryCode} from '../values/countries.js'
import {cleanName, splitAcronym, splitEntries, splitList} from '../values/lists.js'
import {bodiesOf, linkTo, withoutRole} from './organizations.js'
import {type Recorder, recorder} from './source-map.js'

const none = /^(?:none|n\/a|nil|ninguno|ninguna|aucun|aucune)\.?$/i
/** A collective name that is not one State: "Member States of the Andean Community". */
const collective = /\b(?:states|members|countries|estados|miembros|pa[ií]ses|[ée]tats|membres|pays)\b/i
/** A label opening a value: "Participants: States: Bolivia"; not a URL's `https:`. */
const innerLabel = /^(\p{L}[^:]{0,59}?)\s*:(?!\/\/)\s*/u

interface Group {
  category: Category
  label: Span
  /** Lines of entries: the value, and the lines under the label. */
  entries: Span[]
}

export default function extractParticipants() {
  return (_: Root, file: VFile) => {
    const record = recorder(file)
    const fields = file.data.header?.fields ?? []
    const groups = fields.flatMap((field) => toGroup(field, labelsOf(file)))
    if (groups.length === 0) {
      report(
        file,
        'missing-participants',
        'Missing participants, expected a field like "Participants: States: Bolivia, Colombia"',
        file.data.header?.start
      )
    }
    file.data.participants = groups.map((group, index) =>
      readGroup(group, `/participants/${index}`, file, record)
    )
  }
}

function toGroup(field: Field, labels: Labels): Group[] {
  const label = field.label ?? field.value
  if (field.key === 'category' && field.category) {
    return [{category: field.category, label, entries: [field.value, ...field.items]}]
  }
  if (field.key !== 'participants') return []
  const value = field.value.clean()
  const inner = innerLabel.exec(value.text)
  const category = inner?.[1] ? labels.category(inner[1]) : undefined
  // "Participants: ECOWAS Member States: Benin" or "Participants: Observers: EU" opens that group.
  if (inner?.[1] && category) {
    const entries = [value.slice(inner[0].length), ...field.items]
    return [{category: category.key, label: value.slice(0, inner[1].length), entries}]
  }
  const entries = [value, ...field.items].filter((line) => line.clean().text)
  return entries.length > 0 ? [{category: 'other', label, entries}] : []
}

function readGroup(group: Group, pointer: string, file: VFile, record: Recorder): ParticipantGroup {
  record.mark(pointer, group.label)
  record.mark(`${pointer}/category`, group.label)
  const label = record.value(`${pointer}/label`, group.label.clean())
  const lines = group.entries.map((line) => line.clean()).filter((line) => line.text)
  record.mark(`${pointer}/entries`, lines[0] ?? group.label)
  const bodies = bodiesOf(file)
  const names = lines
    .filter((line) => !none.test(line.text))
    .flatMap((line) => {
      const pair = group.category === 'states' ? bothStates : undefined
      const {items, empty} = splitEntries(line, pair, bodies.find)
      reportEmptyEntries(file, record, group.label, empty)
      return items
    })
    .map((item) => cleanName(item))
    .filter((name) => /[\p{L}\p{N}]/u.test(name.text))
  const entries: Participant[] = []
  for (const written of names) {
    const {name, role} = withoutRole(written, `${pointer}/entries/${entries.length}`, record)
    const found = group.category === 'states' ? readState(name, file, record) : [{name}]
    for (const {name: span, code, group: inGroup} of found) {
      const at = `${pointer}/entries/${entries.length}`
      record.mark(at, span)
      const entry: Participant = {name: record.value(`${at}/name`, span)}
      if (code) {
        record.mark(`${at}/countryCode`, span)
        entry.countryCode = code
      }
      if (inGroup) entry.group = record.value(`${at}/group`, inGroup)
      const linked = code ? undefined : linkTo(bodies, ...nameAndAcronym(span), at, record)
      entries.push({...entry, ...linked, ...(role && found.length === 1 ? {role} : {})})
    }
  }
  return {category: group.category, label, entries}
}

/** A participant's name as the registry reads it: "Center for Nonproliferation Studies (CNS)" is both. */
function nameAndAcronym(name: Span): [Span, Span | undefined] {
  const {name: rest, acronym} = splitAcronym(name)
  return [rest, acronym]
}

/** "Chile and Peru" lists two States; "Bosnia and Herzegovina" is one. */
function bothStates(left: Span, right: Span): boolean {
  return countryCode(cleanName(left).text) !== undefined && countryCode(cleanName(right).text) !== undefined
}

interface State {
  name: Span
  code?: string
  group?: Span
}

/**
 * A State, or a group with its members in parentheses
 * ("Member States of the Andean Community (Bolivia, Colombia)") expanded.
 */
function readState(name: Span, file: VFile, record: Recorder): State[] {
  const code = countryCode(name.text)
  if (code) return [{name, code}]
  const open = name.text.indexOf('(')
  if (open > 0 && name.text.endsWith(')')) {
    const group = name.slice(0, open).trim()
    const members = splitList(name.slice(open + 1, name.text.length - 1)).map((member) => cleanName(member))
    const codes = members.map((member) => countryCode(member.text))
    if (members.length > 0 && codes.every((member) => member !== undefined)) {
      return members.map((member, index) => ({name: member, code: codes[index] as string, group}))
    }
    // "Bolivia (Plurinational State of)": the name before the parenthesis.
    const outer = countryCode(group.text)
    if (outer) return [{name, code: outer}]
  }
  if (!collective.test(name.text)) {
    report(
      file,
      'unknown-country',
      `Unexpected State "${name.value}", expected a country name like "Colombia" or "USA"`,
      record.position(name)
    )
  }
  return [{name}]
}
