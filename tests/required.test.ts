/**
 * The parts a complete note has are a policy (`required` in the
 * configuration): a copy cut off after its participants is rejected by
 * default and kept, with warnings, under `"required": []`.
 */
import {describe, expect, it} from 'vitest'
import {convert} from '../src/index.js'
import {messageLines, runCli, workspace} from './helpers.js'

/** A note cut off after its participants, as a damaged copy of the first page is. */
const cutOff = `Information Note1
Event: Regional Workshop on Border Controls
Date: 3-4 May 2016
Participants: States: Ghana, Togo
`

describe('required parts', () => {
  it('keeps a note cut off after its participants when nothing is required', () => {
    const result = convert(cutOff, {path: 'note.txt', config: {required: []}})
    expect(messageLines(result.messages).filter((line) => !line.includes(' info '))).toEqual([
      '1:17 warning Missing text for footnote 1, expected a line starting with its marker missing-footnote',
      '2:1 warning Missing venue, expected a city and country like "Bogota, Colombia" after the date missing-venue',
      '2:1 warning Missing organizers, expected a field like "Organizers: Government of Colombia, UNODA" missing-organizers',
      '2:1 warning Missing sections, expected numbered sections like "1. Objectives" or "## 1. Objectives" missing-sections',
      '2:1 warning Missing footnote, expected the disclaimer "¹ For information – not an official report…" missing-footnote',
      '2:1 warning Missing contact, expected an e-mail address such as "1540experts@un.org", a URL or a phone number missing-contact'
    ])
    expect(result.record).toEqual({
      schemaVersion: 3,
      id: '2016-05-03-regional-workshop-on-border-controls',
      source: {path: 'note.txt', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), encoding: 'utf-8'},
      language: 'en',
      title: 'Information Note',
      event: {
        name: 'Regional Workshop on Border Controls',
        dates: {text: '3-4 May 2016', start: '2016-05-03', end: '2016-05-04'}
      },
      participants: [
        {
          category: 'states',
          label: 'States',
          entries: [
            {name: 'Ghana', countryCode: 'GH'},
            {name: 'Togo', countryCode: 'TG'}
          ]
        }
      ],
      sections: [],
      footnotes: [],
      contacts: [],
      extra: []
    })
  })

  it('rejects the same note by default, and makes a required part an error no comment silences', () => {
    const errors = (text: string) =>
      messageLines(convert(text).messages).filter((line) => line.includes(' error '))
    const expected = [
      '2:1 error Missing venue, expected a city and country like "Bogota, Colombia" after the date missing-venue',
      '2:1 error Missing organizers, expected a field like "Organizers: Government of Colombia, UNODA" missing-organizers',
      '2:1 error Missing sections, expected numbered sections like "1. Objectives" or "## 1. Objectives" missing-sections'
    ]
    expect(errors(cutOff)).toEqual(expected)
    expect(
      errors(`<!-- infonote-disable missing-venue -->\n${cutOff}`).map((line) =>
        line.slice(line.indexOf(' '))
      )
    ).toEqual(expected.map((line) => line.slice(line.indexOf(' '))))
  })

  it('fails validation with exit 1 by default and passes it with "required": []', async () => {
    const strict = workspace({'note.txt': cutOff})
    const lenient = workspace({'note.txt': cutOff, 'infonote.config.json': '{"required": []}'})
    const defaults = await runCli(strict, ['validate', 'note.txt'])
    const kept = await runCli(lenient, ['validate', 'note.txt'])
    expect([defaults.code, defaults.stderr.split('\n').at(-2)]).toEqual([
      1,
      '1 note checked: 0 valid, 1 invalid (3 errors, 3 warnings)'
    ])
    expect([kept.code, kept.stderr.split('\n').at(-2)]).toEqual([
      0,
      '1 note checked: 1 valid, 0 invalid (0 errors, 6 warnings)'
    ])
  })
})
