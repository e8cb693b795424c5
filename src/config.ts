/**
 * Configuration: `infonote.config.json`, or the `infonote` key of
 * package.json, found from the working directory upward (or given with
 * `--config`), checked against `schemas/config.schema.json`; and the
 * `.infonoteignore` file (gitignore syntax) found the same way.
 */
import {existsSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import ignore from 'ignore'
import {findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode} from 'jsonc-parser'
import type {Config, Level} from './generated/config.js'
import check from './generated/config.validate.cjs'
import {createLabels, type Labels} from './labels.js'
import {describe, display} from './paths.js'
import type {RuleId} from './rules.js'

const configName = 'infonote.config.json'
const ignoreName = '.infonoteignore'
const defaultExtensions = ['.md', '.markdown', '.txt']

/** What a configuration changes, ready to use. */
export interface Settings {
  /** The configuration as read (workers rebuild their settings from it). */
  config: Config
  /** Severity per rule: the configuration's `rules`, with `required` parts made errors. */
  rules: Partial<Record<RuleId, Level>>
  labels?: Labels
  extensions: string[]
  /** Whether a file or folder found in a folder is to be skipped. */
  ignored(absolute: string): boolean
}

/** A configuration that cannot be used: a usage error (exit code 2). */
export class UsageError extends Error {}

const requiredRules = {
  title: 'missing-title',
  participants: 'missing-participants',
  footnote: 'missing-footnote',
  contact: 'missing-contact'
} as const

/**
 * The settings of a configuration object (as the library takes it); `base`
 * is the folder its `ignore` patterns are relative to.
 */
export function settingsFrom(config: Config = {}, base?: string, ignoreFile?: string): Settings {
  const rules: Settings['rules'] = {...config.rules}
  for (const part of config.required ?? []) rules[requiredRules[part]] = 'error'
  const matchers = [
    ...(config.ignore && base ? [{base, match: ignore().add(config.ignore)}] : []),
    ...(ignoreFile
      ? [{base: path.dirname(ignoreFile), match: ignore().add(readFileSync(ignoreFile, 'utf8'))}]
      : [])
  ]
  return {
    config,
    rules,
    ...(config.labels ? {labels: createLabels(config.labels)} : {}),
    extensions: config.extensions ?? defaultExtensions,
    ignored: (absolute) =>
      matchers.some(({base, match}) => {
        const relative = path.relative(base, absolute)
        return (
          relative !== '' &&
          !relative.startsWith('..') &&
          !path.isAbsolute(relative) &&
          match.ignores(relative)
        )
      })
  }
}

/** The settings for a run in `cwd`: from `explicit`, or from the nearest configuration. */
export function loadSettings(cwd: string, explicit?: string): Settings {
  const file =
    explicit === undefined
      ? findUp(cwd, (folder) => {
          const config = path.join(folder, configName)
          const manifest = path.join(folder, 'package.json')
          return isFile(config) ? config : isFile(manifest) && hasKey(manifest) ? manifest : undefined
        })
      : path.resolve(cwd, explicit)
  if (explicit !== undefined && !existsSync(file ?? '')) {
    throw new UsageError(`Cannot find configuration "${explicit}"`)
  }
  const config = file ? readConfig(file, cwd) : {}
  const ignoreFile = findUp(cwd, (folder) =>
    isFile(path.join(folder, ignoreName)) ? path.join(folder, ignoreName) : undefined
  )
  try {
    return settingsFrom(config, file && path.dirname(file), ignoreFile)
  } catch (error) {
    throw new UsageError(`Cannot read "${ignoreFile}": ${describe(error)}`)
  }
}

/** The first thing `found` finds, from `cwd` up to the root. */
function findUp(cwd: string, found: (folder: string) => string | undefined): string | undefined {
  for (let folder = cwd; ; folder = path.dirname(folder)) {
    const file = found(folder)
    if (file || path.dirname(folder) === folder) return file
  }
}

function isFile(file: string): boolean {
  return statSync(file, {throwIfNoEntry: false})?.isFile() ?? false
}

function hasKey(manifest: string): boolean {
  const tree = parseTree(readFileSync(manifest, 'utf8'))
  return tree !== undefined && findNodeAtLocation(tree, ['infonote']) !== undefined
}

/** Parses and checks a configuration, naming the file, line and column of any problem. */
function readConfig(file: string, cwd: string): Config {
  const shown = display(file, cwd) || file
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError(`Cannot read configuration "${shown}": ${describe(error)}`)
  }
  const errors: ParseError[] = []
  const tree = parseTree(text, errors, {allowTrailingComma: false, disallowComments: true})
  const first = errors[0]
  if (first || !tree) {
    throw new UsageError(
      `Invalid configuration ${shown}:${where(text, first?.offset ?? 0)}: ${parseMessage(first?.error ?? 0)}`
    )
  }
  const root = path.basename(file) === 'package.json' ? findNodeAtLocation(tree, ['infonote']) : tree
  const config = nodeValue(root)
  if (!check(config)) {
    const problems = (check.errors ?? []).map((error) => {
      const segments = error.instancePath
        .split('/')
        .slice(1)
        .map(unescapePointer)
        .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment))
      const extra = error.params.additionalProperty as string | undefined
      const node = root && findNodeAtLocation(root, extra ? [...segments, extra] : segments)
      const key = extra ? node?.parent?.children?.[0] : node
      const at = (extra ? [...segments, extra] : segments).join('.') || '(root)'
      return `Invalid configuration ${shown}:${where(text, key?.offset ?? root?.offset ?? 0)}: ${at} ${error.message}${
        error.params.allowedValues ? ` (${(error.params.allowedValues as string[]).join(', ')})` : ''
      }`
    })
    throw new UsageError(problems.join('\n'))
  }
  return config
}

function nodeValue(node: Node | undefined): unknown {
  if (!node) return undefined
  if (node.type === 'object') {
    return Object.fromEntries(
      (node.children ?? []).map((property) => [
        property.children?.[0]?.value,
        nodeValue(property.children?.[1])
      ])
    )
  }
  if (node.type === 'array') return (node.children ?? []).map(nodeValue)
  return node.value
}

function parseMessage(code: number): string {
  return printParseErrorCode(code)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
}

function unescapePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~')
}

/** `line:column` of an offset in `text`. */
function where(text: string, offset: number): string {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/)
  return `${lines.length}:${(lines.at(-1)?.length ?? 0) + 1}`
}
