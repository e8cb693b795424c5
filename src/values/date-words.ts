/**
 * The words of a date, each with the place it holds in the text: day and
 * year numbers, month names, what joins a range, numeric and ISO dates.
 * Words that only connect ("de", "du", "the"), weekdays and commas are kept
 * as `skip`; anything else stops a date.
 */

export type DateWord = (
  | {kind: 'day' | 'year' | 'month'; value: number}
  | {kind: 'to'}
  /** A whole date: numeric (`24/09/2014`, read day first here, `swappable`) or ISO. */
  | {kind: 'date'; day: number; month: number; year: number; swappable: boolean}
  | {kind: 'skip'; separator: boolean}
  | {kind: 'stop'; separator: boolean}
) & {
  /** Where the word starts and ends in the text. */
  from: number
  to: number
}

/** Month names and abbreviations in English, Spanish and French, without accents. */
const months = new Map<string, number>(
  [
    ['january', 'jan', 'enero', 'ene', 'janvier', 'janv'],
    ['february', 'feb', 'febrero', 'fevrier', 'fevr', 'fev'],
    ['march', 'mar', 'marzo', 'mars'],
    ['april', 'apr', 'abril', 'abr', 'avril', 'avr'],
    ['may', 'mayo', 'mai'],
    ['june', 'jun', 'junio', 'juin'],
    ['july', 'jul', 'julio', 'juillet', 'juil'],
    ['august', 'aug', 'agosto', 'ago', 'aout'],
    ['september', 'sep', 'sept', 'septiembre', 'setiembre', 'set', 'septembre'],
    ['october', 'oct', 'octubre', 'octobre'],
    ['november', 'nov', 'noviembre', 'novembre'],
    ['december', 'dec', 'diciembre', 'dic', 'decembre']
  ].flatMap((names, index) => names.map((name) => [name, index + 1] as const))
)

const weekdays = new Set([
  ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  ...['lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo'],
  ...['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']
])
/** Words that join the two ends of a range, or the days of a list. */
const joins = new Set(['to', 'and', 'until', 'through', 'al', 'a', 'y', 'hasta', 'au', 'et', "jusqu'au"])
/** Words that only connect: "del 12 al 14 de marzo de 2012", "du 12 au 14 mars". */
const fillers = new Set(['de', 'del', 'du', 'le', 'el', 'from', 'the', 'of', 'on'])

/**
 * One word of the folded text: an ISO date (perhaps an interval such as
 * `2014-09-24/26`), a numeric date with one separator, a number with its
 * ordinal ending, a word, a dash, a comma or period, or any other character.
 */
const scanner =
  /(\d{4})-(\d{1,2})-(\d{1,2})(?:\/(?:(?:(\d{4})-)?(\d{1,2})-)?(\d{1,2}))?(?![\p{L}\d])|(\d{1,2})([/.-])(\d{1,2})\8(\d{4})(?![\p{L}\d])|(\d+)(?:st|nd|rd|th|er|re|eme|e|o|°)?(?![\p{L}\d])|([\p{L}']+)|([-‐‑‒–—−&])|([,.;])|(\S)/gu

/** The words of `text`, in order. */
export function dateWords(text: string): DateWord[] {
  const folded = fold(text)
  const words: DateWord[] = []
  for (const match of folded.text.matchAll(scanner)) {
    const from = folded.from[match.index] ?? text.length
    const to = folded.to[match.index + match[0].length - 1] ?? text.length
    words.push(...toWords(match, from, to))
  }
  return words
}

function toWords(match: RegExpMatchArray, from: number, to: number): DateWord[] {
  const [, year, month, day, endYear, endMonth, endDay, first, , second, numericYear, number, word, dash] =
    match
  if (year && month && day) {
    const start = {kind: 'date', day: +day, month: +month, year: +year, swappable: false, from, to} as const
    if (!endDay) return [start]
    const end = {...start, day: +endDay, month: +(endMonth ?? month), year: +(endYear ?? year)}
    return [start, {kind: 'to', from, to}, end]
  }
  if (first && second && numericYear) {
    return [{kind: 'date', day: +first, month: +second, year: +numericYear, swappable: true, from, to}]
  }
  if (number) {
    const kind = number.length <= 2 ? 'day' : number.length === 4 ? 'year' : undefined
    return [kind ? {kind, value: +number, from, to} : {kind: 'stop', separator: false, from, to}]
  }
  if (word) return [wordOf(word, from, to)]
  if (dash) return [{kind: 'to', from, to}]
  const punctuation = match[14]
  if (punctuation === ';') return [{kind: 'stop', separator: true, from, to}]
  if (punctuation) return [{kind: 'skip', separator: punctuation === ',', from, to}]
  return [{kind: 'stop', separator: false, from, to}]
}

function wordOf(word: string, from: number, to: number): DateWord {
  const month = months.get(word)
  if (month) return {kind: 'month', value: month, from, to}
  if (joins.has(word)) return {kind: 'to', from, to}
  if (fillers.has(word) || weekdays.has(word)) return {kind: 'skip', separator: false, from, to}
  return {kind: 'stop', separator: false, from, to}
}

/**
 * Lowercase, without accents, curly apostrophes made straight; `from[i]`
 * and `to[i]` are where the character that gave folded character `i`
 * starts and ends in `text`.
 */
function fold(text: string): {text: string; from: number[]; to: number[]} {
  let folded = ''
  const from: number[] = []
  const to: number[] = []
  let index = 0
  for (const char of text) {
    const code = char.charCodeAt(0)
    const plain =
      code < 0x80
        ? char.toLowerCase()
        : char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘]/g, "'")
    for (let count = 0; count < plain.length; count++) {
      from.push(index)
      to.push(index + char.length)
    }
    folded += plain
    index += char.length
  }
  return {text: folded, from, to}
}
