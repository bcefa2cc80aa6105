import cytoscape from 'cytoscape';
import type { Agreement } from './api';
import { h } from './dom';
import { sourceText } from './export';

/** One agreement of the entity as a graph: parties, signatories and mediators (cytoscape.js); the table beside it says the same. */
export function renderAgreement(select: HTMLSelectElement, graph: HTMLElement, details: HTMLElement, agreements: Agreement[]): void {
  select.replaceChildren(...agreements.map((a) => h('option', { value: a.id }, `${a.title}${a.date ? ` (${a.date})` : ''}`)));
  if (agreements.length === 0) {
    select.replaceChildren(h('option', {}, 'No agreement recorded'));
    graph.replaceChildren();
    graph.dataset.nodes = '0';
    return;
  }
  const show = () => {
    const a = agreements.find((x) => x.id === select.value) ?? agreements[0]!;
    const nodes = new Map<string, cytoscape.ElementDefinition>();
    const edges: cytoscape.ElementDefinition[] = [];
    const list = (sources: Agreement['sources']) => sources.map(sourceText).join('\n') || 'no source';
    const node = (id: string, label: string, kind: string, sources: Agreement['sources']) => nodes.set(id, { data: { id, label, kind, sources: list(sources) } });
    node(a.id, a.title, 'agreement', a.sources);
    for (const p of a.parties) {
      node(p.id, p.name, p.__typename, a.sources);
      edges.push({ data: { id: `party-${p.id}`, source: p.id, target: a.id, label: 'party to', sources: list(a.sources) } });
    }
    for (const sg of a.signatories) {
      node(sg.person.id, sg.person.name, 'Person', sg.sources);
      edges.push({ data: { id: `signed-${sg.person.id}`, source: sg.person.id, target: a.id, label: 'signed', sources: list(sg.sources) } });
    }
    for (const m of a.mediators) {
      node(m.actor.id, m.actor.name, m.actor.__typename, m.sources);
      edges.push({ data: { id: `mediates-${m.actor.id}`, source: m.actor.id, target: a.id, label: 'mediates', sources: list(m.sources) } });
    }
    const cy = cytoscape({
      container: graph,
      elements: [...nodes.values(), ...edges],
      layout: { name: 'concentric', concentric: (n: cytoscape.NodeSingular) => (n.data('kind') === 'agreement' ? 2 : 1), minNodeSpacing: 70 },
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'background-color': '#666666', 'text-wrap': 'wrap', 'text-max-width': '120px' } },
        { selector: 'node[kind = "agreement"]', style: { 'background-color': '#BB5566', shape: 'round-rectangle', 'text-valign': 'bottom', 'text-margin-y': 6 } },
        { selector: 'node[kind = "Country"]', style: { 'background-color': '#004488' } },
        { selector: 'node[kind = "Person"]', style: { 'background-color': '#DDAA33' } },
        { selector: 'edge', style: { label: 'data(label)', 'font-size': 9, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 1.5 } },
      ],
    });
    cy.on('tap mouseover', 'node, edge', (event) => (details.textContent = `${event.target.data('label')}\n${event.target.data('sources')}`));
    graph.dataset.nodes = String(nodes.size);
  };
  select.onchange = show;
  show();
}
