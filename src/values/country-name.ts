/**
 * How country names are compared: case, accents, apostrophe style, spacing
 * and "St." do not matter. Used at build time to index the names (see
 * scripts/generate.js) and at run time on the names notes give.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/^st\.? /, 'saint ')
    .replace(/ & /g, ' and ')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s.,;:]+|[\s.,;:]+$/g, '')
}
