/**
 * The extractors on small whole notes, in English, Spanish and French:
 * dates and venue in either order, start and end date fields, numeric
 * dates, venues, empty entries and the participants block. Each test
 * asserts the exact record part and the exact messages.
 */
import {describe, expect, it} from 'vitest'
import {convert} from '../src/index.js'
import {messageLines} from './helpers.js'

type Language = 'en' | 'es' | 'fr'

const frame: Record<Language, {title: string; body: string[]; footnote: string}> = {
  en: {
    title: 'Information Note¹',
    body: ['1. Objectives', '', '- Raise awareness.'],
    footnote: '¹ For information – not an official report.'
  },
  es: {
    title: 'Nota informativa¹',
    body: ['1. Objetivos', '', '- Sensibilizar a las autoridades.'],
    footnote: '¹ Para información – no es un informe oficial.'
  },
  fr: {
    title: "Note d'information¹",
    body: ['1. Objectifs', '', '- Sensibiliser les autorités.'],
    footnote: "¹ Pour information – ce n'est pas un rapport officiel."
  }
}

/** A valid note in `language` whose header (from line 3) is `header`. */
function note(language: Language, header: string[]): string {
  const {title, body, footnote} = frame[language]
  return [title, '', ...header, '', ...body, '', 'Contact 1540experts@un.org.', '', footnote, ''].join('\n')
}

/** The messages of a note but the repairs every note above gets (its footnote and its section). */
function messages(text: string): string[] {
  return messageLines(convert(text).messages).filter(
    (line) => !/ (?:footnote-marker|list-item-heading)$/.test(line)
  )
}

const labels: Record<Language, {event: string; organizers: string; participants: string}> = {
  en: {
    event: 'Event: Workshop',
    organizers: 'Organizers: UNODA',
    participants: 'Participants: States: Ghana'
  },
  es: {
    event: 'Evento: Taller',
    organizers: 'Organizadores: UNODA',
    participants: 'Participantes: Estados: Ghana'
  },
  fr: {
    event: 'Événement : Atelier',
    organizers: 'Organisateurs : UNODA',
    participants: 'Participants : États : Ghana'
  }
}

/** A note whose event fields are the usual ones around `dates` (the lines that give dates and venue). */
function eventNote(language: Language, dates: string[]): string {
  const {event, organizers, participants} = labels[language]
  return note(language, [event, organizers, ...dates, participants])
}

const dateLine: Record<Language, string> = {
  en: 'Date: 3 May 2016',
  es: 'Fecha: 3 de mayo de 2016',
  fr: 'Date : 3 mai 2016'
}
const venueLine: Record<Language, string> = {
  en: 'Venue: Accra, Ghana',
  es: 'Lugar: Acra, Ghana',
  fr: 'Lieu : Accra, Ghana'
}

const accra = {text: 'Accra, Ghana', city: 'Accra', country: 'Ghana', countryCode: 'GH'}
const acra = {text: 'Acra, Ghana', city: 'Acra', country: 'Ghana', countryCode: 'GH'}

