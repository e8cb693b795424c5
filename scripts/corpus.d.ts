/** Writes `count` varied notes into `folder`; returns their paths. */
export function makeCorpus(folder: string, count: number): string[]
