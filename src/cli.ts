import {readFileSync} from 'node:fs'
import {run} from './command.js'
import {describe} from './paths.js'

// The first SIGINT or SIGTERM stops the run cleanly (exit 130 or 143); a
// second one stops it at once.
const controller = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (controller.signal.aborted) process.exit(signal === 'SIGTERM' ? 143 : 130)
    controller.abort(signal)
  })
}

run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: () => readFileSync(0),
  color: process.stderr.isTTY === true && !process.env.NO_COLOR,
  progress: process.stderr.isTTY === true && !process.env.CI,
  signal: controller.signal
}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // A bug: say so in one line, not with a page of bundled code.
    process.stderr.write(`infonote: internal error, please report it: ${describe(error)}\n`)
    process.exitCode = 1
  }
)
