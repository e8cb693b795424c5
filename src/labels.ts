/**
 * The words notes use for header fields, participant categories and section
 * titles, per language. Matching ignores case, accents and spacing. A
 * configuration may add words (`labels` in infonote.config.json).
 */
import type {VFile} from 'vfile'
import type {Labels as LabelsConfig} from './generated/config.js'
import type {ParticipantGroup, Section} from './generated/information-note.js'
import {remembering} from './remembering.js'
import {countryCode} from './values/countries.js'
import {fold} from './values/country-name.js'
import {trailingRun, trimRun} from './values/runs.js'

export type Language = 'en' | 'es' | 'fr'
export type FieldKey =
  | 'event'
  | 'organizers'
  | 'dateAndVenue'
  | 'date'
  | 'startDate'
  | 'endDate'
  | 'venue'
  | 'participants'
export type Category = ParticipantGroup['category']
export type SectionKind = Section['kind']

type Words<Key extends string> = Record<Key, Record<Language, readonly string[]>>

const fields: Words<FieldKey> = {
  event: {en: ['event', 'event name'], es: ['evento', 'actividad'], fr: ['evenement', 'manifestation']},
  organizers: {
    en: [
      'organizers',
      'organizer',
      'organisers',
      'organiser',
      'organized by',
      'organised by',
      'co-organizers',
      'co-organisers',
      'hosted by',
      'host',
      'supported by',
      'in cooperation with',
      'in collaboration with'
    ],
    es: [
      'organizadores',
      'organizador',
      'organizado por',
      'coorganizadores',
      'anfitrion',
      'con el apoyo de',
      'en cooperacion con',
      'en colaboracion con'
    ],
    fr: [
      'organisateurs',
      'organisateur',
      'organise par',
      'coorganisateurs',
      'accueilli par',
      'avec le soutien de',
      'en cooperation avec',
      'en collaboration avec'
    ]
  },
  dateAndVenue: {
    en: [
      'date and venue',
      'dates and venue',
      'date & venue',
      'date and place',
      'dates and place',
      'date and location',
      'dates and location',
      'venue and date',
      'venue and dates',
      'place and date',
      'place and dates',
      'location and date',
      'location and dates'
    ],
    es: [
      'fecha y lugar',
      'fechas y lugar',
      'fecha y sede',
      'fechas y sede',
      'lugar y fecha',
      'lugar y fechas'
    ],
    fr: ['date et lieu', 'dates et lieu', 'lieu et date', 'lieu et dates']
  },
  date: {en: ['date', 'dates'], es: ['fecha', 'fechas'], fr: ['date', 'dates']},
  startDate: {
    en: ['start date', 'starting date'],
    es: ['fecha de inicio', 'fecha de comienzo'],
    fr: ['date de debut']
  },
  endDate: {
    en: ['end date', 'ending date'],
    es: ['fecha de finalizacion', 'fecha de termino', 'fecha de fin'],
    fr: ['date de fin', 'date de cloture']
  },
  venue: {en: ['venue', 'place', 'location'], es: ['lugar', 'sede', 'ubicacion'], fr: ['lieu']},
  participants: {en: ['participants'], es: ['participantes'], fr: ['participants']}
}

/** Category labels match as a prefix: “Civil society including the private sector”. */
const categories: Words<Category> = {
  states: {
    en: ['states', 'member states'],
    es: ['estados', 'estados miembros'],
    fr: ['etats', 'etats membres']
  },
  internationalOrganizations: {
    en: [
      'international organizations',
      'international organisations',
      'regional organizations',
      'regional organisations',
      'international and regional organizations',
      'international and regional organisations'
    ],
    es: ['organizaciones internacionales', 'organizaciones regionales', 'organismos internacionales'],
    fr: ['organisations internationales', 'organisations regionales']
  },
  civilSociety: {
    en: ['civil society', 'industry', 'academia', 'ngos', 'non-governmental organizations', 'private sector'],
    es: ['sociedad civil', 'industria', 'academia', 'ong', 'sector privado'],
    fr: ['societe civile', 'industrie', 'milieux universitaires', 'ong', 'secteur prive']
  },
  other: {en: ['others', 'other'], es: ['otros'], fr: ['autres']}
}

