import { h, scroller, table } from './dom';
import { sourceText } from './export';
import { STATUS_COLOURS, STATUS_LABELS, ENTITY, NO_DATA } from './palette';
import { STATUSES, standingOn, type Counts, type FactRecord, type SourceRef, type Status } from './status';

/** The legend with counts, the map's table alternative, and a selected state's standing and history. */

const COUNT_OF: Record<Status, keyof Counts> = { RECOGNIZES: 'recognizes', WITHDRAWAL_CLAIMED: 'withdrawalClaimed', DOES_NOT_RECOGNIZE: 'doesNotRecognize', UNKNOWN: 'unknown' };

export function renderLegend(container: HTMLElement, counts: Counts, entityName: string): void {
  container.replaceChildren(
    h(
      'ul',
      { class: 'legend' },
      ...STATUSES.map((status) =>
        h('li', { 'data-status': status }, h('i', { class: 'swatch', style: `background:${STATUS_COLOURS[status]}`, 'aria-hidden': 'true' }), `${STATUS_LABELS[status]}: `, h('b', {}, String(counts[COUNT_OF[status]]))),
      ),
      h('li', {}, h('i', { class: 'swatch', style: `background:${ENTITY}`, 'aria-hidden': 'true' }), entityName),
      h('li', {}, h('i', { class: 'swatch', style: `background:${NO_DATA}`, 'aria-hidden': 'true' }), 'not a state in the graph'),
    ),
    h(
      'p',
      { class: 'apart' },
      'Counted apart: ',
      h('span', { id: 'count-inferred' }, `resting on indirect evidence (inferred): `, h('b', {}, String(counts.inferred))),
      '; ',
      h('span', { id: 'count-withdrawn' }, `no longer recognizing (withdrawn, frozen, suspended, switched): `, h('b', {}, String(counts.withdrawn))),
      '. Each is also within its status above.',
    ),
  );
}

function sourceItems(sources: SourceRef[]): HTMLElement {
  if (sources.length === 0) return h('span', {}, 'no source');
  return h('ul', { class: 'sources' }, ...sources.map((src) => h('li', {}, src.url ? h('a', { href: src.url, rel: 'noopener', target: '_blank' }, sourceText(src)) : sourceText(src))));
}

/** The map's data as a table: every state, its status on the day, since when, and its sources; each name selects the state. */
export function renderStatusTable(container: HTMLElement, records: FactRecord[], day: string, entityName: string, selected: string | null, onSelect: (code: string) => void): void {
  const rows = [...records]
    .sort((a, b) => a.country.name.localeCompare(b.country.name))
    .map((r) => {
      const st = standingOn(r, day);
      const button = h('button', { type: 'button', class: 'link', 'data-code': r.country.code, 'aria-pressed': r.country.code === selected ? 'true' : 'false' }, r.country.name);
      button.addEventListener('click', () => onSelect(r.country.code));
      const sources = [...(r.recognition?.sources ?? []), ...(r.refusal?.sources ?? []), ...(r.withdrawalClaim?.sources ?? [])];
      return [
        button,
        h('span', { 'data-status': st.status }, h('i', { class: 'swatch', style: `background:${STATUS_COLOURS[st.status]}`, 'aria-hidden': 'true' }), STATUS_LABELS[st.status] + (st.withdrawn ? ' (withdrawn)' : '') + (st.inferred ? ' (inferred)' : '')),
        r.recognition?.since ?? '',
        String(sources.length),
      ];
    });
  container.replaceChildren(scroller(`Table of the map: every state's standing on ${entityName}`, table(`Every state's standing on recognizing ${entityName} on ${day} (the map's data)`, ['State', 'Status', 'Recognized since', 'Sources'], rows)));
}

/** A state's standing on the day, the facts behind it with their sources, and its history towards the entity. */
export function renderStanding(container: HTMLElement, record: FactRecord | null, stateName: string, entityName: string, day: string): void {
  container.replaceChildren();
  if (!record) {
    container.append(h('p', {}, `${stateName}: no fact about recognizing ${entityName} is on record (unknown, not "no").`));
    return;
  }
  const st = standingOn(record, day);
  container.append(
    h('p', { id: 'standing' }, h('i', { class: 'swatch', style: `background:${STATUS_COLOURS[st.status]}`, 'aria-hidden': 'true' }), h('b', {}, `${stateName}: ${STATUS_LABELS[st.status]}`), ` ${entityName} on ${day}${st.withdrawn ? ', its recognition having ended' : ''}${st.inferred ? ' (inferred from indirect evidence)' : ''}.`),
  );
  // undated beginnings first, an end at an unknown date last
  const events: { date: string; key?: string; text: string; sources: SourceRef[]; note: string | null }[] = [];
  const r = record.recognition;
  if (r) {
    events.push({ date: r.since ?? 'date unknown', text: `recognized ${entityName}${r.inferred ? ' (inferred)' : ''}`, sources: r.sources, note: r.note });
    if (r.until) events.push({ date: r.until, text: `recognition ended (${(r.withdrawal ?? 'ended').toLowerCase()})`, sources: r.sources, note: null });
    else if (r.withdrawal) events.push({ date: 'date unknown', key: '9999', text: `recognition ended (${r.withdrawal.toLowerCase()}) at a date the sources do not give`, sources: r.sources, note: null });
  }
  const w = record.withdrawalClaim;
  if (w) events.push({ date: w.since ?? 'date unknown', text: `${w.claimedBy?.name ?? 'one side'} claims the recognition was withdrawn (contested)`, sources: w.sources, note: w.note });
  const n = record.refusal;
  if (n) events.push({ date: n.since ?? 'date unknown', text: `on record as not recognizing ${entityName}${n.inferred ? ' (inferred)' : ''}`, sources: n.sources, note: n.note });
  const key = (e: (typeof events)[number]) => e.key ?? (e.date === 'date unknown' ? '0000' : e.date);
  events.sort((a, b) => key(a).localeCompare(key(b)));
  container.append(
    h('h3', {}, 'History and evidence'),
    h(
      'ol',
      { id: 'history' },
      ...events.map((e) => h('li', {}, h('b', {}, e.date), `: ${e.text}.`, e.note ? h('span', { class: 'note' }, ` ${e.note}`) : null, sourceItems(e.sources))),
    ),
  );
}
