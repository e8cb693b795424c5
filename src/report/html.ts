/**
 * Text into HTML: every piece of a note (its lines, values, paths, the
 * reasons of messages) goes through `text`, so a note holding `<script>`
 * shows it, and never runs it.
 */
import {visible} from '../format.js'

/**
 * `value` as HTML text or as a quoted attribute value: the markup
 * characters as entities, and the controls `visible` escapes (bidi
 * overrides, line breaks, lone surrogates) written as escapes.
 */
export function text(value: string): string {
  return visible(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/** A line of a note as `text` does, with its tabs kept. */
export function sourceLine(line: string): string {
  return line.split('\t').map(text).join('\t')
}
