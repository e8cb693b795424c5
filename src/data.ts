/**
 * What the stages leave on `file.data`, typed once for all of them.
 */
import type {RootContent} from 'mdast'
import type {Point, Position} from 'unist'
import type {
  Contact,
  Event,
  Extra,
  Footnote,
  InformationNote,
  ParticipantGroup,
  Section,
  Source
} from './generated/information-note.js'
import type {Category, FieldKey, Labels, Language} from './labels.js'
import type {Rebuilt} from './read.js'
import type {Reflowed} from './reflow.js'
import type {Span} from './span.js'

/** A `Label: value` line of the header, with the lines that belong to it. */
export interface Field {
  /** What the label names; none for a label infonote does not know, or for text without one. */
  key?: FieldKey | 'category'
  /** For `key: 'category'`: the participant category the label names. */
  category?: Category
  label?: Span
  value: Span
  /** Lines under the label: a nested list, the paragraphs after a `## Label` heading. */
  items: Span[]
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
    /** The vocabulary to read labels with, when a configuration adds words. */
    labels: Labels
    /** What a PDF or Word note was, before it was rebuilt as Markdown. */
    rebuilt: Rebuilt
    /** The text that was parsed, when the note's text needed repairs before parsing. */
    reflow: Reflowed
    source: Source
    header: Header
    title: string
    event: Partial<Event>
    participants: ParticipantGroup[]
    sections: Section[]
    footnotes: Footnote[]
    contacts: Contact[]
    extra: Extra[]
    language: Language
    sourceMap: SourceMap
    record: InformationNote
  }
}
