// The `parse` section of `npm run bench`: what each GFM construct costs the
// parse, and what parsing each note with only the constructs it can use
// (src/parse/gfm.ts) saves. In one process, on the notes of the bench
// corpus (scripts/corpus.js), the variants alternate, round after round:
// CommonMark alone, CommonMark with each GFM part alone, remark-gfm (every
// part), and the parts each note's triggers choose. The median of the
// rounds, in ms per note and as a ratio to remark-gfm's parse.
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {makeCorpus} from './corpus.js'

const root = path.join(import.meta.dirname, '..')
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]

/** A remark-parse processor with these micromark and mdast extensions. */
function parser(syntax, tree) {
  return unified().use(remarkParse).data({micromarkExtensions: syntax, fromMarkdownExtensions: tree}).freeze()
}

/** Runs the parse section on `count` notes, `rounds` alternating rounds. */
export async function parse(count, rounds) {
  const {gfmParts, parseGfm} = await import(pathToFileURL(path.join(root, 'dist/parse/gfm.js')).href)
  const folder = mkdtempSync(path.join(tmpdir(), 'infonote-bench-'))
  try {
    makeCorpus(path.join(folder, 'notes'), count)
    const texts = readdirSync(path.join(folder, 'notes'), {recursive: true, withFileTypes: true})
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
    const gfm = unified().use(remarkParse).use(remarkGfm).freeze()
    const variants = [
      ['CommonMark alone', () => parser([], [])],
      ...gfmParts.map((part) => [`+ ${part.name} alone`, () => parser([part.syntax], [part.tree])]),
      ['remark-gfm (every part)', () => gfm],
      ['the parts each note can use', null]
    ]
    const times = variants.map(() => [])
    for (let round = 0; round < rounds; round++) {
      for (const [index, [, make]] of variants.entries()) {
        const fixed = make?.()
        const start = process.hrtime.bigint()
        for (const text of texts) {
          if (fixed) fixed.parse(text)
          else parseGfm(text)
        }
        times[index].push(Number(process.hrtime.bigint() - start) / 1e6 / texts.length)
      }
    }
    const used = gfmParts.map((part) => texts.filter((text) => part.trigger.test(text)).length)
    const reference = median(times[variants.length - 2])
    console.log(`\nParse, ${texts.length} notes, ${rounds} alternating rounds, in-process:`)
    for (const [index, [label]] of variants.entries()) {
      const ms = median(times[index])
      console.log(
        `  ${label.padEnd(34)} ${ms.toFixed(2).padStart(6)} ms/note  ${(ms / reference).toFixed(2)} × remark-gfm`
      )
    }
    console.log(
      `  notes whose text holds each trigger: ${gfmParts.map((part, index) => `${part.name} ${used[index]}`).join(', ')}`
    )
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
}
