/**
 * Every message infonote emits, by stable rule id.
 * CI users grep and suppress by these ids: never rename one.
 */

import type {Config} from './generated/config.js'

export type Severity = 'error' | 'warning' | 'info'

/** A part of a complete note, as the configuration's `required` names it. */
export type Part = NonNullable<Config['required']>[number]

export interface Rule {
  severity: Severity
  summary: string
  /**
   * The part of a complete note whose absence the rule reports: an error
   * while the configuration's `required` lists the part, a warning (or as
   * configured) otherwise.
   */
  part?: Part
  /** The rule is off unless a configuration turns it on. */
  off?: true
  /**
   * The message comes from the run (a bug, a time or memory limit), not from
   * the note alone: a re-run converts the note again instead of trusting the
   * manifest.
   */
  transient?: true
}

export const rules = {
  'empty-file': {severity: 'error', summary: 'The file holds no text.'},
  'binary-file': {severity: 'error', summary: 'The file holds NUL bytes: it is not a text file.'},
  'invalid-encoding': {
    severity: 'error',
    summary: 'The file announces UTF-16 with a byte order mark but is not UTF-16.'
  },
  'unreadable-file': {
    severity: 'error',
    summary:
      'The file, or a folder to search, could not be read from disk, or a PDF or Word file is broken or not what its name says.'
  },
  'no-text-layer': {
    severity: 'error',
    summary: 'The PDF holds images only (a scan): it has no text to read until OCR adds some.'
  },
  'encrypted-file': {
    severity: 'error',
    summary: 'The PDF or Word file is protected by a password.'
  },
  'file-too-large': {
    severity: 'error',
    summary: 'The file is larger than `maxBytes` (2 MB unless configured): it was not read.'
  },
  'too-deeply-nested': {
    severity: 'error',
    summary: 'Lists, block quotes or emphasis are nested more than 100 levels deep.'
  },
  'conversion-timeout': {
    severity: 'error',
    summary: 'Converting the note took longer than `timeoutMs` (10 s unless configured): it was stopped.',
    transient: true
  },
  'conversion-out-of-memory': {
    severity: 'error',
    summary: 'Converting the note needed more memory than a conversion may take: it was stopped.',
    transient: true
  },
  'missing-event': {severity: 'error', summary: 'The header has no "Event" field.'},
  'missing-date': {severity: 'error', summary: 'The header gives no date.'},
  'unparsed-date': {
    severity: 'error',
    summary: 'The date text is not a calendar date or range infonote can read.'
  },
  'missing-venue': {severity: 'error', part: 'venue', summary: 'The header gives no venue.'},
  'missing-organizers': {
    severity: 'error',
    part: 'organizers',
    summary: 'The header has no "Organizers" field.'
  },
  'missing-sections': {severity: 'error', part: 'sections', summary: 'The note has no sections.'},
  'duplicate-id': {severity: 'error', summary: 'Another note of the batch has the same id.'},
  'output-collision': {
    severity: 'error',
    summary: 'Another note of the batch would be written to the same output file.'
  },
  'unwritable-output': {severity: 'error', summary: 'The output file of a note could not be written.'},
  'internal-error': {severity: 'error', summary: 'infonote failed on this file: a bug.', transient: true},
  'unknown-country': {severity: 'warning', summary: 'A State or venue country is not a known country.'},
  'missing-title': {severity: 'warning', part: 'title', summary: 'The note has no title line.'},
  'missing-participants': {
    severity: 'warning',
    part: 'participants',
    summary: 'The header names no participants.'
  },
  'missing-footnote': {
    severity: 'warning',
    part: 'footnote',
    summary: 'The note has no footnote, or a footnote marker has no footnote text.'
  },
  'missing-contact': {
    severity: 'warning',
    part: 'contact',
    summary: 'The note gives no e-mail address, URL or phone number.'
  },
  'empty-entry': {
    severity: 'warning',
    summary:
      'A list or value holds an empty entry (`Chile, , Peru`), where a name was removed: it was dropped.'
  },
  'invalid-manifest': {
    severity: 'warning',
    summary:
      "The output folder's manifest is damaged or names files outside the folder: it was ignored and rebuilt."
  },
  'decoded-as-windows-1252': {
    severity: 'info',
    summary: 'The file is not UTF-8, so it was read as Windows-1252.'
  },
  'lazy-list-item': {
    severity: 'info',
    summary:
      'A line glued onto a list item (its marker followed by a non-breaking space, or `•`) was split off.'
  },
  'unknown-field': {
    severity: 'info',
    summary: 'Header text that is not a field infonote knows (or a field given twice) was kept in `extra`.'
  },
  'title-line': {
    severity: 'info',
    summary: 'A title sharing its paragraph with the header lines was split off.'
  },
  'repaired-label-emphasis': {
    severity: 'info',
    summary: 'A label with broken emphasis (`Event:**`) was read as a label.'
  },
  'paragraph-heading': {
    severity: 'info',
    summary: 'A bold paragraph used as a heading (`**1. Objectives**`) was read as a section heading.'
  },
  'list-item-heading': {
    severity: 'info',
    summary: 'A numbered list item used as a heading was read as a section heading.'
  },
  'footnote-marker': {
    severity: 'info',
    summary: 'A footnote marker written as text (`¹`, `^1`, `[1]`) was read as a footnote.'
  },
  'moved-footnote': {
    severity: 'info',
    summary: 'Footnote text stranded in the body was moved to the footnotes.'
  },
  'run-on-line': {
    severity: 'info',
    summary: 'A line holding several header fields, or a heading and its text, was read as one line each.'
  },
  'page-furniture': {
    severity: 'info',
    summary: "A page number, a running header or a download site's banner line was dropped."
  },
  'section-title-line': {
    severity: 'info',
    summary:
      'A plain line that is only a section title (`Background`, `2. Highlights`) was read as a section heading.'
  },
  'unknown-organization': {
    severity: 'info',
    off: true,
    summary:
      'An organizer is not in the registry of organizations (off unless turned on: for growing the registry).'
  },
  'wrapped-value': {
    severity: 'info',
    summary: 'A header value wrapped onto the next line in the middle of a name was joined into one line.'
  },
  'subheading-line': {
    severity: 'info',
    summary:
      'A short line such as `Day 2 (14 May):` run into the paragraph below was set apart as a sub-heading.'
  },
  'ambiguous-date': {
    severity: 'info',
    summary:
      'A numeric date that reads both day first and month first (`03/04/2015`) was read day first, as the UN writes it.'
  }
} as const satisfies Record<string, Rule>

