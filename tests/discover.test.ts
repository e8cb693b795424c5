/** A folder that cannot be listed is reported as unreadable; the batch goes on. */

import type * as fs from 'node:fs'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, expect, it, vi} from 'vitest'
import {discover} from '../src/discover.js'
import {batch, messageLines} from './helpers.js'

vi.mock('node:fs', async (original) => {
  const actual = await original<typeof fs>()
  return {
    ...actual,
    // Root reads every folder, so a refusal is simulated for folders named "locked".
    readdirSync: ((folder: string, options: never) => {
      if (path.basename(folder) === 'locked') {
        throw Object.assign(new Error(`EACCES: permission denied, scandir '${folder}'`), {code: 'EACCES'})
      }
      return actual.readdirSync(folder, options)
    }) as typeof fs.readdirSync
  }
})

const cwd = mkdtempSync(path.join(tmpdir(), 'infonote-'))
afterAll(() => rmSync(cwd, {recursive: true, force: true}))

it('reports a folder it cannot list and keeps the other notes', async () => {
  mkdirSync(path.join(cwd, 'notes/locked'), {recursive: true})
  writeFileSync(path.join(cwd, 'notes/a.txt'), 'Information Note')
  const notes = discover(['notes'], cwd)
  expect(notes.map(({path, output, unreadable}) => ({path, output, unreadable}))).toEqual([
    {path: 'notes/a.txt', output: 'a.json', unreadable: undefined},
    {
      path: 'notes/locked',
      output: undefined,
      unreadable: `Cannot read this folder: EACCES: permission denied, scandir '${path.join(cwd, 'notes/locked')}'`
    }
  ])
  const [, locked] = await batch(notes, cwd)
  expect(messageLines(locked?.messages ?? [])).toEqual([
    `1:1 error Cannot read this folder: EACCES: permission denied, scandir '${path.join(cwd, 'notes/locked')}' unreadable-file`
  ])
})
