import {describe, expect, it} from 'vitest'
import {slug} from '../src/assemble.js'
import {Span} from '../src/span.js'
import {countryCode} from '../src/values/countries.js'
import {endOfDates, locateDates, parseDates, readDates} from '../src/values/dates.js'
import {cleanName, emptyEntries, splitAcronym, splitEntries, splitList} from '../src/values/lists.js'
import {readVenue} from '../src/values/venue.js'

describe('parseDates', () => {
  it.each([
    ['12 March 2012', '2012-03-12', '2012-03-12'],
    ['12-14 March 2012', '2012-03-12', '2012-03-14'],
    ['12–14 March 2012', '2012-03-12', '2012-03-14'],
    ['12 - 14 March, 2012', '2012-03-12', '2012-03-14'],
    ['30 November - 2 December 2011', '2011-11-30', '2011-12-02'],
    ['30 December 2011 – 2 January 2012', '2011-12-30', '2012-01-02'],
    ['8 and 9 April 2014', '2014-04-08', '2014-04-09'],
    ['Monday, 12 March 2012', '2012-03-12', '2012-03-12'],
    ['June 23, 2014', '2014-06-23', '2014-06-23'],
    ['June 23-25, 2014', '2014-06-23', '2014-06-25'],
    ['June 30 - July 2, 2014', '2014-06-30', '2014-07-02'],
    ['December 30, 2014 to January 2, 2015', '2014-12-30', '2015-01-02'],
    ['1st Sept 2015', '2015-09-01', '2015-09-01'],
    ['29 February 2012', '2012-02-29', '2012-02-29']
  ])('%s', (text, start, end) => {
    expect(parseDates(text)).toEqual({start, end})
  })

  it.each([
    '32 March 2012',
    '30 February 2013',
    '29 February 2013',
    '12-14 March',
    '14-12 March 2012',
    'March 2012',
    'Spring 2012',
    '12 Marchember 2012',
    ''
  ])('rejects %j', (text) => {
    expect(parseDates(text)).toBeUndefined()
  })

  it('finds where the dates end in "Date and Venue"', () => {
    expect(endOfDates('12-14 March 2012, Bogota, Colombia')).toBe(16)
    expect(endOfDates('June 23, 2014, Vienna')).toBe(13)
    expect(endOfDates('12-14 March, Bogota')).toBeUndefined()
  })
})

