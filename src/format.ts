/**
 * Reports for people and for CI: every message with its file, start and end,
 * severity, rule id, reason and the link to the rule's documentation.
 *
 * - compact: `path:line:col: severity reason [rule-id]`, clickable in
 *   terminals and editors (the default);
 * - stylish: grouped by file, with a summary, like vfile-reporter;
 *   both end with where each rule that spoke is documented, and show text
 *   from notes and file names through `visible`;
 * - json: `[{path, messages: [{line, column, endLine, endColumn, severity, ruleId, reason, url}]}]`;
 * - github: GitHub Actions workflow commands;
 * - sarif: SARIF 2.1.0, for code scanning;
 * - junit: JUnit XML, a test case per file, a failure per failing message;
 * - html: the review report of `validate`, which needs each note's text
 *   and record besides its messages: src/report/, not here.
 */
import type {VFileMessage} from 'vfile-message'
import {severity} from './message.js'
import {docsUrl, type RuleId, rules, type Severity, severityOf} from './rules.js'

export const formats = ['compact', 'stylish', 'json', 'github', 'sarif', 'junit', 'html'] as const
export type Format = (typeof formats)[number]
/** The formats of messages alone. */
export type MessageFormat = Exclude<Format, 'html'>

/** The messages of one file, to report. */
export interface FileReport {
  path: string
  messages: readonly VFileMessage[]
}

export interface FormatOptions {
  /** ANSI colours (stylish only). */
  color: boolean
  /** infonote's version (SARIF). */
  version: string
  /** Severities that fail: errors, and warnings under --strict (JUnit). */
  failing: readonly Severity[]
}

/** Where a message sits: its start and end, 1-based. */
export interface Range {
  line: number
  column: number
  endLine: number
  endColumn: number
}

export function range(message: VFileMessage): Range {
  const place = message.place
  const start = place && 'start' in place ? place.start : (place ?? {line: 1, column: 1})
  const end = place && 'end' in place ? place.end : start
  return {line: start.line, column: start.column, endLine: end.line, endColumn: end.column}
}

export function sortMessages(messages: readonly VFileMessage[]): VFileMessage[] {
  return [...messages].sort((a, b) => (a.line ?? 1) - (b.line ?? 1) || (a.column ?? 1) - (b.column ?? 1))
}

export function format(name: MessageFormat, files: readonly FileReport[], options: FormatOptions): string {
  return formatters[name](files, options)
}

const formatters: Record<MessageFormat, (files: readonly FileReport[], options: FormatOptions) => string> = {
  compact: (files) =>
    files.flatMap((file) => file.messages.map((message) => `${compactLine(message, file.path)}\n`)).join('') +
    rulesFooter(files),
  stylish,
  json: (files) =>
    `${JSON.stringify(
      files.map((file) => ({
        path: file.path,
        messages: file.messages.map((message) => ({
          ...range(message),
          severity: severity(message),
          ruleId: message.ruleId,
          reason: message.reason,
          url: message.url
        }))
      })),
      null,
      2
    )}\n`,
  github,
  sarif,
  junit
}

function compactLine(message: VFileMessage, path: string): string {
  return `${visible(path)}:${message.line ?? 1}:${message.column ?? 1}: ${severity(message)} ${visible(message.reason)} [${message.ruleId}]`
}

/** Maps each code point of `text`; a lone surrogate comes as itself. */
function mapCodePoints(text: string, map: (char: string, code: number) => string): string {
  let result = ''
  for (const char of text) result += map(char, char.codePointAt(0) ?? 0)
  return result
}

/**
 * Text from a note or a file name, safe to print on a terminal: C0
 * controls (ESC, CR, LF, TAB included), DEL, C1 controls, the bidi
 * embeddings, overrides and isolates ("Trojan Source"), the line and
 * paragraph separators and lone surrogates are written as escapes, `\t`,
 * `\n`, `\r`, `\xHH` below U+0100 and `\uHHHH` above, so a note cannot
 * move the cursor, clear the screen, colour the report, reorder what is
 * shown or split a message over two lines. A backslash stays as it is
 * (Windows paths): the result is for reading, not for parsing back.
 */
