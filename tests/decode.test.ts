import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {firstInvalidUtf8} from '../src/decode.js'
import {convert} from '../src/index.js'
import {messageLines} from './helpers.js'

const sample = readFileSync(new URL('fixtures/sample/input/000_8cd83aa58013035f.txt', import.meta.url))
const expected = convert(sample)

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = Buffer.from(`\ufeff${text}`, 'utf16le')
  if (order === 'be') bytes.swap16()
  return bytes
}

describe('encodings and line endings', () => {
  it.each([
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sample]), 'utf-8'],
    ['UTF-16 LE with a BOM', utf16(sample.toString('utf8'), 'le'), 'utf-16le'],
    ['UTF-16 BE with a BOM', utf16(sample.toString('utf8'), 'be'), 'utf-16be'],
    ['CRLF line endings', Buffer.from(sample.toString('utf8').replaceAll('\n', '\r\n')), 'utf-8'],
    ['CR line endings', Buffer.from(sample.toString('utf8').replaceAll('\n', '\r')), 'utf-8']
  ])('%s gives the same record, at the same lines and columns', (_, bytes, encoding) => {
    const result = convert(bytes)
    const {source, ...rest} = result.record ?? {}
    const {source: expectedSource, ...expectedRest} = expected.record ?? {}
    expect(rest).toEqual(expectedRest)
    expect(source).toMatchObject({encoding})
    expect(source?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(source?.sha256).not.toBe(expectedSource?.sha256)
    expect(messageLines(result.messages)).toEqual(messageLines(expected.messages))
  })
})

describe('files that are not notes', () => {
  it.each([
    ['empty', new Uint8Array(), '1:1 error Unexpected empty file, expected an information note empty-file'],
    [
      'white space only',
      Buffer.from(' \n\t\n'),
      '1:1 error Unexpected file with only white space, expected an information note empty-file'
    ],
    [
      'a NUL byte',
      Buffer.from('Title\nab\0c'),
      '2:3 error Unexpected NUL byte (byte 8), expected a text file binary-file'
    ],
    [
      'a NUL character in UTF-16',
      utf16('Title\nab\0c', 'le'),
      '2:3 error Unexpected NUL character, expected a text file binary-file'
    ],
    [
      'UTF-16 cut in half',
      utf16('Title', 'le').subarray(0, 5),
      '1:1 error Unexpected bytes that are not UTF-16LE, expected text in the encoding its byte order mark announces invalid-encoding'
    ]
  ])('%s', (_, bytes, message) => {
    const result = convert(bytes, {path: 'note.txt'})
    expect(result.record).toBeUndefined()
    expect(messageLines(result.messages)).toEqual([message])
  })
})

describe('Windows-1252', () => {
  it('reads a file that is not UTF-8 as Windows-1252, and says so', () => {
    const text = sample
      .toString('utf8')
      .replace('Bogota', 'Bogotá')
      .replace('For information –', 'For information —')
    const bytes = Buffer.from(
      [...text].map((char) => ({á: 0xe1, '—': 0x97, '¹': 0xb9})[char] ?? char.charCodeAt(0))
    )
    const result = convert(bytes)
    expect(result.record?.source).toMatchObject({encoding: 'windows-1252'})
    expect(result.record?.event.venue).toEqual({
      text: 'Bogotá, Colombia',
      city: 'Bogotá',
      country: 'Colombia',
      countryCode: 'CO'
    })
    expect(result.record?.footnotes?.[0]?.text.slice(0, 17)).toBe('For information —')
    expect(messageLines(result.messages)[0]).toBe(
      '3:17 info Read the file as Windows-1252: byte 0xB9 (byte 18) is not UTF-8 decoded-as-windows-1252'
    )
  })
})

describe('firstInvalidUtf8', () => {
  it.each([
    ['ASCII', [0x41, 0x42], 2],
    ['a 4-byte sequence', [0xf0, 0x9f, 0x98, 0x80], 4],
    ['a lone continuation byte', [0x41, 0x80], 1],
    ['an overlong encoding', [0xc0, 0x80], 0],
    ['an overlong 3-byte encoding', [0x41, 0xe0, 0x80, 0x80], 1],
    ['a surrogate', [0xed, 0xa0, 0x80], 0],
    ['a sequence cut short', [0x41, 0xe2, 0x82], 1],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a byte never used', [0xf5, 0x80], 0]
  ])('%s', (_, bytes, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(offset)
  })
})
