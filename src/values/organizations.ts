/**
 * The bodies notes name, from the registry (src/data/organizations.json)
 * and the configuration's `organizations`: their names are found in a list
 * before it is split, so that a known name is never cut at its commas or
 * conjunctions ("Centro Regional … para la Paz, el Desarme y el
 * Desarrollo …"), and an entry that names one is linked to it by its id.
 * Names compare without case, accents or a leading article; acronyms as
 * written.
 */
import {organizations} from '../generated/organizations-data.js'
import {remembering} from '../remembering.js'
import {fold} from './country-name.js'

export interface Body {
  /** Short, stable, lower case: `unoda`. */
  id: string
  acronyms: string[]
  names: {en: string[]; es: string[]; fr: string[]}
}

/** Where a body's name or acronym stands in a text. */
export interface Found {
  from: number
  to: number
  body: Body
}

export interface Bodies {
  /** The names and acronyms in `text`, longest first where they overlap, in order. */
  find(text: string): Found[]
  /** The body an entry names, by its name or its acronym. */
  of(name: string, acronym?: string): Body | undefined
}

interface Trie {
  next: Map<string, Trie>
  body?: Body
}

/** A word, or one sign: what names are compared by. */
const token = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu
const article = /^(?:the|el|la|los|las|le|les|l')$/

export function createBodies(extra: readonly Body[] = []): Bodies {
  const root: Trie = {next: new Map()}
  const byName = new Map<string, Body>()
  const byAcronym = new Map<string, Body>()
  for (const body of [...extra, ...organizations]) {
    for (const name of Object.values(body.names).flat()) {
      const words = tokens(name).map((word) => word.key)
      const key = words.join(' ')
      if (byName.has(key)) continue
      byName.set(key, body)
      insert(root, words, body)
    }
    for (const acronym of body.acronyms) {
      if (byAcronym.has(acronym)) continue
      byAcronym.set(acronym, body)
      insert(
        root,
        tokens(acronym).map((word) => word.acronym),
        body
      )
    }
  }
  return {
    find: (text) => find(root, tokens(text)),
    of(name, acronym) {
      const words = tokens(name).map((word) => word.key)
      const key = (article.test(words[0] ?? '') ? words.slice(1) : words).join(' ')
      return byName.get(key) ?? byAcronym.get(name.trim()) ?? (acronym ? byAcronym.get(acronym) : undefined)
    }
  }
}

let registry: Bodies | undefined

/** The built-in registry, without a configuration's bodies; made when first needed, not when a thread starts. */
export function defaultBodies(): Bodies {
  registry ??= createBodies()
  return registry
}

interface Token {
  /** How it compares: lower case, no accents, `’` as `'`; an acronym also as written. */
  key: string
  acronym: string
  from: number
  to: number
}

function tokens(text: string): Token[] {
  const found: Token[] = []
  for (const match of text.matchAll(token)) {
    const {key, acronym} = keysOf(match[0])
    found.push({key, acronym, from: match.index, to: match.index + match[0].length})
  }
  return found
}

const keysOf = remembering(
  (word): Pick<Token, 'key' | 'acronym'> => ({key: fold(word), acronym: acronymKey(word)})
)

/** Acronyms compare as written: "PSI" is not "psi". */
function acronymKey(word: string): string {
  // A sign (the "-" of "CARICOM-IMPACS") is the same either way.
  if (!/[\p{L}\p{N}]/u.test(word)) return fold(word)
  return `\u0000${word}`
}

function insert(root: Trie, words: readonly string[], body: Body): void {
  let node = root
  for (const word of words) {
    let next = node.next.get(word)
    if (!next) {
      next = {next: new Map()}
      node.next.set(word, next)
    }
    node = next
  }
  node.body ??= body
}

/** From each word on, the longest name that starts there; a name found is skipped over. */
function find(root: Trie, words: readonly Token[]): Found[] {
  const found: Found[] = []
  for (let start = 0; start < words.length; start++) {
    let node: Trie | undefined = root
    let end = -1
    let body: Body | undefined
    for (let at = start; node && at < words.length; at++) {
      const word = words[at] as Token
      node = node.next.get(word.key) ?? node.next.get(word.acronym)
      if (node?.body) {
        end = at
        body = node.body
      }
    }
    const first = words[start] as Token
    const last = words[end]
    if (!body || !last || !isWordStart(words, start)) continue
    found.push({from: first.from, to: last.to, body})
    start = end
  }
  return found
}

/** Whether a name may start at word `index`: not inside a word joined by a hyphen or an apostrophe. */
function isWordStart(words: readonly Token[], index: number): boolean {
  const previous = words[index - 1]
  const current = words[index] as Token
  return !previous || previous.to < current.from || !/^[-'’]$/.test(previous.key)
}