describe('date and venue in either order', () => {
  it.each<[Language, string, string, object]>([
    ['en', 'Date and venue: 3-4 May 2016, Accra, Ghana', '3-4 May 2016', accra],
    ['en', 'Venue and Date: Accra, Ghana, 3-4 May 2016', '3-4 May 2016', accra],
    ['en', 'Place and date: Accra, Ghana – 3-4 May 2016', '3-4 May 2016', accra],
    ['en', 'Dates and Venue: 3 and 4 May 2016; Accra, Ghana', '3 and 4 May 2016', accra],
    ['es', 'Fecha y lugar: 3 y 4 de mayo de 2016, Acra, Ghana', '3 y 4 de mayo de 2016', acra],
    ['es', 'Lugar y fecha: Acra, Ghana, 3 y 4 de mayo de 2016', '3 y 4 de mayo de 2016', acra],
    ['fr', 'Date et lieu : 3 et 4 mai 2016, Accra, Ghana', '3 et 4 mai 2016', accra],
    ['fr', 'Lieu et date : Accra, Ghana, 3 et 4 mai 2016', '3 et 4 mai 2016', accra]
  ])('%s: %s', (language, line, text, venue) => {
    const source = eventNote(language, [line])
    expect(convert(source).record?.event).toMatchObject({
      dates: {text, start: '2016-05-03', end: '2016-05-04'},
      venue
    })
    expect(messages(source)).toEqual([])
  })

  it('reads a place before the city, with the dates after them', () => {
    const source = eventNote('en', ['Venue and Date: Labadi Beach Hotel, Accra, Ghana, 3-4 May 2016'])
    const event = convert(source).record?.event
    expect(event?.venue).toEqual({
      text: 'Labadi Beach Hotel, Accra, Ghana',
      place: 'Labadi Beach Hotel',
      city: 'Accra',
      country: 'Ghana',
      countryCode: 'GH'
    })
    // The record's keys come in the schema's order.
    expect(Object.keys(event?.venue ?? {})).toEqual(['text', 'place', 'city', 'country', 'countryCode'])
  })

  it('reports a day that does not exist where the venue comes first', () => {
    expect(messages(eventNote('en', ['Venue and Date: Minsk, Belarus, 31 April 2015']))).toEqual([
      '5:33 error Unexpected date "31 April 2015": April has 30 days unparsed-date'
    ])
  })

  it('quotes the part with the digits when it cannot read the date', () => {
    expect(messages(eventNote('en', ['Venue and Date: Accra, Ghana, 3-4 May']))).toEqual([
      '5:31 error Unexpected date "3-4 May", expected a day, month and year like "12-14 March 2012" unparsed-date'
    ])
  })
})

describe('start and end date fields', () => {
  it.each<[Language, string[], string]>([
    [
      'en',
      ['Start Date: 24 September 2014', 'End Date: 26 September 2014'],
      '24 September 2014 – 26 September 2014'
    ],
    [
      'es',
      ['Fecha de inicio: 24 de septiembre de 2014', 'Fecha de finalización: 26 de septiembre de 2014'],
      '24 de septiembre de 2014 – 26 de septiembre de 2014'
    ],
    [
      'fr',
      ['Date de début : 24 septembre 2014', 'Date de fin : 26 septembre 2014'],
      '24 septembre 2014 – 26 septembre 2014'
    ]
  ])('%s: %j', (language, lines, text) => {
    const venue = venueLine[language]
    const source = eventNote(language, [...lines, venue])
    expect(convert(source).record?.event.dates).toEqual({text, start: '2014-09-24', end: '2014-09-26'})
    expect(messages(source)).toEqual([])
  })

  it('gives no end without an end date', () => {
    const source = eventNote('en', ['Start Date: 24 September 2014', 'Venue: Accra, Ghana'])
    expect(convert(source).record?.event.dates).toEqual({text: '24 September 2014', start: '2014-09-24'})
  })

  it('reports an end before the start', () => {
    const source = eventNote('en', [
      'Start Date: 26 September 2014',
      'End Date: 24 September 2014',
      'Venue: Accra'
    ])
    expect(messages(source)).toEqual([
      '5:13 error Unexpected date "26 September 2014 – 24 September 2014": the end is before the start unparsed-date'
    ])
  })

  it('keeps a second start date, or one after a date, in extra', () => {
    const twice = eventNote('en', [
      'Start Date: 24 September 2014',
      'Start Date: 25 September 2014',
      'Venue: Accra, Ghana'
    ])
    expect(convert(twice).record?.extra).toEqual([{label: 'Start Date', value: '25 September 2014'}])
    expect(messages(twice)).toEqual([
      '6:1 info Kept field "Start Date" in "extra": the note has it twice unknown-field'
    ])
    const both = eventNote('en', [
      'Date: 24 September 2014',
      'End Date: 26 September 2014',
      'Venue: Accra, Ghana'
    ])
    expect(convert(both).record?.event.dates).toEqual({
      text: '24 September 2014',
      start: '2014-09-24',
      end: '2014-09-24'
    })
    expect(messages(both)).toEqual([
      '6:1 info Kept field "End Date" in "extra": the note has it twice unknown-field'
    ])
  })

  it('reports a missing date when only the end is given', () => {
    expect(messages(eventNote('en', ['End Date: 26 September 2014', 'Venue: Accra, Ghana']))).toEqual([
      '5:1 error Missing date, expected a field like "Date and Venue: 12-14 March 2012, Bogota, Colombia" missing-date'
    ])
  })
})

