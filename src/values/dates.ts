/**
 * Event dates as notes write them → ISO calendar dates: day, month name
 * and year in English, Spanish and French ("12-14 March 2012", "June 23,
 * 2014", "24, 25 et 26 septembre 2014"), ISO dates (`2014-09-24`,
 * `2014-09-24/26`) and numeric dates, read day first as the UN writes
 * them (`24/09/2014`, `24.09.2014`, `24-26/09/2014`). Only real calendar
 * days pass: a day that does not exist gives the reason why, and a date
 * without a year is never completed with a guess.
 */
import {type DateWord, dateWords} from './date-words.js'

export interface DateRange {
  start: string
  end: string
}

/** How the order of a numeric date was settled when its numbers did not settle it. */
export type NumericOrder =
  /** Both orders give a date: read day first, as the UN writes dates. */
  | {order: 'day-first'; monthFirst: DateRange}
  /** Read month first, the only order that gives a date; `dayFirst` says why day first does not. */
  | {order: 'month-first'; dayFirst: string}

/**
 * What a date text says: a range (one day has `start` = `end`), a date
 * that cannot exist and why (`April has 30 days`), or no date infonote
 * can read.
 */
export type DateReading =
  | ({kind: 'range'; numeric?: NumericOrder} & DateRange)
  | {kind: 'impossible'; reason: string}
  | {kind: 'unreadable'}

/** What a text that is only dates says (weekdays and connecting words aside). */
export function readDates(text: string): DateReading {
  const words = dateWords(text)
  if (words.some((word) => word.kind === 'stop')) return unreadable
  return readWords(words.filter(isPart))
}

/** The range `text` gives, if it gives a real one. */
export function parseDates(text: string): DateRange | undefined {
  const reading = readDates(text)
  return reading.kind === 'range' ? {start: reading.start, end: reading.end} : undefined
}

/**
 * Where the dates are in a value that also holds the venue, in either
 * order ("3-4 May 2016, Accra, Ghana", "Accra, Ghana – 3-4 May 2016"): the
 * first date, as long as it reads, that starts the value, a part of it
 * after a comma, or follows a word that is no part of a date, whether or
 * not its days exist. Without one, the first part that holds a digit, up
 * to its first year (else the first part): what to quote as the date that
 * could not be read.
 */
export function locateDates(text: string): {from: number; to: number} | undefined {
  const words = dateWords(text)
  const next = nextParts(words)
  for (const [index, word] of words.entries()) {
    const previous = words[index - 1]
    if (
      word.kind === 'stop' ||
      isSeparator(word) ||
      (previous && !isSeparator(previous) && previous.kind !== 'stop')
    )
      continue
    // "Accra – 3-4 May 2016": a dash before the dates joins them to the venue.
    let start = index
    while (words[start]?.kind === 'to') start++
    const to = longestDate(words, next, start)
    if (to !== undefined) return {from: (words[start] as DateWord).from, to}
  }
  return firstPart(text, words)
}

/** The first part of `text` (between commas and semicolons) that holds a digit, up to its first year; else the first part. */
function firstPart(text: string, words: DateWord[]): {from: number; to: number} | undefined {
  const parts: {from: number; to: number}[] = []
  for (const [index, word] of words.entries()) {
    const part = parts.at(-1)
    if (isSeparator(word)) {
      if (part && part.to === text.length) part.to = word.from
    } else if (index === 0 || isSeparator(words[index - 1])) {
      parts.push({from: word.from, to: text.length})
    }
  }
  const part = parts.find(({from, to}) => /\d/.test(text.slice(from, to))) ?? parts[0]
  if (!part) return undefined
  const year = endOfDates(text.slice(part.from, part.to))
  return {from: part.from, to: year === undefined ? part.to : part.from + year}
}

/**
 * Where the dates end in a text that starts with them: after the year that
 * closes the longest readable date ("30 December 2011 – 2 January 2012,
 * Vienna"), else after the first year.
 */
