/**
 * Tests of the test renderers (tests/render/): the block model made from
 * Markdown, and what pdf.js reads back from the PDFs and mammoth from the
 * Word files they write.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import mammoth from 'mammoth'
import {getDocument, OPS, type PDFDocumentProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {beforeAll, describe, expect, it} from 'vitest'
import {renderDocx} from './render/docx.js'
import {type Layout, layoutOf, type Run} from './render/layout.js'
import {imageOnlyPdf, renderPdf} from './render/pdf.js'
import {unzip} from './render/zip.js'

const fixtures = path.join(import.meta.dirname, 'fixtures')
const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`

/** A text item as pdf.js gives it: text, baseline x and y (from the page's foot), height, font's name. */
type Item = {str: string; x: number; y: number; height: number; font: string}

function fixture(name: string): string {
  const folder = path.join(fixtures, name, 'input')
  const [file = ''] = readdirSync(folder)
  return readFileSync(path.join(folder, file), 'utf8')
}

function open(data: Uint8Array, password?: string): Promise<PDFDocumentProxy> {
  const options = {data: data.slice(), standardFontDataUrl, useSystemFonts: false, isEvalSupported: false}
  return getDocument(password === undefined ? options : {...options, password}).promise
}

/** The non-blank text items of each page, with the real names of their fonts. */
async function pagesOf(data: Uint8Array): Promise<Item[][]> {
  const doc = await open(data)
  const pages: Item[][] = []
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number)
    await page.getOperatorList()
    const {items} = await page.getTextContent()
    pages.push(
      items.flatMap((item) =>
        'str' in item && item.str.trim() !== ''
          ? [
              {
                str: item.str,
                x: round(item.transform[4]),
                y: round(item.transform[5]),
                height: round(item.height),
                font: (page.commonObjs.get(item.fontName) as {name: string}).name
              }
            ]
          : []
      )
    )
  }
  await doc.destroy()
  return pages
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

/** The page's lines, top to bottom: the items of one baseline, with the raised markers on it, joined by `|`. */
function linesOf(items: readonly Item[]): string[] {
  const lines: Item[][] = []
  for (const item of items) {
    const line = lines.find((candidate) => candidate.some((other) => sameLine(item, other)))
    if (line) line.push(item)
    else lines.push([item])
  }
  return lines
    .sort((a, b) => (b[0]?.y ?? 0) - (a[0]?.y ?? 0))
    .map((line) =>
      line
        .sort((a, b) => a.x - b.x)
        .map((item) => item.str)
        .join('|')
    )
}

/** One baseline (±1pt), or a smaller item raised at most 6pt above the other's. */
function sameLine(a: Item, b: Item): boolean {
  const [low, high] = a.y <= b.y ? [a, b] : [b, a]
  return high.y - low.y <= 1 || (high.height < low.height && high.y - low.y <= 6)
}

function itemNamed(items: readonly Item[], str: string): Item {
  const item = items.find((candidate) => candidate.str === str)
  if (!item) throw new Error(`No item "${str}" in ${JSON.stringify(items.map((each) => each.str))}`)
  return item
}

describe('layoutOf', () => {
  it('reads blocks, styled runs and footnotes in every form the fixtures write them', () => {
    const markdown = [
      '# Information Note[^1]',
      '',
      '**Event:** A   workshop\t*on* trade  ',
      '**Venue:** Lomé, Togo',
      '',
      '- **States:** Togo¹',
      '  - Benin',
      '',
      '  More on [the site](https://example.org) and <https://un.org>.',
      '',
      '3. Highlights^2',
      '',
      '> Quoted text.',
      '',
      '***',
      '',
      '<div>skipped</div>',
      '',
      '¹ For information – not an official report.',
      '',
      '[^1]: The title’s note.',
      '',
      '[2] Second note.'
    ].join('\n')
    const expected: Layout = {
      blocks: [
        {kind: 'heading', depth: 1, runs: [{text: 'Information Note'}, {text: '1', superscript: true}]},
        {
          kind: 'paragraph',
          runs: [
            {text: 'Event:', bold: true},
            {text: ' A workshop '},
            {text: 'on', italic: true},
            {text: ' trade'},
            {text: '\n'},
            {text: 'Venue:', bold: true},
            {text: ' Lomé, Togo'}
          ]
        },
        {
          kind: 'item',
          ordered: false,
          level: 0,
          runs: [{text: 'States:', bold: true}, {text: ' Togo'}, {text: '1', superscript: true}]
        },
        {kind: 'item', ordered: false, level: 1, runs: [{text: 'Benin'}]},
        {
          kind: 'paragraph',
          runs: [
            {text: 'More on '},
            {text: 'the site', link: 'https://example.org'},
            {text: ' and '},
            {text: 'https://un.org', link: 'https://un.org'},
            {text: '.'}
          ]
        },
        {
          kind: 'item',
          ordered: true,
          number: 3,
          level: 0,
          runs: [{text: 'Highlights'}, {text: '2', superscript: true}]
        },
        {kind: 'paragraph', runs: [{text: 'Quoted text.'}]}
      ],
      footnotes: [
        {label: '1', runs: [{text: 'For information – not an official report.'}]},
        {label: '1', runs: [{text: 'The title’s note.'}]},
        {label: '2', runs: [{text: 'Second note.'}]}
      ]
    }
    expect(layoutOf(markdown)).toEqual(expected)
  })
})

