#!/usr/bin/env node
// The `infonote` command. It runs the bundled CLI (infonote.cjs) through V8's
// code cache (infonote.cjs.cache, made at build time), so that starting skips
// most of the compiling; without a usable cache it simply compiles.
import {readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Script} from 'node:vm'

const file = fileURLToPath(new URL('./infonote.cjs', import.meta.url))
const cache = `${file}.cache`
let cachedData
try {
  cachedData = readFileSync(cache)
} catch {}
const script = new Script(
  `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`,
  {
    filename: file,
    ...(cachedData ? {cachedData} : {})
  }
)
if (process.env.INFONOTE_WRITE_CACHE) {
  // After the run, so that the functions it compiled are in the cache too.
  process.on('exit', () => writeFileSync(cache, script.createCachedData()))
}
const module = {exports: {}}
script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file))
