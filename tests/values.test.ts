import {describe, expect, it} from 'vitest'
import {slug} from '../src/assemble.js'
import {Span} from '../src/span.js'
import {countryCode} from '../src/values/countries.js'
import {endOfDates, parseDates} from '../src/values/dates.js'
import {cleanName, splitAcronym, splitList} from '../src/values/lists.js'

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