describe('organizers', () => {
  it.each<[Language, string[], string[]]>([
    [
      'en',
      [
        'Hosted by: Government of Ghana',
        'Supported by: the European Union (EU)',
        'In cooperation with: UNODA'
      ],
      ['Government of Ghana', 'European Union', 'UNODA']
    ],
    [
      'es',
      ['Anfitrión: Gobierno de Ghana', 'Con el apoyo de: la Unión Europea (UE)', 'En cooperación con: UNODA'],
      ['Gobierno de Ghana', 'Unión Europea', 'UNODA']
    ],
    [
      'fr',
      [
        'Accueilli par : Gouvernement du Ghana',
        "Avec le soutien de : l'Union européenne (UE)",
        'En coopération avec : UNODA'
      ],
      ['Gouvernement du Ghana', 'Union européenne', 'UNODA']
    ]
  ])('%s: every organizer field counts, in source order', (language, lines, names) => {
    const {event, participants} = labels[language]
    const date = dateLine[language]
    const venue = venueLine[language]
    const source = note(language, [event, ...lines, date, venue, participants])
    expect(convert(source).record?.event.organizers?.map((organizer) => organizer.name)).toEqual(names)
    expect(messages(source)).toEqual([])
  })
})

describe('numeric dates', () => {
  it.each<[Language, string]>([
    ['en', 'Date: 03/04/2015'],
    ['es', 'Fecha: 03/04/2015'],
    ['fr', 'Date : 03.04.2015']
  ])('%s: %s is read day first, with an info', (language, line) => {
    const venue = venueLine[language]
    const source = eventNote(language, [line, venue])
    const text = line.slice(line.indexOf('03'))
    expect(convert(source).record?.event.dates).toEqual({text, start: '2015-04-03', end: '2015-04-03'})
    expect(messages(source)).toEqual([
      `5:${line.indexOf('03') + 1} info Read "${text}" day first (2015-04-03), as the UN writes dates; month first it would be 2015-03-04 ambiguous-date`
    ])
  })

  it('reads a day over 12 without a message', () => {
    const source = eventNote('en', ['Date and Venue: 24/09/2014 - 26/09/2014, Accra, Ghana'])
    expect(convert(source).record?.event.dates).toEqual({
      text: '24/09/2014 - 26/09/2014',
      start: '2014-09-24',
      end: '2014-09-26'
    })
    expect(messages(source)).toEqual([])
  })

  it('reads month first when day first is impossible, with an info', () => {
    const source = eventNote('en', ['Date and Venue: 09/24/2014, Accra, Ghana'])
    expect(convert(source).record?.event.dates).toEqual({
      text: '09/24/2014',
      start: '2014-09-24',
      end: '2014-09-24'
    })
    expect(messages(source)).toEqual([
      '5:17 info Read "09/24/2014" month first (2014-09-24), as day first there is no month 24 ambiguous-date'
    ])
  })

  it('reads ISO dates', () => {
    const source = eventNote('en', ['Date and Venue: 2014-09-24/26, Accra, Ghana'])
    expect(convert(source).record?.event.dates).toEqual({
      text: '2014-09-24/26',
      start: '2014-09-24',
      end: '2014-09-26'
    })
    expect(messages(source)).toEqual([])
  })

  it.each<[Language, string, string]>([
    [
      'en',
      'Date: 29 February 2015',
      '5:7 error Unexpected date "29 February 2015": 2015 is not a leap year, February has 28 days unparsed-date'
    ],
    [
      'es',
      'Fecha: 31 de abril de 2015',
      '5:8 error Unexpected date "31 de abril de 2015": April has 30 days unparsed-date'
    ],
    ['fr', 'Date : 31/04/2015', '5:8 error Unexpected date "31/04/2015": April has 30 days unparsed-date']
  ])('%s: a day that does not exist says why', (language, line, message) => {
    const venue = venueLine[language]
    const source = eventNote(language, [line, venue])
    expect(convert(source).record).toBeUndefined()
    expect(messages(source)).toEqual([message])
  })
})

