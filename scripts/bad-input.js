// The bad inputs of issue 8, shared by tests/limits.test.ts (which checks
// each gives a clear message within a time and memory budget) and
// `npm run bench` (which reports their time and peak memory): per case, a
// name, the note, the `timeoutMs` to run it with, and the first message
// infonote prints for it.

/** A small deterministic generator, so that random bytes are the same on every run. */
function randomBytes(size, seed = 1540) {
  const bytes = new Uint8Array(size)
  let state = seed
  for (let index = 0; index < size; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    bytes[index] = state >>> 24
  }
  return bytes
}

const timedOut = (seconds) =>
  `1:1: error Stopped converting this note after ${seconds} s ("timeoutMs" in the configuration), expected a note that converts in well under a second [conversion-timeout]`
const outOfMemory =
  '1:1: error Stopped converting this note when it needed more than 256 MB of memory, expected a note of ordinary size [conversion-out-of-memory]'
const nested = (column) =>
  `1:${column}: error Unexpected nesting deeper than 100 levels (lists, block quotes, emphasis or links), expected a note nested a few levels deep [too-deeply-nested]`

export const badInputs = [
  [
    'a 50 MB note',
    () => 'a'.repeat(50 * 1024 * 1024),
    3000,
    '1:1: error Unexpected file of 50.0 MB, expected at most 2.0 MB ("maxBytes" in the configuration); it was not read [file-too-large]'
  ],
  [
    'a 5 MB single line',
    () => 'word '.repeat(1024 * 1024),
    3000,
    '1:1: error Unexpected file of 5.0 MB, expected at most 2.0 MB ("maxBytes" in the configuration); it was not read [file-too-large]'
  ],
  // The memory limit stops it long before a time limit of minutes would.
  ['100,000 list items', () => '- a\n'.repeat(100_000), 300_000, outOfMemory],
  ['100,000 link definitions', () => '[d]: x\n'.repeat(100_000), 300_000, outOfMemory],
  ['10,000 nested list levels', () => `${'- '.repeat(10_000)}a\n`, 3000, nested(201)],
  ['10,000 nested block quote levels', () => `${'> '.repeat(10_000)}a\n`, 3000, nested(201)],
  // micromark's time grows with the square of unmatched emphasis delimiters.
  ['100,000 "*a" in a row', () => '*a'.repeat(100_000), 3000, timedOut(3)],
  ['100,000 "**_" in a row', () => '**_'.repeat(100_000), 3000, timedOut(3)],
  // These parse in a few seconds: they are read to the end, and are simply not notes.
  [
    '100,000 "[" in a row',
    () => '['.repeat(100_000),
    300_000,
    '1:1: error Missing event, expected a field like "Event: Seminar on resolution 1540" [missing-event]'
  ],
  [
    '100,000 "`" in a row',
    () => '`'.repeat(100_000),
    300_000,
    '1:1: warning Missing title, expected a first line like "Information Note" [missing-title]'
  ],
  [
    '1 MB of random bytes',
    () => randomBytes(1024 * 1024),
    3000,
    '2:54: error Unexpected NUL byte (byte 100), expected a text file [binary-file]'
  ]
]