export function endOfDates(text: string): number | undefined {
  const ends = [...text.matchAll(/\b(?:1[89]|20)\d\d\b/g)].map((year) => year.index + year[0].length)
  // No readable date holds more than two years: a text up to a later year never reads.
  return ends.slice(0, 2).findLast((end) => parseDates(text.slice(0, end)) !== undefined) ?? ends[0]
}

type Part = Extract<DateWord, {kind: 'day' | 'month' | 'year' | 'to' | 'date'}>

function isPart(word: DateWord): word is Part {
  return word.kind !== 'skip' && word.kind !== 'stop'
}

function isSeparator(word: DateWord | undefined): boolean {
  return word !== undefined && (word.kind === 'skip' || word.kind === 'stop') && word.separator
}

/** At most this many parts are looked at for one date: a list of every day of a month fits. */
const maxParts = 64

/**
 * For each word, the index of the first word from there on that is not
 * skipped: a date is read past a long run of commas in one step.
 */
function nextParts(words: DateWord[]): Int32Array {
  const next = new Int32Array(words.length + 1).fill(words.length)
  for (let index = words.length - 1; index >= 0; index--) {
    next[index] = words[index]?.kind === 'skip' ? (next[index + 1] ?? words.length) : index
  }
  return next
}

/** Where the longest date starting at word `start` ends, if one does. */
function longestDate(words: DateWord[], next: Int32Array, start: number): number | undefined {
  const parts: Part[] = []
  for (let index = next[start] ?? words.length; index < words.length && parts.length < maxParts; ) {
    const word = words[index] as DateWord
    if (!isPart(word)) break
    parts.push(word)
    index = next[index + 1] ?? words.length
  }
  const joined = joinDayLists(parts).parts
  const shape = shapeOf(joined)
  let length = 0
  for (const form of Object.keys(forms)) {
    if (form.length > length && shape.startsWith(form)) length = form.length
  }
  return length === 0 ? undefined : joined[length - 1]?.to
}

interface Day {
  day: number
  month: number
  year: number
}

type Order = 'day-first' | 'month-first'

/** Each form by its shape (`d-dmy` is "12-14 March 2012", `N` a numeric date): its first and last day. */
type Form = (parts: Part[], order: Order) => [Day, Day]

const at = (parts: Part[], index: number) => {
  const part = parts[index]
  return part && 'value' in part ? part.value : 0
}

/** A form of day, month and year words: the indices of the first day's, then of the last day's. */
function named(d1: number, m1: number, y1: number, d2: number, m2: number, y2: number): Form {
  return (parts) => [
    {day: at(parts, d1), month: at(parts, m1), year: at(parts, y1)},
    {day: at(parts, d2), month: at(parts, m2), year: at(parts, y2)}
  ]
}

/** A numeric or ISO date read in `order`. */
function dateOf(part: Part | undefined, order: Order): Day {
  if (part?.kind !== 'date') return {day: 0, month: 0, year: 0}
  const swap = part.swappable && order === 'month-first'
  return {day: swap ? part.month : part.day, month: swap ? part.day : part.month, year: part.year}
}

const forms: Record<string, Form> = {
  dmy: named(0, 1, 2, 0, 1, 2),
  'd-dmy': named(0, 3, 4, 2, 3, 4),
  'dm-dmy': named(0, 1, 5, 3, 4, 5),
  'dmy-dmy': named(0, 1, 2, 4, 5, 6),
  mdy: named(1, 0, 2, 1, 0, 2),
  'md-dy': named(1, 0, 4, 3, 0, 4),
  'md-mdy': named(1, 0, 5, 4, 3, 5),
  'mdy-mdy': named(1, 0, 2, 5, 4, 6),
  N: (parts, order) => [dateOf(parts[0], order), dateOf(parts[0], order)],
  'N-N': (parts, order) => [dateOf(parts[0], order), dateOf(parts[2], order)],
  // "24-26/09/2014": the first number is a day, so the order is day first.
  'd-N': (parts) => {
    const last = dateOf(parts[2], 'day-first')
    return [{...last, day: at(parts, 0)}, last]
  }
}

const shapes = {day: 'd', month: 'm', year: 'y', to: '-', date: 'N'} as const

