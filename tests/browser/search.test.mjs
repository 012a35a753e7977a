// The search page on a phone (issue 4 §2), on the reference seed that script/server loads (its
// ROME jobs, areas, communes and positions) and the demo's offers and trainings: jobs are
// suggested while typing, the place box knows the communes, a filter narrows the results and
// says so, and the page stays within 60 KB of HTML, CSS and JavaScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import {
  startServer, launchBrowser, newPage, logIn, maplaceBinary, parseDemoLogins,
  assertNoSeriousViolations,
} from './harness.mjs';

const PHONE = { width: 360, height: 740 };
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TIMEOUT = 120_000;

let server;
let browser;
let logins;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const seed = path.join(repoRoot, 'data', 'seed');
  for (const [kind, file] of [
    ['areas', path.join(seed, 'bassins_emploi.csv')],
    ['communes', path.join(repoRoot, 'node_modules', '@etalab', 'decoupage-administratif', 'data',
                           'communes.json')],
    ['commune-positions', path.join(seed, 'commune_positions.csv')],
    ['rome', path.join(seed, 'rome')],
  ]) {
    await promisify(execFile)(maplaceBinary(), ['--var-dir', server.varDir, 'import', kind, file],
                              { timeout: TIMEOUT });
  }
  // With the jobs known, the demo publishes its offers; the index is built at the next start.
  const { stdout } = await promisify(execFile)(maplaceBinary(),
                                               ['--var-dir', server.varDir, 'demo'],
                                               { timeout: TIMEOUT });
  logins = parseDemoLogins(stdout); // new passwords at each run
  await server.restart();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('jobs are suggested while typing, and a search near a commune can be narrowed', async () => {
  const page = await newPage(browser, { viewport: PHONE });
  try {
    // Sizes are read as responses arrive; weigh() waits for every read before the sum.
    let bytes = 0;
    let reads = [];
    page.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (/html|css|javascript/.test(type)) {
        reads.push(response.body().then((body) => { bytes += body.length; }, () => {}));
      }
    });
    const weigh = async () => { await Promise.all(reads); reads = []; return bytes; };
    await page.goto(`${server.url}/recherche`);
    await assertNoSeriousViolations(page, '/recherche');
    await page.waitForLoadState('load');
    assert.ok(await weigh() <= 60 * 1024, `the empty search page weighs ${bytes} bytes`);

    // From two letters, the jobs the words name come as suggestions.
    await page.getByLabel('Métier, formation ou mot-clé').pressSequentially('pât', { delay: 50 });
    await page.waitForFunction(
      () => document.querySelectorAll('#metiers-suggeres option').length > 0);
    const suggested = await page.$$eval('#metiers-suggeres option', (os) => os.map((o) => o.value));
    assert.ok(suggested.some((v) => /p[aâ]tiss/i.test(v)), `suggestions: ${suggested.join(', ')}`);

    await page.getByLabel('Métier, formation ou mot-clé').fill('pâtissier');
    await page.getByLabel('Près de').fill('Le Lamentin');
    bytes = 0;
    await Promise.all([page.waitForNavigation(),
                       page.getByRole('button', { name: 'Rechercher' }).click()]);
    await page.waitForLoadState('load');
    assert.ok(await weigh() <= 60 * 1024, `the results page weighs ${bytes} bytes`);
    const heading = await page.locator('#resultats').innerText();
    const total = Number(/^(\d+) résultats?$/.exec(heading)?.[1] ?? 0);
    assert.ok(total >= 1, `results: ${heading}`);
    await page.locator('.search-results .card').first().getByRole('link').waitFor();
    await assertNoSeriousViolations(page, '/recherche with results');
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= PHONE.width, `no horizontal scrolling (scrollWidth ${scroll})`);

    // A facet link narrows the list and says it is chosen; the URL keeps the search.
    const facet = page.getByRole('navigation', { name: 'Filtrer : Type' }).getByRole('link').first();
    await Promise.all([page.waitForNavigation(), facet.click()]);
    assert.match(page.url(), /kind=(offer|training)/);
    assert.match(page.url(), /commune=Le(\+|%20)Lamentin/);
    await page.locator('.facet--chosen').first().waitFor();
    assert.deepEqual(page.context().blockedRequests, [], 'no request may leave 127.0.0.1');
  } finally {
    await page.context().close();
  }
});

