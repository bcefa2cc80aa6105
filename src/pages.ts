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
  <link rel="icon" href="data:," />
  <style>
    *, *::before, *::after { box-sizing: border-box; }
    body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; padding: 0 16px 32px; max-width: 1000px; color: #212121; background: #ffffff; }
    h1 { font-size: 20px; margin: 12px 0; } h2 { font-size: 17px; margin: 20px 0 8px; } h3 { font-size: 15px; margin: 14px 0 6px; }
    a { color: #0b4f9c; }
    .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #ffffff; padding: 4px; z-index: 2; }
    .controls { display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: end; margin: 0; padding: 0; border: 0; }
    .controls > div { display: flex; flex-direction: column; gap: 2px; min-width: 0; }
    .controls label { font-weight: 600; font-size: 13px; }
    select, input, button { font: inherit; color: #212121; }
    select { max-width: 260px; padding: 4px; }
    .year { display: flex; gap: 8px; align-items: center; } #year { width: 180px; }
    :focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
    [role="tablist"] { display: flex; flex-wrap: wrap; gap: 4px; border-bottom: 2px solid #004488; margin: 16px 0 0; }
    [role="tab"] { border: 1px solid #888888; border-bottom: 0; background: #f4f4f4; padding: 6px 12px; border-radius: 4px 4px 0 0; cursor: pointer; }
    [role="tab"][aria-selected="true"] { background: #004488; color: #ffffff; border-color: #004488; }
    ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; margin: 8px 0; }
    .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 5px; vertical-align: -1px; border: 1px solid #666666; }
    .apart, .note { color: #424242; font-size: 13px; }
    svg { width: 100%; height: auto; display: block; }
    svg .clickable { cursor: pointer; }
    .scroll { overflow-x: auto; max-width: 100%; max-height: 420px; overflow-y: auto; }
    table { border-collapse: collapse; font-size: 13px; width: 100%; }
    caption { text-align: left; font-weight: 600; padding: 4px 0; }
    th, td { border-bottom: 1px solid #dddddd; padding: 3px 6px; text-align: left; vertical-align: top; }
    button.link { background: none; border: 0; padding: 0; color: #0b4f9c; text-decoration: underline; cursor: pointer; text-align: left; }
    button.link[aria-pressed="true"] { font-weight: 700; }
    .exports { margin: 8px 0; } .exports button { margin-left: 4px; }
    details { margin: 8px 0; } summary { cursor: pointer; color: #0b4f9c; }
    dl.gdi { display: flex; flex-wrap: wrap; gap: 8px 20px; margin: 8px 0; } dl.gdi div { min-width: 90px; } dl.gdi dt { font-size: 12px; color: #424242; } dl.gdi dd { margin: 0; font-size: 20px; font-weight: 700; }
    fieldset { border: 1px solid #cccccc; } 
    #graph { width: 100%; height: 420px; border: 1px solid #e0e0e0; }
    #details { white-space: pre-wrap; background: #fafafa; border: 1px solid #e0e0e0; padding: 8px; min-height: 3em; }
    ul.sources { margin: 2px 0 6px; padding-left: 18px; font-size: 13px; overflow-wrap: anywhere; }
    #state-panel, #cite-section { border-top: 2px solid #004488; margin-top: 24px; }
    #cite { background: #fafafa; border: 1px solid #e0e0e0; padding: 8px; font-size: 13px; overflow-wrap: anywhere; }
    @media (max-width: 480px) { body { padding: 0 10px 24px; } select { max-width: 100%; } .controls > div { width: 100%; } #year { width: 100%; } #graph { height: 320px; } }
  </style>
</head>
<body>
  <a class="skip" href="#main">Skip to the views</a>
  <header>
    <h1>diplograph: who recognizes whom, and who is where</h1>
    <form class="controls" id="controls" aria-label="What the dashboard shows" onsubmit="return false">
      <div><label for="entity">Recognition of</label><select id="entity"></select></div>
      <div><label for="year">Year</label><span class="year"><input id="year" type="range" step="1" min="1945" /><output id="year-label" for="year"></output></span></div>
      <div><label for="date">Date</label><input id="date" type="date" min="1900-01-01" /></div>
      <div><label for="state">Selected state</label><select id="state"></select></div>
    </form>
  </header>
  <main id="main">
    <div role="tablist" aria-label="Views">
      <button type="button" role="tab" id="tab-recognition" aria-controls="panel-recognition">Recognition</button>
      <button type="button" role="tab" id="tab-network" aria-controls="panel-network">Diplomatic network</button>
      <button type="button" role="tab" id="tab-agreements" aria-controls="panel-agreements">Agreements</button>
    </div>
    <section role="tabpanel" id="panel-recognition" aria-labelledby="tab-recognition">
      <h2 id="title">Recognition of <span id="of-label"></span> on <span id="as-of"></span></h2>
      <div id="legend"></div>
      <svg id="map" viewBox="0 0 960 480" role="img" aria-label="World map by recognition status"></svg>
      <p class="note">Click a state, or pick it in the table or in "Selected state", for its standing, evidence and history. Abkhazia and South Ossetia have no shape of their own on this map: they are in the table.</p>
      <div class="exports" id="export-recognition"></div>
      <details><summary>Table of the map: every state, its standing and its sources</summary><div id="map-table"></div></details>
      <h2>Recognitions per year</h2>
      <p class="note">Dark: recognitions made that year; light: states recognizing at the year's end; red: recognitions ended that year; dashed line: the year shown.</p>
      <svg id="timeline" viewBox="0 0 960 200" role="img" aria-label="Recognition timeline; the timeline table below holds the same figures"></svg>
      <p id="timeline-note" class="note"></p>
      <div class="exports" id="export-timeline"></div>
      <details><summary>Timeline table</summary><div id="timeline-table"></div></details>
    </section>
    <section role="tabpanel" id="panel-network" aria-labelledby="tab-network" hidden>
      <h2>Diplomatic network of <span id="network-of"></span></h2>
      <div id="gdi-wrap"></div>
      <fieldset><legend>Show on the map</legend>
        <label><input type="radio" name="direction" value="abroad" checked /> its missions abroad</label>
        <label><input type="radio" name="direction" value="in" /> other states' missions in it</label>
      </fieldset>
      <div id="mission-legend"></div>
      <svg id="network-map" viewBox="0 0 960 480" role="img" aria-label="Map of missions"></svg>
      <p id="network-note" class="note"></p>
      <div class="exports" id="export-network"></div>
      <details><summary>Table of the missions, each with its Wikidata item</summary><div id="mission-table"></div></details>
    </section>
    <section role="tabpanel" id="panel-agreements" aria-labelledby="tab-agreements" hidden>
      <h2>An agreement: parties, signatories, mediators</h2>
      <label for="agreement">Agreement</label> <select id="agreement"></select>
      <div id="graph" role="img" aria-label="Graph of the agreement's parties, signatories and mediators; the agreements table (download) lists them"></div>
      <div id="details" aria-live="polite">Hover over or tap a node or an edge to see its sources.</div>
      <div class="exports" id="export-agreements"></div>
    </section>
    <section id="state-panel" aria-labelledby="state-title">
      <h2 id="state-title"></h2>
      <div id="state-standing"></div>
      <h3>Leaders over time</h3>
      <div id="leaders"></div>
      <div class="exports" id="export-leaders"></div>
    </section>
    <section id="cite-section" aria-labelledby="cite-title">
      <h2 id="cite-title">Cite this view</h2>
      <p id="cite"></p>
      <button type="button" id="copy-cite">Copy the citation</button>
    </section>
    <p id="status" role="status" aria-live="polite"></p>
  </main>
  <script type="module" src="/playground/dashboard.js"></script>
</body>
</html>
`;
