import cytoscape from 'cytoscape';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';

/**
 * The dashboard: a world map coloured by each state's recognition status of a chosen state on a
 * date (slider), a recognition timeline, and the graph of one agreement. It uses only the public
 * GraphQL API; every element shows its sources on hover or click.
 */

interface SourceRef {
  publisher: string;
  title: string;
  date: string | null;
  url: string | null;
}
interface Standing {
  status: 'RECOGNIZES' | 'DOES_NOT_RECOGNIZE' | 'WITHDRAWAL_CLAIMED' | 'UNKNOWN';
  country: { code: string; name: string; isoNumeric: string | null };
  recognition: { since: string | null; sources: SourceRef[] } | null;
  refusal: { sources: SourceRef[] } | null;
  withdrawalClaim: { since: string | null; sources: SourceRef[] } | null;
}

const COLOURS: Record<Standing['status'], string> = {
  RECOGNIZES: '#2e7d32',
  WITHDRAWAL_CLAIMED: '#f9a825',
  DOES_NOT_RECOGNIZE: '#c62828',
  UNKNOWN: '#9e9e9e',
};
const LABELS: Record<Standing['status'], string> = {
  RECOGNIZES: 'recognizes',
  WITHDRAWAL_CLAIMED: 'withdrawal claimed (contested)',
  DOES_NOT_RECOGNIZE: 'does not recognize',
  UNKNOWN: 'unknown',
};

async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

function sourceList(sources: SourceRef[]): string {
  return sources.map((s) => `• ${s.publisher}${s.date ? ` (${s.date})` : ''}: ${s.title}`).join('\n') || '• no source';
}

const $ = <E extends HTMLElement>(id: string) => document.getElementById(id) as E;
const state = { of: (new URLSearchParams(location.search).get('of') ?? 'XK').toUpperCase(), year: new Date().getUTCFullYear() };

// ---- map ---------------------------------------------------------------------------------------
const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const shapes = (feature(topology, topology.objects.countries) as unknown as { features: Feature<Geometry, { name: string }>[] }).features;
const projection = geoNaturalEarth1().fitSize([960, 480], { type: 'FeatureCollection', features: shapes });
const path = geoPath(projection);

function drawMap(standings: Standing[]): void {
  const byNumeric = new Map(standings.filter((s) => s.country.isoNumeric).map((s) => [String(Number(s.country.isoNumeric)), s]));
  const byName = new Map(standings.map((s) => [s.country.name, s]));
  const svg = $('map') as unknown as SVGSVGElement;
  svg.innerHTML = '';
  let coloured = 0;
  for (const shape of shapes) {
    const standing = (shape.id !== undefined && byNumeric.get(String(Number(shape.id)))) || byName.get(shape.properties.name);
    const el = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    el.setAttribute('d', path(shape) ?? '');
    el.setAttribute('fill', standing ? COLOURS[standing.status] : '#eeeeee');
    el.setAttribute('stroke', '#ffffff');
    el.setAttribute('stroke-width', '0.5');
    if (standing) {
      el.dataset.status = standing.status;
      if (standing.status === 'RECOGNIZES' || standing.status === 'WITHDRAWAL_CLAIMED') coloured++;
      const evidence = [...(standing.recognition?.sources ?? []), ...(standing.refusal?.sources ?? []), ...(standing.withdrawalClaim?.sources ?? [])];
      const since = standing.recognition?.since ? ` since ${standing.recognition.since}` : '';
      const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
      title.textContent = `${standing.country.name}: ${LABELS[standing.status]}${since}\n${sourceList(evidence)}`;
      el.appendChild(title);
      el.addEventListener('click', () => ($('details').textContent = title.textContent));
    }
    svg.appendChild(el);
  }
  svg.dataset.recognizing = String(coloured);
}

async function loadStatuses(): Promise<void> {
  const thisYear = new Date().getUTCFullYear();
  const asOf = state.year >= thisYear ? null : `${state.year}-12-31`;
  $('as-of').textContent = asOf ?? 'today';
  const data = await graphql<{ recognitionStatuses: { counts: Record<string, number>; items: Standing[] } }>(
    `query Standings($of: ID!, $asOf: Date) { recognitionStatuses(of: $of, asOf: $asOf, first: 300) {
      counts { recognizes doesNotRecognize withdrawalClaimed unknown withdrawn inferred }
      items { status country { code name isoNumeric }
        recognition { since sources { publisher title date } }
        refusal { sources { publisher title date } }
        withdrawalClaim { since sources { publisher title date } } } } }`,
    { of: state.of, asOf },
  );
  drawMap(data.recognitionStatuses.items);
  const c = data.recognitionStatuses.counts;
  $('legend').innerHTML =
    (Object.keys(COLOURS) as Standing['status'][])
      .map((s) => {
        const n = { RECOGNIZES: c.recognizes, DOES_NOT_RECOGNIZE: c.doesNotRecognize, WITHDRAWAL_CLAIMED: c.withdrawalClaimed, UNKNOWN: c.unknown }[s];
        return `<span><i style="background:${COLOURS[s]}"></i>${LABELS[s]}: <b>${n}</b></span>`;
      })
      .join('') + `<span>(of those not recognizing, withdrawn: <b>${c.withdrawn}</b>; resting on indirect evidence: <b>${c.inferred}</b>)</span>`;
}

