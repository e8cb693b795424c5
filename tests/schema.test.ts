import {readFileSync} from 'node:fs'
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import type {InformationNote} from '../src/index.js'
import {convertFile} from '../src/pipeline.js'
import {configurable, type RuleId, rules} from '../src/rules.js'
import validate, {validator} from '../src/validate.js'
import {messageLines} from './helpers.js'

interface Schema {
  $ref?: string
  type?: string
  properties?: Record<string, Schema>
  items?: Schema
  additionalProperties?: boolean
  description?: string
  $defs?: Record<string, Schema>
}

const schema = JSON.parse(
  readFileSync(new URL('../schemas/information-note.schema.json', import.meta.url), 'utf8')
) as Schema & {$id: string}
const samplePath = new URL('fixtures/sample/input/000_8cd83aa58013035f.txt', import.meta.url)
const sample = JSON.parse(
  readFileSync(new URL('fixtures/sample/record.json', import.meta.url), 'utf8')
) as InformationNote

function resolve(node: Schema): Schema {
  const name = node.$ref?.replace('#/$defs/', '')
  return name ? (schema.$defs?.[name] ?? {}) : node
}

/** Every object schema below `node`, with its JSON path. */
function objects(node: Schema, at = '#'): [string, Schema][] {
  const found: [string, Schema][] = node.type === 'object' ? [[at, node]] : []
  for (const [key, child] of Object.entries(node.properties ?? {}))
    found.push(...objects(child, `${at}/${key}`))
  if (node.items) found.push(...objects(node.items, `${at}/items`))
  for (const [key, child] of Object.entries(node.$defs ?? {})) found.push(...objects(child, `#/$defs/${key}`))
  return found
}

describe('the schema', () => {
  it('has an $id', () => {
    expect(schema.$id).toBe('urn:infonote:schema:information-note:1')
  })

  it('closes every object and describes every property', () => {
    const problems = objects(schema).flatMap(([at, node]) => [
      ...(node.additionalProperties === false ? [] : [`${at} allows additional properties`]),
      ...Object.entries(node.properties ?? {})
        .filter(([, property]) => !property.description)
        .map(([key]) => `${at}/${key} has no description`)
    ])
    expect(problems).toEqual([])
  })

  it('accepts the sample record, written with keys in schema order', () => {
    expect(validator(sample)).toBe(true)
    expect(keyOrderProblems(sample, schema)).toEqual([])
  })

  it.each([
    [
      'an extra field',
      (record: Record<string, unknown>) => Object.assign(record, {notes: 1}),
      [{keyword: 'additionalProperties', instancePath: ''}]
    ],
    [
      'a missing field',
      (record: Record<string, unknown>) => delete record.id,
      [{keyword: 'required', instancePath: ''}]
    ],
    [
      'an extra field deep down',
      (record: InformationNote) => Object.assign(record.event.venue ?? {}, {region: 'Andes'}),
      [{keyword: 'additionalProperties', instancePath: '/event/venue'}]
    ],
    [
      'text that is not trimmed',
      (record: InformationNote) => Object.assign(record.event, {name: ' Seminar'}),
      [{keyword: 'pattern', instancePath: '/event/name'}]
    ]
  ])('rejects %s', (_, change, errors) => {
    const record = structuredClone(sample)
    change(record as InformationNote & Record<string, unknown>)
    const check = validator
    expect(check(record)).toBe(false)
    expect(check.errors?.map(({keyword, instancePath}) => ({keyword, instancePath}))).toEqual(errors)
  })
})

describe('schema errors as messages', () => {
  function check(change: (record: InformationNote) => void): string[] {
    const file = convertFile(new VFile({path: 'note.txt', value: readFileSync(samplePath)}))
    const record = file.data.record
    if (!record) throw new Error('the sample has a record')
    change(record)
    const before = file.messages.length
    validate()({type: 'root', children: []} satisfies Root, file)
    expect(file.data.record).toBeUndefined()
    return messageLines(file.messages.slice(before))
  }

  it('places an error at the source of the offending value', () => {
    expect(
      check((record) => {
        record.event.dates.start = '2012-02-30'
      })
    ).toEqual([
      '7:21 error Unexpected record value at /event/dates/start: must match format "date" schema-format'
    ])
  })

  it('places an error inside a list at the offending item', () => {
    expect(
      check((record) => {
        Object.assign(record.event.organizers?.[3] ?? {}, {acronym: ''})
      })
    ).toEqual([
      '6:175 error Unexpected record value at /event/organizers/3/acronym: must NOT have fewer than 1 characters schema-minLength'
    ])
  })

  it('falls back to the header for a value with no source', () => {
    expect(
      check((record) => {
        Object.assign(record, {notes: true})
      })
    ).toEqual([
      '5:1 error Unexpected record value at /: must NOT have additional properties ("notes") schema-additionalProperties'
    ])
  })
})

/** Where the keys of `value` do not follow the order of the schema's `properties`. */
function keyOrderProblems(value: unknown, node: Schema, at = ''): string[] {
  const resolved = resolve(node)
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => keyOrderProblems(item, resolved.items ?? {}, `${at}/${index}`))
  }
  if (typeof value !== 'object' || value === null) return []
  const order = Object.keys(resolved.properties ?? {})
  const keys = Object.keys(value)
  const expected = [...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b))
  const here =
    keys.join() === expected.join() ? [] : [`${at || '/'}: ${keys.join()} instead of ${expected.join()}`]
  return [
    ...here,
    ...keys.flatMap((key) =>
      keyOrderProblems(
        (value as Record<string, unknown>)[key],
        resolved.properties?.[key] ?? {},
        `${at}/${key}`
      )
    )
  ]
}

describe('the configuration schema', () => {
  it('lets exactly the warnings and infos be configured, in the order of src/rules.ts', () => {
    const config = JSON.parse(
      readFileSync(new URL('../schemas/config.schema.json', import.meta.url), 'utf8')
    ) as Schema
    const listed = Object.keys(config.properties?.rules?.properties ?? {})
    expect(listed).toEqual(Object.keys(rules).filter((id) => configurable(id as RuleId)))
  })
})
