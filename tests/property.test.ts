/**
 * Property tests (fast-check). Generated notes in English, Spanish and
 * French, in every layout, come back with exactly the values they were made
 * from; mutated notes, arbitrary text and arbitrary bytes never make
 * `convert` throw or hang, and always give a record or an error.
 * `npm test` runs 2,000 cases; `npm run fuzz` (FUZZ_RUNS=…) runs more.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {convert, type InformationNote} from '../src/index.js'

const scale = Number(process.env.FUZZ_RUNS ?? 0) / 2000 || 1
const runs = (count: number) => ({numRuns: Math.round(count * scale)})
const timeout = 120_000 * scale

type Language = 'en' | 'es' | 'fr'

const vocabulary = {
  en: {
    title: 'Information Note',
    labels: [
      'Event',
      'Organizers',
      'Date and Venue',
      'Participants',
      'States',
      'International organizations'
    ],
    sections: [
      ['Objectives', 'objectives'],
      ['Background', 'background'],
      ['Highlights', 'highlights'],
      ['Additional comments', 'comments'],
      ['Programme', 'other']
    ],
    months: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December'
    ],
    and: 'and',
    states: [
      ['Chile', 'CL'],
      ['Peru', 'PE'],
      ['Japan', 'JP'],
      ['Canada', 'CA'],
      ['Mexico', 'MX'],
      ['Viet Nam', 'VN']
    ],
    venues: [
      ['Lima', 'Peru', 'PE'],
      ['Vienna', 'Austria', 'AT'],
      ['Kuala Lumpur', 'Malaysia', 'MY']
    ],
    footnote: 'For information – not an official report.'
  },
  es: {
    title: 'Nota informativa',
    labels: [
      'Evento',
      'Organizadores',
      'Fecha y lugar',
      'Participantes',
      'Estados',
      'Organizaciones internacionales'
    ],
    sections: [
      ['Objetivos', 'objectives'],
      ['Antecedentes', 'background'],
      ['Aspectos destacados', 'highlights'],
      ['Comentarios adicionales', 'comments'],
      ['Programa', 'other']
    ],
    months: [
      'enero',
      'febrero',
      'marzo',
      'abril',
      'mayo',
      'junio',
      'julio',
      'agosto',
      'septiembre',
      'octubre',
      'noviembre',
      'diciembre'
    ],
    and: 'y',
    states: [
      ['Chile', 'CL'],
      ['Perú', 'PE'],
      ['Japón', 'JP'],
      ['Canadá', 'CA'],
      ['México', 'MX'],
      ['Estados Unidos', 'US']
    ],
    venues: [
      ['Bogotá', 'Colombia', 'CO'],
      ['Ciudad de Panamá', 'Panamá', 'PA'],
      ['Santiago', 'Chile', 'CL']
    ],
    footnote: 'Para información – no es un informe oficial.'
  },
  fr: {
    title: "Note d'information",
    labels: [
      'Événement',
      'Organisateurs',
      'Date et lieu',
      'Participants',
      'États',
      'Organisations internationales'
    ],
    sections: [
      ['Objectifs', 'objectives'],
      ['Contexte', 'background'],
      ['Points saillants', 'highlights'],
      ['Commentaires supplémentaires', 'comments'],
      ['Programme', 'other']
    ],
    months: [
      'janvier',
      'février',
      'mars',
      'avril',
      'mai',
      'juin',
      'juillet',
      'août',
      'septembre',
      'octobre',
      'novembre',
      'décembre'
    ],
    and: 'et',
    states: [
      ['Chili', 'CL'],
      ['Pérou', 'PE'],
      ['Japon', 'JP'],
      ['Canada', 'CA'],
      ['Mexique', 'MX'],
      ['Royaume-Uni', 'GB']
    ],
    venues: [
      ['Lomé', 'Togo', 'TG'],
      ['Genève', 'Suisse', 'CH'],
      ['Dakar', 'Sénégal', 'SN']
    ],
    footnote: "Pour information – ceci n'est pas un rapport officiel."
  }
} as const

const organizations = [
  ['UNODA', undefined],
  ['Organization of American States (OAS)', 'OAS'],
  ['Stimson Center', undefined],
  ['European Union (EU)', 'EU'],
  ['VERTIC', undefined]
] as const

const events = [
  'Regional Workshop on Resolution 1540',
  'National Roundtable on Export Controls',
  'Peer Review 2014',
  'Seminar on Border Security'
]

const note = fc.record({
  language: fc.constantFrom<Language>('en', 'es', 'fr'),
  event: fc.constantFrom(...events),
  year: fc.integer({min: 2005, max: 2025}),
  month: fc.integer({min: 1, max: 12}),
  day: fc.integer({min: 1, max: 25}),
  length: fc.integer({min: 0, max: 3}),
  dateForm: fc.integer({min: 0, max: 2}),
  venue: fc.integer({min: 0, max: 2}),
  organizers: fc.uniqueArray(fc.integer({min: 0, max: organizations.length - 1}), {
    minLength: 1,
    maxLength: 4
  }),
  states: fc.uniqueArray(fc.integer({min: 0, max: 5}), {minLength: 1, maxLength: 5}),
  layout: fc.constantFrom('list', 'broken', 'lines', 'headings'),
  sections: fc.uniqueArray(fc.integer({min: 0, max: 4}), {minLength: 1, maxLength: 4}),
  headingForm: fc.constantFrom('item', 'atx', 'bold'),
  marker: fc.constantFrom('¹', '^1', '[1]'),
  stranded: fc.boolean(),
  crlf: fc.boolean(),
  trailingSpaces: fc.boolean(),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le')
})

type Spec = typeof note extends fc.Arbitrary<infer T> ? T : never

function dates(spec: Spec): {text: string; start: string; end: string} {
  const month = vocabulary[spec.language].months[spec.month - 1] as string
  const last = spec.day + spec.length
  const iso = (day: number) =>
    `${spec.year}-${String(spec.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  const forms = {
    en: [
      `${spec.day}-${last} ${month} ${spec.year}`,
      `${spec.day} and ${last} ${month} ${spec.year}`,
      `${month} ${spec.day}-${last}, ${spec.year}`
    ],
    es: [
      `${spec.day}-${last} de ${month} de ${spec.year}`,
      `del ${spec.day} al ${last} de ${month} de ${spec.year}`,
      `${spec.day} y ${last} de ${month} de ${spec.year}`
    ],
    fr: [
      `${spec.day}-${last} ${month} ${spec.year}`,
      `du ${spec.day} au ${last} ${month} ${spec.year}`,
      `${spec.day} au ${last} ${month} ${spec.year}`
    ]
  }
  const text =
    spec.length === 0
      ? `${spec.day} ${spec.language === 'es' ? 'de ' : ''}${month}${spec.language === 'es' ? ' de' : ''} ${spec.year}`
      : (forms[spec.language][spec.dateForm] as string)
  return {text, start: iso(spec.day), end: iso(last)}
}

function render(spec: Spec): {text: string; expected: Partial<InformationNote>} {
  const words = vocabulary[spec.language]
  const [event, organizersLabel, dateLabel, participantsLabel, statesLabel] = words.labels
  const [city, country, countryCode] = words.venues[spec.venue] as readonly [string, string, string]
  const when = dates(spec)
  const organizers = spec.organizers.map((index) => organizations[index] as (typeof organizations)[number])
  const states = spec.states.map((index) => words.states[index] as readonly [string, string])
  const list = (names: readonly string[]) =>
    names.length === 1
      ? (names[0] as string)
      : `${names.slice(0, -1).join(', ')} ${words.and} ${names.at(-1)}`
  const fields: [string, string][] = [
    [event as string, spec.event],
    [organizersLabel as string, list(organizers.map(([name]) => name))],
    [dateLabel as string, `${when.text}, ${city}, ${country}`],
    [participantsLabel as string, `${statesLabel}: ${list(states.map(([name]) => name))}`]
  ]
  const colon = spec.language === 'fr' ? ' :' : ':'
  const header = fields.flatMap(([label, value]) => {
    if (spec.layout === 'list') return [`- ${label}${colon} ${value}`]
    if (spec.layout === 'broken') return [`- ${label}${colon}** ${value}`]
    if (spec.layout === 'lines') return [`**${label}${colon}** ${value}`]
    return [`## ${label}`, '', value, '']
  })
  const marker = spec.marker
  const footnote = `${marker} ${words.footnote}`
  const sections = spec.sections.map((index, position) => {
    const [title] = words.sections[index] as readonly [string, string]
    const number = position + 1
    const heading =
      spec.headingForm === 'item'
        ? `${number}. **${title}**`
        : spec.headingForm === 'atx'
          ? `## ${number}. ${title}`
          : `**${number}. ${title}**`
    const content = position % 2 === 0 ? ['- First point;', '- Second point.'] : ['A paragraph of text.']
    return [heading, '', ...content, '', ...(spec.stranded && position === 0 ? [footnote, ''] : [])]
  })
  const lines = [
    `${words.title}${marker}`,
    '',
    ...header,
    '',
    ...sections.flat(),
    ...(spec.stranded ? [] : [footnote, ''])
  ]
  let text = lines
    .map((line) => (spec.trailingSpaces && line ? `${line}  ` : line))
    .join(spec.crlf ? '\r\n' : '\n')
  if (spec.encoding === 'utf-8-bom') text = `\ufeff${text}`
  return {
    text,
    expected: {
      language: spec.language,
      title: words.title,
      event: {
        name: spec.event,
        dates: when,
        venue: {text: `${city}, ${country}`, city, country, countryCode},
        organizers: organizers.map(([name, acronym]) =>
          acronym ? {name: name.replace(` (${acronym})`, ''), acronym} : {name}
        )
      },
      participants: [
        {
          category: 'states',
          label: statesLabel as string,
          entries: states.map(([name, code]) => ({name, countryCode: code}))
        }
      ],
      sections: spec.sections.map((index, position) => {
        const [title, kind] = words.sections[index] as readonly [
          string,
          NonNullable<InformationNote['sections']>[number]['kind']
        ]
        return {
          number: position + 1,
          title,
          kind,
          items: position % 2 === 0 ? [{text: 'First point;'}, {text: 'Second point.'}] : [],
          paragraphs: position % 2 === 0 ? [] : ['A paragraph of text.']
        }
      }),
      footnotes: [{marker: '1', text: words.footnote}]
    }
  }
}

function bytes(text: string, encoding: Spec['encoding']): Uint8Array {
  return encoding === 'utf-16le' ? Buffer.from(`\ufeff${text}`, 'utf16le') : Buffer.from(text)
}

/** What must hold for any input at all. */
function sane(input: string | Uint8Array): void {
  const {record, messages} = convert(input)
  expect(messages.filter((message) => message.ruleId === 'internal-error')).toEqual([])
  expect(record !== undefined || messages.some((message) => message.fatal)).toBe(true)
  expect(record !== undefined && messages.some((message) => message.fatal)).toBe(false)
}

