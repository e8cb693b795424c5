/** The CLI tests run `dist/cli.js`: build it first, so they never test a stale build. */
import {execFileSync} from 'node:child_process'

export default function setup(): void {
  execFileSync('npm', ['run', '--silent', 'build'], {stdio: 'inherit'})
}
