import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createApp } from '../../src/http';
import { TestApi } from '../helpers';

/**
 * A real browser (Debian's chromium, installed by .ci/run; no browser download) loads the
 * playground, runs the first example and sees its answer. Screenshots go to test-artifacts/.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');
// Without Debian's chromium these tests are skipped, and say so; CI installs it and sets REQUIRE_BROWSER=1.
const haveBrowser = fs.existsSync(CHROMIUM);
if (!haveBrowser) {
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`${CHROMIUM} is missing: install the chromium package.`);
  process.stderr.write(`\nBrowser tests skipped: ${CHROMIUM} is missing (apt-get install chromium).\n`);
}
const describeInBrowser = haveBrowser ? describe : describe.skip;

let api: TestApi;
let server: http.Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  if (!haveBrowser) return;
  api = await new TestApi().start();
  server = http.createServer(createApp({ server: api.server, repositories: api.repositories, graph: api.graph, auth: { editors: [], readers: [], openReads: true }, playground: true }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  await api?.stop();
});

describeInBrowser('the playground in a browser', () => {
  it('opens offline with the example tabs, runs the first one and shows the five EU non-recognizers', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith('data:')) outside.push(request.url());
    });
    await page.goto(`${base}/graphql`);
    await page.getByText('WhichEUMembersDoNotRecognize').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.graphiql-tab').count()).toBeGreaterThanOrEqual(8);
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await result.getByText('Slovakia').waitFor({ timeout: 30_000 });
    const text = await result.innerText();
    for (const name of ['Cyprus', 'Greece', 'Romania', 'Slovakia', 'Spain']) expect(text).toContain(name);
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground.png') });
    expect(outside).toEqual([]);
  });
});

describeInBrowser('the dashboard in a browser', () => {
  it('colours the map by recognition status, changes it with the date slider, and shows sources on click', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1500 } });
    await page.goto(`${base}/dashboard`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    const recognizing = async () => Number(await page.locator('#map').getAttribute('data-recognizing'));
    const today = await recognizing();
    expect(today).toBeGreaterThan(90);
    expect(await page.locator('#legend').innerText()).toMatch(/recognizes: 96/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-today.png'), fullPage: true });

    await page.evaluate(() => document.body.removeAttribute('data-ready'));
    await page.locator('#year').fill('2009');
    await page.locator('#year').dispatchEvent('change');
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    const in2009 = await recognizing();
    expect(in2009).toBeLessThan(today);
    expect(in2009).toBeGreaterThan(40);
    expect(await page.locator('#as-of').innerText()).toBe('2009-12-31');
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-2009.png'), fullPage: true });

    await page.locator('#map path[data-status="RECOGNIZES"]').first().click();
    expect(await page.locator('#details').innerText()).toMatch(/recognizes[\s\S]*•/);
    expect(Number(await page.locator('#graph').getAttribute('data-nodes'))).toBeGreaterThanOrEqual(4);
  });

  it("follows the picked entity: Taiwan's map and legend show its 12 allies, the address names it, and back returns to Kosovo", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1500 } });
    await page.goto(`${base}/dashboard`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    const options = await page.locator('#entity option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(options).toEqual(expect.arrayContaining(['XK', 'PS', 'TW', 'IL', 'EH', 'XN', 'XA', 'XO', 'XS']));

    await page.evaluate(() => document.body.removeAttribute('data-ready'));
    await page.locator('#entity').selectOption('TW');
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    expect(page.url()).toMatch(/\?of=TW$/);
    expect(await page.locator('#of-label').innerText()).toBe('Taiwan');
    expect(await page.locator('#legend').innerText()).toMatch(/recognizes: 12(?!\d)/);
    expect(Number(await page.locator('#map').getAttribute('data-recognizing'))).toBeLessThanOrEqual(12);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-taiwan.png'), fullPage: true });

    await page.evaluate(() => document.body.removeAttribute('data-ready'));
    await page.goBack();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    expect(await page.locator('#entity').inputValue()).toBe('XK');
    expect(await page.locator('#legend').innerText()).toMatch(/recognizes: 96/);

    // a link opens that entity
    const linked = await browser.newPage({ viewport: { width: 1100, height: 1500 } });
    await linked.goto(`${base}/dashboard?of=PS`);
    await linked.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    expect(await linked.locator('#entity').inputValue()).toBe('PS');
    expect(await linked.locator('#of-label').innerText()).toBe('Palestine');
  });
});
