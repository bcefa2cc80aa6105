import type { Term } from './api';
import { h, s } from './dom';

/**
 * The leaders strip: one row per role (head of state, head of government), a bar per term from its
 * start to its end (or today), the view's date as a line; and who held each role on that date.
 */

const ROLES = [
  { key: 'head of state', label: 'Head of state' },
  { key: 'head of government', label: 'Head of government' },
];

function roleOf(term: Term): string {
  return /government|prime minister|premier|chancellor/i.test(term.role) ? 'head of government' : 'head of state';
}

/** Who held each role on `day` (a term without a known start never counts for a date, as in the API). */
export function onDay(terms: Term[], day: string): Record<string, Term[]> {
  const out: Record<string, Term[]> = { 'head of state': [], 'head of government': [] };
  for (const t of terms) if (t.since && t.since <= day && (t.until === null || t.until > day)) out[roleOf(t)]!.push(t);
  return out;
}

export function drawLeaders(container: HTMLElement, stateName: string, terms: Term[], day: string, today: string): void {
  container.replaceChildren();
  const dated = terms.filter((t) => t.since);
  if (dated.length === 0) {
    container.append(h('p', {}, `No head of state or government of ${stateName} is on record in the leaders data.`));
    return;
  }
  const first = Math.min(...dated.map((t) => Number(t.since!.slice(0, 4))));
  const last = Number(today.slice(0, 4)) + 1;
  const width = 960;
  const rowHeight = 34;
  const x = (d: string) => ((Number(d.slice(0, 4)) + (Number(d.slice(5, 7)) - 1) / 12 - first) / (last - first)) * (width - 150) + 150;
  const svg = s('svg', { viewBox: `0 0 ${width} ${rowHeight * 2 + 24}`, role: 'img', 'aria-label': `Heads of state and of government of ${stateName} from ${first}; the list below says the same` }) as SVGSVGElement;
  ROLES.forEach((role, i) => {
    const y = i * rowHeight + 4;
    svg.append(s('text', { x: 0, y: y + 20, 'font-size': 13, fill: '#212121' }, role.label));
    for (const t of dated.filter((d) => roleOf(d) === role.key)) {
      const x0 = x(t.since!);
      const x1 = x(t.until ?? today);
      const bar = s('rect', { x: x0, y, width: Math.max(1.5, x1 - x0), height: rowHeight - 8, fill: i === 0 ? '#004488' : '#DDAA33', stroke: '#ffffff', 'stroke-width': 1 });
      bar.append(s('title', {}, `${t.person.name}, ${t.role}: ${t.since} – ${t.until ?? 'today'}${t.untilInferred ? ' (end inferred from the successor)' : ''}`));
      svg.append(bar);
      if (x1 - x0 > 7 * t.person.name.length) svg.append(s('text', { x: x0 + 3, y: y + 17, 'font-size': 11, fill: i === 0 ? '#ffffff' : '#000000' }, t.person.name));
    }
  });
  for (let year = Math.ceil(first / 10) * 10; year < last; year += 10) {
    svg.append(s('text', { x: x(`${year}-01-01`), y: rowHeight * 2 + 20, 'font-size': 11, 'text-anchor': 'middle', fill: '#333333' }, String(year)));
  }
  svg.append(s('line', { x1: x(day), x2: x(day), y1: 0, y2: rowHeight * 2, stroke: '#BB5566', 'stroke-width': 2 }));
  const held = onDay(terms, day);
  const names = (role: string) => held[role]!.map((t) => `${t.person.name} (${t.role})`).join(', ') || 'not on record';
  container.append(
    h('p', { id: 'leaders-on-day' }, `On ${day}: head of state ${names('head of state')}; head of government ${names('head of government')}.`),
    svg,
  );
}
