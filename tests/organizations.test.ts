/**
 * The registry of organizations (src/data/organizations.json): every name
 * and acronym of every body is found whole in a list, with its id, however
 * many commas and conjunctions it holds; entries that name a body are
 * linked to it.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import check from '../src/generated/organizations.validate.cjs'
import {organizations} from '../src/generated/organizations-data.js'
import {convert} from '../src/index.js'
import {Span} from '../src/span.js'
import {fold} from '../src/values/country-name.js'
import {cleanName, splitAcronym, splitList, splitRole} from '../src/values/lists.js'
import {type Body, createBodies, defaultBodies} from '../src/values/organizations.js'
import {messageLines} from './helpers.js'

type Language = 'en' | 'es' | 'fr'
const languages: Language[] = ['en', 'es', 'fr']
const and: Record<Language, string> = {en: ' and ', es: ' y ', fr: ' et '}

/** The ids of the bodies a list names, as the organizers and participants are read (`-` for none). */
function ids(list: string, bodies = defaultBodies()): string[] {
  return splitList(Span.fromValue(list, 0, list.length), undefined, bodies.find).map((item) => {
    const {name} = splitRole(cleanName(item))
    const {name: rest, acronym} = splitAcronym(name)
    return bodies.of(rest.text, acronym?.text)?.id ?? '-'
  })
}

/** Two other bodies with a name in `language`, to stand around a name in a list. */
function neighbours(body: Body, language: Language): [Body, Body] {
  const others = organizations.filter((other) => other.id !== body.id && other.names[language].length > 0)
  const at = organizations.indexOf(body) % (others.length - 1)
  return [others[at] as Body, others[at + 1] as Body]
}

describe('the registry', () => {
  it('validates against its schema, with unique ids, names and acronyms', () => {
    expect([check(organizations), check.errors ?? []]).toEqual([true, []])
    // One body may write a name the same way in two languages ("Comité 1540").
    const keys = organizations.flatMap((body) => [
      `id:${body.id}`,
      ...new Set(
        Object.values(body.names)
          .flat()
          .map((name) => `name:${fold(name)}`)
      ),
      ...body.acronyms.map((acronym) => `acronym:${acronym}`)
    ])
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([])
    expect(organizations.length).toBeGreaterThanOrEqual(80)
  })

  it.each(organizations)('finds each name and acronym of $id, alone and in a list of three', (body) => {
    for (const language of languages) {
      const [before, after] = neighbours(body, language)
      const written = [...body.names[language], ...body.acronyms]
      for (const name of written) {
        expect(ids(name), name).toEqual([body.id])
        const list = `${before.names[language][0]}, ${name}${and[language]}${after.names[language][0]}`
        expect(ids(list), list).toEqual([before.id, body.id, after.id])
      }
    }
  })

  it('splits a list of registry names back into those names', () => {
    const named = organizations.flatMap((body) =>
      languages.flatMap((language) => body.names[language].map((name) => ({id: body.id, name, language})))
    )
    fc.assert(
      fc.property(
        fc.constantFrom(...languages),
        fc.uniqueArray(fc.constantFrom(...named), {
          minLength: 2,
          maxLength: 6,
          selector: (entry) => entry.id
        }),
        (language, entries) => {
          const names = entries.map((entry) => entry.name)
          const list = `${names.slice(0, -1).join(', ')}${and[language]}${names.at(-1)}`
          expect(ids(list)).toEqual(entries.map((entry) => entry.id))
        }
      ),
      {numRuns: 500}
    )
  })
})

const header = (organizers: string, participants = 'States: Ghana') =>
  `Information Note\n\nEvent: Seminar\nOrganizers: ${organizers}\nDate and venue: 3 May 2016, Accra, Ghana\nParticipants: ${participants}\n\n## 1. Highlights\n\nTalks.\n`

