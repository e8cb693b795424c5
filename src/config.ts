/**
 * Configuration: `infonote.config.json`, or the `infonote` key of
 * package.json, found from the working directory upward (or given with
 * `--config`), checked against `schemas/config.schema.json`; and the
 * `.infonoteignore` file (gitignore syntax) found the same way.
 */
import {existsSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import ignore from 'ignore'
import {findNodeAtLocation, parseTree} from 'jsonc-parser'
import type {Config, Level} from './generated/config.js'
import check from './generated/config.validate.cjs'
import {locate, nodeValue, parseJson} from './json-file.js'
import {createLabels, type Labels} from './labels.js'
import {type Limits, limitsOf} from './limits.js'
import {describe, display} from './paths.js'
import {isOff, type Part, partOf, type RuleId, rules as ruleTable, severityOf} from './rules.js'
import {type Bodies, createBodies} from './values/organizations.js'

const configName = 'infonote.config.json'
const ignoreName = '.infonoteignore'
const defaultExtensions = ['.md', '.markdown', '.txt', '.pdf', '.docx']

/** What a configuration changes, ready to use. */
export interface Settings {
  /** The configuration as read (workers rebuild their settings from it). */
  config: Config
  /** Severity per rule: the configuration's `rules`, with `required` parts made errors. */
  rules: Partial<Record<RuleId, Level>>
  labels?: Labels
  /** The registry of organizations with the configuration's bodies, when it adds some. */
  bodies?: Bodies
  limits: Limits
  extensions: string[]
  /** Whether a file or folder found in a folder is to be skipped. */
  ignored(absolute: string): boolean
}

/** A configuration that cannot be used: a usage error (exit code 2). */
export class UsageError extends Error {}

/** The parts a note must have when the configuration does not say: as before `required` could leave any out. */
const defaultRequired: readonly Part[] = ['venue', 'organizers', 'sections']

/**
 * The settings of a configuration object (as the library takes it); `base`
 * is the folder its `ignore` patterns are relative to.
 */
export function settingsFrom(config: Config = {}, base?: string, ignoreFile?: string): Settings {
  const rules = rulesFrom(config)
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
    ...(config.organizations ? {bodies: createBodies(config.organizations)} : {}),
    limits: limitsOf(config),
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

/**
 * Severity per rule: the configuration's `rules`; a required part's rule is
 * an error, and a part left out is a warning unless configured otherwise.
 */
function rulesFrom(config: Config): Settings['rules'] {
  const rules: Settings['rules'] = {...config.rules}
  const required = new Set<Part>(config.required ?? defaultRequired)
  for (const id of Object.keys(ruleTable) as RuleId[]) {
    if (isOff(id)) rules[id] ??= 'off'
    const part = partOf(id)
    if (part === undefined) continue
    if (required.has(part)) rules[id] = 'error'
    else if (severityOf(id) === 'error') rules[id] ??= 'warning'
  }
  return rules
}

/** The severities when there is no configuration. */
export const defaultRules = rulesFrom({})

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
  const parsed = parseJson(text)
  if ('problem' in parsed) {
    const {line, column, message} = parsed.problem
    throw new UsageError(`Invalid configuration ${shown}:${line}:${column}: ${message}`)
  }
  const root =
    path.basename(file) === 'package.json' ? findNodeAtLocation(parsed.tree, ['infonote']) : parsed.tree
  const config = nodeValue(root)
  if (!check(config)) {
    const problems = locate(text, root ?? parsed.tree, check.errors ?? [])
    throw new UsageError(
      problems
        .map(
          ({line, column, at, message}) =>
            `Invalid configuration ${shown}:${line}:${column}: ${explain(at, message)}`
        )
        .join('\n')
    )
  }
  return config
}

/** What is wrong at `at`; a rule that cannot be configured says why. */
function explain(at: string, message: string): string {
  const rule = /^rules\.(.+)$/.exec(at)?.[1]
  if (rule && message === 'must NOT have additional properties') {
    return rule in ruleTable
      ? `"${rule}" is an error that cannot be turned off or lowered`
      : `"${rule}" is not a rule of infonote (see docs/rules/README.md)`
  }
  return `${at} ${message}`
}