describe('venues', () => {
  it.each<[Language, string, object]>([
    [
      'en',
      'Venue: Accra (Ghana)',
      {text: 'Accra (Ghana)', city: 'Accra', country: 'Ghana', countryCode: 'GH'}
    ],
    [
      'es',
      'Lugar: Hotel Sheraton, Ciudad de Panamá, Panamá',
      {
        text: 'Hotel Sheraton, Ciudad de Panamá, Panamá',
        place: 'Hotel Sheraton',
        city: 'Ciudad de Panamá',
        country: 'Panamá',
        countryCode: 'PA'
      }
    ],
    [
      'fr',
      'Lieu : Palais des Nations, Genève (Suisse)',
      {
        text: 'Palais des Nations, Genève (Suisse)',
        place: 'Palais des Nations',
        city: 'Genève',
        country: 'Suisse',
        countryCode: 'CH'
      }
    ],
    [
      'en',
      'Venue: Vienna, Austria (Vienna International Centre)',
      {
        text: 'Vienna, Austria (Vienna International Centre)',
        city: 'Vienna',
        country: 'Austria',
        countryCode: 'AT',
        detail: 'Vienna International Centre'
      }
    ]
  ])('%s: %s', (language, line, venue) => {
    const date = dateLine[language]
    const source = eventNote(language, [date, line])
    expect(convert(source).record?.event.venue).toEqual(venue)
    expect(messages(source)).toEqual([])
  })

  it.each<[Language, string, object]>([
    [
      'en',
      'Venue: Bogota, D.C., Colombia',
      {text: 'Bogota, D.C., Colombia', city: 'Bogota', country: 'Colombia', countryCode: 'CO'}
    ],
    [
      'en',
      'Date and Venue: 3 May 2016, New York, NY, United States',
      {text: 'New York, NY, United States', city: 'New York', country: 'United States', countryCode: 'US'}
    ],
    [
      'es',
      'Lugar: Hotel Camino Real, Ciudad de México, DF, México',
      {
        text: 'Hotel Camino Real, Ciudad de México, DF, México',
        place: 'Hotel Camino Real',
        city: 'Ciudad de México',
        country: 'México',
        countryCode: 'MX'
      }
    ],
    [
      'fr',
      'Lieu : Washington, D.C. (États-Unis)',
      {text: 'Washington, D.C. (États-Unis)', city: 'Washington', country: 'États-Unis', countryCode: 'US'}
    ]
  ])('%s: %s: the city is the part before its state’s abbreviation', (language, line, venue) => {
    const lines = line.startsWith('Date and Venue') ? [line] : [dateLine[language], line]
    const source = eventNote(language, lines)
    expect(convert(source).record?.event.venue).toEqual(venue)
    expect(messages(source)).toEqual([])
  })
})

