/**
 * The review report from the command line: `validate --format html` on
 * standard output, `convert --report FILE` written beside the outputs
 * (every note converted, none skipped as unchanged), and the usage errors.
 */
import {mkdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, workspace} from './helpers.js'

const fixtures = path.join(import.meta.dirname, 'fixtures')
const good = readFileSync(path.join(fixtures, 'markdown-note/input/2013-kuala-lumpur.md'))
const bad = readFileSync(path.join(fixtures, 'invalid-note/input/bad-date.txt'), 'utf8').replace(
  'Closing remarks were made.',
  'Closing remarks: <script>document.title = "run"</script>'
)

const usage = (message: string) => ({
  code: 2,
  stdout: '',
  stderr: `infonote: ${message}\nRun "infonote --help" for usage.\n`
})

describe('the review report', () => {
  it('is printed by validate --format html, with the summary on standard error', async () => {
    const cwd = workspace({'notes/a.md': good, 'notes/b.txt': bad})
    const {code, stdout, stderr} = await runCli(cwd, ['validate', 'notes', '--format', 'html'])
    expect(code).toBe(1)
    expect(stderr).toBe('2 notes checked: 1 valid, 1 invalid (3 errors, 4 warnings)\n')
    expect(stdout.startsWith('<!doctype html>\n<html lang="en">\n')).toBe(true)
    expect(stdout).toContain(
      '<dd id="count-notes">2</dd></div><div class="count valid"><dt>valid</dt><dd id="count-valid">1</dd>'
    )
    expect(stdout).toContain(
      '<code>Closing remarks: &lt;script&gt;document.title = &quot;run&quot;&lt;/script&gt;</code>'
    )
    expect(stdout).toContain('<a href="#note-2">notes/b.txt</a>')
  })

  it('is written by convert --report, the same page; a second run converts every note again', async () => {
    const cwd = workspace({'notes/a.md': good, 'notes/b.txt': bad})
    const printed = (await runCli(cwd, ['validate', 'notes', '--format', 'html'])).stdout
    const first = await runCli(cwd, [
      'convert',
      'notes',
      '--report',
      'review/report.html',
      '--format',
      'json'
    ])
    expect(first.code).toBe(1)
    expect(first.stderr.split('\n').slice(-3)).toEqual([
      'infonote: review report in review/report.html',
      expect.stringMatching(
        /^2 notes: 1 converted, 1 invalid \(3 errors, 4 warnings\) in \d+\.\d s; output\/records\.jsonl holds 1 record$/
      ),
      ''
    ])
    expect(readFileSync(path.join(cwd, 'review/report.html'), 'utf8')).toBe(printed)
    // Inside the output folder, which is fine: no note's output is an HTML file.
    const second = await runCli(cwd, [
      'convert',
      'notes',
      '--report',
      'output/report.html',
      '--format',
      'json'
    ])
    expect(second.stderr.split('\n').slice(-3, -1)).toEqual([
      'infonote: review report in output/report.html',
      expect.stringMatching(/^2 notes: 1 converted, 1 invalid /)
    ])
    expect(readFileSync(path.join(cwd, 'output/report.html'), 'utf8')).toBe(printed)
    const quiet = await runCli(cwd, ['convert', 'notes', '--report', 'output/report.html', '--quiet'])
    expect(quiet).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'notes/b.txt:3:1: error Missing organizers, expected a field like "Organizers: Government of Colombia, UNODA" [missing-organizers]\n' +
        'notes/b.txt:3:1: error Missing sections, expected numbered sections like "1. Objectives" or "## 1. Objectives" [missing-sections]\n' +
        'notes/b.txt:4:19: error Unexpected date "32 March 2012", expected a day, month and year like "12-14 March 2012" [unparsed-date]\n' +
        '\nRules:\n' +
        '  missing-organizers  https://github.com/infonote/infonote/blob/main/docs/rules/missing-organizers.md\n' +
        '  missing-sections    https://github.com/infonote/infonote/blob/main/docs/rules/missing-sections.md\n' +
        '  unparsed-date       https://github.com/infonote/infonote/blob/main/docs/rules/unparsed-date.md\n'
    })
    expect(readFileSync(path.join(cwd, 'output/report.html'), 'utf8')).toBe(printed)
  })

  it('fails the run when it cannot be written, and says why', async () => {
    const cwd = workspace({'notes/a.md': good})
    mkdirSync(path.join(cwd, 'taken.html'))
    const {code, stderr} = await runCli(cwd, ['convert', 'notes', '--report', 'taken.html'])
    expect(code).toBe(1)
    expect(stderr.split('\n')[0]).toMatch(
      /^infonote: Cannot write "taken\.html": EISDIR: illegal operation on a directory, rename '.+\.tmp' -> '.+taken\.html'$/
    )
  })

  it('is asked of convert with --report, and of validate with --format html', async () => {
    const cwd = workspace({'notes/a.md': good})
    expect(await runCli(cwd, ['convert', 'notes', '--format', 'html'])).toEqual(
      usage('Unexpected "--format html" for convert: write the review report with --report FILE')
    )
    expect(await runCli(cwd, ['validate', 'notes', '--report', 'r.html'])).toEqual(
      usage('Unexpected option "--report": validate writes nothing')
    )
  })
})
