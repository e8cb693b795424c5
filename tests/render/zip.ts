/**
 * Just enough of the zip format for Word files: reads the entries of an
 * archive (stored or deflated) and writes an archive whose entries are all
 * deflated and dated 1980-01-01 00:00, so the same files always give the
 * same bytes.
 */
import {crc32, deflateRawSync, inflateRawSync} from 'node:zlib'

const signature = {local: 0x04034b50, central: 0x02014b50, end: 0x06054b50}
/** MS-DOS date 1980-01-01 (time 00:00:00 is 0). */
const dosDate = (1 << 5) | 1

/** The files of a zip archive by path, in the archive's order. */
export function unzip(zip: Uint8Array): Map<string, Buffer> {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength)
  const end = view.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0 || view.readUInt32LE(end) !== signature.end)
    throw new Error('Not a zip file: no end of central directory')
  const files = new Map<string, Buffer>()
  let at = view.readUInt32LE(end + 16)
  for (let entry = view.readUInt16LE(end + 10); entry > 0; entry--) {
    if (view.readUInt32LE(at) !== signature.central) throw new Error(`No central directory entry at ${at}`)
    const nameLength = view.readUInt16LE(at + 28)
    const local = view.readUInt32LE(at + 42)
    const start = local + 30 + view.readUInt16LE(local + 26) + view.readUInt16LE(local + 28)
    const data = view.subarray(start, start + view.readUInt32LE(at + 20))
    const name = view.toString('utf8', at + 46, at + 46 + nameLength)
    files.set(name, view.readUInt16LE(at + 10) === 8 ? inflateRawSync(data) : Buffer.from(data))
    at += 46 + nameLength + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32)
  }
  return files
}

/** A zip archive of `files`, in their order, deflated and dated 1980-01-01. */
export function zip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, content] of files) {
    const path = Buffer.from(name, 'utf8')
    const data = deflateRawSync(content)
    const fields = {crc: crc32(content), compressed: data.length, size: content.length}
    const local = header(signature.local, 30, path, fields)
    const central = header(signature.central, 46, path, fields)
    central.writeUInt32LE(offset, 42)
    locals.push(local, data)
    centrals.push(central)
    offset += local.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(signature.end, 0)
  end.writeUInt16LE(files.size, 8)
  end.writeUInt16LE(files.size, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, end]))
}

/** A local (30 bytes) or central (46 bytes) header for a deflated entry, its name after it. */
function header(
  kind: number,
  size: 30 | 46,
  name: Buffer,
  fields: {crc: number; compressed: number; size: number}
): Buffer {
  const bytes = Buffer.alloc(size + name.length)
  // The central header has "version made by" first, so its other fields sit 2 bytes further on.
  const shift = size === 46 ? 2 : 0
  bytes.writeUInt32LE(kind, 0)
  if (shift) bytes.writeUInt16LE(20, 4)
  bytes.writeUInt16LE(20, 4 + shift) // version needed: deflate
  bytes.writeUInt16LE(8, 8 + shift) // method: deflate
  bytes.writeUInt16LE(0, 10 + shift) // time 00:00:00
  bytes.writeUInt16LE(dosDate, 12 + shift)
  bytes.writeUInt32LE(fields.crc, 14 + shift)
  bytes.writeUInt32LE(fields.compressed, 18 + shift)
  bytes.writeUInt32LE(fields.size, 22 + shift)
  bytes.writeUInt16LE(name.length, 26 + shift)
  name.copy(bytes, size)
  return bytes
}