function shapeOf(parts: Part[]): string {
  return parts.map((part) => shapes[part.kind]).join('')
}

/**
 * "24, 25 and 26 September" → its first and last day, as "24-26
 * September"; `unordered` when the days of a list do not increase.
 */
function joinDayLists(parts: Part[]): {parts: Part[]; unordered: boolean} {
  const joined: Part[] = []
  let unordered = false
  for (let index = 0; index < parts.length; ) {
    const first = parts[index] as Part
    let end = index
    while (parts[end]?.kind === 'day') end++
    if (end - index < 2) {
      joined.push(first)
      index++
      continue
    }
    const days = parts.slice(index, end)
    const next = parts[end + 1]
    if (parts[end]?.kind === 'to' && next?.kind === 'day') days.push(next)
    index = end + (days.length > end - index ? 2 : 0)
    const values = days.map((_, position) => at(days, position))
    unordered ||= values.some((value, position) => position > 0 && value <= (values[position - 1] ?? 0))
    joined.push(first, {kind: 'to', from: first.to, to: first.to}, days.at(-1) as Part)
  }
  return {parts: joined, unordered}
}

const unreadable = {kind: 'unreadable'} as const

function readWords(parts: Part[]): DateReading {
  const {parts: joined, unordered} = joinDayLists(parts)
  const shape = shapeOf(joined)
  const form = forms[shape]
  if (!form) return unreadable
  const dayFirst = check(form(joined, 'day-first'), unordered)
  const swappable = shape !== 'd-N' && joined.some((part) => part.kind === 'date' && part.swappable)
  return swappable ? settle(dayFirst, check(form(joined, 'month-first'), unordered)) : strip(dayFirst)
}

/** A reading, and whether what makes it impossible is a month over 12. */
type Checked = DateReading | {kind: 'impossible'; reason: string; noMonth: true}

function check([first, last]: [Day, Day], unordered: boolean): Checked {
  for (const day of [first, last]) {
    if (day.day < 1 || day.day > 31 || day.month < 1) return unreadable
    if (day.month > 12) return {kind: 'impossible', reason: `there is no month ${day.month}`, noMonth: true}
    const problem = dayProblem(day)
    if (problem) return {kind: 'impossible', reason: problem}
  }
  if (unordered) return {kind: 'impossible', reason: 'the days are not in increasing order'}
  const start = iso(first)
  const end = iso(last)
  return start <= end
    ? {kind: 'range', start, end}
    : {kind: 'impossible', reason: 'the end is before the start'}
}

/** The reading of a numeric date whose order its numbers do not fix. */
function settle(dayFirst: Checked, monthFirst: Checked): DateReading {
  if (dayFirst.kind === 'range') {
    if (
      monthFirst.kind !== 'range' ||
      (monthFirst.start === dayFirst.start && monthFirst.end === dayFirst.end)
    )
      return dayFirst
    return {
      ...dayFirst,
      numeric: {order: 'day-first', monthFirst: {start: monthFirst.start, end: monthFirst.end}}
    }
  }
  if (dayFirst.kind === 'unreadable') return dayFirst
  if (monthFirst.kind === 'range')
    return {...monthFirst, numeric: {order: 'month-first', dayFirst: dayFirst.reason}}
  // Neither order gives a date: say why day first, unless that is only the month.
  return strip('noMonth' in dayFirst && monthFirst.kind === 'impossible' ? monthFirst : dayFirst)
}

function strip(reading: Checked): DateReading {
  return reading.kind === 'impossible' ? {kind: 'impossible', reason: reading.reason} : reading
}

const monthNames = [
  ...['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August'],
  ...['September', 'October', 'November', 'December']
]

/** Why a day of a real month does not exist, if it does not: "April has 30 days". */
function dayProblem({day, month, year}: Day): string | undefined {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const length = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
  if (day <= length) return undefined
  if (month !== 2) return `${monthNames[month - 1]} has ${length} days`
  if (day === 29) return `${year} is not a leap year, February has 28 days`
  return `February has ${length} days in ${year}`
}

function iso({day, month, year}: Day): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
