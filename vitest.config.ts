import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup.ts'],
    setupFiles: ['tests/seed.ts'],
    // A timeout catches a hang, not a slow machine: on a busy 2-core box a
    // batch test can take a minute.
    testTimeout: 300_000,
    hookTimeout: 60_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/generated/**', 'src/cli.ts'],
      reporter: ['text-summary'],
      // The floor only goes up.
      thresholds: {statements: 98, branches: 92, functions: 99, lines: 98.5}
    }
  }
})
