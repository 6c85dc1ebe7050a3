// Bundles src/editor.mjs (CodeMirror 6 and the grille mode) into one minified
// file served by `grille serve`, and writes the licences of every package it
// contains beside it. Run: cd tools/editor && npm ci && npm run build
import { build } from 'esbuild';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const out = '../../src/serve/page/editor.js';
const result = await build({
  entryPoints: ['src/editor.mjs'], bundle: true, minify: true, format: 'iife',
  target: 'es2020', outfile: out, metafile: true, legalComments: 'none',
  banner: { js: '/* CodeMirror 6 (MIT, see /editor.LICENSE.txt) and the grille mode; built by tools/editor. */' },
});

// The package folder of each bundled file: its LICENSE goes in the notice.
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = input.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (!match) continue;
  const dir = join('node_modules', match[1]);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  packages.set(match[1], { dir, version: pkg.version, license: pkg.license });
}
let notice = 'The workbench editor (src/serve/page/editor.js) bundles these packages:\n\n';
for (const [name, { dir, version, license }] of [...packages].sort()) {
  const file = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].map((f) => join(dir, f)).find(existsSync);
  notice += `== ${name} ${version} (${license}) ==\n\n`;
  notice += file ? readFileSync(file, 'utf8').trim() + '\n\n' : 'No licence file in the package.\n\n';
}
writeFileSync(join(dirname(out), 'editor.LICENSE.txt'), notice);
const bytes = readFileSync(out).length;
console.log(`${out}: ${bytes} bytes, ${packages.size} packages`);