describe('empty entries', () => {
  it.each<[Language, string, string, string[]]>([
    ['en', 'Participants: States: Chile, , Peru', '7:30', ['Chile', 'Peru']],
    ['es', 'Participantes: Estados: Chile, , Perú', '7:32', ['Chile', 'Perú']],
    ['fr', 'Participants : États : Chili, , Pérou', '7:31', ['Chili', 'Pérou']]
  ])('%s: %s', (language, line, place, names) => {
    const {event, organizers} = labels[language]
    const date = dateLine[language]
    const venue = venueLine[language]
    const source = note(language, [event, organizers, date, venue, line])
    const label = {en: 'States', es: 'Estados', fr: 'États'}[language]
    expect(convert(source).record?.participants?.[0]?.entries.map((entry) => entry.name)).toEqual(names)
    expect(messages(source)).toEqual([
      `${place} warning Dropped an empty entry from the list "${label}" (a name may have been removed) empty-entry`
    ])
  })

  it('drops a leading empty entry, and keeps a fragment that is not a State as unknown', () => {
    const source = note('en', [
      'Event: Workshop',
      'Organizers: UNODA, , OSCE',
      'Date and Venue: 3 May 2016, Accra, Ghana',
      'Participants: States: , Ghana, Burkina'
    ])
    const record = convert(source).record
    expect(record?.event.organizers).toEqual([
      {name: 'UNODA', acronym: 'UNODA', org: 'unoda'},
      {name: 'OSCE', acronym: 'OSCE', org: 'osce'}
    ])
    expect(record?.participants).toEqual([
      {category: 'states', label: 'States', entries: [{name: 'Ghana', countryCode: 'GH'}, {name: 'Burkina'}]}
    ])
    expect(messages(source)).toEqual([
      '4:20 warning Dropped an empty entry from the list "Organizers" (a name may have been removed) empty-entry',
      '6:23 warning Dropped an empty entry from the list "States" (a name may have been removed) empty-entry',
      '6:32 warning Unexpected State "Burkina", expected a country name like "Colombia" or "USA" unknown-country'
    ])
  })

  it('still finds the dates of a value whose venue was removed', () => {
    const source = eventNote('en', ['Venue and Date: , , 9-10 June 2015'])
    expect(convert(source).record).toBeUndefined()
    expect(messages(source)).toEqual([
      '5:1 error Missing venue, expected a city and country like "Bogota, Colombia" after the date missing-venue',
      '5:17 warning Dropped an empty entry from the list "Venue and Date" (a name may have been removed) empty-entry',
      '5:19 warning Dropped an empty entry from the list "Venue and Date" (a name may have been removed) empty-entry'
    ])
  })

  it('drops an empty part of a venue', () => {
    const source = eventNote('es', ['Fecha y lugar: 9 y 10 de junio de 2015, Acra, , Ghana'])
    expect(convert(source).record?.event).toMatchObject({
      dates: {text: '9 y 10 de junio de 2015', start: '2015-06-09', end: '2015-06-10'},
      venue: {text: 'Acra, , Ghana', city: 'Acra', country: 'Ghana', countryCode: 'GH'}
    })
    expect(messages(source)).toEqual([
      '5:47 warning Dropped an empty entry from the list "Fecha y lugar" (a name may have been removed) empty-entry'
    ])
  })
})

