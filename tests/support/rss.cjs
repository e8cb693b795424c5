// Preloaded into the command line by tests (`node --require`): writes the
// process's peak resident memory, in kilobytes, to INFONOTE_RSS_FILE at exit.
const {writeFileSync} = require('node:fs')

process.on('exit', () => {
  if (process.env.INFONOTE_RSS_FILE) {
    writeFileSync(process.env.INFONOTE_RSS_FILE, String(process.resourceUsage().maxRSS))
  }
})