/** The note's title words in each language, as a pattern: "Information Note", "Nota Informativa" … */
export const noteTitles =
  "information\\s+note|nota\\s+informativa|nota\\s+de\\s+informaci[oó]n|note\\s+d['’]information"

/**
 * The title's words with the footnote marker PDF text extraction leaves
 * after them (`Information Note1`, `Nota Informativa 1`, `Note
 * d'information [1]`): the words, emphasis, a space or none, the marker.
 */
export const titleMarker = new RegExp(
  `(${noteTitles})([*_]*)( ?)(\\d{1,2}|\\[\\d{1,2}\\])(?=[\\s*_:]|$)`,
  'iu'
)

/** Words a title or a name goes on with: "Objectives of the …", "Day 2 (14 May):", "Organización Mundial de". */
export const joiningWords = new Set(
  'of the and on for to in at with by a an de del la las los el y en du des le les et à au aux d l para pour sur'.split(
    ' '
  )
)

/** A label has at most this many words, and characters: more, and it is a sentence with a colon. */
export const maxLabelWords = 6
export const maxLabelLength = 60

/** Titles of the note itself match as a prefix: "Information Note on …". */
const titles: Words<'note'> = {
  note: {
    en: ['information note'],
    es: ['nota informativa', 'nota de informacion'],
    fr: ["note d'information", 'note dinformation']
  }
}

/** Section titles match when they start with one of these words. */
const sections: Words<SectionKind> = {
  objectives: {
    en: ['objective', 'objectives'],
    es: ['objetivo', 'objetivos'],
    fr: ['objectif', 'objectifs']
  },
  background: {
    en: ['background', 'context'],
    es: ['antecedentes', 'contexto'],
    fr: ['contexte', 'historique']
  },
  highlights: {
    en: ['highlights', 'main points', 'outcomes', 'outcome', 'summary'],
    es: ['aspectos destacados', 'puntos destacados', 'resultados', 'resumen'],
    fr: ['points saillants', 'faits marquants', 'faits saillants', 'points forts', 'resultats', 'resume']
  },
  comments: {
    en: ['additional comments', 'comments', 'other comments', 'follow-up', 'follow up'],
    es: ['comentarios adicionales', 'comentarios', 'observaciones', 'seguimiento'],
    fr: ['commentaires supplementaires', 'commentaires', 'observations', 'suivi']
  },
  other: {
    en: ['conclusions', 'conclusion'],
    es: ['conclusiones', 'conclusion'],
    fr: ['conclusions', 'conclusion']
  }
}

export interface Match<Key> {
  key: Key
  languages: Language[]
  /** How many words of the text the known words cover ("Main points of discussion": 2), when they are a prefix. */
  words?: number
}

/** Reads labels and titles with one vocabulary. */
export interface Labels {
  field(label: string): Match<FieldKey> | undefined
  /**
   * A participant category, by what its label says: a known label as a
   * prefix ("Civil society including the private sector"), else a label
   * about States ("ECOWAS Member States", "Otros Estados"), about
   * international, regional or UN bodies, or about civil society, academia
   * and industry. `strict` (a label found inside a line) takes no other words
   * before a label about States than acronyms and qualifiers.
   */
  category(label: string, strict?: boolean): Match<Category> | undefined
  /** Section titles match when they start with a known title: "Objectives for …". */
  section(title: string): Match<SectionKind> | undefined
  /** A section title and nothing else ("Background", "ANTECEDENTES:"). */
  sectionTitle(title: string): Match<SectionKind> | undefined
  /** Titles of the note itself match as a prefix: "Information Note on …". */
  title(title: string): Match<'note'> | undefined
  /**
   * Whether `text` is a header label ("Event", "States") or starts with one
   * and its colon ("States: Chile"). "Other comments" is not "Others".
   */
  isLabel(text: string): boolean
}

