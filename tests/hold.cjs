// Preloaded by the interruption tests (`node --require tests/hold.cjs
// dist/cli.js …`), in the main thread and in every worker thread (each
// loads it). The INFONOTE_HOLD_AT-th rename of a record into place, in the
// first thread to reach it, writes the file INFONOTE_HOLD_MARKER names
// (holding the temporary file's path), then completes only once SIGINT or
// SIGTERM has come (the main thread then writes `<marker>.release`); under
// SIGKILL, never. So the test signals a run it knows to be going, however
// slow the machine. A rename held in the main thread holds the whole run:
// only SIGKILL ends it.
const fs = require('node:fs')

const at = Number(process.env.INFONOTE_HOLD_AT)
const marker = process.env.INFONOTE_HOLD_MARKER
const released = `${marker}.release`
const renameSync = fs.renameSync
const parent = process.ppid
const pause = new Int32Array(new SharedArrayBuffer(4))
let records = 0

if (require('node:worker_threads').isMainThread) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => fs.writeFileSync(released, signal))
}

// The bundle calls `renameSync` through the module object, so it sees this one.
fs.renameSync = (from, to) => {
  // A record: not the manifest (`.infonote-manifest.json`) nor the feed (`records.jsonl`).
  const record = /(^|[\\/])[^.\\/][^\\/]*\.json$/.test(String(to))
  if (record && ++records === at && claim()) {
    // Whole when it appears: the test reads it as soon as it is there.
    fs.writeFileSync(`${marker}.part`, String(from))
    renameSync(`${marker}.part`, marker)
    // A run whose test is gone (the test runner was stopped) ends: nothing else would.
    while (!fs.existsSync(released)) {
      Atomics.wait(pause, 0, 0, 20)
      if (process.ppid !== parent) process.exit(1)
    }
  }
  return renameSync(from, to)
}

/** Whether this thread is the first to hold a record. */
function claim() {
  try {
    fs.closeSync(fs.openSync(`${marker}.claim`, 'wx'))
    return true
  } catch {
    return false
  }
}
