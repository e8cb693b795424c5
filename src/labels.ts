/**
 * The words notes use for header fields, participant categories and section
 * titles, per language. Matching ignores case, accents and spacing. A
 * configuration may add words (`labels` in infonote.config.json).
 */
import type {VFile} from 'vfile'
import type {Labels as LabelsConfig} from './generated/config.js'
import type {ParticipantGroup, Section} from './generated/information-note.js'
import {trailingRun} from './values/runs.js'

export type Language = 'en' | 'es' | 'fr'
export type FieldKey = 'event' | 'organizers' | 'dateAndVenue' | 'date' | 'venue' | 'participants'
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

/** Titles of the note itself match as a prefix: "Information Note on …". */
const titles: Words<'note'> = {
  note: {
    en: ['information note'],
    es: ['nota informativa', 'nota de informacion'],
    fr: ["note d'information", 'note dinformation']
  }
}

/** Section titles match when they start with one of these words. */
const sections: Words<Exclude<SectionKind, 'other'>> = {
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

/** Reads labels and titles with one vocabulary. */
export interface Labels {
  field(label: string): Match<FieldKey> | undefined
  /** Category labels match as a prefix: "Civil society including the private sector". */
  category(label: string): Match<Category> | undefined
  /** Section titles match when they start with a known title: "Objectives for …". */
  section(title: string): Match<Exclude<SectionKind, 'other'>> | undefined
  /** Titles of the note itself match as a prefix: "Information Note on …". */
  title(title: string): Match<'note'> | undefined
  /**
   * Whether `text` is a header label ("Event", "States") or starts with one
   * and its colon ("States: Chile"). "Other comments" is not "Others".
   */
  isLabel(text: string): boolean
}

export function createLabels(extra: LabelsConfig = {}): Labels {
  const vocabulary = {
    fields: merge(fields, extra.fields),
    categories: merge(categories, extra.categories),
    sections: merge(sections, extra.sections)
  }
  const labels: Labels = {
    field: (label) => lookup(vocabulary.fields, normalizeLabel(label), (word, text) => word === text),
    category: (label) => lookup(vocabulary.categories, normalizeLabel(label), startsWithWord),
    section: (title) => lookup(vocabulary.sections, normalizeLabel(title), startsWithWord),
    title: (title) => lookup(titles, normalizeLabel(title), startsWithWord),
    isLabel(text) {
      const label = /^([^:]*):/.exec(text)?.[1]
      if (label !== undefined)
        return labels.field(label) !== undefined || labels.category(label) !== undefined
      const whole = normalizeLabel(text)
      return [vocabulary.fields, vocabulary.categories].some((words) =>
        Object.values<Record<Language, readonly string[]>>(words).some((byLanguage) =>
          Object.values(byLanguage).some((list) => list.includes(whole))
        )
      )
    }
  }
  return labels
}

const defaultLabels = createLabels()

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
  const folded = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[\s\u00a0]+/g, ' ')
  return folded.slice(0, folded.length - trailingRun(folded, /[\s:.]/)).trim()
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

function startsWithWord(word: string, text: string): boolean {
  return text === word || (text.startsWith(word) && /^[\s,(-]/.test(text.slice(word.length)))
}

function lookup<Key extends string>(
  words: Words<Key>,
  text: string,
  matches: (word: string, text: string) => boolean
): Match<Key> | undefined {
  let best: (Match<Key> & {length: number}) | undefined
  for (const key of Object.keys(words) as Key[]) {
    for (const [language, list] of Object.entries(words[key]) as [Language, readonly string[]][]) {
      for (const word of list) {
        if (!matches(word, text)) continue
        // The longest word wins: "date and venue" over "date".
        if (!best || word.length > best.length) best = {key, languages: [language], length: word.length}
        else if (best.key === key && word.length === best.length && !best.languages.includes(language)) {
          best.languages.push(language)
        }
      }
    }
  }
  return best && {key: best.key, languages: best.languages}
}