describe('the participants block', () => {
  const header = ['Event: Workshop', 'Organizers: UNODA', 'Date and Venue: 3 May 2016, Accra, Ghana']
  /** The group of `labels[language].participants`. */
  const ghana: Record<Language, object> = {
    en: {category: 'states', label: 'States', entries: [{name: 'Ghana', countryCode: 'GH'}]},
    es: {category: 'states', label: 'Estados', entries: [{name: 'Ghana', countryCode: 'GH'}]},
    fr: {category: 'states', label: 'États', entries: [{name: 'Ghana', countryCode: 'GH'}]}
  }

  it('gives a group for each category line under "Participants:"', () => {
    const source = note('en', [
      ...header,
      'Participants:',
      'States: Ghana, Togo',
      'International organisations: IAEA, INTERPOL',
      'Regional organisations: ECOWAS',
      'Civil society: VERTIC'
    ])
    expect(convert(source).record?.participants).toEqual([
      {
        category: 'states',
        label: 'States',
        entries: [
          {name: 'Ghana', countryCode: 'GH'},
          {name: 'Togo', countryCode: 'TG'}
        ]
      },
      {
        category: 'internationalOrganizations',
        label: 'International organisations',
        entries: [
          {name: 'IAEA', acronym: 'IAEA', org: 'iaea'},
          {name: 'INTERPOL', acronym: 'INTERPOL', org: 'interpol'}
        ]
      },
      {
        category: 'internationalOrganizations',
        label: 'Regional organisations',
        entries: [{name: 'ECOWAS', acronym: 'ECOWAS', org: 'ecowas'}]
      },
      {
        category: 'civilSociety',
        label: 'Civil society',
        entries: [{name: 'VERTIC', acronym: 'VERTIC', org: 'vertic'}]
      }
    ])
    expect(messages(source)).toEqual([])
  })

  it.each<[Language, string[], object[]]>([
    [
      'en',
      ['Participants: States: Ghana', 'Observers: European Union, OSCE', 'Special guests: VERTIC'],
      [
        {
          category: 'other',
          label: 'Observers',
          entries: [
            {name: 'European Union', acronym: 'EU', org: 'eu'},
            {name: 'OSCE', acronym: 'OSCE', org: 'osce'}
          ]
        },
        {
          category: 'other',
          label: 'Special guests',
          entries: [{name: 'VERTIC', acronym: 'VERTIC', org: 'vertic'}]
        }
      ]
    ],
    [
      'es',
      ['Participantes: Estados: Ghana', 'Observadores: Unión Europea, OSCE', 'Invitados especiales: VERTIC'],
      [
        {
          category: 'other',
          label: 'Observadores',
          entries: [
            {name: 'Unión Europea', acronym: 'EU', org: 'eu'},
            {name: 'OSCE', acronym: 'OSCE', org: 'osce'}
          ]
        },
        {
          category: 'other',
          label: 'Invitados especiales',
          entries: [{name: 'VERTIC', acronym: 'VERTIC', org: 'vertic'}]
        }
      ]
    ],
    [
      'fr',
      ['Participants : États : Ghana', 'Observateurs : Union européenne, OSCE', 'Invités spéciaux : VERTIC'],
      [
        {
          category: 'other',
          label: 'Observateurs',
          entries: [
            {name: 'Union européenne', acronym: 'EU', org: 'eu'},
            {name: 'OSCE', acronym: 'OSCE', org: 'osce'}
          ]
        },
        {
          category: 'other',
          label: 'Invités spéciaux',
          entries: [{name: 'VERTIC', acronym: 'VERTIC', org: 'vertic'}]
        }
      ]
    ]
  ])('%s: a label about other people who took part is a group of its own', (language, lines, others) => {
    const {event, organizers} = labels[language]
    const date = dateLine[language]
    const venue = venueLine[language]
    const source = note(language, [event, organizers, date, venue, ...lines])
    const record = convert(source).record
    expect(record?.participants).toEqual([ghana[language], ...others])
    expect(record?.extra).toEqual([])
    expect(messages(source)).toEqual([])
  })

  it.each<[Language, string[], {label: string; value: string}[]]>([
    [
      'en',
      ['Languages: English, Spanish', 'Topics: export controls, border security'],
      [
        {label: 'Languages', value: 'English, Spanish'},
        {label: 'Topics', value: 'export controls, border security'}
      ]
    ],
    [
      'es',
      ['Idiomas: inglés, español', 'Temas: controles de exportación, seguridad fronteriza'],
      [
        {label: 'Idiomas', value: 'inglés, español'},
        {label: 'Temas', value: 'controles de exportación, seguridad fronteriza'}
      ]
    ],
    [
      'fr',
      ['Langues : anglais, espagnol', 'Thèmes : contrôle des exportations, sécurité des frontières'],
      [
        {label: 'Langues', value: 'anglais, espagnol'},
        {label: 'Thèmes', value: 'contrôle des exportations, sécurité des frontières'}
      ]
    ]
  ])('%s: a label about no one (languages, topics) goes to extra', (language, lines, extra) => {
    const {event, organizers, participants} = labels[language]
    const date = dateLine[language]
    const venue = venueLine[language]
    const source = note(language, [event, organizers, date, venue, participants, ...lines])
    const record = convert(source).record
    expect(record?.participants).toEqual([ghana[language]])
    expect(record?.extra).toEqual(extra)
    expect(messages(source)).toEqual(
      extra.map(
        ({label}, index) =>
          `${8 + index}:1 info Kept field "${label}" in "extra": it is not a header field infonote knows unknown-field`
      )
    )
  })

  it.each([
    [
      'a language list',
      '  - Languages: English, French',
      {label: 'Languages', value: 'English, French'},
      ['9:5 info Kept field "Languages" in "extra": it is not a header field infonote knows unknown-field']
    ],
    [
      'a role after it',
      '- Moderator: Jane Doe',
      {label: 'Moderator', value: 'Jane Doe'},
      ['9:3 info Kept field "Moderator" in "extra": it is not a header field infonote knows unknown-field']
    ]
  ])(
    'reads a group of observers under a nested "Participants" item, and %s as extra',
    (_, last, extra, lines) => {
      const source = note('en', [
        ...header.map((line) => `- ${line}`),
        '- Participants:',
        '  - States: Ghana',
        '  - Observers: European Union',
        last
      ])
      const record = convert(source).record
      expect(record?.participants).toEqual([
        {category: 'states', label: 'States', entries: [{name: 'Ghana', countryCode: 'GH'}]},
        {category: 'other', label: 'Observers', entries: [{name: 'European Union', acronym: 'EU', org: 'eu'}]}
      ])
      expect(record?.extra).toEqual([extra])
      expect(messages(source)).toEqual(lines)
    }
  )

  it('keeps one person’s role and a contact in extra', () => {
    const source = note('en', [
      ...header,
      'Participants: States: Ghana',
      'Moderator: Jane Doe',
      'Contacts: 1540experts@un.org'
    ])
    const record = convert(source).record
    expect(record?.participants).toEqual([
      {category: 'states', label: 'States', entries: [{name: 'Ghana', countryCode: 'GH'}]}
    ])
    expect(record?.extra).toEqual([
      {label: 'Moderator', value: 'Jane Doe'},
      {label: 'Contacts', value: '1540experts@un.org'}
    ])
    expect(messages(source)).toEqual([
      '7:1 info Kept field "Moderator" in "extra": it is not a header field infonote knows unknown-field',
      '8:1 info Kept field "Contacts" in "extra": it is not a header field infonote knows unknown-field'
    ])
  })

  it.each<[Language, string, object]>([
    [
      'en',
      'Participants: ECOWAS Member States: Benin, Togo',
      {
        category: 'states',
        label: 'ECOWAS Member States',
        entries: [
          {name: 'Benin', countryCode: 'BJ'},
          {name: 'Togo', countryCode: 'TG'}
        ]
      }
    ],
    [
      'es',
      'Participantes: Estados miembros de la CEDEAO: Benín, Togo',
      {
        category: 'states',
        label: 'Estados miembros de la CEDEAO',
        entries: [
          {name: 'Benín', countryCode: 'BJ'},
          {name: 'Togo', countryCode: 'TG'}
        ]
      }
    ],
    [
      'fr',
      'Participants : États membres de la CEDEAO : Bénin, Togo',
      {
        category: 'states',
        label: 'États membres de la CEDEAO',
        entries: [
          {name: 'Bénin', countryCode: 'BJ'},
          {name: 'Togo', countryCode: 'TG'}
        ]
      }
    ],
    [
      'en',
      'Participants: Observers: European Union',
      {category: 'other', label: 'Observers', entries: [{name: 'European Union', acronym: 'EU', org: 'eu'}]}
    ]
  ])('%s: a label inside the value opens its group: %s', (language, line, group) => {
    const {event, organizers} = labels[language]
    const date = dateLine[language]
    const venue = venueLine[language]
    const source = note(language, [event, organizers, date, venue, line])
    expect(convert(source).record?.participants).toEqual([group])
    expect(messages(source)).toEqual([])
  })
})