export function visible(text: string): string {
  return mapCodePoints(text, (char, code) => (unsafe(code) ? escapeCode(char, code) : char))
}

function unsafe(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    (code >= 0xd800 && code <= 0xdfff)
  )
}

const named: Record<string, string> = {'\t': '\\t', '\n': '\\n', '\r': '\\r'}

function escapeCode(char: string, code: number): string {
  const hex = code.toString(16).toUpperCase()
  return named[char] ?? (code < 0x100 ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`)
}

/**
 * Where each rule that spoke is documented, sorted by rule id, after a
 * blank line, as ESLint prints a rule's URL; nothing when no message was printed.
 */
function rulesFooter(files: readonly FileReport[]): string {
  const found = files.flatMap((file) => file.messages.flatMap((message) => message.ruleId ?? []))
  const ids = [...new Set(found)].sort()
  if (ids.length === 0) return ''
  const width = Math.max(...ids.map((id) => id.length))
  const rows = ids.map((id) => `  ${id.padEnd(width)}  ${docsUrl(id as RuleId)}\n`)
  return `\nRules:\n${rows.join('')}`
}

const ansi = {red: 31, yellow: 33, blue: 34, dim: 2, underline: 4, bold: 1} as const
const tint: Record<Severity, keyof typeof ansi> = {error: 'red', warning: 'yellow', info: 'blue'}

function stylish(files: readonly FileReport[], {color}: FormatOptions): string {
  const paint = (style: keyof typeof ansi, text: string) =>
    color ? `\u001B[${ansi[style]}m${text}\u001B[0m` : text
  const blocks = files
    .filter((file) => file.messages.length > 0)
    .map((file) => {
      const rows = file.messages.map((message) => {
        const {line, column, endLine, endColumn} = range(message)
        const place =
          endLine === line && endColumn === column
            ? `${line}:${column}`
            : `${line}:${column}-${endLine}:${endColumn}`
        return [place, severity(message), visible(message.reason), message.ruleId ?? '']
      })
      const width = [0, 1].map((column) => Math.max(...rows.map((row) => String(row[column]).length)))
      const lines = rows.map(([place, level, reason, rule]) => {
        const padded = `${String(level)}${' '.repeat((width[1] ?? 0) - String(level).length)}`
        return `  ${String(place).padEnd(width[0] ?? 0)}  ${paint(tint[level as Severity], padded)}  ${reason}  ${paint('dim', String(rule))}`
      })
      return `${paint('underline', visible(file.path))}\n${lines.join('\n')}\n`
    })
  const all = files.flatMap((file) => file.messages.map((message) => severity(message)))
  const count = (level: Severity) => all.filter((found) => found === level).length
  const [errors, warnings, infos] = [count('error'), count('warning'), count('info')]
  const total = errors + warnings + infos
  const sign = errors > 0 ? paint('red', '✖') : warnings > 0 ? paint('yellow', '⚠') : paint('bold', '✔')
  const parts = [
    plural(errors, 'error'),
    plural(warnings, 'warning'),
    ...(infos > 0 ? [plural(infos, 'info')] : [])
  ]
  const summary = `${sign} ${total === 0 ? 'no problems' : plural(total, 'problem')} (${parts.join(', ')})\n`
  return [...blocks, summary].join('\n') + rulesFooter(files)
}

/** GitHub Actions workflow commands: `::error file=…,line=…::reason`. */
function github(files: readonly FileReport[]): string {
  const command = {error: 'error', warning: 'warning', info: 'notice'} as const
  return files
    .flatMap((file) =>
      file.messages.map((message) => {
        const {line, column, endLine, endColumn} = range(message)
        const properties = [
          `file=${escapeProperty(file.path)}`,
          `line=${line}`,
          `col=${column}`,
          `endLine=${endLine}`,
          `endColumn=${endColumn}`,
          `title=${escapeProperty(`infonote(${message.ruleId})`)}`
        ]
        return `::${command[severity(message)]} ${properties.join(',')}::${escapeData(message.reason)}\n`
      })
    )
    .join('')
}

function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C')
}

/** SARIF 2.1.0: one run, every rule, a result per message. */
function sarif(files: readonly FileReport[], {version}: FormatOptions): string {
  const level = {error: 'error', warning: 'warning', info: 'note'} as const
  const found = files.flatMap((file) => file.messages.map((message) => message.ruleId as RuleId))
  const ids = [...Object.keys(rules), ...new Set(found.filter((id) => id.startsWith('schema-')))] as RuleId[]
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'infonote',
            version,
            informationUri: docsUrl(),
            rules: ids.map((id) => ({
              id,
              shortDescription: {
                text: id in rules ? rules[id as keyof typeof rules].summary : 'The record breaks the schema.'
              },
              helpUri: docsUrl(id),
              defaultConfiguration: {level: level[severityOf(id)]}
            }))
          }
        },
        results: files.flatMap((file) =>
          file.messages.map((message) => {
            const {line, column, endLine, endColumn} = range(message)
            return {
              ruleId: message.ruleId,
              ruleIndex: ids.indexOf(message.ruleId as RuleId),
              level: level[severity(message)],
              message: {text: message.reason},
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: {uri: uri(file.path)},
                    region: {startLine: line, startColumn: column, endLine, endColumn}
                  }
                }
              ]
            }
          })
        )
      }
    ]
  }
  return `${JSON.stringify(log, null, 2)}\n`
}

/** A relative URI reference; a lone surrogate, which no URI can hold, becomes U+FFFD. */
function uri(path: string): string {
  const whole = mapCodePoints(path, (char, code) => (code >= 0xd800 && code <= 0xdfff ? '\uFFFD' : char))
  return whole.split('/').map(encodeURIComponent).join('/')
}

/** JUnit XML: a test case per file, a failure per failing message, the rest as output. */
function junit(files: readonly FileReport[], {failing}: FormatOptions): string {
  const fails = (message: VFileMessage) => failing.includes(severity(message))
  const failed = files.filter((file) => file.messages.some(fails)).length
  const counts = `tests="${files.length}" failures="${failed}" errors="0"`
  const cases = files.map((file) => {
    const failures = file.messages
      .filter(fails)
      .map(
        (message) =>
          `      <failure type="${xml(message.ruleId ?? '', true)}" message="${xml(message.reason, true)}">${xml(compactLine(message, file.path))}</failure>\n`
      )
    const others = file.messages.filter((message) => !fails(message))
    const output =
      others.length > 0
        ? `      <system-out>${xml(others.map((message) => compactLine(message, file.path)).join('\n'))}</system-out>\n`
        : ''
    const body = failures.join('') + output
    return `    <testcase name="${xml(file.path, true)}" classname="infonote">${body ? `\n${body}    ` : ''}</testcase>\n`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="infonote" ${counts}>\n  <testsuite name="infonote" ${counts} skipped="0">\n${cases.join('')}  </testsuite>\n</testsuites>\n`
}

/** XML 1.0's `Char`: the only code points a document may hold, even as a reference. */
function xmlCanHold(code: number): boolean {
  return (
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  )
}

const markup: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;'}
// A parser turns CR into LF, and tab and line breaks in an attribute into
// spaces; references keep them.
const breaks: Record<string, string> = {'\r': '&#13;'}
const attributeBreaks: Record<string, string> = {'\t': '&#9;', '\n': '&#10;', '\r': '&#13;'}

/** Text or an attribute value (`attribute`) for XML 1.0; what it cannot hold becomes U+FFFD. */
function xml(text: string, attribute = false): string {
  const escapes = attribute ? attributeBreaks : breaks
  return mapCodePoints(text, (char, code) =>
    xmlCanHold(code) ? (markup[char] ?? escapes[char] ?? char) : '\uFFFD'
  )
}

export function plural(amount: number, word: string): string {
  return `${amount} ${word}${amount === 1 ? '' : 's'}`
}
