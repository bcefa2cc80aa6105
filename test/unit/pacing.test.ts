import DataLoader from 'dataloader';
import { batchSchedule, newWork, paced, type Work } from '../../src/limits/pacing';

type Resolve = (parent: unknown, args: unknown, ctx: { work: Work }, info: unknown) => unknown;

/** Busy for `ms`: a resolver whose answer takes CPU to build, as a big nested list does. */
function spin(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until);
}

/** DataLoader's own schedule: a batch per turn of the event loop. */
const dataLoaderDefault = (dispatch: () => void) => void Promise.resolve().then(() => process.nextTick(dispatch));

describe('pacing an expensive request', () => {
  const info = {} as never;
  const slow = paced({ Country: { name: (parent: { name: string }) => (spin(6), parent.name) } }).Country.name as unknown as Resolve;

  it('leaves a request that is not paced alone: its resolvers answer at once', () => {
    expect(slow({ name: 'Kosovo' }, {}, { work: newWork() }, info)).toBe('Kosovo');
  });

  it('lets other work run between the slices of a paced request', async () => {
    const work = { ...newWork(), paced: true };
    // Another request's work, as an event-loop iteration counter.
    let iterations = 0;
    let running = true;
    const tick = () => {
      iterations++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const seenAt = await Promise.all(['Kosovo', 'Serbia', 'Albania'].map((name) => Promise.resolve(slow({ name }, {}, { work }, info)).then(() => iterations)));
    running = false;
    expect(seenAt[1]).toBeGreaterThan(seenAt[0]!);
    expect(seenAt[2]).toBeGreaterThan(seenAt[1]!);
  });

  it('runs an unpaced request in one go (the contrast the test above relies on)', async () => {
    let iterations = 0;
    setImmediate(() => iterations++);
    const seenAt = await Promise.all(['Kosovo', 'Serbia'].map((name) => Promise.resolve(slow({ name }, {}, { work: newWork() }, info)).then(() => iterations)));
    expect(seenAt).toEqual([0, 0]);
  });

  /** Level 1: slow resolvers, paced into turns; level 2: each loads one key once its parent's answer is handed on. */
  async function batchesOfOneLevel(schedule: (work: Work) => (dispatch: () => void) => void): Promise<string[][]> {
    const work = { ...newWork(), paced: true };
    const batches: string[][] = [];
    const loader = new DataLoader<string, string>(async (keys) => (batches.push([...keys]), keys.map((k) => k.toUpperCase())), { batchScheduleFn: schedule(work) });
    const parent = paced({ T: { item: (p: { key: string }) => (spin(6), p) } }).T.item as unknown as Resolve;
    const loaded = await Promise.all(['xk', 'rs', 'al', 'mk', 'me'].map((key) => Promise.resolve(parent({ key }, {}, { work }, info)).then((p) => loader.load((p as { key: string }).key))));
    expect(loaded).toEqual(['XK', 'RS', 'AL', 'MK', 'ME']);
    return batches;
  }

  it('still sends the loads of one level as one batch while resolvers wait for turns', async () => {
    expect(await batchesOfOneLevel(batchSchedule)).toEqual([['xk', 'rs', 'al', 'mk', 'me']]);
  });

  it("would send a batch per turn on DataLoader's own schedule (the contrast the test above relies on)", async () => {
    expect((await batchesOfOneLevel(() => dataLoaderDefault)).length).toBeGreaterThan(1);
  });
});
