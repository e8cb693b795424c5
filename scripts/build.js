// Builds dist/: the library with its types (tsc), and the command line and
// its worker as bundled files (esbuild), which start several times faster
// than the same code loaded module by module.
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {build} from 'esbuild'

const root = path.join(import.meta.dirname, '..')
execFileSync('node', [path.join(root, 'scripts/generate.js')], {stdio: 'inherit'})
fs.rmSync(path.join(root, 'dist'), {recursive: true, force: true})
execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit'
})
// tsc does not copy the compiled validators.
for (const file of fs.readdirSync(path.join(root, 'src/generated'))) {
  if (file.endsWith('.cjs'))
    fs.copyFileSync(path.join(root, 'src/generated', file), path.join(root, 'dist/generated', file))
}
await build({
  entryPoints: [path.join(root, 'src/cli.ts'), path.join(root, 'src/worker.ts')],
  outdir: path.join(root, 'dist'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  // Prefer ES modules: jsonc-parser's UMD build hides its requires from esbuild.
  mainFields: ['module', 'main'],
  legalComments: 'linked',
  // CommonJS dependencies call `require`, which an ES module lacks.
  banner: {
    js: "import {createRequire as __infonoteRequire} from 'node:module';const require=__infonoteRequire(import.meta.url);"
  },
  logLevel: 'warning'
})
fs.chmodSync(path.join(root, 'dist/cli.js'), 0o755)
