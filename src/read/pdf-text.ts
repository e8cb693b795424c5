/**
 * What a rebuilt PDF line says: its plain text, and the marks at its start
 * that make it a footnote, a list item or a label.
 */
import type {PageLine, Run} from './pdf-lines.js'

export function plainText(line: PageLine): string {
  return line.runs.map((run) => run.text).join('')
}

/** Bullets of Word and of PDF printers (Symbol and Wingdings bullets map to the private-use area). */
const bullet = /^\s*([•▪◦●○■□➢►‣⁃∙·\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8]|[-–o](?=\s))\s+/u
const number = /^\s*(\d{1,2})[.)]\s+(?=\S)/

/** The footnote label a line starts with: a superscript number, or a number in small type. */
export function footnoteLabel(line: PageLine, bodySize: number): string | undefined {
  const first = line.runs.find((run) => run.text.trim() !== '')
  if (first?.superscript && /^\s*\d{1,3}\s*$/.test(first.text)) return first.text.trim()
  if (line.size < 0.92 * bodySize) return /^\s*(\d{1,3})\s+\S/.exec(plainText(line))?.[1]
  return undefined
}

/** A list item's marker: its number for a numbered item, and how many characters of its line it and its spaces take. */
export type ListMarker = {ordered: true; number: number; length: number} | {ordered: false; length: number}

/**
 * The list marker `line` starts with. A dash or an `o` counts only on an
 * indented line: they also start words and wrapped lines of prose.
 */
export function listMarker(line: PageLine, bodyLeft: number): ListMarker | undefined {
  if (line.runs[0]?.superscript) return undefined
  const text = plainText(line)
  const numbered = number.exec(text)
  if (numbered) return {ordered: true, number: Number(numbered[1]), length: numbered[0].length}
  const bulleted = bullet.exec(text)
  if (!bulleted || (/^[-–o]$/.test(bulleted[1] ?? '') && line.left < bodyLeft + 5)) return undefined
  return {ordered: false, length: bulleted[0].length}
}

/** Whether `line` opens with a bold label (`**Event:**`): a field of the header starts there. */
export function startsWithLabel(line: PageLine): boolean {
  const first = line.runs.find((run) => run.text.trim() !== '')
  return Boolean(first?.bold && /:\s*$/.test(first.text) && first.text.trim().length <= 60)
}

/** The runs of `line` from character `from` on. */
export function runsFrom(line: PageLine, from: number): Run[] {
  const runs: Run[] = []
  let at = 0
  for (const run of line.runs) {
    const start = Math.max(0, from - at)
    if (start < run.text.length) runs.push({...run, text: run.text.slice(start)})
    at += run.text.length
  }
  return runs
}
