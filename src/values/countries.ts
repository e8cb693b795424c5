/**
 * Country names → ISO 3166-1 alpha-2 codes, from the English, Spanish and
 * French names (with their common aliases) of i18n-iso-countries.
 * A name matches whole, never as a substring: "Niger" is not "Nigeria".
 */
import {createRequire} from 'node:module'
import countries from 'i18n-iso-countries/index.js'

const require = createRequire(import.meta.url)
const locales = ['en', 'es', 'fr'] as const

let index: Map<string, string> | undefined

export function countryCode(name: string): string | undefined {
  index ??= buildIndex()
  return index.get(normalizeName(name))
}

/** Case, accents, apostrophe style, spacing and a leading "the" do not matter. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[\s\u00a0-]+/g, ' ')
    .replace(/^(the|el|la|los|las|le|les|l') ?/, '')
    .replace(/^[\s.,;:]+|[\s.,;:]+$/g, '')
}

function buildIndex(): Map<string, string> {
  const names = new Map<string, string>()
  for (const locale of locales) {
    countries.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`))
    for (const [code, aliases] of Object.entries(countries.getNames(locale, {select: 'all'}))) {
      for (const alias of aliases) {
        const key = normalizeName(alias)
        // English comes first and wins where a name means two things.
        if (!names.has(key)) names.set(key, code)
      }
    }
  }
  return names
}
