export type {
  Contact,
  Dates,
  Event,
  Footnote,
  InformationNote,
  Item,
  Organizer,
  Participant,
  ParticipantGroup,
  Section,
  Source,
  Venue
} from './generated/information-note.js'
export {type ConvertOptions, type ConvertResult, convert} from './pipeline.js'
export {type Rule, type RuleId, rules, type Severity} from './rules.js'
