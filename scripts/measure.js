// Runs a module as if it were the main script, then prints the process's
// peak resident set size (worker threads included) to fd 3 when it exits.
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

const [script, ...args] = process.argv.slice(2)
process.argv = [process.argv[0], path.resolve(script), ...args]
process.on('exit', () => fs.writeSync(3, `${process.resourceUsage().maxRSS}\n`))
await import(pathToFileURL(path.resolve(script)).href)
