// Pathological notes: for each shape, at sizes n and 2n, the CPU time (ms)
// of the bare parse (remark-parse + remark-gfm) against the whole
// `convert()`, and (with --stages) that of each of infonote's own passes.
// A linear pass doubles from n to 2n; a quadratic one quadruples. Uses
// dist/ (run `npm run build` first), or the build in INFONOTE_DIST, to
// compare with another version.
//
//   node scripts/pathological.js [--scale 0.5] [--runs 3] [--stages] [--only a,b]
import {readFileSync} from 'node:fs'
import path from 'node:path'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'

const root = path.join(import.meta.dirname, '..')
const dist = (file) => import(path.join(process.env.INFONOTE_DIST ?? path.join(root, 'dist'), file))
const {convert} = await dist('pipeline.js')
const {parse} = await dist('parse.js')
const {normalize} = await dist('normalize.js')
const {extract} = await dist('extract.js')
const {default: assemble} = await dist('assemble.js')
const {default: validate} = await dist('validate.js')
const {control} = await dist('control.js')
const {decode} = await dist('decode.js')

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`)
  return at === -1 ? fallback : process.argv[at + 1]
}
const scale = Number(option('scale', '1'))
const runs = Number(option('runs', '3'))
const only = option('only', '')?.split(',').filter(Boolean)
const stages = process.argv.includes('--stages')

const sample = readFileSync(path.join(root, 'input/000_8cd83aa58013035f.txt'), 'utf8')
const [sampleHeader = ''] = sample.split('\n1. **Objectives')
const repeat = (n, make) => Array.from({length: n}, (_, index) => make(index + 1)).join('')
/** A note with a real header, then `body` in a section. */
const note = (body) => `${sampleHeader}\n1. **Objectives**\n\n${body}\n\n¹ For information.\n`
/** A note whose header is the sample's title and `header`. */
const headed = (header) =>
  `Information Note¹\n\n${header}\n\n1. **Objectives**\n\nText.\n\n¹ For information.\n`
const nested = (n, marker, indent) =>
  repeat(n, (level) => `${indent.repeat(level - 1)}${marker}level ${level}\n`)

/** name → [n, make(n)]: n is the size the brief measured, or one that runs in about a second. */
const shapes = {
  paragraphs: [10000, (n) => repeat(n, () => 'Short paragraph.\n\n')],
  definitions: [10000, (n) => repeat(n, (i) => `[d${i}]: http://x.org/${i}\n`)],
  'list items': [10000, (n) => repeat(n, () => '- a\n')],
  brackets: [10000, (n) => '['.repeat(n)],
  backticks: [10000, (n) => '`'.repeat(n)],
  'star-a': [2000, (n) => '*a'.repeat(n)],
  'strong-under': [2000, (n) => '**_'.repeat(n)],
  'long line': [400000, (n) => repeat(n, () => 'word ')],
  headings: [10000, (n) => repeat(n, (i) => `## Heading ${i}\n\n`)],
  'numbered headings': [5000, (n) => repeat(n, (i) => `## ${i % 999}. Objectives\n\nText.\n\n`)],
  'footnote definitions': [10000, (n) => repeat(n, (i) => `[^${i}]: x\n\n`)],
  'footnote texts': [5000, (n) => note(repeat(n, (i) => `## ${i % 999}. Part\n\n^${i % 999} x\n\n`))],
  'superscript markers': [20000, (n) => note(repeat(n, () => 'word¹ '))],
  'caret markers': [20000, (n) => note(repeat(n, () => 'word^1 '))],
  'header fields': [10000, (n) => headed(repeat(n, (i) => `Label ${i}: value ${i}\n`))],
  'header line': [10000, (n) => headed(`Event: x ${repeat(n, (i) => `Label ${i}: value `)}`)],
  'header items': [10000, (n) => headed(repeat(n, (i) => `- Field ${i}: value ${i}\n`))],
  participants: [50000, (n) => note(`\n`).replace('Canada,', `${repeat(n, (i) => `Name${i}, `)}Canada,`)],
  states: [20000, (n) => note('').replace('Canada,', `${repeat(n, () => 'Chile, ')}Canada,`)],
  organizers: [
    20000,
    (n) =>
      note('').replace(
        'The Government of Colombia,',
        repeat(n, (i) => `Org ${i} (O${i}), `)
      )
  ],
  'quoted footnote texts': [2000, (n) => note(repeat(n, (i) => `> ^${i % 999} x\n>\n`))],
  'disable comments': [10000, (n) => note(repeat(n, () => '<!-- infonote-disable -->\n\n'))],
  'disable comments + messages': [
    2000,
    (n) => headed(repeat(n, (i) => `<!-- infonote-disable-next-line -->\nLabel ${i}: x\n\n`))
  ],
  'quote depth 100': [100, (n) => note(nested(n, '> ', '> '))],
  'list depth 100': [100, (n) => note(nested(n, '- ', '  '))],
  'items in sections': [10000, (n) => note(repeat(n, (i) => `- item ${i}\n`))],
  'nested list items': [1000, (n) => note(repeat(n, (i) => `- item ${i}\n  - sub ${i}\n`))],
  'table rows': [5000, (n) => note(`| a | b |\n|---|---|\n${repeat(n, (i) => `| r${i} | v${i} |\n`)}`)],
  'table columns': [
    2000,
    (n) =>
      note(
        `|${repeat(n, (i) => ` c${i} |`)}\n|${repeat(n, () => '---|')}\n|${repeat(n, (i) => ` v${i} |`)}\n`
      )
  ],
  'escapes and references': [20000, (n) => note(repeat(n, () => '\\* &amp; '))],
  'lazy bullets': [5000, (n) => note(`Intro\n${repeat(n, (i) => `•\u00a0item ${i}\n`)}`)],
  'footnote lines': [1000, (n) => note(`Intro\n${repeat(n, (i) => `^${i % 999} Text \\* x\n`)}`)],
  'period run in a heading': [5000, (n) => note(`## 2. Background${' .'.repeat(n)} x\n\nText.`)],
  'comma run in the date': [
    5000,
    (n) => note('').replace('12-14 March 2012', `12${','.repeat(n)} March 2012`)
  ],
  'many years in the date': [
    500,
    (n) => note('').replace('12-14 March 2012', `${'2012 '.repeat(n)}12 March 2012`)
  ],
  'unclosed HTML tags': [5000, (n) => note(`<div>\n${'<b>'.repeat(n)}x${'<'.repeat(n)}\n</div>`)],
  'space run after Tel': [5000, (n) => note(`Tel${' '.repeat(n)}x`)],
  'period run in a State': [5000, (n) => note('').replace('Canada,', `Chile${'.'.repeat(n)}x, Canada,`)],
  'and-joined States': [
    1000,
    (n) =>
      note('').replace('Canada,', `${repeat(n, () => 'Chile and Trinidad and Tobago and ')}Peru, Canada,`)
  ],
  emails: [10000, (n) => note(repeat(n, (i) => `a${i}@x.org `))],
  phones: [10000, (n) => note(repeat(n, (i) => `Tel: +41 22 917 ${String(i).padStart(4, '0')} `))],
  'extra paragraphs': [5000, (n) => headed(`Event: x\n\n${repeat(n, (i) => `Loose text ${i}.\n\n`)}`)]
}