/** `remembering` for a reading in two ways, `strict` or not. */
function rememberingStrictOrNot<Value>(read: (label: string, strict: boolean) => Value) {
  const loose = remembering((label) => read(label, false))
  const strict = remembering((label) => read(label, true))
  return (label: string, isStrict: boolean) => (isStrict ? strict(label) : loose(label))
}

export function createLabels(extra: LabelsConfig = {}): Labels {
  const normalize = remembering(normalizeLabel)
  const vocabulary = {
    fields: merge(fields, extra.fields),
    categories: merge(categories, extra.categories),
    sections: merge(sections, extra.sections)
  }
  const index = {
    fields: indexOf(vocabulary.fields),
    categories: indexOf(vocabulary.categories),
    sections: indexOf(vocabulary.sections)
  }
  const field = remembering((label) => lookup(index.fields, normalize(label), equals))
  const category = rememberingStrictOrNot((label, strict) => {
    // Inside a line, a known label is all the label: "États arabes …" is a name.
    const known = lookup(index.categories, normalize(label), strict ? equals : startsWithWord)
    // "Other States" is about States, "Others" is other.
    return known?.key === 'other'
      ? (categoryBySense(label, strict) ?? known)
      : (known ?? categoryBySense(label, strict))
  })
  const section = remembering((title) => lookup(index.sections, normalize(title), startsWithWord))
  const sectionTitle = remembering((title) => lookup(index.sections, normalize(title), equals))
  const labels: Labels = {
    field,
    category: (label, strict = false) => category(label, strict),
    section,
    sectionTitle,
    title: (title) => lookup(titleIndex, normalize(title), startsWithWord),
    isLabel(text) {
      const label = /^([^:]*):/.exec(text)?.[1]
      // A sentence is no label, whatever words it holds.
      if ((label ?? text).length > maxLabelLength) return false
      if (label !== undefined)
        return labels.field(label) !== undefined || labels.category(label) !== undefined
      const whole = normalize(text)
      return (
        lookup(index.fields, whole, equals) !== undefined ||
        lookup(index.categories, whole, equals) !== undefined
      )
    }
  }
  return labels
}

const titleIndex = indexOf(titles)
const defaultLabels = createLabels()

/** The built-in words, lowercase and without accents, as docs/reading.md lists them. */
export function builtInWords(): {fields: Words<FieldKey>; sections: Words<SectionKind>} {
  return {fields, sections}
}

/** The labels a file is read with: its configuration's, or the defaults. */
export function labelsOf(file: VFile): Labels {
  return file.data.labels ?? defaultLabels
}

/** Every word of the default header field labels, in every language: lowercase, without accents. */
export function labelWords(): Set<string> {
  const all = Object.values<Record<Language, readonly string[]>>(fields).flatMap((words) =>
    Object.values(words).flat()
  )
  return new Set(all.flatMap((label) => label.match(/[\p{L}\p{N}]+/gu) ?? []))
}

/** Lowercase, accents and final colon dropped, white space collapsed. */
function normalizeLabel(label: string): string {
  const folded = fold(label).replace(/[\s\u00a0]+/g, ' ')
  return folded.slice(0, folded.length - trailingRun(folded, /[\s:.]/)).trim()
}

