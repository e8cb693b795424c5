/**
 * Event dates as notes write them → ISO calendar dates.
 * Only real calendar days pass: "32 March 2012" and "30 February 2013" give
 * nothing, and a date without a year is never completed with a guess.
 */

export interface DateRange {
  start: string
  end: string
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

const weekdays =
  /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lunes|martes|miercoles|jueves|viernes|sabado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b/g
/** Words that join the two ends of a range. */
const range = /\s*[-‐‑‒–—−]\s*|\s+(?:to|and|until|through|al|a|y|hasta|au|et|jusqu'au)\s+|\s*&\s*/g
/** Words that only connect: "del 12 al 14 de marzo de 2012", "du 12 au 14 mars". */
const fillers = new Set(['de', 'del', 'du', 'le', 'el', 'from', 'the', 'of', 'on'])

type Token = {kind: 'day' | 'year'; value: number} | {kind: 'month'; value: number} | {kind: 'to'}

interface Day {
  day: number
  month: number
  year: number
}

export function parseDates(text: string): DateRange | undefined {
  const tokens = tokenize(text)
  if (!tokens) return undefined
  const form = forms[tokens.map((token) => shapes[token.kind]).join('')]
  if (!form) return undefined
  const value = (index: number) => {
    const token = tokens[index]
    return token && 'value' in token ? token.value : 0
  }
  const [d1, m1, y1, d2, m2, y2] = form.map(value) as [number, number, number, number, number, number]
  const first = {day: d1, month: m1, year: y1}
  const last = {day: d2, month: m2, year: y2}
  if (!isCalendarDay(first) || !isCalendarDay(last)) return undefined
  const start = iso(first)
  const end = iso(last)
  return start <= end ? {start, end} : undefined
}

/**
 * Where the dates end in a combined "Date and Venue" value: after the year
 * that closes the longest readable date ("30 December 2011 – 2 January 2012,
 * Vienna"), else after the first year.
 */
export function endOfDates(text: string): number | undefined {
  const ends = [...text.matchAll(/\b(?:1[89]|20)\d\d\b/g)].map((year) => year.index + year[0].length)
  // Each year is a token of its own (or makes the text unreadable), and no
  // form has more than seven tokens: a text up to a later year never reads.
  return ends.slice(0, maxTokens).findLast((end) => parseDates(text.slice(0, end)) !== undefined) ?? ends[0]
}

const shapes = {day: 'd', month: 'm', year: 'y', to: '-'} as const

/**
 * Each form by its token shape (`d-dmy` is "12-14 March 2012"): the token
 * indices of the first day's day, month and year, then the last day's.
 */
const forms: Record<string, readonly [number, number, number, number, number, number]> = {
  dmy: [0, 1, 2, 0, 1, 2],
  'd-dmy': [0, 3, 4, 2, 3, 4],
  'dm-dmy': [0, 1, 5, 3, 4, 5],
  'dmy-dmy': [0, 1, 2, 4, 5, 6],
  mdy: [1, 0, 2, 1, 0, 2],
  'md-dy': [1, 0, 4, 3, 0, 4],
  'md-mdy': [1, 0, 5, 4, 3, 5],
  'mdy-mdy': [1, 0, 2, 5, 4, 6]
}
const maxTokens = Math.max(...Object.keys(forms).map((form) => form.length))

function tokenize(text: string): Token[] | undefined {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(weekdays, ' ')
    .replace(/(\d)(?:st|nd|rd|th|er|re|eme|e|o|º|°)(?=\s|$|[,.])/g, '$1')
    .replace(/[,.]/g, ' ')
    // One space for each run first: `range` is tried at every position of a run.
    .replace(/\s+/g, ' ')
    .replace(range, ' - ')
    .trim()
    .split(/\s+/)
  const tokens: Token[] = []
  for (const word of words) {
    if (fillers.has(word)) continue
    const month = months.get(word)
    if (month) tokens.push({kind: 'month', value: month})
    else if (word === '-') tokens.push({kind: 'to'})
    else if (/^\d{1,2}$/.test(word)) tokens.push({kind: 'day', value: Number(word)})
    else if (/^\d{4}$/.test(word)) tokens.push({kind: 'year', value: Number(word)})
    else return undefined
  }
  return tokens
}

function isCalendarDay({day, month, year}: Day): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function iso({day, month, year}: Day): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
