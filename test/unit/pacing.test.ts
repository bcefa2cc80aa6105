import { newWork, paced } from '../../src/limits/pacing';

describe('pacing an expensive request', () => {
  const info = {} as never;
  const resolvers = paced({ Country: { name: (parent: { name: string }) => parent.name } });
  const resolve = resolvers.Country.name as unknown as (parent: unknown, args: unknown, ctx: unknown, info: unknown) => unknown;

  it('leaves a request that is not paced alone: its resolvers answer at once', () => {
    expect(resolve({ name: 'Kosovo' }, {}, { work: newWork() }, info)).toBe('Kosovo');
  });

  it('gives each resolver of a paced request its own turn of the event loop, so other work runs in between', async () => {
    const work = { ...newWork(), paced: true };
    // Another request's work, as an event-loop iteration counter.
    let iterations = 0;
    let running = true;
    const tick = () => {
      iterations++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const seenAt = await Promise.all(['Kosovo', 'Serbia', 'Albania'].map((name) => Promise.resolve(resolve({ name }, {}, { work }, info)).then(() => iterations)));
    running = false;
    expect(seenAt[1]).toBeGreaterThan(seenAt[0]!);
    expect(seenAt[2]).toBeGreaterThan(seenAt[1]!);
  });

  it('would answer all at once without pacing (the contrast the test above relies on)', async () => {
    let iterations = 0;
    setImmediate(() => iterations++);
    const seenAt = await Promise.all(['Kosovo', 'Serbia'].map((name) => Promise.resolve(resolve({ name }, {}, { work: newWork() }, info)).then(() => iterations)));
    expect(seenAt).toEqual([0, 0]);
  });
});
