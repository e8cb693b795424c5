export type {
  Contact,
  Dates,
  DocumentSource,
  Event,
  Footnote,
  InformationNote,
  Item,
  Organizer,
  Participant,
  ParticipantGroup,
  Section,
  Source,
  TextSource,
  Venue
} from './generated/information-note.js'
export {
  type ConvertOptions,
  type ConvertResult,
  convert,
  convertDocument,
  type DocumentOptions
} from './pipeline.js'
export type {DocumentFormat} from './read.js'
export {type Rule, type RuleId, rules, type Severity} from './rules.js'
