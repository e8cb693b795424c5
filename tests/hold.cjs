// Preloaded by the interruption tests (`node --require tests/hold.cjs
// dist/cli.js …`): the INFONOTE_HOLD_AT-th rename of a record into place
// writes the file INFONOTE_HOLD_MARKER names (holding the temporary file's
// path), then completes only once SIGINT or SIGTERM has come; under SIGKILL,
// never. So the test signals a run it knows to be going, however slow the machine.
const {renameSync, writeFileSync} = require('node:fs')
const promises = require('node:fs/promises')

const at = Number(process.env.INFONOTE_HOLD_AT)
const marker = process.env.INFONOTE_HOLD_MARKER
const rename = promises.rename
const parent = process.ppid
let records = 0
let signalled = false
/** Completes the held rename, once. */
let release = () => {}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    signalled = true
    release()
  })
}

// The bundle calls `rename` through the module object, so it sees this one.
promises.rename = (from, to) => {
  // A record: not the manifest (`.infonote-manifest.json`) nor the feed (`records.jsonl`).
  const record = /(^|[\\/])[^.\\/][^\\/]*\.json$/.test(String(to))
  if (!record || ++records !== at || signalled) return rename(from, to)
  // Whole when it appears: the test reads it as soon as it is there.
  writeFileSync(`${marker}.part`, String(from))
  renameSync(`${marker}.part`, marker)
  // A pending promise does not keep the process alive; a timer does. A run
  // whose test is gone (the test runner was stopped) ends: nothing else would.
  const alive = setInterval(() => {
    if (process.ppid !== parent) process.exit(1)
  }, 1000)
  return new Promise((resolve, reject) => {
    release = () => {
      release = () => {}
      clearInterval(alive)
      rename(from, to).then(resolve, reject)
    }
  })
}
