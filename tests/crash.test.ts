/**
 * What a failure inside the pipeline becomes: a stack overflow the nesting
 * checks did not foresee is `too-deeply-nested`, anything else an
 * `internal-error`; never an exception out of `convert`.
 */
import {describe, expect, it, vi} from 'vitest'
import {convert} from '../src/index.js'
import {messageLines} from './helpers.js'

const failure = vi.hoisted(() => ({error: new Error('unset')}))

vi.mock('../src/limits.js', async (original) => ({
  ...(await original<typeof import('../src/limits.js')>()),
  checkTreeNesting: () => {
    throw failure.error
  }
}))

describe('a failure while converting', () => {
  it.each([
    [
      new RangeError('Maximum call stack size exceeded'),
      '1:1 error Unexpected structure nested too deeply to read (the parser ran out of stack), expected a note nested a few levels deep too-deeply-nested'
    ],
    [
      new TypeError('boom'),
      '1:1 error Cannot convert this note: TypeError: boom; please report this bug internal-error'
    ]
  ])('%s becomes a message', (error, line) => {
    failure.error = error
    const {record, messages} = convert('Information Note\n')
    expect([record, messageLines(messages)]).toEqual([undefined, [line]])
  })
})
