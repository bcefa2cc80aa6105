import { ExpensiveGate } from '../../src/limits/gate';

describe('turns for expensive requests', () => {
  it('refuses at once when every turn is taken and the queue is full, with the seconds to wait', async () => {
    const gate = new ExpensiveGate(1, 0, 3_000);
    const leave = await gate.enter();
    await expect(gate.enter()).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: 3 } });
    leave();
    (await gate.enter())();
  });

  it('gives a waiting request the turn that frees, in order', async () => {
    const gate = new ExpensiveGate(1, 2, 1_000);
    const leave = await gate.enter();
    const order: number[] = [];
    const a = gate.enter().then((l) => (order.push(1), l));
    const b = gate.enter().then((l) => (order.push(2), l));
    leave();
    (await a)();
    (await b)();
    expect(order).toEqual([1, 2]);
  });

  it('does not count requests that gave up waiting as still waiting', async () => {
    const gate = new ExpensiveGate(1, 1, 1_000);
    const leave = await gate.enter();
    await expect(gate.enter(30)).rejects.toThrow(/waited 30 ms/);
    // The queue is free again: the next request waits (and times out) rather than being refused at once.
    await expect(gate.enter(30)).rejects.toThrow(/waited 30 ms/);
    leave();
    (await gate.enter())();
  });
});
