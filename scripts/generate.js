// Derives the TypeScript types of the record from its JSON Schema, the single
// source of truth, so that the two can never disagree.
import fs from 'node:fs'
import path from 'node:path'
import {compileFromFile} from 'json-schema-to-typescript'

const root = path.join(import.meta.dirname, '..')
const out = path.join(root, 'src', 'generated')
fs.mkdirSync(out, {recursive: true})

for (const name of fs.readdirSync(path.join(root, 'schemas')).sort()) {
  if (!name.endsWith('.schema.json')) continue
  const code = await compileFromFile(path.join(root, 'schemas', name), {
    bannerComment: `// Generated from schemas/${name} by scripts/generate.js: do not edit.`,
    cwd: path.join(root, 'schemas'),
    format: false,
    ignoreMinAndMaxItems: true,
    strictIndexSignatures: true
  })
  const target = path.join(out, name.replace(/\.schema\.json$/, '.ts'))
  // Leave an unchanged file alone, so watchers and `tsc` see nothing new.
  if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== code) {
    fs.writeFileSync(target, code)
  }
}