const bare = unified().use(remarkParse).use(remarkGfm)
// CPU time of this process, not wall time: steadier on a busy machine.
const now = () => {
  const {user, system} = process.cpuUsage()
  return (user + system) / 1000
}

function best(run) {
  let min = Number.POSITIVE_INFINITY
  for (let index = 0; index < runs; index++) {
    const start = now()
    run()
    min = Math.min(min, now() - start)
  }
  return min
}

/** One processor whose every plugin adds its time to `times`. */
function timedProcessor(times) {
  const timed = (name, plugin) =>
    function (...args) {
      const transform = plugin.apply(this, args)
      return (tree, file) => {
        const start = now()
        transform(tree, file)
        times[name] = (times[name] ?? 0) + now() - start
      }
    }
  const named = (preset) => preset.plugins.map((plugin) => timed(plugin.name, plugin))
  return unified()
    .use(parse.plugins.slice(0, 2))
    .use(timed('sourceOffsets', parse.plugins[2]))
    .use(named(normalize))
    .use(named(extract))
    .use(timed('assemble', assemble))
    .use(timed('validate', validate))
    .freeze()
}

function stageTimes(text) {
  const times = {}
  const processor = timedProcessor(times)
  const file = new VFile({value: text})
  decode(file)
  const tree = processor.parse(file)
  processor.runSync(tree, file)
  const start = now()
  control(file, tree, {})
  times.control = now() - start
  return times
}

const pad = (value, width) => String(value).padStart(width)
console.log(`${'shape'.padEnd(28)} ${pad('n', 7)} ${pad('parse', 7)} ${pad('convert', 8)} ${pad('x', 5)}`)
for (const [name, [size, make]] of Object.entries(shapes)) {
  if (only?.length && !only.includes(name)) continue
  const n = Math.max(1, Math.round(size * scale))
  for (const count of name.includes('depth') ? [n] : [n, 2 * n]) {
    const text = make(count)
    const parsed = best(() => bare.parse(text))
    const converted = best(() => convert(text))
    const ratio = (converted / parsed).toFixed(1)
    console.log(
      `${name.padEnd(28)} ${pad(count, 7)} ${pad(parsed.toFixed(0), 7)} ${pad(converted.toFixed(0), 8)} ${pad(ratio, 5)}`
    )
    if (stages) {
      const times = Object.entries(stageTimes(text))
        .filter(([, ms]) => ms >= 1)
        .sort((a, b) => b[1] - a[1])
        .map(([stage, ms]) => `${stage} ${ms.toFixed(0)}`)
      console.log(`    ${times.join(', ')}`)
    }
  }
}
