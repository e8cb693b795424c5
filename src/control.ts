/**
 * Message control: the severity a configuration gives each rule, and the
 * comments that silence rules in a note:
 *
 *     <!-- infonote-disable rule-id, other-id -->   until infonote-enable (or the end)
 *     <!-- infonote-enable rule-id -->
 *     <!-- infonote-disable-next-line rule-id -->
 *
 * A comment without rule ids means every configurable rule. Only warnings
 * and infos can be configured or silenced: an error that makes the record
 * impossible always stands.
 */
import type {Root} from 'mdast'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Settings} from './config.js'
import {configurable, partOf, type RuleId} from './rules.js'
import {nodesOf} from './tree.js'

const comment = /^<!--\s*infonote-(disable-next-line|disable|enable)\b([\s\S]*?)-->$/

interface Directive {
  kind: 'disable-next-line' | 'disable' | 'enable'
  rules: Set<string> | 'all'
  end: Point
}

export function control(file: VFile, tree: Root | undefined, rules: Settings['rules']): void {
  const directives = tree ? readDirectives(tree) : []
  file.messages = file.messages.filter((message) => {
    const id = message.ruleId as RuleId
    // A missing part that is an error (required, or set to error) is one no comment silences.
    const required = partOf(id) !== undefined && rules[id] === 'error'
    if (configurable(id) && !required && silenced(message, directives)) return false
    const fatal = configured(message, rules)
    if (fatal === 'off') return false
    message.fatal = fatal
    return true
  })
}

/** The `fatal` a message takes under the configured severities (`off`: dropped). */
export function configured(
  message: {ruleId?: string | undefined; fatal?: boolean | null | undefined},
  rules: Settings['rules']
): boolean | undefined | 'off' {
  const id = message.ruleId as RuleId
  const level = configurable(id) ? rules[id] : undefined
  if (level === 'off') return 'off'
  if (!level) return message.fatal ?? undefined
  return level === 'error' ? true : level === 'warning' ? false : undefined
}

function readDirectives(tree: Root): Directive[] {
  const directives: Directive[] = []
  for (const node of nodesOf(tree, 'html')) {
    const match = comment.exec(node.value.trim())
    const end = node.position?.end
    if (!match || !end) continue
    const ids = (match[2] ?? '').split(/[\s,]+/).filter(Boolean)
    directives.push({
      kind: match[1] as Directive['kind'],
      rules: ids.length > 0 ? new Set(ids) : 'all',
      end
    })
  }
  return directives
}

/** Whether the last directive before the message that names its rule disables it. */
function silenced(message: VFileMessage, directives: Directive[]): boolean {
  const line = message.line ?? 1
  const column = message.column ?? 1
  let off = false
  for (const directive of directives) {
    const names = directive.rules === 'all' || directive.rules.has(message.ruleId ?? '')
    if (!names) continue
    if (directive.kind === 'disable-next-line') {
      if (line === directive.end.line + 1) return true
      continue
    }
    const before =
      directive.end.line < line || (directive.end.line === line && directive.end.column <= column)
    if (before) off = directive.kind === 'disable'
  }
  return off
}
