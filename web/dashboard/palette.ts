import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, filterDeficiencyTrit, parse, type Color } from 'culori';
import type { Status } from './status';

/**
 * The dashboard's colours. Statuses use Paul Tol's "high contrast" scheme (blue, yellow, red) with
 * two greys; mission kinds use the same hues with black, and differ by shape too. palettes() lists
 * every set of colours that must stay apart; test/unit/dashboard-palette.test.ts simulates
 * protanopia, deuteranopia and tritanopia (culori's filters, after Machado et al. 2009) and
 * asserts a minimum CIEDE2000 difference between every pair in each set.
 */

export const STATUS_COLOURS: Record<Status, string> = {
  RECOGNIZES: '#004488',
  WITHDRAWAL_CLAIMED: '#DDAA33',
  DOES_NOT_RECOGNIZE: '#BB5566',
  UNKNOWN: '#999999',
};

export const STATUS_LABELS: Record<Status, string> = {
  RECOGNIZES: 'recognizes',
  WITHDRAWAL_CLAIMED: 'withdrawal claimed (contested)',
  DOES_NOT_RECOGNIZE: 'does not recognize',
  UNKNOWN: 'unknown (no evidence either way)',
};

/** Shapes with no state of the graph behind them (Antarctica, territories). */
export const NO_DATA = '#EEEEEE';
/** The entity itself, on its own map. */
export const ENTITY = '#222222';

export type MissionKind = 'embassy' | 'consulate' | 'other' | 'honorary';
export const MISSION_KINDS: MissionKind[] = ['embassy', 'consulate', 'other', 'honorary'];
export const MISSION_COLOURS: Record<MissionKind, string> = { embassy: '#004488', consulate: '#DDAA33', other: '#BB5566', honorary: '#000000' };
export const MISSION_LABELS: Record<MissionKind, string> = {
  embassy: 'embassies (incl. high commissions, nunciatures)',
  consulate: 'consulates',
  other: 'other posts',
  honorary: 'honorary consulates',
};
/** The land under the mission points, and the state whose network it is. */
export const LAND = '#EEEEEE';
export const FOCUS_LAND = '#BBBBBB';

/** The sets of colours a reader must tell apart, each as it appears together on one map. */
export function palettes(): Record<string, string[]> {
  return {
    'recognition map': [...Object.values(STATUS_COLOURS), NO_DATA, ENTITY],
    'network map': [...Object.values(MISSION_COLOURS), LAND, FOCUS_LAND],
  };
}

export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';
const SIMULATE: Record<Vision, (c: Color) => Color> = {
  normal: (c) => c,
  protanopia: filterDeficiencyProt(1),
  deuteranopia: filterDeficiencyDeuter(1),
  tritanopia: filterDeficiencyTrit(1),
};

/** The closest pair of a set of colours as a reader with that vision sees them (CIEDE2000). */
export function closestPair(colours: string[], vision: Vision): { a: string; b: string; difference: number } {
  const difference = differenceCiede2000();
  const seen = colours.map((c) => {
    const parsed = parse(c);
    if (!parsed) throw new Error(`not a colour: ${c}`);
    return SIMULATE[vision](parsed);
  });
  let best = { a: '', b: '', difference: Infinity };
  for (let i = 0; i < colours.length; i++) {
    for (let j = i + 1; j < colours.length; j++) {
      const d = difference(seen[i]!, seen[j]!);
      if (d < best.difference) best = { a: colours[i]!, b: colours[j]!, difference: d };
    }
  }
  return best;
}
