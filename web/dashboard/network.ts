import type { Mission, Network } from './api';
import { h, scroller, table } from './dom';
import { MISSION_COLOURS, MISSION_KINDS, MISSION_LABELS } from './palette';
import { missionKind } from './tables';

/** The diplomatic network view: counts as the Global Diplomacy Index counts them, a legend, and the missions' table. */

export function renderNetworkCounts(container: HTMLElement, stateName: string, n: Network): void {
  container.replaceChildren(
    h(
      'dl',
      { class: 'gdi', id: 'gdi' },
      h('div', {}, h('dt', {}, 'Rank'), h('dd', { 'data-field': 'rank' }, n.total > 0 ? String(n.rank) : '–')),
      h('div', {}, h('dt', {}, 'Posts abroad'), h('dd', { 'data-field': 'total' }, String(n.total))),
      h('div', {}, h('dt', {}, 'Embassies'), h('dd', { 'data-field': 'embassies' }, String(n.embassies))),
      h('div', {}, h('dt', {}, 'Consulates'), h('dd', { 'data-field': 'consulates' }, String(n.consulates))),
      h('div', {}, h('dt', {}, 'Other posts'), h('dd', { 'data-field': 'otherPosts' }, String(n.otherPosts))),
      h('div', {}, h('dt', {}, 'Honorary consulates (not in the total)'), h('dd', { 'data-field': 'honoraryConsulates' }, String(n.honoraryConsulates))),
      h('div', {}, h('dt', {}, 'States with a post'), h('dd', {}, String(n.hostStates))),
    ),
    h('p', { class: 'apart' }, `${stateName}'s posts abroad, counted like the Lowy Institute's Global Diplomacy Index (embassies with high commissions and nunciatures; career consulates; other posts such as de facto embassies and liaison offices); rank among all states by posts abroad, ties sharing a rank. From the Wikidata missions data set: only missions its latest snapshot lists.`),
  );
}

export function renderMissionLegend(container: HTMLElement): void {
  const symbol: Record<string, string> = { embassy: '●', consulate: '■', other: '▲', honorary: '+' };
  container.replaceChildren(
    h('ul', { class: 'legend' }, ...MISSION_KINDS.map((k) => h('li', {}, h('span', { 'aria-hidden': 'true', style: `color:${MISSION_COLOURS[k]}` }, symbol[k]!), ` ${MISSION_LABELS[k]}`))),
  );
}

export function renderMissionTable(container: HTMLElement, caption: string, missions: Mission[], direction: 'abroad' | 'in'): void {
  const rows = missions.map((m) => [
    direction === 'abroad' ? `${m.city?.name ?? 'city not given'}${m.host ? `, ${m.host.name}` : ''}` : m.sender.name,
    MISSION_LABELS[missionKind(m.type)].replace(/ \(.*\)/, ''),
    m.typeLabel,
    direction === 'abroad' ? m.sender.name : (m.city?.name ?? 'city not given'),
    h('a', { href: m.wikidata, rel: 'noopener', target: '_blank' }, m.id),
  ]);
  const head = direction === 'abroad' ? ['Where', 'Kind', 'Type', 'Sender', 'Source (Wikidata)'] : ['Sender', 'Kind', 'Type', 'City', 'Source (Wikidata)'];
  container.replaceChildren(scroller(caption, table(caption, head, rows)));
}
