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

export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>diplograph dashboard</title>
  <style>
    body { font: 14px system-ui, sans-serif; margin: 0 24px 24px; color: #212121; }
    h1 { font-size: 20px; } h2 { font-size: 16px; margin: 24px 0 8px; }
    .controls { display: flex; gap: 16px; align-items: center; }
    #legend span { margin-right: 16px; } #legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: middle; }
    svg { width: 100%; max-width: 960px; height: auto; display: block; }
    #graph { width: 960px; max-width: 100%; height: 420px; border: 1px solid #e0e0e0; }
    #details { white-space: pre-wrap; background: #fafafa; border: 1px solid #e0e0e0; padding: 8px; min-height: 3em; max-width: 944px; }
  </style>
</head>
<body>
  <h1>Recognition of <span id="of-label"></span> — as of <span id="as-of"></span></h1>
  <div class="controls">
    <label for="entity">Recognition of</label><select id="entity"></select>
    <label for="year">Year</label><input id="year" type="range" min="2008" step="1" /><b id="year-label"></b>
    <span id="legend"></span>
  </div>
  <svg id="map" viewBox="0 0 960 480" role="img" aria-label="World map by recognition status"></svg>
  <h2>Sources of what you point at</h2>
  <div id="details">Hover over or click a state, a bar or a node to see its sources.</div>
  <h2>Recognitions per year (dark), withdrawals (red), recognitions holding at the year's end (light)</h2>
  <svg id="timeline" viewBox="0 0 960 200" role="img" aria-label="Recognition timeline"></svg>
  <p id="timeline-note"></p>
  <h2>An agreement: parties, signatories, mediators</h2>
  <select id="agreement"></select>
  <div id="graph"></div>
  <script type="module" src="/playground/dashboard.js"></script>
</body>
</html>
`;
