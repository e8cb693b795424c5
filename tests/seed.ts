/**
 * `npm test` runs the property tests on one seed, so that the branches they
 * reach, and with them the coverage floor, are the same on every run (random
 * seeds moved branch coverage between 89.39 % and 89.66 %). `npm run fuzz`
 * (FUZZ_RUNS=…) and FC_SEED=random try new cases; FC_SEED=<n> replays one.
 */
import fc from 'fast-check'

const seed = process.env.FC_SEED ?? (process.env.FUZZ_RUNS ? 'random' : '1540')
if (seed !== 'random') fc.configureGlobal({seed: Number(seed)})
