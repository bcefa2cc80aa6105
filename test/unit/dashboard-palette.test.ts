import { closestPair, palettes, type Vision } from '../../web/dashboard/palette';

/**
 * Colours that stay apart for colour-blind readers: every pair of colours shown together differs by
 * at least MIN_DIFFERENCE (CIEDE2000) with normal vision and as simulated for full protanopia,
 * deuteranopia and tritanopia (culori, after Machado et al. 2009). 10 is our bar: well above the
 * 2-3 units of a just-noticeable difference, so that map areas read as different at a glance.
 */
const MIN_DIFFERENCE = 10;
const VISIONS: Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];

describe("the dashboard's palette", () => {
  for (const [name, colours] of Object.entries(palettes())) {
    it.each(VISIONS)(`keeps the ${name}'s colours apart with %s`, (vision) => {
      const closest = closestPair(colours, vision);
      expect({ ...closest, difference: Math.round(closest.difference * 10) / 10 }).toEqual({ a: closest.a, b: closest.b, difference: expect.any(Number) });
      expect(closest.difference).toBeGreaterThanOrEqual(MIN_DIFFERENCE);
    });
  }

  it('would catch a red and a green that a deuteranope cannot tell apart', () => {
    const colours = ['#CC6633', '#7A9A3A']; // a brick red and an olive green
    expect(closestPair(colours, 'normal').difference).toBeGreaterThan(MIN_DIFFERENCE);
    expect(closestPair(colours, 'deuteranopia').difference).toBeLessThan(MIN_DIFFERENCE);
  });
});
