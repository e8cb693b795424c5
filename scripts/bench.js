// npm run bench: speed measured against a baseline taken in the same run, as
// ratios (these machines are noisy). Commands alternate, and the median of
// many runs is kept.
import {spawnSync} from 'node:child_process'
import path from 'node:path'

const root = path.join(import.meta.dirname, '..')
const runs = Number(process.env.BENCH_RUNS ?? 30)
const sample = path.join(root, 'input/000_8cd83aa58013035f.txt')

/** Median wall time, in milliseconds, of each command, run in turn `runs` times. */
function measure(commands) {
  const times = commands.map(() => [])
  for (let run = 0; run < runs; run++) {
    for (const [index, command] of commands.entries()) {
      const start = process.hrtime.bigint()
      const result = spawnSync(command[0], command.slice(1), {cwd: root, stdio: 'ignore'})
      if (result.status !== 0) throw new Error(`${command.join(' ')} exited ${result.status}`)
      times[index].push(Number(process.hrtime.bigint() - start) / 1e6)
    }
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)])
}

const [floor, validate] = measure([
  [process.execPath, '-e', '0'],
  [process.execPath, 'dist/cli.js', 'validate', sample]
])
console.log(`Cold start, median of ${runs} alternating runs:`)
console.log(`  node -e 0                      ${floor.toFixed(1)} ms  (floor)`)
console.log(
  `  infonote validate <one note>   ${validate.toFixed(1)} ms  = ${(validate / floor).toFixed(2)} × floor (goal < 2.5 ×)`
)
