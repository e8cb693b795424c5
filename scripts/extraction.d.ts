/** The title and header of a tidy note on one line (see scripts/extraction.js). */
export function joinHeader(text: string, options?: {keep?: (line: string) => boolean}): string
/** Whether a cleaned header line is one of the record's `extra` items, for `joinHeader`'s `keep`. */
export function keepExtras(extra: readonly {label?: string; value?: string}[]): (line: string) => boolean
/** The note with page numbers and a repeated running header at paragraph breaks chosen with `random`. */
export function addFurniture(text: string, random: () => number): string
/** A seeded random function (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number
/** The fixtures of `folder` whose `record.json` is a record, in name order. */
export function validFixtures(
  folder: string
): {name: string; path: string; bytes: Uint8Array; record: {extra?: {label?: string; value?: string}[]}}[]