// ---- timeline ----------------------------------------------------------------------------------
async function drawTimeline(): Promise<void> {
  const { recognitionTimeline } = await graphql<{ recognitionTimeline: { undated: number; years: { year: number; recognitions: number; cumulative: number; withdrawals: number }[] } }>(
    'query Timeline($of: ID!) { recognitionTimeline(of: $of) { undated years { year recognitions cumulative withdrawals } } }',
    { of: state.of },
  );
  const years = recognitionTimeline.years;
  // the slider starts where this entity's recognitions do (Kosovo 2008, Palestine 1988...)
  const slider = $<HTMLInputElement>('year');
  slider.min = String(years[0]?.year ?? 1945);
  // recognitions holding at each year's end: those made so far, less those withdrawn so far (Taiwan's switches)
  let withdrawn = 0;
  const holding = years.map((y) => (withdrawn += y.withdrawals, y.cumulative - withdrawn));
  const max = Math.max(1, ...years.map((y) => y.cumulative));
  const width = 960;
  const height = 200;
  const step = width / Math.max(1, years.length);
  // a label every few years when there are many (Taiwan's span decades)
  const every = Math.max(1, Math.ceil(years.length / 24));
  const svg = $('timeline') as unknown as SVGSVGElement;
  svg.innerHTML = years
    .map((y, i) => {
      const h = (holding[i]! / max) * (height - 30);
      const n = (y.recognitions / max) * (height - 30);
      const w = (y.withdrawals / max) * (height - 30);
      return `<g><title>${y.year}: ${y.recognitions} recognitions, ${y.withdrawals} withdrawn, ${holding[i]} holding at the year's end (Source: the recognition data and articles behind each state's fact)</title>
        <rect x="${i * step + 4}" y="${height - 20 - h}" width="${step - 8}" height="${h}" fill="#90caf9"></rect>
        <rect x="${i * step + 4}" y="${height - 20 - n}" width="${step - 8}" height="${n}" fill="#1565c0"></rect>
        ${y.withdrawals ? `<rect x="${i * step + step / 2}" y="${height - 20 - w}" width="${Math.max(1, step / 2 - 4)}" height="${w}" fill="#c62828"></rect>` : ''}
        ${i % every === 0 ? `<text x="${i * step + step / 2}" y="${height - 5}" font-size="10" text-anchor="middle">${y.year}</text>` : ''}</g>`;
    })
    .join('');
  $('timeline-note').textContent = `${recognitionTimeline.undated} recognition(s) without a known date are not shown.`;
}

// ---- agreement graph ---------------------------------------------------------------------------
interface AgreementView {
  id: string;
  title: string;
  date: string | null;
  parties: { __typename: string; id: string; name: string }[];
  signatories: { person: { id: string; name: string }; sources: SourceRef[] }[];
  mediators: { role: string | null; actor: { __typename: string; id: string; name: string }; sources: SourceRef[] }[];
  sources: SourceRef[];
}