/** Words of category labels, by language, lowercase and without accents. */
const sense = {
  /** What a label about States is about: "States", "Estados", "Delegations". */
  states: {
    en: ['states', 'delegations', 'countries', 'governments'],
    es: ['estados', 'delegaciones', 'paises', 'gobiernos'],
    fr: ['etats', 'delegations', 'pays', 'gouvernements']
  },
  /** Words that may stand next to one: "Member States", "États participants", "Otros Estados". */
  stateQualifiers: [
    ...['member', 'members', 'participating', 'other', 'all', 'national', 'invited', 'observer', 'parties'],
    ...['miembros', 'participantes', 'otros', 'todos', 'nacionales', 'invitados', 'observadores', 'partes'],
    ...['membres', 'participants', 'autres', 'tous', 'nationales', 'invites', 'observateurs', 'parties']
  ],
  /** Bodies: "International and regional organisations", "UN entities". */
  bodies: {
    en: ['organizations', 'organisations', 'organization', 'organisation', 'bodies', 'agencies', 'entities'],
    es: ['organizaciones', 'organismos', 'organizacion', 'organismo', 'entidades', 'agencias'],
    fr: ['organisations', 'organisation', 'organismes', 'entites', 'agences']
  },
  bodyQualifiers: [
    ...['international', 'regional', 'subregional', 'intergovernmental', 'multilateral', 'specialized'],
    ...['un', 'united', 'nations', 'other', 'and', 'or', 'of', 'the', 'system', 'relevant'],
    ...['internacionales', 'regionales', 'subregionales', 'intergubernamentales', 'multilaterales'],
    ...['naciones', 'unidas', 'otras', 'otros', 'y', 'o', 'de', 'del', 'las', 'los', 'la', 'sistema'],
    ...['internationales', 'regionales', 'sousregionales', 'intergouvernementales', 'multilaterales'],
    ...['nations', 'unies', 'autres', 'et', 'ou', 'des', 'du', 'systeme', 'onu', 'nu']
  ],
  /** Civil society, academia, industry: what makes a label about them. */
  civil: {
    en: [
      'civil',
      'ngo',
      'ngos',
      'nongovernmental',
      'academia',
      'academic',
      'universities',
      'think',
      'thinktanks'
    ],
    es: ['civil', 'ong', 'ongs', 'academia', 'academicas', 'academicos', 'universidades', 'industria'],
    fr: ['civile', 'ong', 'universitaires', 'universites', 'industrie', 'recherche', 'reflexion']
  },
  civilMore: {
    en: ['industry', 'private', 'research', 'tanks', 'tank'],
    es: ['privado', 'investigacion', 'gubernamentales'],
    fr: ['prive', 'gouvernementales']
  },
  /** People who took part otherwise: "Observers", "Special guests", "Other participants". */
  people: {
    en: [
      'observers',
      'guests',
      'participants',
      'speakers',
      'experts',
      'delegates',
      'invitees',
      'panellists',
      'panelists',
      'agencies',
      'institutions',
      'authorities',
      'ministries'
    ],
    es: [
      ...['observadores', 'invitados', 'participantes', 'ponentes', 'expertos', 'delegados', 'oradores'],
      ...['instituciones', 'agencias', 'autoridades', 'ministerios']
    ],
    fr: [
      ...['observateurs', 'invites', 'participants', 'intervenants', 'experts', 'delegues', 'orateurs'],
      ...['institutions', 'agences', 'autorites', 'ministeres']
    ]
  },
  civilQualifiers: [
    ...['society', 'sector', 'non', 'governmental', 'organizations', 'organisations', 'institutions'],
    ...['institutes', 'centres', 'centers', 'and', 'or', 'other', 'including', 'the', 'of', 'experts'],
    ...['sociedad', 'sector', 'no', 'organizaciones', 'instituciones', 'institutos', 'centros', 'y', 'o'],
    ...['de', 'la', 'las', 'los', 'otras', 'otros', 'incluido', 'incluida', 'expertos'],
    ...['societe', 'secteur', 'organisations', 'institutions', 'instituts', 'centres', 'et', 'ou'],
    ...['de', 'la', 'les', 'des', 'du', 'milieux', 'groupes', 'autres', 'y', 'compris', 'experts']
  ]
} as const

const prepositions = new Set(['of', 'from', 'in', 'de', 'del', 'des', 'du', 'd'])