describe('readDates', () => {
  it.each([
    // ISO dates and ranges
    ['2014-09-24', '2014-09-24', '2014-09-24'],
    ['2014-09-24 – 2014-09-26', '2014-09-24', '2014-09-26'],
    ['2014-09-24 to 2014-09-26', '2014-09-24', '2014-09-26'],
    ['2014-09-24/26', '2014-09-24', '2014-09-26'],
    ['2014-09-30/10-02', '2014-09-30', '2014-10-02'],
    ['2014-12-30/2015-01-02', '2014-12-30', '2015-01-02'],
    // lists of days
    ['24, 25 and 26 September 2014', '2014-09-24', '2014-09-26'],
    ['24, 25 y 26 de septiembre de 2014', '2014-09-24', '2014-09-26'],
    ['24, 25 et 26 septembre 2014', '2014-09-24', '2014-09-26'],
    ['24, 25, 26 September 2014', '2014-09-24', '2014-09-26'],
    ['September 24, 25 and 26, 2014', '2014-09-24', '2014-09-26'],
    ['3, 5 and 9 June 2015', '2015-06-03', '2015-06-09'],
    // day-first numeric dates, certain when the day is over 12
    ['24/09/2014', '2014-09-24', '2014-09-24'],
    ['24.09.2014', '2014-09-24', '2014-09-24'],
    ['24-09-2014', '2014-09-24', '2014-09-24'],
    ['24-26/09/2014', '2014-09-24', '2014-09-26'],
    ['24 - 26.09.2014', '2014-09-24', '2014-09-26'],
    ['24/09/2014 - 26/09/2014', '2014-09-24', '2014-09-26'],
    ['24.09.2014 – 26.09.2014', '2014-09-24', '2014-09-26'],
    ['du 24/09/2014 au 26/09/2014', '2014-09-24', '2014-09-26'],
    ['del 24/09/2014 al 26/09/2014', '2014-09-24', '2014-09-26'],
    ['05/05/2015', '2015-05-05', '2015-05-05'],
    ['10/01/2015 - 05/02/2015', '2015-01-10', '2015-02-05'],
    ['29/02/2016', '2016-02-29', '2016-02-29']
  ])('%s', (text, start, end) => {
    expect(readDates(text)).toEqual({kind: 'range', start, end})
  })

  it.each([
    ['03/04/2015', '2015-04-03', '2015-03-04'],
    ['03.04.2015', '2015-04-03', '2015-03-04'],
    ['03-04-2015', '2015-04-03', '2015-03-04']
  ])('reads %s day first, and says it could be month first', (text, dayFirst, monthFirst) => {
    expect(readDates(text)).toEqual({
      kind: 'range',
      start: dayFirst,
      end: dayFirst,
      numeric: {order: 'day-first', monthFirst: {start: monthFirst, end: monthFirst}}
    })
  })

  it('reads a range of numeric dates day first when both orders give one', () => {
    expect(readDates('03/04/2015 - 05/04/2015')).toEqual({
      kind: 'range',
      start: '2015-04-03',
      end: '2015-04-05',
      numeric: {order: 'day-first', monthFirst: {start: '2015-03-04', end: '2015-05-04'}}
    })
  })

  it.each([
    ['09/24/2014', '2014-09-24', '2014-09-24', 'there is no month 24'],
    ['09/24/2014 - 09/26/2014', '2014-09-24', '2014-09-26', 'there is no month 24'],
    ['03/05/2015 - 04/04/2015', '2015-03-05', '2015-04-04', 'the end is before the start']
  ])('reads %s month first, the only order that gives a date', (text, start, end, dayFirst) => {
    expect(readDates(text)).toEqual({kind: 'range', start, end, numeric: {order: 'month-first', dayFirst}})
  })

  it.each([
    ['31 April 2015', 'April has 30 days'],
    ['31 de abril de 2015', 'April has 30 days'],
    ['31 avril 2015', 'April has 30 days'],
    ['31 de junio de 2015', 'June has 30 days'],
    ['29 February 2015', '2015 is not a leap year, February has 28 days'],
    ['29 de febrero de 2015', '2015 is not a leap year, February has 28 days'],
    ['29 février 2015', '2015 is not a leap year, February has 28 days'],
    ['29 February 1900', '1900 is not a leap year, February has 28 days'],
    ['30 February 2013', 'February has 28 days in 2013'],
    ['30 February 2012', 'February has 29 days in 2012'],
    ['30-31 April 2015', 'April has 30 days'],
    ['31/04/2015', 'April has 30 days'],
    ['04/31/2015', 'April has 30 days'],
    ['2015-04-31', 'April has 30 days'],
    ['29.02.2015', '2015 is not a leap year, February has 28 days'],
    ['13/13/2015', 'there is no month 13'],
    ['2015-13-01', 'there is no month 13'],
    ['14-12 March 2012', 'the end is before the start'],
    ['2014-09-26/24', 'the end is before the start'],
    ['24, 26 and 25 September 2014', 'the days are not in increasing order'],
    ['24, 24 y 25 de septiembre de 2014', 'the days are not in increasing order']
  ])('%s does not exist: %s', (text, reason) => {
    expect(readDates(text)).toEqual({kind: 'impossible', reason})
  })

  it.each([
    '32 March 2012',
    '00/05/2015',
    '45/12/2014',
    '12-14 March',
    'Spring 2012',
    '24/09',
    '2014-09',
    ''
  ])('cannot read %j', (text) => {
    expect(readDates(text)).toEqual({kind: 'unreadable'})
  })
})

describe('locateDates', () => {
  const located = (text: string) => {
    const found = locateDates(text)
    return found && text.slice(found.from, found.to)
  }

  it.each([
    ['3-4 May 2016, Accra, Ghana', '3-4 May 2016'],
    ['Accra, Ghana, 3-4 May 2016', '3-4 May 2016'],
    ['Acra, Ghana, 3 y 4 de mayo de 2016', '3 y 4 de mayo de 2016'],
    ['Accra, Ghana, 3 et 4 mai 2016', '3 et 4 mai 2016'],
    ['Labadi Beach Hotel, Accra, Ghana – 3-4 May 2016', '3-4 May 2016'],
    ['Tuesday, 5 November 2013, Vienna, Austria', 'Tuesday, 5 November 2013'],
    ['June 23, 2014, New York', 'June 23, 2014'],
    ['24, 25 and 26 September 2014, Accra', '24, 25 and 26 September 2014'],
    ['3-5 June 2015; Kuala Lumpur, Malaysia', '3-5 June 2015'],
    ['Accra, 2014-09-24', '2014-09-24'],
    ['24/09/2014 - 26/09/2014, Accra, Ghana', '24/09/2014 - 26/09/2014'],
    [', , 9-10 June 2015', '9-10 June 2015'],
    // Days that do not exist are found, to be reported.
    ['Minsk, Belarus, 31 April 2015', '31 April 2015'],
    // Without a readable date: the first part with a digit, up to its first year.
    ['12-14 March, Bogota', '12-14 March'],
    ['Bogota, 12-14 March', '12-14 March'],
    ['2012 2012 12 March 2012, Bogota', '2012'],
    ['Bogota, Colombia', 'Bogota']
  ])('%s → %s', (text, dates) => {
    expect(located(text)).toBe(dates)
  })

  it('finds nothing in an empty value', () => {
    expect(locateDates('')).toBeUndefined()
  })
})

