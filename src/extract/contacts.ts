/**
 * Contacts: e-mail addresses and URLs (links, and the bare addresses GFM
 * links itself) and phone numbers after a "Tel"/"Phone" label, anywhere in
 * the note, each once.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Contact} from '../generated/information-note.js'
import {report} from '../message.js'
import {Span} from '../span.js'
import {nodesOf} from '../tree.js'
import {recorder} from './source-map.js'

// `\s*(?::\s*)?`, not `\s*:?\s*`: the same text, without trying each way
// of sharing a long run of spaces between the two.
const phone =
  /\b(?:tel(?:ephone)?|phone|t[ée]l[ée]phone|t[ée]l|tel[ée]fono)\.?\s*(?::\s*)?(\+?\d[\d\s().-]{5,}\d)/gi

export default function extractContacts() {
  return (tree: Root, file: VFile) => {
    const record = recorder(file)
    const contacts: Contact[] = []
    const seen = new Set<string>()
    const add = (type: Contact['type'], value: string, span: Span) => {
      if (!value.trim()) return
      const key = `${type}:${type === 'phone' ? value.replace(/\D/g, '') : value.toLowerCase()}`
      if (seen.has(key)) return
      seen.add(key)
      const pointer = `/contacts/${contacts.length}`
      record.mark(pointer, span)
      record.mark(`${pointer}/type`, span)
      record.mark(`${pointer}/value`, span)
      contacts.push({type, value})
    }

    for (const node of nodesOf(tree, 'link', 'text')) {
      if (node.type === 'link') {
        const span = Span.fromNode(node)
        if (/^mailto:/i.test(node.url)) add('email', decode(node.url.slice(7)), span)
        else if (/^https?:\/\//i.test(node.url)) add('url', node.url, span)
      } else if (node.type === 'text') {
        let span: Span | undefined
        for (const match of node.value.matchAll(phone)) {
          const number = match[1] ?? ''
          const start = match.index + match[0].length - number.length
          span ??= Span.fromNode(node)
          add('phone', number, span.slice(start, start + number.length))
        }
      }
    }
    if (contacts.length === 0) {
      report(
        file,
        'missing-contact',
        'Missing contact, expected an e-mail address such as "1540experts@un.org", a URL or a phone number',
        file.data.header?.start
      )
    }
    file.data.contacts = contacts
  }
}

/** A `mailto:` address, with `%40`-style escapes undone when they are well formed. */
function decode(address: string): string {
  try {
    return decodeURIComponent(address)
  } catch {
    return address
  }
}