describe('renderPdf', () => {
  const note = fixture('markdown-note')
  let pages: Item[][] = []
  beforeAll(async () => {
    pages = await pagesOf(await renderPdf(note))
  })

  it('draws a two-page note with running header, page numbers, bold labels and a page-foot footnote', () => {
    const [first = [], second = [], ...rest] = pages
    expect(rest).toEqual([])
    expect(linesOf(first)).toEqual([
      'S/AC.44/2025/NOTE',
      'Information Note|1',
      'Event:|Regional Workshop on the Implementation of Resolution 1540 (2004) for South-East',
      'Asian States',
      'Organizers:|Government of Malaysia; UNODA; the European Union (EU)',
      'Date:|Tuesday, 5 November 2013',
      'Venue:|Kuala Lumpur, Malaysia',
      'Participants:',
      '•|States:|Indonesia, Malaysia, Philippines, Singapore and Thailand',
      '•|International organizations:|IAEA, INTERPOL',
      '•|Civil society:|none',
      '1|For information – not an official report.',
      '1'
    ])
    expect(linesOf(second)).toEqual([
      'S/AC.44/2025/NOTE',
      '1. Objectives',
      '•|Review progress since the 2011 workshop:',
      'o|national reports;',
      'o|voluntary action plans.',
      '•|Identify assistance needs.',
      '2. Highlights',
      'Delegates discussed|export controls|and border security.',
      'The chair thanked the host.',
      '3. Additional comments',
      'Contact the experts at 1540experts@un.org or https://www.un.org/en/sc/1540/, Tel: +1 212',
      '963 1234.',
      '2'
    ])
  })

  it('names the faces so that bold can be told from the font name', () => {
    const [first = [], second = []] = pages
    expect(itemNamed(first, 'Event:').font).toMatch(/^[A-Z]{6}\+LiberationSans-Bold$/)
    expect(itemNamed(first, 'Kuala Lumpur, Malaysia').font).toMatch(/^[A-Z]{6}\+LiberationSans$/)
    expect(itemNamed(second, 'export controls').font).toMatch(/^[A-Z]{6}\+LiberationSans-Italic$/)
  })

  it('sets markers small and raised, the footnote in small type at the foot, the page number centred', () => {
    const [first = []] = pages
    const title = itemNamed(first, 'Information Note')
    const [marker, footMarker, pageNumber] = first.filter((item) => item.str === '1')
    const footnote = itemNamed(first, 'For information – not an official report.')
    expect({title, marker}).toEqual({
      title: {str: 'Information Note', x: 72, y: 756.45, height: 14, font: 'DZZZZZ+LiberationSans-Bold'},
      marker: {str: '1', x: 183.99, y: 761.45, height: 9, font: 'DZZZZZ+LiberationSans-Bold'}
    })
    expect({footMarker, footnote}).toEqual({
      footMarker: {str: '1', x: 72, y: 79.1, height: 6, font: 'CZZZZZ+LiberationSans'},
      footnote: {
        str: 'For information – not an official report.',
        x: 77.84,
        y: 76.1,
        height: 9,
        font: 'CZZZZZ+LiberationSans'
      }
    })
    expect(pageNumber).toEqual({str: '1', x: 294.86, y: 36, height: 10, font: 'CZZZZZ+LiberationSans'})
  })

  it('makes the same bytes every time', async () => {
    const [once, twice] = await Promise.all([renderPdf(note), renderPdf(note)])
    expect(Buffer.from(once).equals(Buffer.from(twice))).toBe(true)
  })

  it('takes the header, the page numbers and the page break from its options', async () => {
    const pages = await pagesOf(
      await renderPdf(note, {runningHeader: '', pageNumbers: false, pageBreakBefore: 1})
    )
    expect(pages.map((items) => linesOf(items).slice(0, 2))).toEqual([
      ['Information Note|1', '1|For information – not an official report.'],
      [
        'Event:|Regional Workshop on the Implementation of Resolution 1540 (2004) for South-East',
        'Asian States'
      ]
    ])
  })

  it('puts a link annotation over the text of a link', async () => {
    const doc = await open(await renderPdf(fixture('es-panama-bold-labels')))
    const links = []
    for (let number = 1; number <= doc.numPages; number++) {
      const annotations = await (await doc.getPage(number)).getAnnotations()
      links.push(
        ...annotations.map((annotation) => ({page: number, subtype: annotation.subtype, url: annotation.url}))
      )
    }
    expect(links).toEqual([
      {page: 2, subtype: 'Link', url: 'mailto:1540experts@un.org'},
      {page: 2, subtype: 'Link', url: 'https://www.un.org/es/sc/1540/'}
    ])
  })

  it('puts a disclaimer written as a plain "¹ …" paragraph at the foot of the page of its marker', async () => {
    const [first = []] = await pagesOf(await renderPdf(fixture('sample')))
    expect(linesOf(first).slice(0, 2)).toEqual(['S/AC.44/2025/NOTE', 'Information Note|1'])
    expect(linesOf(first).slice(-4)).toEqual([
      'develop a better solution in facing security threats through joint efforts by member States.',
      '1|For information – not an official report. The views expressed here do not necessarily represent those of the',
      '1540 Committee or of the organizers or participants in the event.',
      '1'
    ])
    expect(
      itemNamed(first, '1540 Committee or of the organizers or participants in the event.')
    ).toMatchObject({
      height: 9,
      y: 76.1
    })
  })

  it('renders every UTF-8 Markdown fixture on two pages or more with every word of its layout', {
    timeout: 60_000
  }, async () => {
    const names = readdirSync(fixtures).filter((name) =>
      readdirSync(path.join(fixtures, name, 'input')).some((file) => file.endsWith('.md'))
    )
    expect(names).toEqual(
      expect.arrayContaining(['markdown-note', 'es-panama-bold-labels', 'fr-geneve-bold-labels'])
    )
    for (const name of names) {
      const markdown = fixture(name)
      const pages = await pagesOf(await renderPdf(markdown))
      expect(pages.length, name).toBeGreaterThanOrEqual(2)
      const drawn = pages.flatMap((items, index) =>
        items.filter(
          (item) => item.str !== 'S/AC.44/2025/NOTE' && !(item.y === 36 && item.str === String(index + 1))
        )
      )
      expect(wordsOf(drawn.map((item) => item.str)), name).toEqual(wordsOf(textsOf(layoutOf(markdown))))
    }
  })
})

