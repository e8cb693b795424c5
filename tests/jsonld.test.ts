/**
 * The JSON-LD output: exact documents for a few records (tests/emit/jsonld/),
 * and for every record, an offline expansion with the `jsonld` processor
 * that keeps every term and every value of the document.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import jsonldProcessor, {type JsonLdDocument} from 'jsonld'
import {describe, expect, it} from 'vitest'
import {context, infonoteVocabulary, jsonLdOf, jsonld} from '../src/emit/jsonld.js'
import type {InformationNote} from '../src/generated/information-note.js'
import {expectFile, recordOf, records} from './emit/records.js'

const content = (record: InformationNote) => jsonld.files[0]?.content(record)

/** A document loader that refuses every URL: expanding must need no network. */
const documentLoader = (url: string): Promise<never> => Promise.reject(new Error(`No network: ${url}`))

type Context = Record<string, unknown>

/** The IRI a term stands for in `terms`: its `@id`, with a prefix of the context expanded. */
function iriOf(terms: Context, term: string): string | undefined {
  const definition = terms[term]
  const id =
    typeof definition === 'string' ? definition : (definition as {'@id'?: string} | undefined)?.['@id']
  if (id === undefined) return undefined
  const colon = id.indexOf(':')
  const prefix = terms[id.slice(0, colon)]
  return typeof prefix === 'string' ? prefix + id.slice(colon + 1) : id
}

interface Parts {
  keys: Set<string>
  types: Set<string>
  values: Map<string, number>
}

/** The keys, `@type`s and value strings (with their counts) of a JSON tree, `@context` left out. */
function partsOf(
  tree: unknown,
  parts: Parts = {keys: new Set(), types: new Set(), values: new Map()}
): Parts {
  if (Array.isArray(tree)) for (const item of tree) partsOf(item, parts)
  else if (typeof tree === 'object' && tree !== null) {
    for (const [key, value] of Object.entries(tree)) {
      if (key === '@context') continue
      if (key === '@type') for (const type of [value].flat()) parts.types.add(String(type))
      else {
        if (!key.startsWith('@')) parts.keys.add(key)
        partsOf(value, parts)
      }
    }
  } else parts.values.set(String(tree), (parts.values.get(String(tree)) ?? 0) + 1)
  return parts
}

/** What expanding `document` loses: terms its context lacks, keys, types and values that are not in the expansion. */
async function lost(document: {'@context': Context}): Promise<string[]> {
  const expanded = partsOf(await jsonldProcessor.expand(document as JsonLdDocument, {documentLoader}))
  const compact = partsOf(document)
  const terms = document['@context']
  const problems = new Set<string>()
  for (const key of compact.keys) {
    const iri = iriOf(terms, key)
    if (iri === undefined) problems.add(`term "${key}" is not in the context`)
    else if (!expanded.keys.has(iri)) problems.add(`key "${key}" (${iri}) is not in the expansion`)
  }
  for (const type of compact.types) {
    const iri = iriOf(terms, type)
    if (iri === undefined || !expanded.types.has(iri)) problems.add(`type "${type}" is not in the expansion`)
  }
  for (const [value, count] of compact.values) {
    if ((expanded.values.get(value) ?? 0) < count) problems.add(`value "${value}" is not in the expansion`)
  }
  return [...problems]
}

/** The values of `property` of an expanded node. */
function values(node: Context, property: string): Context[] {
  return (node[property] ?? []) as Context[]
}

/** The items of the `@list` of `property` of an expanded node. */
function listOf(node: Context, property: string): Context[] {
  const [list] = values(node, property)
  return (list?.['@list'] ?? []) as Context[]
}

/** Whether `shown` is part of `actual`: objects may leave keys out, arrays elements (in order). */
function partOf(shown: unknown, actual: unknown): boolean {
  if (Array.isArray(shown)) {
    let next = 0
    return (
      Array.isArray(actual) &&
      shown.every((element) => {
        next = actual.findIndex((value, at) => at >= next && partOf(element, value)) + 1
        return next > 0
      })
    )
  }
  if (typeof shown === 'object' && shown !== null) {
    if (typeof actual !== 'object' || actual === null) return false
    return Object.entries(shown).every(([key, value]) => partOf(value, (actual as Context)[key]))
  }
  return Object.is(shown, actual)
}

/** The document of `record` with `terms` left out of its context. */
function without(record: InformationNote, ...terms: string[]): {'@context': Context} {
  const document = jsonLdOf(record) as {'@context': Context}
  const reduced = Object.fromEntries(Object.entries(context).filter(([term]) => !terms.includes(term)))
  return {...document, '@context': reduced}
}