/** Where the rules are documented: `docs/rules/` of the repository. */
const docs = 'https://github.com/infonote/infonote/blob/main/docs/rules/'

/** The documentation of a rule (`schema-*` share one page), or of them all. */
export function docsUrl(ruleId?: RuleId): string {
  if (!ruleId) return `${docs}README.md`
  return `${docs}${ruleId.startsWith('schema-') ? 'schema' : ruleId}.md`
}

/** Ids of schema violations: `schema-` and the Ajv keyword that failed. */
export type SchemaRuleId = `schema-${string}`

export type RuleId = keyof typeof rules | SchemaRuleId

/**
 * Warnings and infos, and the parts `required` may leave out: a
 * configuration may change their severity, a comment silence them (unless
 * the part is required).
 */
export function configurable(ruleId: RuleId): boolean {
  return ruleId in rules && (severityOf(ruleId) !== 'error' || partOf(ruleId) !== undefined)
}

/** Whether the rule is off unless a configuration turns it on. */
export function isOff(ruleId: RuleId): boolean {
  const rule: Rule | undefined = rules[ruleId as keyof typeof rules]
  return rule?.off === true
}

/** The part of a note a `missing-*` rule is about. */
export function partOf(ruleId: RuleId): Part | undefined {
  const rule: Rule | undefined = rules[ruleId as keyof typeof rules]
  return rule?.part
}

/** Whether a note with this message is converted again on the next run (see `Rule.transient`). */
export function isTransient(ruleId: string): boolean {
  const rule: Rule | undefined = rules[ruleId as keyof typeof rules]
  return rule?.transient === true
}

export function severityOf(ruleId: RuleId): Severity {
  return ruleId.startsWith('schema-') ? 'error' : rules[ruleId as keyof typeof rules].severity
}
