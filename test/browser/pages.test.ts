import AxeBuilder from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../../src/http';
import { TestApi } from '../helpers';

/**
 * A real browser (Debian's chromium, installed by .ci/run; no browser download) loads the
 * playground, runs the first example and sees its answer; and uses the dashboard as a reader would:
 * picks an entity, follows a link, goes back, downloads a table, uses only the keyboard, at phone
 * width, with axe-core checking accessibility. Every figure is compared with the service's own
 * answer. One browser and one server for all. Screenshots go to test-artifacts/
 * (DOCS_SCREENSHOT=1 also writes docs/dashboard.png).
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


/** A dashboard page at `query`, ready, with the GraphQL operations it sent. */
async function dashboard(query = '', viewport = { width: 1100, height: 1400 }): Promise<{ page: Page; operations: string[] }> {
  // a context of its own: axe-core's Playwright builder needs one
  const page = await (await browser.newContext({ viewport })).newPage();
  const operations: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql') && request.method() === 'POST') operations.push((JSON.parse(request.postData() ?? '{}') as { operationName?: string }).operationName ?? '?');
  });
  page.on('pageerror', (error) => process.stderr.write(`dashboard page error: ${error.message}\n`));
  await page.goto(`${base}/dashboard${query}`);
  await ready(page);
  return { page, operations };
}

/** Wait until the page has drawn its view; fail with what it says if it could not. */
async function ready(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready="true"], body[data-ready="error"]', { timeout: 30_000 });
  if ((await page.getAttribute('body', 'data-ready')) === 'error') throw new Error(`the dashboard says: ${await page.locator('#status').innerText()}`);
}

/** What the legend says, as numbers. */
async function legend(page: Page): Promise<Record<string, number>> {
  const count = async (selector: string) => Number(await page.locator(`${selector} b`).innerText());
  return {
    recognizes: await count('#legend li[data-status="RECOGNIZES"]'),
    withdrawalClaimed: await count('#legend li[data-status="WITHDRAWAL_CLAIMED"]'),
    doesNotRecognize: await count('#legend li[data-status="DOES_NOT_RECOGNIZE"]'),
    unknown: await count('#legend li[data-status="UNKNOWN"]'),
    inferred: await count('#count-inferred'),
    withdrawn: await count('#count-withdrawn'),
  };
}

async function serverCounts(of: string, asOf: string | null): Promise<Record<string, number>> {
  const data = await api.data<{ recognitionStatuses: { counts: Record<string, number> } }>(
    'query ($of: ID!, $asOf: Date) { recognitionStatuses(of: $of, asOf: $asOf) { counts { recognizes withdrawalClaimed doesNotRecognize unknown inferred withdrawn } } }',
    { of, asOf },
  );
  return data.recognitionStatuses.counts;
}

/** Press Tab until the element with `id` has the focus (at most `max` presses). */
async function tabTo(page: Page, id: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
  }
  throw new Error(`Tab never reached #${id}`);
}

