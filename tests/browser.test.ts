/**
 * The review report in a real browser: Debian's chromium, driven by
 * playwright-core, opens the report of the fixture set (and of one note
 * holding a script), checks the counts, filters and sorts the table, opens
 * notes with the keyboard and the mouse, sees a message at its line and a
 * value's source highlighted, checks the note's script did not run, and
 * saves screenshots in tests/artifacts/. CI installs chromium (.ci/run).
 */
import {cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {type Browser, chromium, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {runCli, workspace} from './helpers.js'

const fixtures = path.join(import.meta.dirname, 'fixtures')
const artifacts = path.join(import.meta.dirname, 'artifacts')
/** Generous: CI is a busy 2-core machine; these catch a hang, not a slow run. */
const timeout = 180_000

const script = `
<script>window.ran = true; document.title = 'ran'</script>
<img src="x" onerror="window.ran = true">
`

let browser: Browser
let page: Page
const problems: string[] = []

beforeAll(async () => {
  const cwd = workspace()
  for (const name of readdirSync(fixtures)) {
    cpSync(path.join(fixtures, name, 'input'), path.join(cwd, 'fixtures', name), {recursive: true})
  }
  const note = readFileSync(path.join(fixtures, 'markdown-note/input/2013-kuala-lumpur.md'), 'utf8')
  mkdirSync(path.join(cwd, 'extra'))
  // Another event than the note it is copied from: the same id would make both invalid.
  const scripted = note
    .replace('Regional Workshop', 'Scripted Workshop')
    .replace('security.\n', `security.\n${script}`)
  writeFileSync(path.join(cwd, 'extra/script.md'), scripted)
  // On two threads: each note's view crosses from a worker.
  const {stdout} = await runCli(cwd, ['validate', 'fixtures', 'extra', '--format', 'html', '--jobs', '2'])
  // Kept with the screenshots (the workspace goes after the first test).
  mkdirSync(artifacts, {recursive: true})
  const report = path.join(artifacts, 'report.html')
  writeFileSync(report, stdout)
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox']
  })
  page = await browser.newPage({viewport: {width: 1280, height: 900}})
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('console', (message) => problems.push(`${message.type()}: ${message.text()}`))
  await page.goto(`file://${report}`)
}, timeout)

afterAll(async () => {
  await browser?.close()
})

/** The note path of each row shown, in table order. */
function shownPaths(): Promise<string[]> {
  return page.$$eval('#table tbody tr:not([hidden]) td:first-child', (cells) =>
    cells.map((cell) => cell.textContent ?? '')
  )
}

/** Where the page is: `#note-3`. (Expressions as text: the tests are type-checked without the DOM's types.) */
function hash(): Promise<string> {
  return page.evaluate<string>('location.hash')
}

/** A property of the element that has the focus. */
function focused(property: 'id' | 'textContent'): Promise<string> {
  return page.evaluate<string>(`document.activeElement.${property}`)
}

/**
 * Runs `action` (page script) in one task, then waits for the hashchange to
 * `target` it queued: keys typed faster than the page hears of the address.
 */
function beforeHashchange(target: string, action: string): Promise<void> {
  return page.evaluate(`new Promise((resolve) => {
    addEventListener('hashchange', (event) => {
      if (event.newURL.endsWith(${JSON.stringify(target)})) setTimeout(resolve)
    })
    ${action}
  })`)
}

/** Page script: `key` pressed on the element that has the focus. */
function keydown(key: string): string {
  return `document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: '${key}', bubbles: true}))`
}