/** A participant category read from what its label says, not from a list of labels. */
function categoryBySense(label: string, strict: boolean): Match<Category> | undefined {
  const words = normalizeLabel(label)
    .replace(/(\p{L})-(\p{L})/gu, '$1$2')
    .replace(/&/g, ' and ')
    .replace(/[’']/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
  if (words.length === 0 || countryCode(label) !== undefined) return undefined
  return (
    aboutStates(words, acronymsOf(label), strict) ??
    aboutAll(words, sense.civil, [...flat(sense.civilMore), ...sense.civilQualifiers], 'civilSociety') ??
    aboutAll(words, sense.bodies, sense.bodyQualifiers, 'internationalOrganizations', strict) ??
    aboutPeople(words, acronymsOf(label), strict)
  )
}

/**
 * A label about other people who took part, by a word for them that ends
 * it ("Observers", "Special guests", "Other ARF participants") or opens a
 * short one ("Invitados especiales"): `other`. Inside a line only acronyms
 * and qualifiers may stand before it. "Languages" or "Topics" name no one,
 * and a sentence with a colon is no label.
 */
function aboutPeople(words: string[], acronyms: Set<string>, strict: boolean): Match<Category> | undefined {
  const at = words.findIndex((word) => languagesOf(sense.people, word).length > 0)
  const word = words[at]
  // The word for them ends the label ("Special guests"), or opens a short one ("Invitados especiales").
  const placed = at === words.length - 1 || (!strict && at === 0 && words.length <= 3)
  if (word === undefined || !placed || words.length > maxLabelWords) return undefined
  const before = words.slice(0, at)
  if (
    strict &&
    !before.every((previous) => acronyms.has(previous) || sense.stateQualifiers.includes(previous as never))
  ) {
    return undefined
  }
  return {key: 'other', languages: languagesOf(sense.people, word)}
}

/**
 * A label about States: a word for them, with qualifiers next to it, then
 * perhaps "of …" ("Member States of the African Union"); before it,
 * acronyms and qualifiers ("ECOWAS Member States"), or, unless `strict`, any
 * group's name before a qualifier ("African Union Member States").
 */
function aboutStates(words: string[], acronyms: Set<string>, strict: boolean): Match<Category> | undefined {
  const qualifiers = new Set<string>(sense.stateQualifiers)
  for (const [index, word] of words.entries()) {
    const languages = languagesOf(sense.states, word)
    if (languages.length === 0) continue
    const after = words.slice(index + 1)
    const of = after.findIndex((next) => prepositions.has(next))
    if (!(of === -1 ? after : after.slice(0, of)).every((next) => qualifiers.has(next))) continue
    if (of === 0 && after.length === 1) continue
    const before = words.slice(0, index)
    const qualified = before.every((previous) => qualifiers.has(previous) || acronyms.has(previous))
    // "African Union Member States": a group's name, then a qualifier; "West African States" is a name.
    const named = !strict && before.length > 0 && qualifiers.has(before.at(-1) ?? '')
    if (qualified || named) return {key: 'states', languages}
  }
  return undefined
}

/** The acronyms of a label ("ECOWAS", "SICA"), as its words are compared. */
function acronymsOf(label: string): Set<string> {
  const found = label.match(/(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}\d]+(?![\p{L}\p{N}])/gu) ?? []
  return new Set(found.map((acronym) => normalizeLabel(acronym)))
}

/** A label whose words are all of one kind, with at least one (only one when `strict`) that names it. */
function aboutAll(
  words: string[],
  heads: Record<Language, readonly string[]>,
  qualifiers: readonly string[],
  key: Category,
  strict = false
): Match<Category> | undefined {
  const named = words.filter((word) => languagesOf(heads, word).length > 0)
  const languages = [...new Set(named.flatMap((word) => languagesOf(heads, word)))]
  // Inside a line, one word names the kind: "Organization Regional organisations" ends a name.
  if (languages.length === 0 || (strict && named.length > 1)) return undefined
  const allowed = new Set([...flat(heads), ...qualifiers])
  return words.every((word) => allowed.has(word)) ? {key, languages} : undefined
}

function languagesOf(words: Record<Language, readonly string[]>, word: string): Language[] {
  return (Object.keys(words) as Language[]).filter((language) => words[language].includes(word))
}

function flat(words: Record<Language, readonly string[]>): string[] {
  return Object.values(words).flat()
}

/** The default words with a configuration's added, normalized like the labels they match. */
function merge<Key extends string>(
  base: Words<Key>,
  extra: Partial<Record<Key, Partial<Record<Language, string[]>>>> | undefined
): Words<Key> {
  const merged = {} as Record<Key, Record<Language, readonly string[]>>
  for (const key of Object.keys(base) as Key[]) {
    const more = extra?.[key]
    merged[key] = {
      en: [...base[key].en, ...(more?.en ?? []).map(normalizeLabel)],
      es: [...base[key].es, ...(more?.es ?? []).map(normalizeLabel)],
      fr: [...base[key].fr, ...(more?.fr ?? []).map(normalizeLabel)]
    }
  }
  return merged
}

function equals(word: string, text: string): boolean {
  return word === text
}

function startsWithWord(word: string, text: string): boolean {
  return text === word || (text.startsWith(word) && /^[\s,(-]/.test(text.slice(word.length)))
}

/** Each word of a vocabulary by its first run of letters: a text is compared with only those it could match. */
type Index<Key> = Map<string, {key: Key; language: Language; word: string}[]>

function indexOf<Key extends string>(words: Words<Key>): Index<Key> {
  const index: Index<Key> = new Map()
  for (const key of Object.keys(words) as Key[]) {
    for (const [language, list] of Object.entries(words[key]) as [Language, readonly string[]][]) {
      for (const word of list) {
        const first = firstRun(word)
        index.set(first, [...(index.get(first) ?? []), {key, language, word}])
      }
    }
  }
  return index
}

function firstRun(text: string): string {
  return /^[\p{L}\p{N}']*/u.exec(text)?.[0] ?? ''
}

function lookup<Key extends string>(
  index: Index<Key>,
  text: string,
  matches: (word: string, text: string) => boolean
): Match<Key> | undefined {
  let best: (Match<Key> & {length: number; words: number}) | undefined
  for (const {key, language, word} of index.get(firstRun(text)) ?? []) {
    if (!matches(word, text)) continue
    // The longest word wins: "date and venue" over "date".
    if (!best || word.length > best.length) {
      best = {key, languages: [language], length: word.length, words: word.split(' ').length}
    } else if (best.key === key && word.length === best.length && !best.languages.includes(language)) {
      best.languages.push(language)
    }
  }
  return best && {key: best.key, languages: best.languages, words: best.words}
}

const maxSubheadingWords = 8
const maxSubheadingLength = 80

/**
 * Whether a line is a short sub-heading inside a section: a few words that
 * each start with a capital or a digit (or are short joining words, or
 * stand in parentheses), ending with a colon: "Day 2 (14 May):",
 * "Session 3:", "Jour 2 (15 mai) :". "Participants agreed on the following:"
 * is a sentence, not a sub-heading.
 */
export function isSubheading(text: string): boolean {
  if (text.length > maxSubheadingLength) return false
  const plain = trimRun(text.trim(), /[*_]/).trim()
  if (!/^\p{Lu}/u.test(plain) || !/\S\s?:$/.test(plain)) return false
  const words = plain
    .slice(0, -1)
    .replace(/\([^()]*\)/g, '(…)')
    .split(/\s+/)
    .filter(Boolean)
  return (
    words.length <= maxSubheadingWords &&
    words.every((word) => /^[\p{Lu}\p{N}(]/u.test(word) || joiningWords.has(word.toLowerCase()))
  )
}
