// Bundles the GraphiQL IDE into dist/ (ignored by git), which the API embeds and serves under /graphql/ide/:
// ide.js and ide.css (GraphiQL, React, Monaco), Monaco's three workers as files of their own (a worker
// runs a script by URL, and the CSP allows only this origin), the page itself and the licences.
// Usage: node build.mjs (the API's build runs it; see GraphiQL targets in src/Api/Api.csproj).
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.join(here, 'dist');
const started = performance.now();

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

const result = await esbuild.build({
  absWorkingDir: here,
  entryPoints: {
    ide: './ide.jsx',
    'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
  },
  outdir,
  bundle: true,
  // Classic scripts: the page loads ide.js with <script defer> and each worker with new Worker(url).
  format: 'iife',
  minify: true,
  target: 'es2022',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.ttf': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl' },
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
});

for (const file of ['index.html', 'page.css']) {
  await copyFile(path.join(here, file), path.join(outdir, file));
}

// The API embeds and serves the gzipped copies (a quarter of the size); it unzips one for a client that
// does not take gzip.
let bytes = 0;
let zipped = 0;
for (const file of await readdir(outdir)) {
  const content = await readFile(path.join(outdir, file));
  const gzip = gzipSync(content, { level: 9 });
  await writeFile(path.join(outdir, `${file}.gz`), gzip);
  bytes += content.length;
  zipped += gzip.length;
}

const mebibytes = (count) => (count / 1048576).toFixed(1);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`GraphiQL bundled into ${outdir} in ${seconds} s: ${mebibytes(bytes)} MiB, ${mebibytes(zipped)} MiB gzipped.`);
