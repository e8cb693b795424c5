/**
 * A progress line on a terminal: count, bar, rate and time left, redrawn at
 * most ten times a second and cleared at the end.
 */
export interface Progress {
  update(done: number, total: number): void
  stop(): void
}

const width = 24

export function progress(
  write: (text: string) => void,
  now: () => number = () => performance.now()
): Progress {
  const started = now()
  let drawn = -Infinity
  let shown = false
  return {
    update(done, total) {
      const time = now()
      if (time - drawn < 100 && done < total) return
      drawn = time
      shown = true
      const seconds = (time - started) / 1000
      const rate = seconds > 0 ? done / seconds : 0
      const left = rate > 0 ? Math.ceil((total - done) / rate) : 0
      const filled = total > 0 ? Math.round((done / total) * width) : width
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`
      write(`\r\u001B[K${bar} ${done}/${total} notes · ${Math.round(rate)}/s · ${left} s left`)
    },
    stop() {
      if (shown) write('\r\u001B[K')
    }
  }
}
