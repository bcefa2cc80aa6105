import { s } from './dom';
import { STATUS_COLOURS } from './palette';
import type { TimelineYear } from './status';

/**
 * Recognitions per year (bars), states recognizing at each year's end (the line of lighter bars
 * behind), withdrawals (red), and the year the map shows (a marker). Clicking a year moves the date.
 */
export function drawTimeline(svg: SVGSVGElement, years: TimelineYear[], viewYear: number, onYear: (year: number) => void): void {
  const width = 960;
  const height = 200;
  svg.replaceChildren();
  if (years.length === 0) return;
  const max = Math.max(1, ...years.map((y) => Math.max(y.holding, y.cumulative)));
  const step = width / years.length;
  const every = Math.max(1, Math.ceil(years.length / 24));
  const scale = (n: number) => (n / max) * (height - 30);
  years.forEach((y, i) => {
    const x = i * step;
    const g = s('g', { class: 'clickable', 'data-year': y.year });
    g.append(
      s('title', {}, `${y.year}: ${y.recognitions} recognition(s), ${y.withdrawals} ended, ${y.withdrawalClaims} withdrawal claim(s); ${y.holding} recognizing at the year's end. Sources: the table below.`),
      s('rect', { x, y: 0, width: step, height: height - 20, fill: y.year === viewYear ? '#f2f2f2' : 'transparent' }),
      s('rect', { x: x + 2, y: height - 20 - scale(y.holding), width: Math.max(1, step - 4), height: scale(y.holding), fill: '#99BBDD' }),
      s('rect', { x: x + 2, y: height - 20 - scale(y.recognitions), width: Math.max(1, step - 4), height: scale(y.recognitions), fill: STATUS_COLOURS.RECOGNIZES }),
    );
    if (y.withdrawals) g.append(s('rect', { x: x + step / 2, y: height - 20 - scale(y.withdrawals), width: Math.max(1, step / 2 - 2), height: scale(y.withdrawals), fill: STATUS_COLOURS.DOES_NOT_RECOGNIZE }));
    if (i % every === 0) g.append(s('text', { x: x + step / 2, y: height - 5, 'font-size': 11, 'text-anchor': 'middle', fill: '#333333' }, String(y.year)));
    g.addEventListener('click', () => onYear(y.year));
    svg.append(g);
  });
  const marker = years.findIndex((y) => y.year === viewYear);
  if (marker >= 0) svg.append(s('line', { x1: marker * step + step / 2, x2: marker * step + step / 2, y1: 0, y2: height - 20, stroke: '#000000', 'stroke-dasharray': '3 3' }));
}
