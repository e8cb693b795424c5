/**
 * GitHub's extensions to Markdown, each only for a note where it can
 * occur. Every GFM construct costs parse time on every note, and most notes
 * use none but an address; a construct whose trigger is absent from the
 * text cannot match, so leaving it out gives the same tree, positions
 * included (tests/gfm.test.ts proves it on random documents and on every
 * fixture). The parts are those remark-gfm is made of, in its order.
 */
import type {Nodes, Root} from 'mdast'
import type {Extension as TreeExtension} from 'mdast-util-from-markdown'
import {gfmAutolinkLiteralFromMarkdown} from 'mdast-util-gfm-autolink-literal'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {gfmAutolinkLiteral} from 'micromark-extension-gfm-autolink-literal'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import {combineExtensions} from 'micromark-util-combine-extensions'
import type {Construct, ConstructRecord, Extension as SyntaxExtension} from 'micromark-util-types'
import remarkParse from 'remark-parse'
import {type Processor, unified} from 'unified'

export interface GfmPart {
  name: string
  /** What the text must hold for the construct to match, once decoded. */
  trigger: RegExp
  syntax: SyntaxExtension
  tree: TreeExtension
}

/** remark-gfm's parts, in its order. */
export const gfmParts: readonly GfmPart[] = [
  {
    name: 'autolink literal',
    // `&`: a character reference may decode to `@` (`a&#64;b.co` is a link).
    trigger: /[@&]|www|http/i,
    syntax: gfmAutolinkLiteral(),
    tree: withGuardedTransform(gfmAutolinkLiteralFromMarkdown())
  },
  {name: 'footnote', trigger: /\[\^/, syntax: gfmFootnote(), tree: gfmFootnoteFromMarkdown()},
  {name: 'strikethrough', trigger: /~/, syntax: gfmStrikethrough(), tree: gfmStrikethroughFromMarkdown()},
  {
    name: 'table',
    // A one-column table has no pipe: `a\n:--`.
    trigger: /\||:-|-:/,
    syntax: gfmTable(),
    tree: gfmTableFromMarkdown()
  },
  {
    name: 'task list item',
    // `- [\n] a` is one too.
    trigger: /\[[\sxX]/,
    syntax: gfmTaskListItem(),
    tree: gfmTaskListItemFromMarkdown()
  }
]

/** The GFM parts whose trigger `text` holds. */
export function partsFor(text: string): GfmPart[] {
  return gfmParts.filter((part) => part.trigger.test(text))
}

/** `text` parsed by remark-parse with the GFM parts it can use. */
export function parseGfm(text: string): Root {
  const parts = partsFor(text)
  emailStarts = parts[0] === gfmParts[0] ? emailStartsOf(text) : noStarts
  try {
    return parserOf(parts).parse(text)
  } finally {
    emailStarts = noStarts
  }
}

/** A frozen parser for each set of parts, its extensions combined once (as remark-gfm does). */
const parsers = new Map<string, Processor<Root>>()

function parserOf(parts: GfmPart[]): Processor<Root> {
  const key = parts.map((part) => part.name).join()
  let parser = parsers.get(key)
  if (!parser) {
    const syntax = parts.map((part) => (part === gfmParts[0] ? guardedAutolink : part.syntax))
    parser = unified()
      .use(remarkParse)
      .data({
        micromarkExtensions: syntax.length > 0 ? [combineExtensions(syntax)] : [],
        fromMarkdownExtensions: parts.map((part) => part.tree)
      })
      .freeze()
    parsers.set(key, parser)
  }
  return parser
}

/**
 * Where, in the text being parsed, a run of the characters an address
 * starts with is followed by `@` (1 at each such offset): set by
 * `parseGfm` for one parse, which is synchronous.
 */
const noStarts = new Uint8Array(0)
let emailStarts: Uint8Array = noStarts

/** The autolink literal part's constructs by character code, and its e-mail construct among them. */
const autolinkText = Object.entries(gfmParts[0]?.syntax.text ?? {}).map(
  ([code, entry]): [number, ConstructRecord[number]] => [Number(code), entry]
)
const email = emailConstruct()

/**
 * The autolink literal part, its e-mail construct tried only where
 * `emailStarts` says an address can start. micromark tries that construct
 * at every letter and digit, and each try looks back over the events: most
 * of a note's GFM time. Where no `@` follows, the construct cannot match,
 * so the tree is the same.
 */
const guardedAutolink = guardEmail()

function guardEmail(): SyntaxExtension {
  const guarded: Construct = {
    ...email,
    tokenize(effects, ok, nok) {
      const start = email.tokenize.call(this, effects, ok, nok)
      return (code) => (emailStarts[this.now().offset] === 1 ? start(code) : nok(code))
    }
  }
  const swap = (entry: Construct) => (entry === email ? guarded : entry)
  const text: ConstructRecord = {}
  for (const [code, entry] of autolinkText) {
    text[code] = Array.isArray(entry) ? entry.map(swap) : swap(entry as Construct)
  }
  return {text}
}

function emailConstruct(): Construct {
  const found = autolinkText
    .flatMap(([, entry]) => entry)
    .find((entry): entry is Construct => entry?.name === 'emailAutolink')
  if (!found) throw new Error('micromark-extension-gfm-autolink-literal has no emailAutolink construct')
  return found
}

/**
 * The autolink literal tree part, its transform run only when a text node
 * outside links holds what one of its patterns needs (`@`, `www.`,
 * `http://`, `https://`). The transform searches every text node with four
 * patterns; in most notes the parser has already made the addresses links,
 * and what is left holds none of them, so the tree is the same.
 */
function withGuardedTransform(extension: TreeExtension): TreeExtension {
  const transforms = extension.transforms ?? []
  return {
    ...extension,
    transforms: transforms.map((transform) => (tree) => (mayLink(tree) ? transform(tree) : undefined))
  }
}

/** Whether a text node outside links and link references holds what an autolink literal needs. */
function mayLink(tree: Nodes): boolean {
  const stack: Nodes[] = [tree]
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'text' && literalTrigger.test(node.value)) return true
    if (node.type === 'link' || node.type === 'linkReference' || !('children' in node)) continue
    // One by one: spreading 100,000 list items would overflow the stack.
    for (const child of node.children) stack.push(child)
  }
  return false
}

const literalTrigger = /@|https?:\/\/|www\./i

/** 1 at each offset of `text` from which characters of an address's local part run up to an `@`. */
function emailStartsOf(text: string): Uint8Array {
  const starts = new Uint8Array(text.length + 1)
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    for (let index = at - 1; index >= 0 && atext.test(text.charAt(index)); index--) starts[index] = 1
  }
  return starts
}

const atext = /[A-Za-z0-9+\-._]/