async function seriousViolations(page: Page, only?: string): Promise<string[]> {
  // only violations are reported in full: the passes' details cost axe most of its time on a 200-row table
  const builder = new AxeBuilder({ page: page as never }).options({ resultTypes: ['violations'] });
  if (only) builder.include(only);
  const { violations } = await builder.analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

describeInBrowser('the dashboard in a browser', () => {
  it('draws the first view from two requests, follows the picked entity, and moves the date without fetching again', async () => {
    const { page, operations } = await dashboard();
    expect(operations).toEqual(['DashboardEntity', 'DashboardState']);
    expect(await legend(page)).toEqual(await serverCounts('XK', null));
    const options = await page.locator('#entity option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(options).toEqual(expect.arrayContaining(['XK', 'PS', 'TW', 'IL', 'EH', 'XN', 'XA', 'XO', 'XS']));
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-today.png'), fullPage: true });

    await page.locator('#entity').selectOption('TW');
    await ready(page);
    expect(page.url()).toMatch(/\?of=TW$/);
    expect(await page.locator('#of-label').innerText()).toBe('Taiwan');
    const taiwan = await serverCounts('TW', null);
    expect(await legend(page)).toEqual(taiwan);
    expect(Number(await page.locator('#map').getAttribute('data-recognizing'))).toBeLessThanOrEqual(taiwan.recognizes! + taiwan.withdrawalClaimed!);
    expect(Number(await page.locator('#map').getAttribute('data-recognizing'))).toBeGreaterThan(0);

    // a network longer than a page loads the rest after the first view: let it finish before counting
    await page.waitForSelector('#network-map[data-complete="true"]', { state: 'attached', timeout: 30_000 });
    const before = operations.length;
    await page.locator('#year').fill('1990');
    await page.locator('#year').dispatchEvent('change');
    await ready(page);
    expect(page.url()).toMatch(/\?of=TW&date=1990-12-31$/);
    expect(await page.locator('#as-of').innerText()).toBe('1990-12-31');
    expect(await legend(page)).toEqual(await serverCounts('TW', '1990-12-31'));
    await page.locator('#date').fill('2016-12-20');
    await page.locator('#date').dispatchEvent('change');
    await ready(page);
    expect(await legend(page)).toEqual(await serverCounts('TW', '2016-12-20'));
    expect(operations.slice(before)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-taiwan-2016.png'), fullPage: true });

    // a state clicked on the map: its standing, evidence and history, with sources
    await page.locator('#map path[data-code="PA"]').click();
    await ready(page);
    expect(page.url()).toContain('sel=PA');
    expect(await page.locator('#state-title').innerText()).toBe('Panama');
    expect(await page.locator('#standing').innerText()).toMatch(/Panama: recognizes Taiwan on 2016-12-20/);
    const history = await page.locator('#history').innerText();
    expect(history).toMatch(/recognized Taiwan[\s\S]*2017-06-12: recognition ended \(withdrawn\)/);
    expect(await page.locator('#history ul.sources li').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('opens a link as exactly that view, and the back button returns to each view before', async () => {
    const link = '?of=TW&date=1995-12-31&sel=LC&tab=network';
    const { page, operations } = await dashboard(link);
    expect(operations).toEqual(['DashboardEntity', 'DashboardState']);
    expect(await page.locator('#entity').inputValue()).toBe('TW');
    expect(await page.locator('#date').inputValue()).toBe('1995-12-31');
    expect(await page.locator('#state').inputValue()).toBe('LC');
    expect(await page.locator('#tab-network').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#panel-network').isVisible()).toBe(true);
    expect(await page.locator('#panel-recognition').isVisible()).toBe(false);
    const { country } = await api.data<{ country: { diplomaticNetwork: { rank: number; total: number; embassies: number } } }>('{ country(code: "LC") { diplomaticNetwork { rank total embassies } } }');
    expect(await page.locator('#gdi [data-field="rank"]').innerText()).toBe(String(country.diplomaticNetwork.rank));
    expect(await page.locator('#gdi [data-field="total"]').innerText()).toBe(String(country.diplomaticNetwork.total));
    expect(await page.locator('#gdi [data-field="embassies"]').innerText()).toBe(String(country.diplomaticNetwork.embassies));
    const { recognitionStatuses } = await api.data<{ recognitionStatuses: { items: { country: { code: string }; status: string }[] } }>(
      '{ recognitionStatuses(of: "TW", asOf: "1995-12-31") { items { country { code } status } } }',
    );
    const lc = recognitionStatuses.items.find((i) => i.country.code === 'LC')!;
    expect(await page.locator('#standing').innerText()).toContain({ RECOGNIZES: 'recognizes', DOES_NOT_RECOGNIZE: 'does not recognize', WITHDRAWAL_CLAIMED: 'withdrawal claimed', UNKNOWN: 'unknown' }[lc.status]);
    // its missions on the map, at their cities; then other states' missions in it, in the address too
    expect(Number(await page.locator('#network-map').getAttribute('data-points'))).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-link-network.png'), fullPage: true });
    await page.locator('input[name="direction"][value="in"]').check();
    await ready(page);
    expect(page.url()).toContain(`${link}&missions=in`);
    const hosted = await api.data<{ country: { hostedMissions: { totalCount: number } } }>('{ country(code: "LC") { hostedMissions { totalCount } } }');
    await page.waitForSelector('#network-map[data-complete="true"]', { state: 'attached', timeout: 30_000 });
    expect(await page.locator('#mission-table tbody tr').count()).toBe(hosted.country.hostedMissions.totalCount);
    await page.goBack();
    await ready(page);
    expect(await page.locator('input[name="direction"][value="abroad"]').isChecked()).toBe(true);

    await page.locator('#tab-recognition').click();
    await ready(page);
    expect(page.url()).toMatch(/\?of=TW&date=1995-12-31&sel=LC$/);
    // another entity: Saint Lucia stays selected, its standing on Palestine now
    await page.locator('#entity').selectOption('PS');
    await ready(page);
    expect(page.url()).toMatch(/\?of=PS&date=1995-12-31&sel=LC$/);
    expect(await page.locator('#standing').innerText()).toMatch(/^Saint Lucia: .* Palestine on 1995-12-31/);

    await page.goBack();
    await ready(page);
    expect(page.url()).toMatch(/\?of=TW&date=1995-12-31&sel=LC$/);
    expect(await page.locator('#entity').inputValue()).toBe('TW');
    await page.goBack();
    await ready(page);
    expect(page.url()).toContain(link);
    expect(await page.locator('#panel-network').isVisible()).toBe(true);
    // Palestine's data was one more request (Saint Lucia's was loaded); going back fetched nothing again
    expect(operations).toEqual(['DashboardEntity', 'DashboardState', 'DashboardEntity']);
    await page.context().close();
  });

  it("exports the map's table as CSV: every state with its standing on the day and its sources", async () => {
    const { page } = await dashboard('?of=XK&date=2012-06-30');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-recognition button[data-format="csv"]').click()]);
    expect(download.suggestedFilename()).toBe('recognition-of-XK-2012-06-30.csv');
    const rows = parse(fs.readFileSync((await download.path())!, 'utf8'), { columns: true }) as Record<string, string>[];
    const { recognitionStatuses } = await api.data<{ recognitionStatuses: { total: number; items: { country: { code: string }; status: string; recognition: { sources: { title: string }[] } | null; refusal: { sources: { title: string }[] } | null }[] } }>(
      '{ recognitionStatuses(of: "XK", asOf: "2012-06-30") { total items { country { code } status recognition { sources { title } } refusal { sources { title } } } } }',
    );
    expect(rows).toHaveLength(recognitionStatuses.total);
    for (const item of recognitionStatuses.items) {
      const row = rows.find((r) => r.code === item.country.code)!;
      expect({ code: row.code, status: row.status }).toEqual({ code: item.country.code, status: item.status });
      for (const source of [...(item.recognition?.sources ?? []), ...(item.refusal?.sources ?? [])]) expect(row.sources).toContain(source.title);
      if (item.status !== 'UNKNOWN') expect(row.sources).not.toBe('');
    }
    const france = rows.find((r) => r.code === 'FR')!;
    expect(france).toMatchObject({ state: 'France', status: 'RECOGNIZES' });
    expect(france.recognizedSince).toMatch(/^2008-/);

    // the missions table of a network, each row with its Wikidata item and the data set
    await page.locator('#state').selectOption('RS');
    await ready(page);
    await page.locator('#tab-network').click();
    await ready(page);
    const [missions] = await Promise.all([page.waitForEvent('download'), page.locator('#export-network button[data-format="csv"]').click()]);
    const missionRows = parse(fs.readFileSync((await missions.path())!, 'utf8'), { columns: true }) as Record<string, string>[];
    const serbia = await api.data<{ country: { missions: { totalCount: number } } }>('{ country(code: "RS") { missions { totalCount } } }');
    expect(missionRows).toHaveLength(serbia.country.missions.totalCount);
    for (const row of missionRows) {
      expect(row.senderCode).toBe('RS');
      expect(row.wikidata).toMatch(/^https:\/\/www\.wikidata\.org\/wiki\/Q\d+$/);
      expect(row.sources).toContain('Diplomatic missions recorded in Wikidata');
    }
    expect(await page.locator('#cite').innerText()).toMatch(/The diplomatic network of Serbia", as of 2012-06-30\..*Data sets: .*Diplomatic missions recorded in Wikidata/);
    await page.context().close();
  });

  it('can be used with the keyboard alone: entity, year, selected state, tabs and downloads', async () => {
    const { page } = await dashboard('?of=XK');
    await tabTo(page, 'entity');
    const first = await page.locator('#entity').inputValue();
    await page.keyboard.press('ArrowDown');
    await ready(page);
    const picked = await page.locator('#entity').inputValue();
    expect(picked).not.toBe(first);
    expect(page.url()).toContain(`of=${picked}`);

    await tabTo(page, 'year');
    await page.keyboard.press('Home');
    await ready(page);
    const min = await page.locator('#year').getAttribute('min');
    expect(page.url()).toContain(`date=${min}-12-31`);
    await page.keyboard.press('ArrowRight');
    await ready(page);
    expect(page.url()).toContain(`date=${Number(min) + 1}-12-31`);

    await tabTo(page, 'state');
    await page.keyboard.press('ArrowDown');
    await ready(page);
    expect(page.url()).toMatch(/sel=[A-Z]{2}/);

    await tabTo(page, 'tab-recognition');
    await page.keyboard.press('ArrowRight');
    await ready(page);
    expect(page.url()).toContain('tab=network');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-network');
    expect(await page.locator('#panel-network').isVisible()).toBe(true);

    // the next Tab stops include the download buttons; Enter on one downloads
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.closest('#export-network') !== null)) break;
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^missions-of-[A-Z]{2}\.(csv|json)$/);
    await page.context().close();
  });

  it('has no serious or critical accessibility violations (axe-core) on any tab', async () => {
    const { page } = await dashboard('?of=XK&sel=RS');
    await page.locator('details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const found: string[] = [];
    found.push(...(await seriousViolations(page)));
    for (const tab of ['network', 'agreements']) {
      await page.locator(`#tab-${tab}`).click();
      await ready(page);
      found.push(...(await seriousViolations(page, `#panel-${tab}`)));
    }
    expect(Number(await page.locator('#graph').getAttribute('data-nodes'))).toBeGreaterThanOrEqual(2);
    expect(found).toEqual([]);
    await page.context().close();
    // axe-core walks every cell of the map's table: on a busy two-core machine that alone can take half a minute
  }, 150_000);

  it('fits a 375 px wide phone: nothing wider than the screen', async () => {
    const { page } = await dashboard('?of=PS&sel=FR', { width: 375, height: 812 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await page.locator('#map').boundingBox()).toMatchObject({ width: expect.any(Number) });
    expect((await page.locator('#map').boundingBox())!.width).toBeLessThanOrEqual(375);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-phone.png'), fullPage: true });
    await page.context().close();
  });

  (process.env.DOCS_SCREENSHOT === '1' ? it : it.skip)("takes the README's screenshot (DOCS_SCREENSHOT=1)", async () => {
    const { page } = await dashboard('?of=XK&date=2012-12-31&sel=RS', { width: 1000, height: 1000 });
    await page.screenshot({ path: path.join(__dirname, '..', '..', 'docs', 'dashboard.png'), clip: { x: 0, y: 0, width: 1000, height: 1000 } });
    await page.context().close();
  });
});
