/**
 * How country names are compared: case, accents, apostrophe style, spacing
 * and "St." do not matter. Used at build time to index the names (see
 * scripts/generate.js) and at run time on the names notes give. (The build
 * loads this file alone: it imports nothing.)
 */
export function normalizeName(name: string): string {
  return trimPunctuation(
    fold(name)
      .replace(/^st\.? /, 'saint ')
      .replace(/ & /g, ' and ')
      .replace(/[\s\u00a0]+/g, ' ')
  )
}

/**
 * Text as names are compared, in countries, labels and organizations:
 * lower case, accents dropped, every apostrophe `'`.
 */
export function fold(text: string): string {
  // Plain ASCII, most of what is folded: nothing to decompose or drop.
  if (!nonAscii.test(text)) return text.toLowerCase().replaceAll('`', "'")
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
}

const nonAscii = /[\u0080-\uffff]/
const punctuation = /[\s.,;:]/

/**
 * `text` without the white space and punctuation at its ends: as
 * `.replace(/^[\s.,;:]+|[\s.,;:]+$/g, '')`, without trying the second
 * expression at every position of a long run inside the text.
 */
function trimPunctuation(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && punctuation.test(text.charAt(start))) start++
  while (end > start && punctuation.test(text.charAt(end - 1))) end--
  return text.slice(start, end)
}
