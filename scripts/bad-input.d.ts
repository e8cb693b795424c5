/** [name, note, timeoutMs, first message] for each bad input of issue 8. */
export const badInputs: [name: string, note: () => string | Uint8Array, timeoutMs: number, first: string][]
