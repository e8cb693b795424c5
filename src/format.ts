/**
 * Reports for people and for CI: every message with its file, start and end,
 * severity, rule id, reason and the link to the rule's documentation.
 *
 * - compact: `path:line:col: severity reason [rule-id]`, clickable in
 *   terminals and editors (the default);
 * - stylish: grouped by file, with a summary, like vfile-reporter;
 * - json: `[{path, messages: [{line, column, endLine, endColumn, severity, ruleId, reason, url}]}]`;
 * - github: GitHub Actions workflow commands;
 * - sarif: SARIF 2.1.0, for code scanning;
 * - junit: JUnit XML, a test case per file, a failure per failing message.
 */
import type {VFileMessage} from 'vfile-message'
import {severity} from './message.js'
import {docsUrl, type RuleId, rules, type Severity, severityOf} from './rules.js'

export const formats = ['compact', 'stylish', 'json', 'github', 'sarif', 'junit'] as const
export type Format = (typeof formats)[number]

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

export function format(name: Format, files: readonly FileReport[], options: FormatOptions): string {
  return formatters[name](files, options)
}

const formatters: Record<Format, (files: readonly FileReport[], options: FormatOptions) => string> = {
  compact: (files) =>
    files.flatMap((file) => file.messages.map((message) => `${compactLine(message, file.path)}\n`)).join(''),
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
  return `${path}:${message.line ?? 1}:${message.column ?? 1}: ${severity(message)} ${message.reason} [${message.ruleId}]`
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
        return [place, severity(message), message.reason, message.ruleId ?? '']
      })
      const width = [0, 1].map((column) => Math.max(...rows.map((row) => String(row[column]).length)))
      const lines = rows.map(([place, level, reason, rule]) => {
        const padded = `${String(level)}${' '.repeat((width[1] ?? 0) - String(level).length)}`
        return `  ${String(place).padEnd(width[0] ?? 0)}  ${paint(tint[level as Severity], padded)}  ${reason}  ${paint('dim', String(rule))}`
      })
      return `${paint('underline', file.path)}\n${lines.join('\n')}\n`
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
  return [...blocks, summary].join('\n')
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
                    artifactLocation: {uri: file.path.split('/').map(encodeURIComponent).join('/')},
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
          `      <failure type="${xml(message.ruleId ?? '')}" message="${xml(message.reason)}">${xml(compactLine(message, file.path))}</failure>\n`
      )
    const others = file.messages.filter((message) => !fails(message))
    const output =
      others.length > 0
        ? `      <system-out>${xml(others.map((message) => compactLine(message, file.path)).join('\n'))}</system-out>\n`
        : ''
    const body = failures.join('') + output
    return `    <testcase name="${xml(file.path)}" classname="infonote">${body ? `\n${body}    ` : ''}</testcase>\n`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="infonote" ${counts}>\n  <testsuite name="infonote" ${counts} skipped="0">\n${cases.join('')}  </testsuite>\n</testsuites>\n`
}

/** Control characters (but tab and line breaks) and U+FFFE, U+FFFF: XML 1.0 cannot hold them at all. */
function xmlCannotHold(char: string): boolean {
  const code = char.charCodeAt(0)
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff
  )
}

function xml(text: string): string {
  return Array.from(text, (char) => (xmlCannotHold(char) ? '\uFFFD' : char))
    .join('')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
}

export function plural(amount: number, word: string): string {
  return `${amount} ${word}${amount === 1 ? '' : 's'}`
}
