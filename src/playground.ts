import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './config';

/** Where `npm run build` puts the bundled browser pages (web/build.mjs). */
export const WEB_DIST = path.join(PROJECT_ROOT, 'dist', 'web');

export interface Example {
  title: string;
  query: string;
}

/** The README's example queries, each titled by the paragraph before it (first sentence): the playground's tabs. */
export function readmeExamples(readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8')): Example[] {
  const lines = readme.split('\n');
  const examples: Example[] = [];
  lines.forEach((line, i) => {
    if (line.trim() !== '```graphql') return;
    const end = lines.indexOf('```', i + 1);
    let j = i - 1;
    while (j >= 0 && lines[j]!.trim() === '') j--;
    const paragraph: string[] = [];
    while (j >= 0 && lines[j]!.trim() !== '' && !lines[j]!.startsWith('```')) paragraph.unshift(lines[j--]!.trim());
    const title = paragraph.join(' ').split(/(?<=[?.:])\s/)[0]!.replace(/[:.]$/, '').replace(/`/g, '');
    examples.push({ title: title.slice(0, 100), query: lines.slice(i + 1, end).join('\n').trim() });
  });
  return examples;
}

export const PLAYGROUND_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>diplograph playground</title>
  <link rel="stylesheet" href="/playground/graphiql.css" />
  <style>html, body, #playground { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="playground">Loading the playground…</div>
  <script type="module" src="/playground/playground.js"></script>
</body>
</html>
`;