describe('jsonld emitter', () => {
  it('declares one file per note, <stem>.jsonld, read from the record alone', () => {
    expect(jsonld.name).toBe('jsonld')
    expect(jsonld.scope).toBe('note')
    expect(jsonld.files.map((file) => file.suffix)).toEqual(['.jsonld'])
  })

  it.each([
    'sample',
    'es-panama-bold-labels',
    'fr-abidjan-nested-participants',
    'en-tokyo-global-partnership',
    'en-accra-trade-controls'
  ])('writes the document of %s', (name) => {
    expectFile(`jsonld/${name}.jsonld`, String(content(recordOf(name))))
  })

  it('gives no property for a field the record lacks, and the media type of a document', () => {
    const record: InformationNote = {
      schemaVersion: 3,
      id: '2020-01-02-workshop',
      source: {sha256: 'a'.repeat(64), format: 'docx'},
      event: {name: 'Workshop', dates: {start: '2020-01-02'}, venue: {text: 'Online'}}
    }
    const {'@context': _, ...document} = jsonLdOf(record) as Context
    expect(document).toEqual({
      '@type': 'Report',
      identifier: '2020-01-02-workshop',
      author: {
        '@type': 'Organization',
        name: 'Security Council Committee established pursuant to resolution 1540 (2004)',
        url: 'https://www.un.org/en/sc/1540/'
      },
      about: {
        '@type': 'Event',
        name: 'Workshop',
        startDate: '2020-01-02',
        location: {'@type': 'Place', name: 'Online'}
      },
      encoding: {
        '@type': 'MediaObject',
        sha256: 'a'.repeat(64),
        encodingFormat: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
      }
    })
  })

  it('types a participant by its identifiers, and gives a section without text none', () => {
    const record: InformationNote = {
      ...recordOf('sample'),
      participants: [
        {category: 'states', label: 'States', entries: [{name: 'European Union', org: 'eu'}]},
        {category: 'other', label: 'Others', entries: [{name: 'Holy See', countryCode: 'VA', org: 'va'}]}
      ],
      sections: [{number: 1, title: 'Objectives', kind: 'objectives', items: [], paragraphs: []}]
    }
    const {about, hasPart} = jsonLdOf(record) as {about: {attendee: unknown[]}; hasPart: unknown[]}
    expect(about.attendee).toEqual([
      {
        '@type': 'Organization',
        name: 'European Union',
        identifier: 'eu',
        participantCategory: 'states',
        categoryLabel: 'States'
      },
      {
        '@type': 'Country',
        name: 'Holy See',
        identifier: ['VA', 'va'],
        participantCategory: 'other',
        categoryLabel: 'Others'
      }
    ])
    expect(hasPart).toEqual([
      {'@type': 'CreativeWork', position: 1, name: 'Objectives', sectionKind: 'objectives'}
    ])
  })

  it.each(records)('expands %s offline, keeping every term and value', async (_, record) => {
    const document = JSON.parse(String(content(record)))
    expect(await lost(document)).toEqual([])
  })

  it('keeps the order of lists, types the dates, and the category on each attendee, on expansion', async () => {
    const [report = {}] = await jsonldProcessor.expand(jsonLdOf(recordOf('sample')) as JsonLdDocument, {
      documentLoader
    })
    const [event = {}] = values(report, 'https://schema.org/about')
    const organizers = listOf(event, 'https://schema.org/organizer')
    expect(organizers.map((organizer) => organizer['https://schema.org/name'])).toEqual(
      (recordOf('sample').event.organizers ?? []).map(({name}) => [{'@value': name}])
    )
    expect(event['https://schema.org/startDate']).toEqual([
      {'@value': '2012-03-12', '@type': 'https://schema.org/Date'}
    ])
    const [first = {}] = listOf(event, 'https://schema.org/attendee')
    expect(first[`${infonoteVocabulary}participantCategory`]).toEqual([{'@value': 'states'}])
  })

  it("shows a true part of the sample note's document in docs/outputs.md", () => {
    const page = readFileSync(path.join(import.meta.dirname, '..', 'docs', 'outputs.md'), 'utf8')
    const shown: unknown = JSON.parse(/^```json\n([\s\S]*?)^```$/m.exec(page)?.[1] ?? 'null')
    expect(partOf(shown, jsonLdOf(recordOf('sample')))).toBe(true)
    expect(partOf({about: {name: 'Another event'}}, jsonLdOf(recordOf('sample')))).toBe(false)
  })

  it('would catch a term, or a type, missing from the context', async () => {
    expect(await lost(without(recordOf('sample'), 'group', 'Country'))).toEqual([
      'term "group" is not in the context',
      'type "Country" is not in the expansion',
      'value "Member States of the Andean Community" is not in the expansion'
    ])
  })
})