function span(text: string): Span {
  return Span.fromValue(text, 0, text.length)
}

describe('splitList', () => {
  it.each([
    ['A, B and C', ['A', 'B', 'C']],
    ['A, B, and C.', ['A', 'B', 'and C.']],
    ['A (X, Y), B', ['A (X, Y)', 'B']],
    [
      'Ministries of Defence and Foreign Affairs of Chile; UNODA, Geneva',
      ['Ministries of Defence and Foreign Affairs of Chile', 'UNODA, Geneva']
    ],
    ['Government of Colombia and UNODA', ['Government of Colombia and UNODA']],
    ['A,, B ,', ['A', 'B']],
    ['Gobierno de Chile, UNODA y OEA', ['Gobierno de Chile', 'UNODA', 'OEA']]
  ])('%s', (text, items) => {
    expect(splitList(span(text)).map((item) => item.text)).toEqual(items)
  })

  it('keeps each item at its place in the source', () => {
    const [, second] = splitList(Span.fromValue('A, the B', 10, 18))
    expect([second?.start, second?.end]).toEqual([13, 18])
  })
})

describe('empty entries', () => {
  const entries = (text: string) => {
    const {items, empty} = splitEntries(span(text))
    return {items: items.map((item) => item.text), empty: empty.map((entry) => [entry.start, entry.text])}
  }

  it.each([
    // Each empty entry is placed at the separator that ends it.
    ['Chile, , Peru', ['Chile', 'Peru'], [[7, '']]],
    ['Chile,, Peru', ['Chile', 'Peru'], [[6, '']]],
    [', Ghana', ['Ghana'], [[0, '']]],
    ['Chile; ; Peru', ['Chile', 'Peru'], [[7, '']]],
    [
      'Chile, , , Peru and Bolivia',
      ['Chile', 'Peru', 'Bolivia'],
      [
        [7, ''],
        [9, '']
      ]
    ],
    // A separator that ends the list is punctuation.
    ['Chile, Peru,', ['Chile', 'Peru'], []],
    ['Chile, Peru, ,', ['Chile', 'Peru'], [[13, '']]],
    ['A (X, , Y), B', ['A (X, , Y)', 'B'], []]
  ])('%s', (text, items, empty) => {
    expect(entries(text)).toEqual({items, empty})
  })

  it('finds the empty entries of a value around its dates, not inside them', () => {
    const at = (text: string, dates?: string) => {
      const from = dates === undefined ? -1 : text.indexOf(dates)
      const whole = dates === undefined ? undefined : {from, to: from + dates.length}
      return emptyEntries(span(text), whole).map((entry) => entry.start)
    }
    expect(at(', , 9-10 June 2015', '9-10 June 2015')).toEqual([0, 2])
    expect(at('24,, 25 and 26 September 2014, Accra, , Ghana', '24,, 25 and 26 September 2014')).toEqual([38])
    expect(at('Accra, , Ghana')).toEqual([7])
    expect(at('Accra, Ghana')).toEqual([])
  })
})

