import http from 'node:http';
import net from 'node:net';
import { killServices, startService } from '../service-process';

/**
 * The real service (src/index.ts in its own process, on the test Neo4j) stopped with SIGTERM
 * while requests are in flight. A request is in flight for certain once the server has answered
 * `Expect: 100-continue`: Node sends that as it hands the request to the app, and the body (half
 * of it sent) keeps the request open for as long as the test likes.
 */

const GRACE_MS = 4_000;
const QUERY = JSON.stringify({ query: '{ country(code: "XK") { name } }' });

afterEach(killServices);

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  reusedSocket: boolean;
  socket: net.Socket;
}

function answer(req: http.ClientRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res) => {
      // Taken now: the agent detaches it from the response once it is back in the pool.
      const socket = res.socket;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.once('error', reject);
      res.once('end', () => resolve({ status: res.statusCode!, headers: res.headers, body, reusedSocket: req.reusedSocket, socket }));
    });
  });
}

/** A POST /graphql the server has accepted, with half of its body sent; `finish()` sends the rest. */
async function inFlight(port: number, agent: http.Agent): Promise<{ finish(): Promise<Answer>; answered: Promise<Answer> }> {
  const req = http.request({
    host: '127.0.0.1',
    port,
    path: '/graphql',
    method: 'POST',
    agent,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(QUERY), expect: '100-continue' },
  });
  const answered = answer(req);
  answered.catch(() => undefined);
  await new Promise<void>((resolve, reject) => {
    req.once('continue', resolve);
    req.once('error', reject);
  });
  req.write(QUERY.slice(0, QUERY.length / 2));
  return {
    answered,
    finish: () => {
      req.end(QUERY.slice(QUERY.length / 2));
      return answered;
    },
  };
}

function post(port: number, agent: http.Agent): Promise<Answer> {
  const req = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json' } });
  const answered = answer(req);
  req.end(QUERY);
  return answered;
}

function connect(port: number): Promise<'connected' | string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve('connected')));
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

const kosovo = (a: Answer) => JSON.parse(a.body) as { data?: { country?: { name?: string } | null } };
const errorCode = (a: Answer) => (JSON.parse(a.body) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;

describe('the service on SIGTERM', () => {
  it('finishes the requests it accepted, refuses new ones with 503 or a closed port, and exits within SHUTDOWN_GRACE_MS', async () => {
    const service = await startService({ NEO4J_URI: process.env.NEO4J_URI!, SHUTDOWN_GRACE_MS: String(GRACE_MS) });
    const agents = [0, 1, 2].map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
    try {
      const [first, second, idle] = agents as [http.Agent, http.Agent, http.Agent];
      // A first query gets the query planned, so that the ones in flight take milliseconds. Cold,
      // planning can outlast REQUEST_TIMEOUT_MS on a busy machine: that, and only that, is asked again.
      let warm = await post(service.port, idle);
      for (let attempt = 0; errorCode(warm) === 'REQUEST_TIMEOUT' && attempt < 2; attempt++) warm = await post(service.port, idle);
      expect(kosovo(warm).data?.country?.name).toBe('Kosovo');
      // Its kept-alive connection now has nothing running on it.
      const idleSocket = warm.socket;
      expect(idleSocket.destroyed).toBe(false);
      const idleClosed = new Promise<void>((resolve) => idleSocket.once('close', () => resolve()));
      const a = await inFlight(service.port, first);
      const b = await inFlight(service.port, second);

      const signalled = Date.now();
      service.child.kill('SIGTERM');
      await service.waitForOutput(/SIGTERM: stopping; 2 request\(s\) in flight/);

      expect(await connect(service.port)).toBe('ECONNREFUSED');
      await idleClosed;

      const answerA = await a.finish();
      expect(answerA.status).toBe(200);
      expect(kosovo(answerA).data?.country?.name).toBe('Kosovo');

      // b is still in flight, so the drain goes on, and a's connection is still open for another request.
      const late = await post(service.port, first);
      expect(late.reusedSocket).toBe(true);
      expect(late.status).toBe(503);
      expect(late.headers.connection).toBe('close');
      expect(late.headers['retry-after']).toBe('5');
      expect(JSON.parse(late.body)).toEqual({ errors: [{ message: expect.stringMatching(/shutting down/), extensions: { code: 'SERVICE_UNAVAILABLE' } }] });

      const answerB = await b.finish();
      expect(answerB.status).toBe(200);
      expect(kosovo(answerB).data?.country?.name).toBe('Kosovo');

      const exit = await service.exited;
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.at - signalled).toBeLessThan(GRACE_MS);
      expect(service.output()).not.toMatch(/cut off|Not stopped within/);
    } finally {
      agents.forEach((agent) => agent.destroy());
    }
  });

  it('cuts off a request still running at the drain deadline and still exits within SHUTDOWN_GRACE_MS', async () => {
    const service = await startService({ NEO4J_URI: process.env.NEO4J_URI!, SHUTDOWN_GRACE_MS: String(GRACE_MS) });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const stalled = await inFlight(service.port, agent);
      const signalled = Date.now();
      service.child.kill('SIGTERM');

      await expect(stalled.answered).rejects.toThrow(/socket hang up|ECONNRESET/);
      const exit = await service.exited;
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.at - signalled).toBeLessThan(GRACE_MS);
      expect(service.output()).toMatch(/1 request\(s\) still running at the drain deadline were cut off/);
    } finally {
      agent.destroy();
    }
  });
});
