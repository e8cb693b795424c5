/**
 * The top of the review report: how many notes, valid, invalid and
 * unreadable; the errors and warnings by rule; and bars of the events per
 * year and per country of the valid notes.
 */
import {compare} from '../write.js'
import {text} from './html.js'
import type {ReportNote} from './note.js'

/** The counts of the summary, as the page shows them. */
export interface Counts {
  notes: number
  valid: number
  invalid: number
  unreadable: number
  errors: number
  warnings: number
}

export function countsOf(notes: readonly ReportNote[]): Counts {
  const messages = notes.flatMap((note) => note.messages)
  const having = (status: ReportNote['status']) => notes.filter((note) => note.status === status).length
  return {
    notes: notes.length,
    valid: having('valid'),
    invalid: having('invalid'),
    unreadable: having('unreadable'),
    errors: messages.filter((message) => message.severity === 'error').length,
    warnings: messages.filter((message) => message.severity === 'warning').length
  }
}

/** The summary section. */
export function renderSummary(notes: readonly ReportNote[]): string {
  const counts = countsOf(notes)
  const items = (Object.keys(counts) as (keyof Counts)[]).map(
    (key) => `<div class="count ${key}"><dt>${key}</dt><dd id="count-${key}">${counts[key]}</dd></div>`
  )
  return `<section id="summary" aria-label="Summary">
<dl class="counts">${items.join('')}</dl>
<div class="charts">
${byRule(notes)}
${bars(
  'Events per year',
  'years',
  tally(notes, yearOf).sort(([a], [b]) => compare(a, b))
)}
${bars(
  'Events per country',
  'countries',
  tally(notes, countryOf).sort(([a, x], [b, y]) => y - x || compare(a, b))
)}
</div>
</section>`
}

/** Errors and warnings of each rule that gave any, by rule id. */
function byRule(notes: readonly ReportNote[]): string {
  const rows = new Map<string, {errors: number; warnings: number; url?: string}>()
  for (const message of notes.flatMap((note) => note.messages)) {
    if (message.severity === 'info') continue
    const row = rows.get(message.ruleId) ?? {errors: 0, warnings: 0}
    row[message.severity === 'error' ? 'errors' : 'warnings']++
    if (message.url) row.url = message.url
    rows.set(message.ruleId, row)
  }
  const body = [...rows]
    .sort(([a], [b]) => compare(a, b))
    .map(([id, {errors, warnings, url}]) => {
      const name = url ? `<a href="${text(url)}">${text(id)}</a>` : text(id)
      return `<tr data-rule="${text(id)}"><th scope="row">${name}</th><td>${errors}</td><td>${warnings}</td></tr>`
    })
  const table =
    body.length === 0
      ? '<p>No errors, no warnings.</p>'
      : `<table class="rules"><thead><tr><th scope="col">Rule</th><th scope="col">Errors</th><th scope="col">Warnings</th></tr></thead><tbody>${body.join('')}</tbody></table>`
  return `<figure id="by-rule"><figcaption>Problems by rule</figcaption>${table}</figure>`
}

function yearOf(note: ReportNote): string | undefined {
  return note.view?.record?.event.dates.start.slice(0, 4)
}

function countryOf(note: ReportNote): string | undefined {
  const venue = note.view?.record?.event.venue
  if (!venue?.country) return undefined
  return venue.countryCode ? `${venue.country} (${venue.countryCode})` : venue.country
}

/** How many notes give each key. */
function tally(
  notes: readonly ReportNote[],
  key: (note: ReportNote) => string | undefined
): [string, number][] {
  const counts = new Map<string, number>()
  for (const note of notes) {
    const found = key(note)
    if (found !== undefined) counts.set(found, (counts.get(found) ?? 0) + 1)
  }
  return [...counts]
}

/** A bar chart of `rows`, as a list a screen reader reads too. */
function bars(caption: string, id: string, rows: readonly [string, number][]): string {
  const most = Math.max(1, ...rows.map(([, count]) => count))
  const items = rows.map(
    ([label, count]) =>
      `<li><span class="label" title="${text(label)}">${text(label)}</span><span class="bar" style="--share:${((count / most) * 100).toFixed(1)}%"></span><span class="value">${count}</span></li>`
  )
  const chart = items.length === 0 ? '<p>No valid note.</p>' : `<ol class="bars">${items.join('')}</ol>`
  return `<figure id="${id}"><figcaption>${caption}</figcaption>${chart}</figure>`
}
