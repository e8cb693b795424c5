#!/usr/bin/env node
import {readFileSync} from 'node:fs'
import {run} from './command.js'

process.exitCode = run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: () => readFileSync(0),
  color: process.stderr.isTTY === true && !process.env.NO_COLOR
})
