// Runs a module as if it were the main script, then prints the process's
// peak resident set size in KiB (worker threads included) to fd 3 when it
// exits. On Linux it is VmHWM, the process's own peak: getrusage's maxRSS
// also counts the parent's memory when the child was started.
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

const [script, ...args] = process.argv.slice(2)
process.argv = [process.argv[0], path.resolve(script), ...args]
process.on('exit', () => fs.writeSync(3, `${peak()}\n`))
await import(pathToFileURL(path.resolve(script)).href)

function peak() {
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8')
    const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1]
    if (kib) return Number(kib)
  } catch {}
  return process.resourceUsage().maxRSS
}
