/**
 * The view in the address: `?of=XK&date=2009-12-31&sel=RS&tab=network&missions=in`. A link opens exactly that
 * view; every change the reader makes pushes a new address, so the back button returns to the last
 * view. Anything malformed falls back to the default rather than failing the page.
 */

export const TABS = ['recognition', 'network', 'agreements'] as const;
export type Tab = (typeof TABS)[number];

export interface ViewState {
  /** The contested entity whose recognition the map shows (ISO alpha-2; Kosovo is XK). */
  of: string;
  /** The day the map shows (YYYY-MM-DD); null for today. */
  date: string | null;
  /** The selected state (its standing, history, leaders and network); null for none. */
  sel: string | null;
  tab: Tab;
  /** On the network tab: the state's missions abroad, or other states' missions in it. */
  missions: 'abroad' | 'in';
}

export const DEFAULT_VIEW: ViewState = { of: 'XK', date: null, sel: null, tab: 'recognition', missions: 'abroad' };

const CODE = /^[A-Z]{2}$/;

/** A real calendar day, YYYY-MM-DD (2021-02-30 is not one). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function code(value: string | null): string | null {
  const upper = value?.trim().toUpperCase() ?? '';
  return CODE.test(upper) ? upper : null;
}

export function parseView(search: string): ViewState {
  const params = new URLSearchParams(search);
  const date = params.get('date');
  const tab = params.get('tab');
  return {
    of: code(params.get('of')) ?? DEFAULT_VIEW.of,
    date: date && isDay(date) ? date : null,
    sel: code(params.get('sel')),
    tab: (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : DEFAULT_VIEW.tab,
    missions: params.get('missions') === 'in' ? 'in' : 'abroad',
  };
}

/** The query string of a view: `of` always, the others only when they differ from the default. */
export function serializeView(view: ViewState): string {
  const params = new URLSearchParams({ of: view.of });
  if (view.date) params.set('date', view.date);
  if (view.sel) params.set('sel', view.sel);
  if (view.tab !== DEFAULT_VIEW.tab) params.set('tab', view.tab);
  if (view.missions !== DEFAULT_VIEW.missions) params.set('missions', view.missions);
  return `?${params.toString()}`;
}

export function sameView(a: ViewState, b: ViewState): boolean {
  return a.of === b.of && a.date === b.date && a.sel === b.sel && a.tab === b.tab && a.missions === b.missions;
}
