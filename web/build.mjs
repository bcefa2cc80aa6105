// Bundles the browser pages in web/ into dist/web with esbuild: everything they need comes from npm, nothing from a CDN.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(root, '..', 'dist', 'web');
const require = createRequire(import.meta.url);

await mkdir(out, { recursive: true });
await build({
  entryPoints: { playground: path.join(root, 'playground', 'main.tsx'), dashboard: path.join(root, 'dashboard', 'main.ts') },
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'esm',
  target: 'es2020',
  outdir: out,
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  // the dashboard imports csv-stringify's Node build (what its unit tests run); browsers get the package's own browser build
  alias: { 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' },
  logLevel: 'warning',
});
await copyFile(require.resolve('graphiql/graphiql.min.css'), path.join(out, 'graphiql.css'));