describe('properties', () => {
  it(
    'a generated note gives back the values it was made from',
    () => {
      fc.assert(
        fc.property(note, (spec) => {
          const {text, expected} = render(spec)
          const {record, messages} = convert(bytes(text, spec.encoding))
          // Generated notes give no contact: that is the one warning they may have.
          const problems = messages.filter((message) => typeof message.fatal === 'boolean')
          expect(problems.filter((message) => message.ruleId !== 'missing-contact').map(String)).toEqual([])
          expect(record).toMatchObject(expected)
        }),
        runs(800)
      )
    },
    timeout
  )

  it(
    'a mutated note never breaks convert',
    () => {
      const mutation = fc.record({
        spec: note,
        edits: fc.array(
          fc.record({
            at: fc.nat(),
            kind: fc.constantFrom('delete', 'duplicate', 'insert', 'cut'),
            text: fc.string({unit: 'grapheme', maxLength: 12})
          }),
          {minLength: 1, maxLength: 5}
        )
      })
      fc.assert(
        fc.property(mutation, ({spec, edits}) => {
          let lines = render(spec).text.split('\n')
          for (const edit of edits) {
            const at = edit.at % Math.max(lines.length, 1)
            if (edit.kind === 'delete') lines.splice(at, 1)
            else if (edit.kind === 'duplicate') lines.splice(at, 0, lines[at] ?? '')
            else if (edit.kind === 'insert') lines.splice(at, 0, edit.text)
            else lines = lines.slice(0, at)
          }
          sane(lines.join('\n'))
        }),
        runs(800)
      )
    },
    timeout
  )

  it(
    'arbitrary text and bytes never break convert',
    () => {
      fc.assert(fc.property(fc.string({unit: 'grapheme', maxLength: 400}), sane), runs(200))
      fc.assert(fc.property(fc.uint8Array({maxLength: 400}), sane), runs(200))
    },
    timeout
  )
})
