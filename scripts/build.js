// Builds dist/: the library with its types (tsc), and the command line and
// its worker as bundled files (esbuild), which start several times faster
// than the same code loaded module by module; the command line also gets
// V8's code cache.
import {execFileSync, spawnSync} from 'node:child_process'
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
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: process.env.INFONOTE_MINIFY !== '0',
  legalComments: 'linked',
  // Prefer ES modules: jsonc-parser's UMD build hides its requires from esbuild.
  mainFields: ['module', 'main'],
  // The readers of PDF and Word files are loaded from node_modules when the
  // first such file is read: a batch of Markdown notes never loads them.
  // better-sqlite3 finds its native binding from its own folder.
  external: [
    'better-sqlite3',
    'pdfjs-dist',
    'mammoth',
    'rehype-parse',
    'rehype-remark',
    'remark-stringify',
    'hast-util-to-mdast'
  ],
  logLevel: 'warning'
}
// The command line as one CommonJS file, which the launcher runs with V8's
// code cache; `import.meta.url` has to be made from its file name.
await build({
  ...common,
  entryPoints: [path.join(root, 'src/cli.ts')],
  outfile: path.join(root, 'dist/infonote.cjs'),
  format: 'cjs',
  define: {'import.meta.url': 'infonoteUrl'},
  banner: {js: "const infonoteUrl = require('node:url').pathToFileURL(__filename).href;"}
})
// The worker of the thread pool, as an ES module.
await build({
  ...common,
  entryPoints: [path.join(root, 'src/worker.ts')],
  outfile: path.join(root, 'dist/worker.js'),
  format: 'esm',
  // CommonJS dependencies call `require`, which an ES module lacks.
  banner: {
    js: "import {createRequire as __infonoteRequire} from 'node:module';const require=__infonoteRequire(import.meta.url);"
  }
})
fs.copyFileSync(path.join(root, 'scripts/launcher.js'), path.join(root, 'dist/cli.js'))
fs.chmodSync(path.join(root, 'dist/cli.js'), 0o755)
// The code cache, made by a run on the sample note (its exit code does not matter).
spawnSync(
  process.execPath,
  [path.join(root, 'dist/cli.js'), 'validate', '--silent', path.join(root, 'input')],
  {
    env: {...process.env, INFONOTE_WRITE_CACHE: '1'},
    stdio: 'ignore'
  }
)
