/** A document that cannot be read, with the rule its reader reports. */
export class UnreadableDocument extends Error {
  constructor(
    readonly ruleId: 'no-text-layer' | 'encrypted-file' | 'unreadable-file',
    reason: string
  ) {
    super(reason)
  }
}