/** The text of `selector`, white space made single. */
async function textOf(selector: string): Promise<string> {
  return ((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim()
}

/** The first message of note 34 (fixtures/invalid-note/bad-date.txt). */
const firstMessage =
  '3:1 error Missing organizers, expected a field like "Organizers: Government of Colombia, UNODA" missing-organizers'

describe('the review report in chromium', () => {
  it('counts the notes', {timeout}, async () => {
    const counts = await page.$$eval('.counts .count', (items) =>
      items.map((item) => item.textContent?.replace(/\s+/g, ' ') ?? '')
    )
    expect(counts).toEqual(['notes36', 'valid32', 'invalid4', 'unreadable0', 'errors6', 'warnings8'])
    expect(await textOf('#shown')).toBe('36 of 36 notes shown')
    await page.screenshot({path: path.join(artifacts, 'report-summary.png')})
  })

  it('filters the table by text and by status, and sorts it', {timeout}, async () => {
    await page.fill('#filter', 'minsk')
    expect(await shownPaths()).toEqual(['fixtures/en-invalid-impossible-date/2013-minsk.md'])
    expect(await textOf('#shown')).toBe('1 of 36 notes shown')
    await page.fill('#filter', '')
    await page.selectOption('#status', 'invalid')
    expect(await shownPaths()).toEqual([
      'fixtures/en-invalid-impossible-date/2013-minsk.md',
      'fixtures/en-invalid-yearless-range/2015-nairobi.txt',
      'fixtures/es-asuncion-impossible-date/nota-asuncion-2015.md',
      'fixtures/invalid-note/bad-date.txt'
    ])
    await page.selectOption('#status', '')
    await page.click('th[data-column="1"] button')
    expect((await shownPaths()).slice(0, 2)).toEqual([
      'fixtures/en-list-broken-emphasis/2011-saint-johns.txt',
      'fixtures/es-puerto-espana-bom-setext/nota-puerto-espana.txt'
    ])
    await page.click('th[data-column="1"] button')
    const latest = await shownPaths()
    expect([...latest.slice(0, 2), ...latest.slice(-1)]).toEqual([
      'fixtures/en-un-state-names/2023-singapore.md',
      'fixtures/fr-malabo-setext-bold-headings/2017-malabo.md',
      'fixtures/invalid-note/bad-date.txt'
    ])
    expect(await page.getAttribute('th[data-column="1"]', 'aria-sort')).toBe('descending')
    await page.click('th[data-column="0"] button')
  })

  it('opens a note from the keyboard, with each message at its line', {timeout}, async () => {
    await page.keyboard.press('/')
    await page.keyboard.type('minsk')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    const id = await page.$eval('.note:target', (note) => note.id)
    expect(await page.isVisible('#notes')).toBe(false)
    expect(await page.getAttribute(`#${id}-L5`, 'class')).toBe('line marked error')
    expect(await textOf(`#${id}-L5 + .message`)).toBe(
      '5:23 error Unexpected date "30 February 2013": February has 28 days in 2013 unparsed-date'
    )
    await page.keyboard.press('Escape')
    expect(await page.isVisible('#notes')).toBe(true)
    await page.fill('#filter', '')
  })

  it('highlights the source of a value chosen in the record', {timeout}, async () => {
    await page.fill('#filter', 'fixtures/sample/')
    await page.click('#table tr:not([hidden]) a')
    const id = await page.$eval('.note:target', (note) => note.id)
    await page.click(`#${id} .record dd[data-at]`)
    expect(await textOf(`#${id} .record .chosen`)).toBe(
      'Seminar for the Andean Community States: United Nations Security Council Resolution 1540'
    )
    const lit = await page.$$eval(`#${id} .line.lit`, (lines) => lines.map((line) => line.id))
    expect(lit).toEqual([`${id}-L5`])
    await page.screenshot({path: path.join(artifacts, 'report-note.png')})
    await page.setViewportSize({width: 390, height: 844})
    await page.screenshot({path: path.join(artifacts, 'report-phone.png')})
    await page.setViewportSize({width: 1280, height: 900})
    await page.keyboard.press('Escape')
    await page.fill('#filter', '')
  })

  it('shows the script a note holds as text, and never runs it', {timeout}, async () => {
    await page.fill('#filter', 'extra/script')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    const id = await page.$eval('.note:target', (note) => note.id)
    const lines = await page.$$eval(`#${id} .line code`, (codes) => codes.map((code) => code.textContent))
    expect(lines).toContain(`<script>window.ran = true; document.title = 'ran'</script>`)
    expect(lines).toContain('<img src="x" onerror="window.ran = true">')
    expect(await page.evaluate(() => (globalThis as {ran?: boolean}).ran)).toBe(undefined)
    expect(await page.title()).toBe('infonote review report')
    expect(problems).toEqual([])
  })

  it("moves between notes and through a note's messages with the keyboard", {timeout}, async () => {
    await page.keyboard.press('Escape')
    await page.fill('#filter', '')
    await page.keyboard.press('Escape')
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    expect(await hash()).toBe('#note-36')
    await page.keyboard.press('p')
    await beforeHashchange('#note-34', `${keydown('ArrowLeft')}; ${keydown('m')}`)
    expect(await hash()).toBe('#note-34')
    expect(await focused('textContent')).toBe(firstMessage)
    await page.keyboard.press('n')
    expect(await hash()).toBe('#note-35')
    await page.keyboard.press('u')
    expect(await focused('id')).toBe('row-35')
    await beforeHashchange(
      '#note-34',
      `document.querySelector('a[href="#note-34"]').click(); ${keydown('m')}`
    )
    expect(await hash()).toBe('#note-34')
    expect(await focused('textContent')).toBe(firstMessage)
  })
})
