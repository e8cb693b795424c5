/**
 * Stage 1: raw bytes → text.
 *
 * UTF-8 (a BOM is dropped) and UTF-16 with a BOM are read, and bytes that
 * are not UTF-8 as Windows-1252 (the encoding of old Word files); line
 * endings become `\n`. Nothing is trimmed, so every line and column matches the file
 * on disk. A file that cannot be text fails with a fatal message.
 */

import {isUtf8} from 'node:buffer'
import {createHash} from 'node:crypto'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import type {TextSource} from './generated/information-note.js'
import {fileStart, report} from './message.js'

export type Encoding = TextSource['encoding']

/**
 * Replaces the bytes in `file.value` with their text and records the
 * source facts in `file.data.source`; throws the fatal message (via
 * `file.fail`) when the bytes are not a text file.
 */
export function decode(file: VFile): void {
  const rebuilt = file.data.rebuilt
  if (rebuilt) {
    // A PDF or Word note, already rebuilt as Markdown: its source is the document.
    if (String(file.value).trim() === '')
      fail(
        file,
        'empty-file',
        `Unexpected ${rebuilt.format === 'pdf' ? 'PDF' : 'Word'} file with no text, expected an information note`
      )
    file.data.source = {
      ...(file.path ? {path: file.path} : {}),
      sha256: rebuilt.sha256,
      format: rebuilt.format
    }
    return
  }
  const bytes = typeof file.value === 'string' ? new TextEncoder().encode(file.value) : file.value
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const {text, encoding} = decodeBytes(bytes, file)

  if (text.trim() === '') {
    fail(
      file,
      'empty-file',
      text === ''
        ? 'Unexpected empty file, expected an information note'
        : 'Unexpected file with only white space, expected an information note'
    )
  }

  file.value = text.replace(/\r\n?/g, '\n')
  file.data.source = {...(file.path ? {path: file.path} : {}), sha256, encoding}
}

function decodeBytes(bytes: Uint8Array, file: VFile): {text: string; encoding: Encoding} {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return {text: utf16(bytes, 'utf-16le', file), encoding: 'utf-16le'}
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return {text: utf16(bytes, 'utf-16be', file), encoding: 'utf-16be'}

  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    const before = new TextDecoder().decode(bytes.subarray(0, nul))
    fail(file, 'binary-file', `Unexpected NUL byte (byte ${nul}), expected a text file`, pointAt(before))
  }
  if (!isUtf8(bytes)) {
    // A UTF-8 BOM says what the rest is meant to be: only its bad bytes are Windows-1252.
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
    const bad = firstInvalidUtf8(body)
    const byte = (body[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0')
    report(
      file,
      'decoded-as-windows-1252',
      `Read the file as Windows-1252: byte 0x${byte} (byte ${bad + bytes.length - body.length}) is not UTF-8`,
      pointAt(utf8.decode(body.subarray(0, bad)))
    )
    return {text: mixed(body), encoding: 'windows-1252'}
  }
  // The decoder drops a BOM.
  return {text: new TextDecoder().decode(bytes), encoding: 'utf-8'}
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: VFile): string {
  let text: string
  try {
    // The decoder drops the BOM itself.
    text = new TextDecoder(encoding, {fatal: true}).decode(bytes)
  } catch {
    return fail(
      file,
      'invalid-encoding',
      `Unexpected bytes that are not ${encoding.toUpperCase()}, expected text in the encoding its byte order mark announces`
    )
  }
  const nul = text.indexOf('\0')
  if (nul !== -1)
    fail(file, 'binary-file', 'Unexpected NUL character, expected a text file', pointAt(text.slice(0, nul)))
  return text
}

function fail(
  file: VFile,
  ruleId: 'empty-file' | 'binary-file' | 'invalid-encoding',
  reason: string,
  place: Point = fileStart
): never {
  throw report(file, ruleId, reason, place)
}

/** The point just after `before`, the text that precedes a problem. */
function pointAt(before: string): Point {
  const lines = before.replace(/\r\n?/g, '\n').split('\n')
  return {line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1}
}

/** Windows-1252 is Latin-1 but for 0x80–0x9F; the five bytes it leaves undefined stay C1 controls. */
const windows1252High = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ'

const utf8 = new TextDecoder('utf-8', {ignoreBOM: true})

/**
 * Windows-1252 as most old files are, UTF-8 where a file mixes them (a
 * Word file pasted into a UTF-8 one): each well-formed UTF-8 sequence is
 * read as UTF-8, each other byte as Windows-1252.
 */
function mixed(bytes: Uint8Array): string {
  let text = ''
  for (let at = 0; at < bytes.length; ) {
    const bad = at + firstInvalidUtf8(bytes.subarray(at))
    text += utf8.decode(bytes.subarray(at, bad)) + windows1252(bytes.subarray(bad, bad + 1))
    at = bad + 1
  }
  return text
}

function windows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (char) => windows1252High.charAt(char.charCodeAt(0) - 0x80))
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const [length, low, high] = sequence(bytes[index] ?? 0)
    if (length === 0) return index
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next]
      // Only the second byte has a narrower range (overlongs, surrogates).
      const [min, max] = next === 1 ? [low, high] : [0x80, 0xbf]
      if (byte === undefined || byte < min || byte > max) return index
    }
    index += length
  }
  return index
}

/** Length of the sequence a lead byte starts, and the range of its second byte. */
function sequence(lead: number): [length: number, low: number, high: number] {
  if (lead < 0x80) return [1, 0, 0]
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf]
  if (lead === 0xe0) return [3, 0xa0, 0xbf]
  if (lead === 0xed) return [3, 0x80, 0x9f]
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf]
  if (lead === 0xf0) return [4, 0x90, 0xbf]
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf]
  if (lead === 0xf4) return [4, 0x80, 0x8f]
  return [0, 0, 0]
}
