/**
 * The words notes use for header fields, participant categories and section
 * titles, per language. Matching ignores case, accents and spacing.
 */
import type {ParticipantGroup, Section} from './generated/information-note.js'

export type Language = 'en' | 'es' | 'fr'
export type FieldKey = 'event' | 'organizers' | 'dateAndVenue' | 'date' | 'venue' | 'participants'
export type Category = ParticipantGroup['category']
export type SectionKind = Section['kind']

type Vocabulary<Key extends string> = Record<Key, Record<Language, readonly string[]>>

const fields: Vocabulary<FieldKey> = {
  event: {en: ['event', 'event name'], es: ['evento', 'actividad'], fr: ['evenement', 'manifestation']},
  organizers: {
    en: [
      'organizers',
      'organizer',
      'organisers',
      'organiser',
      'organized by',
      'organised by',
      'co-organizers'
    ],
    es: ['organizadores', 'organizador', 'organizado por', 'coorganizadores'],
    fr: ['organisateurs', 'organisateur', 'organise par', 'coorganisateurs']
  },
  dateAndVenue: {
    en: ['date and venue', 'dates and venue', 'date & venue', 'date and place', 'date and location'],
    es: ['fecha y lugar', 'fechas y lugar', 'fecha y sede'],
    fr: ['date et lieu', 'dates et lieu']
  },
  date: {en: ['date', 'dates'], es: ['fecha', 'fechas'], fr: ['date', 'dates']},
  venue: {en: ['venue', 'place', 'location'], es: ['lugar', 'sede'], fr: ['lieu']},
  participants: {en: ['participants'], es: ['participantes'], fr: ['participants']}
}

/** Category labels match as a prefix: “Civil society including the private sector”. */
const categories: Vocabulary<Category> = {
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

/** Titles of the note itself match as a prefix: "Information Note on …". */
const titles: Vocabulary<'note'> = {
  note: {
    en: ['information note'],
    es: ['nota informativa', 'nota de informacion'],
    fr: ["note d'information", 'note dinformation']
  }
}

/** Section titles match when they start with one of these words. */
const sections: Vocabulary<Exclude<SectionKind, 'other'>> = {
  objectives: {en: ['objective', 'objectives'], es: ['objetivo', 'objetivos'], fr: ['objectif', 'objectifs']},
  background: {
    en: ['background', 'context'],
    es: ['antecedentes', 'contexto'],
    fr: ['contexte', 'historique']
  },
  highlights: {
    en: ['highlights', 'main points', 'outcomes'],
    es: ['aspectos destacados', 'puntos destacados', 'resultados'],
    fr: ['points saillants', 'faits marquants', 'resultats']
  },
  comments: {
    en: ['additional comments', 'comments', 'other comments'],
    es: ['comentarios adicionales', 'comentarios', 'observaciones'],
    fr: ['commentaires supplementaires', 'commentaires', 'observations']
  }
}

export interface Match<Key> {
  key: Key
  languages: Language[]
}

/** Lowercase, accents and final colon dropped, white space collapsed. */
export function normalizeLabel(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[\s:.]+$/, '')
    .trim()
}

export function matchField(label: string): Match<FieldKey> | undefined {
  return lookup(fields, normalizeLabel(label), (word, text) => word === text)
}

export function matchCategory(label: string): Match<Category> | undefined {
  return lookup(categories, normalizeLabel(label), startsWithWord)
}

export function matchSection(title: string): Match<Exclude<SectionKind, 'other'>> | undefined {
  return lookup(sections, normalizeLabel(title), startsWithWord)
}

/** Whether `text` is (or starts with) a header label: "Event", "States: …". */
/** Every word of the header field labels, in every language: lowercase, without accents. */
export function labelWords(): Set<string> {
  const all = Object.values<Record<Language, readonly string[]>>(fields).flatMap((words) =>
    Object.values(words).flat()
  )
  return new Set(all.flatMap((label) => label.match(/[\p{L}\p{N}]+/gu) ?? []))
}

/**
 * Whether `text` is a header label ("Event", "States") or starts with one
 * and its colon ("States: Chile"). "Other comments" is not "Others".
 */
export function isLabel(text: string): boolean {
  const label = /^([^:]*):/.exec(text)?.[1]
  if (label !== undefined) return matchField(label) !== undefined || matchCategory(label) !== undefined
  const whole = normalizeLabel(text)
  return [fields, categories].some((vocabulary) =>
    Object.values<Record<Language, readonly string[]>>(vocabulary).some((words) =>
      Object.values(words).some((list) => list.includes(whole))
    )
  )
}

export function matchTitle(title: string): Match<'note'> | undefined {
  return lookup(titles, normalizeLabel(title), startsWithWord)
}

function startsWithWord(word: string, text: string): boolean {
  return text === word || (text.startsWith(word) && /^[\s,(-]/.test(text.slice(word.length)))
}

function lookup<Key extends string>(
  vocabulary: Vocabulary<Key>,
  text: string,
  matches: (word: string, text: string) => boolean
): Match<Key> | undefined {
  let best: (Match<Key> & {length: number}) | undefined
  for (const key of Object.keys(vocabulary) as Key[]) {
    for (const [language, words] of Object.entries(vocabulary[key]) as [Language, readonly string[]][]) {
      for (const word of words) {
        if (!matches(word, text)) continue
        // The longest word wins: “date and venue” over “date”.
        if (!best || word.length > best.length) best = {key, languages: [language], length: word.length}
        else if (best.key === key && word.length === best.length && !best.languages.includes(language)) {
          best.languages.push(language)
        }
      }
    }
  }
  return best && {key: best.key, languages: best.languages}
}