async function drawAgreements(): Promise<void> {
  const { agreements } = await graphql<{ agreements: AgreementView[] }>(
    `query Agreements($party: ID) { agreements(party: $party, first: 40) { id title date
      parties { __typename id name }
      signatories { person { id name } sources { publisher title date } }
      mediators { role actor { __typename id name } sources { publisher title date } }
      sources { publisher title date } } }`,
    { party: state.of },
  );
  const select = $<HTMLSelectElement>('agreement');
  select.innerHTML = agreements.map((a) => `<option value="${a.id}">${a.title}${a.date ? ` (${a.date})` : ''}</option>`).join('');
  if (agreements.length === 0) {
    // no agreement of this entity in the graph: say so rather than keep the last entity's graph
    select.innerHTML = '<option>No agreement recorded</option>';
    $('graph').innerHTML = '';
    $('graph').dataset.nodes = '0';
    return;
  }
  const show = () => {
    const a = agreements.find((x) => x.id === select.value);
    if (!a) return;
    const nodes = new Map<string, cytoscape.ElementDefinition>();
    const edges: cytoscape.ElementDefinition[] = [];
    const node = (id: string, label: string, kind: string, sources: SourceRef[]) =>
      nodes.set(id, { data: { id, label, kind, sources: sourceList(sources) } });
    node(a.id, a.title, 'agreement', a.sources);
    a.parties.forEach((p) => {
      node(p.id, p.name, p.__typename, a.sources);
      edges.push({ data: { id: `party-${p.id}`, source: p.id, target: a.id, label: 'PARTY_TO', sources: sourceList(a.sources) } });
    });
    a.signatories.forEach((s) => {
      node(s.person.id, s.person.name, 'Person', s.sources);
      edges.push({ data: { id: `signed-${s.person.id}`, source: s.person.id, target: a.id, label: 'SIGNED', sources: sourceList(s.sources) } });
    });
    a.mediators.forEach((m) => {
      node(m.actor.id, m.actor.name, m.actor.__typename, m.sources);
      edges.push({ data: { id: `mediates-${m.actor.id}`, source: m.actor.id, target: a.id, label: 'MEDIATES', sources: sourceList(m.sources) } });
    });
    const cy = cytoscape({
      container: $('graph'),
      elements: [...nodes.values(), ...edges],
      layout: { name: 'concentric', concentric: (n: cytoscape.NodeSingular) => (n.data('kind') === 'agreement' ? 2 : 1), minNodeSpacing: 90 },
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'background-color': '#546e7a', 'text-wrap': 'wrap', 'text-max-width': '120px' } },
        { selector: 'node[kind = "agreement"]', style: { 'background-color': '#6a1b9a', shape: 'round-rectangle', 'text-valign': 'bottom', 'text-margin-y': 6 } },
        { selector: 'node[kind = "Country"]', style: { 'background-color': '#1565c0' } },
        { selector: 'node[kind = "Person"]', style: { 'background-color': '#00897b' } },
        { selector: 'edge', style: { label: 'data(label)', 'font-size': 9, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 1.5 } },
      ],
    });
    cy.on('tap mouseover', 'node, edge', (event) => ($('details').textContent = `${event.target.data('label')}\n${event.target.data('sources')}`));
    $('graph').dataset.nodes = String(nodes.size);
  };
  select.onchange = show;
  show();
}

// ---- wiring ------------------------------------------------------------------------------------
/** The contested entities to pick from (the states with limited recognition, and Israel). */
async function loadEntities(): Promise<void> {
  const { contestedStates } = await graphql<{ contestedStates: { country: { code: string; name: string } }[] }>(
    '{ contestedStates { country { code name } } }',
  );
  const select = $<HTMLSelectElement>('entity');
  const entities = contestedStates.map((c) => c.country);
  if (!entities.some((e) => e.code === state.of)) entities.push({ code: state.of, name: state.of });
  select.innerHTML = entities
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((e) => `<option value="${e.code}">${e.name}</option>`)
    .join('');
  select.value = state.of;
}

/** Everything that follows the entity: map, legend, timeline, agreements. */
async function showEntity(): Promise<void> {
  $('of-label').textContent = $<HTMLSelectElement>('entity').selectedOptions[0]?.textContent ?? state.of;
  await Promise.all([loadStatuses(), drawTimeline(), drawAgreements()]);
  document.body.dataset.ready = 'true';
}

async function main(): Promise<void> {
  const slider = $<HTMLInputElement>('year');
  slider.max = String(new Date().getUTCFullYear());
  slider.value = slider.max;
  slider.oninput = () => {
    state.year = Number(slider.value);
    $('year-label').textContent = slider.value;
  };
  slider.onchange = () => void loadStatuses().then(() => (document.body.dataset.ready = 'true'));
  $('year-label').textContent = slider.value;
  await loadEntities();
  const select = $<HTMLSelectElement>('entity');
  select.onchange = () => {
    state.of = select.value;
    // the entity is in the address, so a link opens it and the back button returns to the last one
    history.pushState({ of: state.of }, '', `?of=${encodeURIComponent(state.of)}`);
    delete document.body.dataset.ready;
    void showEntity();
  };
  window.addEventListener('popstate', () => {
    state.of = (new URLSearchParams(location.search).get('of') ?? 'XK').toUpperCase();
    select.value = state.of;
    delete document.body.dataset.ready;
    void showEntity();
  });
  await showEntity();
}

main().catch((error: Error) => ($('details').textContent = `Could not load: ${error.message}`));
