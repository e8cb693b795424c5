/**
 * What an organizer or a participant entry says of the body it names: its
 * role in the event ("Government of Japan, as Chair of the G7 Global
 * Partnership", "Ghana (host)"), and, when the registry knows the body, its
 * id (`org`) and an `acronym` (the note's, else the registry's first). The
 * same fields in both places, so that an archive can ask "every event UNODA
 * organized or attended".
 */
import type {VFile} from 'vfile'
import {report} from '../message.js'
import type {Span} from '../span.js'
import {splitRole} from '../values/lists.js'
import {type Bodies, defaultBodies} from '../values/organizations.js'
import type {Recorder} from './source-map.js'

declare module 'vfile' {
  interface DataMap {
    /** The bodies to link entries to, when a configuration adds some. */
    bodies: Bodies
  }
}

export interface Linked {
  acronym?: string
  org: string
}

/** The bodies a file is read with: its configuration's, or the registry's. */
export function bodiesOf(file: VFile): Bodies {
  return file.data.bodies ?? defaultBodies()
}

/** `name` without its role, and the role, recorded at `pointer`. */
export function withoutRole(name: Span, pointer: string, record: Recorder): {name: Span; role?: string} {
  const {name: rest, role} = splitRole(name)
  return role?.text ? {name: rest, role: record.value(`${pointer}/role`, role)} : {name: rest}
}

/**
 * The registry's fields of an entry whose `name` (or `acronym`, as the note
 * writes it) is a body the registry knows: `acronym` and `org`.
 */
export function linkTo(
  bodies: Bodies,
  name: Span,
  acronym: Span | undefined,
  pointer: string,
  record: Recorder
): Linked | undefined {
  const body = bodies.of(name.text, acronym?.text)
  if (!body) return undefined
  record.mark(`${pointer}/org`, name)
  // The acronym as the note writes it ("OPAQ", "UNODA (OPCW)"), else the registry's first.
  const given = acronym ?? (body.acronyms.includes(name.text) ? name : undefined)
  const written = given ? record.value(`${pointer}/acronym`, given) : body.acronyms[0]
  if (!given && written) record.mark(`${pointer}/acronym`, name)
  return {...(written ? {acronym: written} : {}), org: body.id}
}

/** National authorities: a registry of international bodies does not hold them. */
const national =
  /^(?:government|gobierno|gouvernement|ministry|ministerio|minist[eè]re|permanent mission|misi[oó]n permanente|mission permanente)\b/i

/** An info for an organizer the registry does not know (rule `unknown-organization`, off unless turned on). */
export function reportUnknown(file: VFile, name: Span, record: Recorder): void {
  if (national.test(name.text)) return
  report(
    file,
    'unknown-organization',
    `Organizer "${name.value}" is not in the registry of organizations (see docs/organizations.md)`,
    record.position(name)
  )
}