/** Each text of the layout as drawn: runs (a link's with its neighbours in the same face), list and footnote markers. */
function textsOf(layout: Layout): string[] {
  const blocks = layout.blocks.flatMap((block) => {
    if (block.kind === 'pageBreak') return []
    const runs = faceTexts(block.runs)
    if (block.kind !== 'item') return runs
    return [block.ordered ? `${block.number}.` : (['•', 'o', '▪'][Math.min(block.level, 2)] ?? ''), ...runs]
  })
  return [...blocks, ...layout.footnotes.flatMap((note) => [note.label, ...faceTexts(note.runs)])]
}

/** The texts of neighbouring runs drawn in one face joined: pdf.js gives them as one item. */
function faceTexts(runs: readonly Run[]): string[] {
  const texts: {face: string; text: string}[] = []
  for (const run of runs) {
    const face = run.text === '\n' ? '\n' : `${run.bold}${run.italic}${run.superscript}`
    const last = texts.at(-1)
    if (last && last.face === face && face !== '\n') last.text += run.text
    else texts.push({face, text: run.text})
  }
  return texts.map((each) => each.text)
}

function wordsOf(texts: readonly string[]): string[] {
  return texts
    .flatMap((text) =>
      text
        .normalize('NFC')
        .split(/\s+/)
        .filter((word) => word !== '')
    )
    .sort()
}

