/**
 * Reading a Word file: mammoth turns its document into semantic HTML
 * (bold, lists, headings, footnotes), which rehype-parse and rehype-remark
 * turn into mdast, and remark-stringify into the Markdown the pipeline
 * reads. Word's footnotes become GFM footnotes (`[^1]` and `[^1]: …`).
 *
 * Nothing outside the file is read: linked files and images are not
 * followed, and images are dropped.
 */
import type {Element, ElementContent, Root as HastRoot} from 'hast'
import type {Handle} from 'hast-util-to-mdast'
import type {FootnoteDefinition} from 'mdast'
import {UnreadableDocument} from './unreadable.js'

/** The Markdown of the Word (.docx) file in `bytes`. */
export async function docxMarkdown(bytes: Uint8Array): Promise<string> {
  const {html, starts} = await htmlOf(bytes)
  // Loaded with the first Word file: a batch of Markdown notes never pays for them.
  const [
    {unified},
    {default: rehypeParse},
    {default: rehypeRemark},
    {default: remarkGfm},
    {default: remarkStringify},
    {defaultHandlers}
  ] = await Promise.all([
    import('unified'),
    import('rehype-parse'),
    import('rehype-remark'),
    import('remark-gfm'),
    import('remark-stringify'),
    import('hast-util-to-mdast')
  ])
  const file = await unified()
    .use(rehypeParse, {fragment: true})
    .use(withoutBacklinks)
    .use(numberedFrom, starts)
    .use(rehypeRemark, {
      handlers: {sup: reference, ol: footnotesOr(defaultHandlers.ol), img: () => undefined}
    })
    .use(remarkGfm)
    // A line break in a paragraph stays one (a header's labels are often a line each).
    .use(remarkStringify, {bullet: '-', emphasis: '_', strong: '*', handlers: {break: () => '\n'}})
    .process(html)
  return String(file)
}

/**
 * The document's HTML, as mammoth makes it, and the number each numbered
 * list starts at; a file mammoth cannot open is unreadable.
 */
async function htmlOf(bytes: Uint8Array): Promise<{html: string; starts: number[]}> {
  if (isCompoundFile(bytes)) {
    throw new UnreadableDocument(
      isEncrypted(bytes) ? 'encrypted-file' : 'unreadable-file',
      isEncrypted(bytes)
        ? 'Unexpected Word file protected by a password, expected one anyone can open: save an unprotected copy and read that'
        : 'Unexpected Word file in the old .doc format, expected a .docx: save it as .docx and read that'
    )
  }
  const {default: mammoth} = await import('mammoth')
  const {counter, starts} = listStarts()
  try {
    const result = await mammoth.convertToHtml(
      {buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)},
      {
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({src: ''})),
        transformDocument: (mammoth as unknown as Transforms).transforms.paragraph(counter)
      }
    )
    return {html: result.value, starts}
  } catch (error) {
    const message = String((error as {message?: string}).message ?? error)
    // JSZip's own words end with a link to its manual: a plainer reason.
    const reason = /central directory/i.test(message)
      ? 'it is not a zip archive'
      : message.replace(/\s*[.?]$/, '')
    throw new UnreadableDocument(
      'unreadable-file',
      `Unexpected Word file that cannot be read (${reason}), expected a whole, valid .docx`
    )
  }
}

interface Transforms {
  transforms: {paragraph(transform: (paragraph: Paragraph) => Paragraph): (document: unknown) => unknown}
}

/** A paragraph of mammoth's document; the numbering level is one object for all items of a list. */
interface Paragraph {
  numbering?: {isOrdered: boolean; level: string} | null
}

/**
 * The number each list of numbered paragraphs starts at. Word counts on
 * over the paragraphs between the items of one list (sections numbered 1,
 * 2, 3 with their text between them); mammoth's HTML starts each at 1.
 */
function listStarts(): {counter: (paragraph: Paragraph) => Paragraph; starts: number[]} {
  const counts = new Map<object, number>()
  const starts: number[] = []
  let current: object | undefined
  const counter = (paragraph: Paragraph): Paragraph => {
    const numbering = paragraph.numbering ?? undefined
    if (numbering?.isOrdered && numbering.level === '0') {
      const count = (counts.get(numbering) ?? 0) + 1
      counts.set(numbering, count)
      if (current !== numbering) starts.push(count)
      current = numbering
    } else if (!numbering || numbering.level === '0') {
      // Anything but an item nested in the list ends it.
      current = undefined
    }
    return paragraph
  }
  return {counter, starts}
}

/** Each top-level numbered list starts at its number in the document (`<ol start="2">`). */
function numberedFrom(starts: readonly number[]) {
  return (tree: HastRoot): void => {
    let index = 0
    const walk = (node: HastRoot | Element): void => {
      for (const child of node.children) {
        if (child.type !== 'element') continue
        if (child.tagName === 'ol' && footnoteLabels(child) === undefined) {
          const start = starts[index++]
          if (start !== undefined && start > 1) child.properties.start = start
        } else if (child.tagName !== 'li') {
          walk(child)
        }
      }
    }
    walk(tree)
  }
}

/** An OLE compound file: an old .doc, or a .docx that a password encrypts. */
function isCompoundFile(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 8)).equals(
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
  )
}

function isEncrypted(bytes: Uint8Array): boolean {
  return Buffer.from(bytes).includes(Buffer.from('EncryptionInfo', 'utf16le'))
}

/** A footnote's mark is `[^1]`: the `↑` links back from the footnotes go. */
function withoutBacklinks() {
  return (tree: HastRoot): void => {
    const prune = (node: HastRoot | Element): void => {
      node.children = node.children.filter(
        (child) => !(child.type === 'element' && /^#(?:foot|end)note-ref-/.test(hrefOf(child)))
      ) as ElementContent[]
      for (const child of node.children) if (child.type === 'element') prune(child)
    }
    prune(tree)
  }
}

function hrefOf(element: Element): string {
  return element.tagName === 'a' ? String(element.properties.href ?? '') : ''
}

/** The number of the footnote that `element` (a `<sup>`) links to. */
function noteOf(element: Element): string | undefined {
  const link = element.children.find((child): child is Element => child.type === 'element')
  return link ? /^#(?:foot|end)note-(\d+)$/.exec(hrefOf(link))?.[1] : undefined
}

const reference: Handle = (state, element) => {
  const label = noteOf(element)
  return label ? {type: 'footnoteReference', identifier: label, label} : state.all(element)
}

/** The labels of mammoth's footnotes, when `element` is their list (`<ol>` of `<li id="footnote-1">`). */
function footnoteLabels(element: Element): string[] | undefined {
  const items = element.children.filter((child): child is Element => child.type === 'element')
  const labels = items.map((item) => /^(?:foot|end)note-(\d+)$/.exec(String(item.properties.id ?? ''))?.[1])
  return items.length > 0 && labels.every((label) => label !== undefined) ? (labels as string[]) : undefined
}

/** Mammoth's footnotes as definitions; any other list by `list`. */
const footnotesOr =
  (list: Handle): Handle =>
  (state, element, parent) => {
    const labels = footnoteLabels(element)
    if (!labels) return list(state, element, parent)
    const items = element.children.filter((child): child is Element => child.type === 'element')
    return items.map(
      (item, index): FootnoteDefinition => ({
        type: 'footnoteDefinition',
        identifier: labels[index] ?? '',
        label: labels[index] ?? '',
        children: state.toFlow(state.all(item)) as FootnoteDefinition['children']
      })
    )
  }
