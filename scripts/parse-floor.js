// The floor of the benchmark: read every note below a folder and parse it
// with remark-parse and remark-gfm, in one process, as fast as that goes.
// With a second argument `k/n`, only every n-th note from the k-th: the
// bench runs n such processes at once, for what n cores give.
import fs from 'node:fs'
import path from 'node:path'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const processor = unified().use(remarkParse).use(remarkGfm)
const [part, parts] = (process.argv[3] ?? '0/1').split('/').map(Number)
let notes = 0
let seen = 0
const walk = (folder) => {
  for (const entry of fs
    .readdirSync(folder, {withFileTypes: true})
    .sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = path.join(folder, entry.name)
    if (entry.isDirectory()) walk(file)
    else if (seen++ % parts === part) {
      processor.parse(fs.readFileSync(file, 'utf8'))
      notes++
    }
  }
}
walk(process.argv[2])
process.stdout.write(`${notes}\n`)