describe('linking', () => {
  it('keeps whole the names that hold commas and conjunctions, and links them', () => {
    const record = convert(
      header(
        'Centro Regional de las Naciones Unidas para la Paz, el Desarme y el Desarrollo en América Latina y el Caribe (UNLIREC), UN Regional Centre for Peace and Disarmament in Asia and the Pacific and UNODA'
      )
    ).record
    expect(record?.event.organizers).toEqual([
      {
        name: 'Centro Regional de las Naciones Unidas para la Paz, el Desarme y el Desarrollo en América Latina y el Caribe',
        acronym: 'UNLIREC',
        org: 'unlirec'
      },
      {
        name: 'UN Regional Centre for Peace and Disarmament in Asia and the Pacific',
        acronym: 'UNRCPD',
        org: 'unrcpd'
      },
      {name: 'UNODA', acronym: 'UNODA', org: 'unoda'}
    ])
  })

  it('cuts at a conjunction next to a known name, and nowhere inside it', () => {
    expect(
      ids(
        'Ministerio de Relaciones Exteriores de Guatemala y Centro Regional de las Naciones Unidas para la Paz, el Desarme y el Desarrollo en América Latina y el Caribe'
      )
    ).toEqual(['-', 'unlirec'])
    expect(ids('Ministry of Defence and Foreign Affairs of Chile')).toEqual(['-'])
  })

  it('keeps an entry with its role whole', () => {
    const record = convert(
      header(
        'Government of Japan, as Chair of the G7 Global Partnership, UNODA',
        'States: Ghana (host), Togo'
      )
    ).record
    expect([record?.event.organizers, record?.participants?.[0]?.entries]).toEqual([
      [
        {name: 'Government of Japan', role: 'Chair of the G7 Global Partnership'},
        {name: 'UNODA', acronym: 'UNODA', org: 'unoda'}
      ],
      [
        {name: 'Ghana', countryCode: 'GH', role: 'host'},
        {name: 'Togo', countryCode: 'TG'}
      ]
    ])
  })

  it('links participants with the same fields, and leaves States their country code', () => {
    const record = convert(
      header(
        'UNODA',
        'States: Ghana\nInternational organizations: International Atomic Energy Agency (IAEA), OPAQ, Acme Institute'
      )
    ).record
    expect(record?.participants?.[1]?.entries).toEqual([
      {name: 'International Atomic Energy Agency (IAEA)', acronym: 'IAEA', org: 'iaea'},
      {name: 'OPAQ', acronym: 'OPAQ', org: 'opcw'},
      {name: 'Acme Institute'}
    ])
  })

  it("adds a configuration's bodies, and says which organizers are unknown when asked", () => {
    const config = {
      organizations: [{id: 'acme', acronyms: ['ACME'], names: {en: ['Acme Institute'], es: [], fr: []}}],
      rules: {'unknown-organization': 'info' as const}
    }
    const result = convert(header('Acme Institute, Beta Foundation, Government of Ghana'), {config})
    expect(result.record?.event.organizers).toEqual([
      {name: 'Acme Institute', acronym: 'ACME', org: 'acme'},
      {name: 'Beta Foundation'},
      {name: 'Government of Ghana'}
    ])
    expect(messageLines(result.messages).filter((line) => line.endsWith('unknown-organization'))).toEqual([
      '4:29 info Organizer "Beta Foundation" is not in the registry of organizations (see docs/organizations.md) unknown-organization'
    ])
    const quiet = convert(header('Beta Foundation'))
    expect(messageLines(quiet.messages).filter((line) => line.endsWith('unknown-organization'))).toEqual([])
    expect(createBodies(config.organizations).of('ACME')?.id).toBe('acme')
  })
})

describe('the configuration', () => {
  it('takes bodies of the registry shape', async () => {
    const {default: checkConfig} = await import('../src/generated/config.validate.cjs')
    expect([checkConfig({organizations}), checkConfig.errors ?? []]).toEqual([true, []])
  })
})
