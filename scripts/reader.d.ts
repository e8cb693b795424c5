/** The fields of a reader's expectation (tests/wild/*.expected.json), in their order. */
export const readerFields: readonly string[]
/** The fields `record` gives that differ from a reader's `expected`, in order. */
export function misreadFields(expected: unknown, record: unknown): string[]
