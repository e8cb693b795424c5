/**
 * The review report: one self-contained HTML page (inline style and
 * script, nothing fetched) to check a batch by eye. A summary, a table of
 * the notes that sorts and filters, and per note its source with each
 * message at its line beside the record. The same notes give the same
 * page, byte for byte: it holds no time.
 */
import {createHash} from 'node:crypto'
import {renderNote} from './detail.js'
import {text} from './html.js'
import type {ReportNote} from './note.js'
import {script} from './script.js'
import {style} from './style.js'
import {renderSummary} from './summary.js'
import {renderTable} from './table.js'

export interface ReportOptions {
  /** The page's title. */
  title?: string
  /** infonote's version, named at the foot of the page. */
  version?: string
}

const keys =
  '<kbd>/</kbd> filter · <kbd>↑</kbd> <kbd>↓</kbd> or <kbd>j</kbd> <kbd>k</kbd> move · <kbd>Enter</kbd> open · in a note: <kbd>m</kbd> next message, <kbd>n</kbd> <kbd>p</kbd> next and previous note, <kbd>Enter</kbd> on a value shows its source, <kbd>Esc</kbd> back to the table'

/** Nothing is fetched, and no script runs but the page's own (a second guard, after escaping). */
const policy = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'`

/** The report of `notes`, in the order given. */
export function renderReport(notes: readonly ReportNote[], options: ReportOptions = {}): string {
  const title = text(options.title ?? 'infonote review report')
  const by = options.version ? ` by infonote ${text(options.version)}` : ' by infonote'
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="generator" content="infonote">
<title>${title}</title>
<style>${style}</style>
</head>
<body>
<header><h1>${title}</h1><p class="keys">${keys}</p></header>
<main>
${renderSummary(notes)}
${renderTable(notes)}
${notes.map((note, index) => renderNote(note, index + 1, notes.length)).join('\n')}
</main>
<footer><p class="keys">Written${by}.</p></footer>
<script>${script}</script>
</body>
</html>
`
}