describe('renderDocx', () => {
  it('writes bold labels, headings, nested lists and a Word footnote that mammoth reads', async () => {
    const {value, messages} = await mammoth.convertToHtml({
      buffer: Buffer.from(await renderDocx(fixture('markdown-note')))
    })
    expect(messages).toEqual([])
    expect(value.split(/(?<=<\/(?:p|h\d|li)>)/)).toEqual([
      '<h1>Information Note<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></h1>',
      '<p><strong>Event:</strong> Regional Workshop on the Implementation of Resolution 1540 (2004) for South-East Asian States</p>',
      '<p><strong>Organizers:</strong> Government of Malaysia; UNODA; the European Union (EU)</p>',
      '<p><strong>Date:</strong> Tuesday, 5 November 2013</p>',
      '<p><strong>Venue:</strong> Kuala Lumpur, Malaysia</p>',
      '<p><strong>Participants:</strong></p>',
      '<ul><li><strong>States:</strong> Indonesia, Malaysia, Philippines, Singapore and Thailand</li>',
      '<li><strong>International organizations:</strong> IAEA, INTERPOL</li>',
      '<li><strong>Civil society:</strong> none</li>',
      '</ul><h2>1. Objectives</h2>',
      '<ul><li>Review progress since the 2011 workshop:<ul><li>national reports;</li>',
      '<li>voluntary action plans.</li>',
      '</ul></li>',
      '<li>Identify assistance needs.</li>',
      '</ul><h2>2. Highlights</h2>',
      '<p>Delegates discussed <em>export controls</em> and border security.</p>',
      '<p>The chair thanked the host.</p>',
      '<h2>3. Additional comments</h2>',
      '<p>Contact the experts at <a href="mailto:1540experts@un.org">1540experts@un.org</a> or <a href="https://www.un.org/en/sc/1540/">https://www.un.org/en/sc/1540/</a>, Tel: +1 212 963 1234.</p>',
      '<ol><li id="footnote-1"><p>For information – not an official report. <a href="#footnote-ref-1">↑</a></p>',
      '</li>',
      '</ol>'
    ])
  })

  it('numbers sections with Word lists that go on across the bullets between them', async () => {
    const docx = await renderDocx(fixture('sample'))
    const {value} = await mammoth.convertToHtml({buffer: Buffer.from(docx)})
    expect(value).toContain(
      '<p>Information Note<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p>'
    )
    expect(value).toContain('<ol><li><strong>Background</strong></li></ol>')
    const lists = listsOf(docx)
    const sections = ['Objectives for a 1540 Committee expert participation', 'Background', 'Highlights']
    const bullet = 'Explain resolution 1540 (2004) requirements;'
    expect(lettered([...sections, bullet].map((text) => lists.get(text)))).toEqual(['A', 'A', 'A', 'B'])
  })

  it('starts a new numbered list where the numbers do not follow on', async () => {
    const docx = await renderDocx('3. Three\n4. Four\n\nText.\n\n1. One\n   1. Nested\n2. Two')
    expect(zipPart(docx, 'word/numbering.xml')).toContain('<w:start w:val="3"/>')
    const lists = listsOf(docx)
    expect([...lists.keys()]).toEqual(['Three', 'Four', 'One', 'Nested', 'Two'])
    expect(lettered([...lists.values()])).toEqual(['A', 'A', 'B', 'C', 'B'])
  })

  it('makes the same bytes every time', async () => {
    const note = fixture('markdown-note')
    const once = await renderDocx(note)
    await new Promise((resolve) => setTimeout(resolve, 2100))
    expect(Buffer.from(await renderDocx(note)).equals(Buffer.from(once))).toBe(true)
  })
})

/** The Word list (`w:numId`) of each numbered or bulleted paragraph, by its text. */
function listsOf(docx: Uint8Array): Map<string, string> {
  const xml = zipPart(docx, 'word/document.xml')
  const lists = new Map<string, string>()
  for (const paragraph of xml.split(/<w:p[ >]/).slice(1)) {
    const numId = /<w:numId w:val="(\d+)"\/>/.exec(paragraph)?.[1]
    const text = [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('')
    if (numId) lists.set(text, numId)
  }
  return lists
}

/** Ids as letters in the order they first come (`7 7 9 7` → `A A B A`), to compare which are the same. */
function lettered(ids: readonly (string | undefined)[]): string[] {
  const letters = new Map<string | undefined, string>()
  return ids.map(
    (id) => letters.get(id) ?? letters.set(id, String.fromCharCode(65 + letters.size)).get(id) ?? ''
  )
}

/** One file of a zip archive, as text. */
function zipPart(docx: Uint8Array, name: string): string {
  const data = unzip(docx).get(name)
  if (!data) throw new Error(`No ${name} in the zip file`)
  return data.toString('utf8')
}

describe('unreadable PDFs', () => {
  it('imageOnlyPdf has two pages of images and drawings and no text', async () => {
    const doc = await open(await imageOnlyPdf())
    const found: {items: number; images: number; paths: number}[] = []
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number)
      const {fnArray} = await page.getOperatorList()
      const {items} = await page.getTextContent()
      const images = fnArray.filter((op) => op === OPS.paintImageXObject).length
      found.push({
        items: items.length,
        images,
        paths: fnArray.filter((op) => op === OPS.constructPath).length
      })
    }
    expect(found).toEqual([
      {items: 0, images: 1, paths: 2},
      {items: 0, images: 1, paths: 2}
    ])
  })

  it('an encrypted PDF needs its password', async () => {
    const data = await renderPdf(fixture('markdown-note'), {encrypt: 'secret'})
    await expect(open(data)).rejects.toMatchObject({name: 'PasswordException'})
    const doc = await open(data, 'secret')
    const {items} = await (await doc.getPage(1)).getTextContent()
    expect(items.some((item) => 'str' in item && item.str === 'Event:')).toBe(true)
  })
})
