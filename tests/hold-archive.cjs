// Preloaded by the archive's interruption test (`node --require
// tests/hold-archive.cjs dist/cli.js archive …`): the INFONOTE_HOLD_AT-th
// note's transaction, once its event row is written, writes the file
// INFONOTE_HOLD_MARKER names and then blocks, uncommitted, until the process
// is killed. So the test kills a load it knows to be inside a note's
// transaction, however slow the machine.
const {writeFileSync} = require('node:fs')
const Database = require('better-sqlite3')

const at = Number(process.env.INFONOTE_HOLD_AT)
const marker = process.env.INFONOTE_HOLD_MARKER
const prepare = Database.prototype.prepare
let events = 0

Database.prototype.prepare = function (sql) {
  const statement = prepare.call(this, sql)
  if (!String(sql).startsWith('INSERT INTO events')) return statement
  const run = statement.run
  statement.run = function (...parameters) {
    const result = run.apply(this, parameters)
    if (++events === at) {
      writeFileSync(marker, '')
      // Synchronous, as the transaction is: the thread waits here for SIGKILL.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600_000)
    }
    return result
  }
  return statement
}