// Issue 5 §4: the demo employer relays its pastry offer to the demo CFA, which trains pastry
// cooks; the CFA finds it in its space and prints the poster with its QR code.
test('an employer relays an offer to a CFA, which prints its poster', async () => {
  const employer = await newPage(browser, { viewport: PHONE });
  const cfa = await newPage(browser, { viewport: PHONE });
  try {
    await logIn(employer, server.url, logins.Employeur);
    await employer.goto(`${server.url}/employeur/offres`);
    await Promise.all([employer.waitForNavigation(),
                       employer.getByRole('link', { name: /pâtissier/ }).first().click()]);
    await Promise.all([employer.waitForNavigation(),
                       employer.getByRole('link', { name: /Relayer l'offre aux CFA/ }).click()]);
    await assertNoSeriousViolations(employer, 'relay page');
    await employer.getByRole('checkbox', { name: /CFA des métiers de Martinique/ }).check();
    await Promise.all([employer.waitForNavigation(),
                       employer.getByRole('button', { name: 'Envoyer l\'offre aux CFA cochés' }).click()]);
    await employer.getByText(/Déjà envoyée à CFA des métiers de Martinique/).waitFor();

    await logIn(cfa, server.url, logins.CFA);
    await cfa.goto(`${server.url}/cfa/offres-relayees`);
    await assertNoSeriousViolations(cfa, '/cfa/offres-relayees');
    await Promise.all([cfa.waitForNavigation(),
                       cfa.getByRole('link', { name: /Imprimer l'affiche/ }).first().click()]);
    await cfa.getByRole('img', { name: /Code QR vers l'offre/ }).waitFor();
    await assertNoSeriousViolations(cfa, 'poster');
    const scroll = await cfa.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= PHONE.width, `poster: no horizontal scrolling (scrollWidth ${scroll})`);
  } finally {
    await employer.context().close();
    await cfa.context().close();
  }
});

// Issue 4 §2: the map view. Leaflet is fetched only when the person asks for the map, from the
// tile server the platform is configured with (here a local one, allowed by the page's CSP).
test('the results can be seen on a map, loaded only when asked', async () => {
  // A 1×1 PNG for every tile, and the tiles asked.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  const tiles = [];
  const tileServer = http.createServer((request, response) => {
    tiles.push(request.url);
    response.writeHead(200, { 'Content-Type': 'image/png' });
    response.end(png);
  });
  await new Promise((resolve) => tileServer.listen(0, '127.0.0.1', resolve));
  const tileUrl = `http://127.0.0.1:${tileServer.address().port}/{z}/{x}/{y}.png`;
  await server.restart({ MAPLACE_MAP_TILES: tileUrl, MAPLACE_MAP_ATTRIBUTION: 'Tuiles de test' });
  const page = await newPage(browser, { viewport: PHONE });
  try {
    const refused = [];
    page.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) refused.push(message.text());
    });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const asked = [];
    page.on('request', (request) => asked.push(request.url()));
    await page.goto(`${server.url}/recherche?q=p%C3%A2tissier&commune=Le+Lamentin&radius_km=30`);
    const titles = await page.locator('.search-results .card h3 a').allInnerTexts();
    assert.ok(titles.length >= 1, 'results to put on the map');
    assert.ok(!asked.some((u) => u.includes('/vendor/leaflet/')), 'Leaflet waits for the click');
    assert.equal(tiles.length, 0);

    await page.getByRole('button', { name: 'Afficher la carte' }).click();
    const map = page.getByRole('region', { name: 'Carte des résultats de cette page' });
    await map.locator('.results-map__marker').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.leaflet-tile-loaded').length > 0);
    assert.ok(tiles.length > 0, 'tiles come from the configured server');
    assert.deepEqual(refused, [], 'nothing refused by the Content-Security-Policy');
    assert.deepEqual(errors, [], 'no script error');
    await map.getByText('Tuiles de test').waitFor();

    // A marker's popup lists the results of its commune, as links to them.
    await map.locator('.results-map__marker').first().click({ force: true });
    const popup = map.locator('.leaflet-popup-content');
    await popup.waitFor();
    const linked = await popup.getByRole('link').allInnerTexts();
    assert.ok(linked.length >= 1 && linked.every((t) => titles.includes(t)),
              `popup links ${linked.join(' | ')} are results of the list`);
    await assertNoSeriousViolations(page, '/recherche with the map');
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= PHONE.width, `no horizontal scrolling with the map (scrollWidth ${scroll})`);
    assert.deepEqual(page.context().blockedRequests, [], 'no request may leave 127.0.0.1');
  } finally {
    await page.context().close();
    await new Promise((resolve) => tileServer.close(resolve));
  }
});
