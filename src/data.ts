/**
 * What the stages leave on `file.data`, typed once for all of them.
 */
import type {RootContent} from 'mdast'
import type {Point, Position} from 'unist'
import type {
  Contact,
  Event,
  Footnote,
  InformationNote,
  ParticipantGroup,
  Section,
  Source
} from './generated/information-note.js'
import type {Category, FieldKey, Language} from './labels.js'
import type {Span} from './span.js'

/** A `Label: value` line of the header. */
export interface Field {
  key: FieldKey | 'category'
  /** For `key: 'category'`: the participant category the label names. */
  category?: Category
  label: Span
  value: Span
  languages: Language[]
}

export interface Header {
  /** First line of the header block: where `missing-*` problems point. */
  start: Point | undefined
  /** The title and header blocks: all that is not body. */
  blocks: RootContent[]
  fields: Field[]
}

/** JSON Pointer of a record value → where it comes from in the note. */
export type SourceMap = Map<string, Position>

declare module 'vfile' {
  interface DataMap {
    source: Source
    header: Header
    title: string
    event: Partial<Event>
    participants: ParticipantGroup[]
    sections: Section[]
    footnotes: Footnote[]
    contacts: Contact[]
    language: Language
    sourceMap: SourceMap
    record: InformationNote
  }
}