describe('readVenue', () => {
  const parts = (text: string) =>
    Object.fromEntries(
      Object.entries(readVenue(span(text))).map(([key, value]) => [key, value.text ?? value])
    )

  it.each([
    ['Accra, Ghana', {city: 'Accra', country: 'Ghana', countryCode: 'GH'}],
    ['Accra (Ghana)', {city: 'Accra', country: 'Ghana', countryCode: 'GH'}],
    [
      'Labadi Beach Hotel, Accra, Ghana',
      {place: 'Labadi Beach Hotel', city: 'Accra', country: 'Ghana', countryCode: 'GH'}
    ],
    [
      'Conference Room 2, Labadi Beach Hotel, Accra (Ghana)',
      {place: 'Conference Room 2, Labadi Beach Hotel', city: 'Accra', country: 'Ghana', countryCode: 'GH'}
    ],
    [
      'Hotel Sheraton, Ciudad de Panamá, Panamá',
      {place: 'Hotel Sheraton', city: 'Ciudad de Panamá', country: 'Panamá', countryCode: 'PA'}
    ],
    [
      'Palais des Nations, Genève (Suisse)',
      {place: 'Palais des Nations', city: 'Genève', country: 'Suisse', countryCode: 'CH'}
    ],
    [
      'Vienna, Austria (Vienna International Centre)',
      {city: 'Vienna', country: 'Austria', countryCode: 'AT', detail: 'Vienna International Centre'}
    ],
    [
      'at the Labadi Beach Hotel, Accra, Ghana.',
      {place: 'the Labadi Beach Hotel', city: 'Accra', country: 'Ghana', countryCode: 'GH'}
    ],
    ['in Bogota, Colombia.', {city: 'Bogota', country: 'Colombia', countryCode: 'CO'}],
    ['Accra, , Ghana', {city: 'Accra', country: 'Ghana', countryCode: 'GH'}],
    ['Singapore', {country: 'Singapore', countryCode: 'SG'}],
    ['Vienna', {}],
    ['Port Louis, Atlantis', {unknownCountry: 'Atlantis'}],
    ['Hotel Africa, Accra, Atlantis (Room 4)', {detail: 'Room 4', unknownCountry: 'Atlantis'}],
    // A state's or district's abbreviation after the city is no city.
    ['Bogota, D.C., Colombia', {city: 'Bogota', country: 'Colombia', countryCode: 'CO'}],
    ['New York, NY, United States', {city: 'New York', country: 'United States', countryCode: 'US'}],
    ['in Ciudad de México, DF, México.', {city: 'Ciudad de México', country: 'México', countryCode: 'MX'}],
    [
      'UN Headquarters, New York, N.Y., USA',
      {place: 'UN Headquarters', city: 'New York', country: 'USA', countryCode: 'US'}
    ],
    [
      'Hôtel Hilton, Washington, D.C. (États-Unis)',
      {place: 'Hôtel Hilton', city: 'Washington', country: 'États-Unis', countryCode: 'US'}
    ],
    // Alone before the country, or with no country, it is what the note gives.
    ['NY, USA', {city: 'NY', country: 'USA', countryCode: 'US'}],
    ['New York, NY', {unknownCountry: 'NY'}]
  ])('%s', (text, expected) => {
    expect(parts(text)).toEqual(expected)
  })
})

describe('cleanName and splitAcronym', () => {
  it.each([
    ['The Stanley Foundation', 'Stanley Foundation'],
    ['and the UN Office of Disarmament Affairs.', 'UN Office of Disarmament Affairs'],
    ['el Gobierno de Chile', 'Gobierno de Chile'],
    ["l'Organisation des États américains", 'Organisation des États américains'],
    ['U.S.', 'U.S.'],
    ['Theodore Foundation', 'Theodore Foundation']
  ])('%s → %s', (text, name) => {
    expect(cleanName(span(text)).text).toBe(name)
  })

  it.each([
    ['Organization of American States (OAS)', 'Organization of American States', 'OAS'],
    ['United Nations Office on Drugs and Crime (UNODC)', 'United Nations Office on Drugs and Crime', 'UNODC'],
    ['Office in Vienna (Austria)', 'Office in Vienna (Austria)', undefined],
    ['Seminar (2004)', 'Seminar (2004)', undefined]
  ])('%s', (text, name, acronym) => {
    const result = splitAcronym(span(text))
    expect([result.name.text, result.acronym?.text]).toEqual([name, acronym])
  })
})

describe('countryCode', () => {
  it.each([
    ['Colombia', 'CO'],
    ['USA', 'US'],
    ['United States of America', 'US'],
    ['the United Kingdom', 'GB'],
    ['UK', 'GB'],
    ['Niger', 'NE'],
    ['Nigeria', 'NG'],
    ['Perú', 'PE'],
    ['Estados Unidos', 'US'],
    ['Côte d’Ivoire', 'CI'],
    ['  colombia ', 'CO']
  ])('%s → %s', (name, code) => {
    expect(countryCode(name)).toBe(code)
  })

  it.each(['Government of Colombia', 'Colombian', 'CARICOM', 'IAEA', 'Atlantis', ''])(
    'no code for %j',
    (name) => {
      expect(countryCode(name)).toBeUndefined()
    }
  )
})

describe('slug', () => {
  it('drops accents and joins words with hyphens', () => {
    expect(slug('Séminaire régional : Résolution 1540 (2004)')).toBe(
      'seminaire-regional-resolution-1540-2004'
    )
  })

  it('cuts at a word boundary, at most 80 characters', () => {
    expect(
      slug('Seminar for the Andean Community States: United Nations Security Council Resolution 1540')
    ).toBe('seminar-for-the-andean-community-states-united-nations-security-council')
    expect(slug('a'.repeat(90))).toBe('a'.repeat(80))
    expect(slug(`${'word '.repeat(16)}end`)).toBe('word-'.repeat(16).slice(0, 79))
  })
})
