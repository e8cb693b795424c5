/**
 * One note of the review report: its source with line numbers (and, for
 * a PDF, each line's `page:line`), each message under the line it is
 * marked at, beside the record as readable fields.
 */
import {renderRecord} from './fields.js'
import {sourceLine, text} from './html.js'
import type {ReportMessage, ReportNote} from './note.js'

const captions = {
  pdf: 'Markdown rebuilt from the PDF; the second number is the page:line it was read at',
  docx: 'Markdown rebuilt from the Word file'
} as const

/** Most severe first: a line is marked as its worst message. */
const severities = ['error', 'warning', 'info'] as const

/** The section of the `index`-th note (from 1) of `count`. */
export function renderNote(note: ReportNote, index: number, count: number): string {
  const id = `note-${index}`
  const step = (to: number, label: string, rel: string) =>
    to >= 1 && to <= count ? `<a href="#note-${to}" rel="${rel}">${label}</a>` : ''
  return `<section class="note" id="${id}" data-note="${index}" aria-label="${text(note.path)}">
<header><nav><a href="#notes" class="back">↑ All notes</a>${step(index - 1, '← Previous', 'prev')}${step(index + 1, 'Next →', 'next')}</nav>
<h2 tabindex="-1">${text(note.path)} <span class="status ${note.status}">${note.status}</span></h2></header>
<div class="panes">
${renderSource(note, id)}
${renderRecord(note.view)}
</div>
</section>`
}

function renderSource(note: ReportNote, id: string): string {
  const lines = note.view?.lines ?? []
  const rebuilt = note.view?.rebuilt
  const caption = rebuilt ? `<p class="caption">${captions[rebuilt]}.</p>` : ''
  const pages = note.view?.pages
  const loose = note.messages.filter((message) => message.at === 0).map((message) => messageLine(message, id))
  const rows = lines.map((line, index) => {
    const number = index + 1
    const page = pages ? `<span class="page">${pages[index] ?? ''}</span>` : ''
    const here = note.messages.filter((message) => message.at === number)
    const marked = here.map((message) => messageLine(message, id))
    const worst = severities.find((level) => here.some((message) => message.severity === level))
    const mark = worst ? ` marked ${worst}` : ''
    return `<div class="line${mark}" id="${id}-L${number}" data-line="${number}"><span class="no">${number}</span>${page}<code>${sourceLine(line)}</code></div>${marked.join('')}`
  })
  const body =
    rows.length > 0
      ? `<div class="lines${pages ? ' paged' : ''}">${rows.join('\n')}</div>`
      : '<p class="none">No text.</p>'
  return `<div class="source"><h3>Source</h3>${caption}${loose.join('')}\n${body}</div>`
}

function messageLine(message: ReportMessage, id: string): string {
  const rule = message.url
    ? `<a href="${text(message.url)}">${text(message.ruleId)}</a>`
    : text(message.ruleId)
  return `<div class="message ${message.severity}" data-of="${id}"><span class="where">${message.place}</span> <span class="severity">${message.severity}</span> <span class="reason">${text(message.reason)}</span> <span class="rule">${rule}</span></div>`
}
