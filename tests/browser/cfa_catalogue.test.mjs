// Issue 5 §5 and issue 4 on a phone (360 × 740) in Chromium: the demo CFA imports its catalogue
// from a CSV file — a file with a bad row first, refused with the row named and nothing stored —
// then its trainings appear in /recherche, and the training page shows the facts.
// The jobs and communes come from ../shared/data (imported while the server runs); without the
// folder the test is skipped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import {
  startServer, launchBrowser, newPage, logIn, maplaceBinary, SHARED_DATA,
  assertNoSeriousViolations,
} from './harness.mjs';

const PHONE = { width: 360, height: 740 };
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const IMPORT_TIMEOUT = 240_000;

let server;
let browser;
let missing = null;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  if (!fs.existsSync(SHARED_DATA)) {
    missing = `no shared data at ${SHARED_DATA}`;
    return;
  }
  // Only what a training names: the ROME jobs, the employment areas and the communes.
  const modules = path.join(repoRoot, 'node_modules');
  for (const [kind, file] of [
    ['rome', path.join(SHARED_DATA, 'rome', 'v460')],
    ['areas', path.join(SHARED_DATA, 'bmo', 'bassins_emploi_martinique.csv')],
    ['communes', path.join(modules, '@etalab', 'decoupage-administratif', 'data', 'communes.json')],
    ['postal-codes', path.join(modules, 'codes-postaux', 'codes-postaux.json')],
  ]) {
    await promisify(execFile)(maplaceBinary(), ['--var-dir', server.varDir, 'import', kind, file],
                              { timeout: IMPORT_TIMEOUT });
  }
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function submit(page, button) {
  await Promise.all([page.waitForNavigation(), button.click()]);
}

async function noSideScroll(page, label) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= PHONE.width, `${label}: no horizontal scrolling (scrollWidth ${scroll})`);
}

const HEADER = 'rncp;cfd;niveau;intitule;rythme;dates_debut;duree_mois;places;commune_insee;'
  + 'codes_rome;contact_nom;contact_email;contact_telephone;publiee\n';

function csvFile(rows) {
  return { name: 'catalogue.csv', mimeType: 'text/csv', buffer: Buffer.from(HEADER + rows, 'utf8') };
}

test('a CFA imports its catalogue and its trainings appear in search', async (t) => {
  if (missing) {
    t.skip(missing);
    return;
  }
  const year = new Date().getFullYear() + 1;
  const good = `RNCP37553;;3;CAP Cuisine créole (test);2 semaines au CFA / 2 semaines en entreprise;`
    + `${year}-09-01 ${year + 1}-01-10;24;12;97213;G1602;Marie Joseph;formations@cfa.test;;oui\n`
    + `RNCP37405;;5;BTS Chaudronnerie (test);;01/09/${year};24;8;97209;H2913;;;0596 12 34 56;oui\n`;
  const pages = [];
  try {
    const cfa = await newPage(browser, { viewport: PHONE });
    pages.push(cfa);
    await logIn(cfa, server.url, server.logins.CFA);
    await cfa.goto(`${server.url}/espace`);
    await submit(cfa, cfa.getByRole('link', { name: 'Mes formations' }).first());
    await cfa.getByRole('heading', { level: 1, name: 'Mes formations' }).waitFor();
    await assertNoSeriousViolations(cfa, '/cfa/formations');
    await noSideScroll(cfa, '/cfa/formations');

    // The template downloads as a CSV.
    const [download] = await Promise.all([
      cfa.waitForEvent('download'),
      cfa.getByRole('link', { name: 'Télécharger le modèle (CSV)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'modele-catalogue.csv');

    // A bad row: the whole file is refused, the row is named, nothing is stored.
    await cfa.getByLabel('Fichier CSV du catalogue').setInputFiles(
      csvFile(good + `RNCP1;;3;Sans places;;${year}-09-01;24;0;97213;G1602;;a@cfa.test;;oui\n`));
    await submit(cfa, cfa.getByRole('button', { name: 'Importer le catalogue' }));
    const alert = cfa.locator('#erreurs-import');
    await alert.waitFor();
    assert.match(await alert.innerText(), /rien n'a été enregistré/);
    assert.match(await alert.innerText(), /ligne 4 : colonne places : Le nombre de places va de 1 à 500\./);
    assert.match(await cfa.locator('body').innerText(), /Votre catalogue est vide/);
    await assertNoSeriousViolations(cfa, '/cfa/formations (import refused)');
    await noSideScroll(cfa, '/cfa/formations (import refused)');

    // The good file: two trainings, published.
    await cfa.getByLabel('Fichier CSV du catalogue').setInputFiles(csvFile(good));
    await submit(cfa, cfa.getByRole('button', { name: 'Importer le catalogue' }));
    await cfa.getByText('2 formation(s) ajoutée(s), 0 modifiée(s), 0 inchangée(s)').waitFor();
    assert.equal(await cfa.locator('td[data-state="published"]').count(), 2);

    // Anyone finds them in search at once, on a phone, and the training page has the facts.
    const visitor = await newPage(browser, { viewport: PHONE });
    pages.push(visitor);
    await visitor.goto(`${server.url}/recherche?q=cuisine`);
    const hit = visitor.getByRole('link', { name: 'CAP Cuisine créole (test)' });
    await hit.waitFor();
    await submit(visitor, hit);
    await visitor.getByRole('heading', { level: 1, name: 'CAP Cuisine créole (test)' }).waitFor();
    const facts = await visitor.locator('main').innerText();
    for (const fact of ['RNCP37553', 'Niveau 3 (CAP, BEP)', '2 semaines au CFA / 2 semaines en entreprise',
                        `septembre ${year}`, `janvier ${year + 1}`, '24 mois', '12', 'Le Lamentin',
                        'CFA des métiers de Martinique (démo)', 'non connu', 'formations@cfa.test']) {
      assert.ok(facts.includes(fact), `the training page shows « ${fact} »:\n${facts}`);
    }
    assert.ok(await visitor.locator('a[href="/metiers/G1602"]').count() >= 1);
    await assertNoSeriousViolations(visitor, '/formations/:id');
    await noSideScroll(visitor, '/formations/:id');

    await submit(visitor, visitor.getByRole('link', { name: 'CFA des métiers de Martinique (démo)' }).first());
    await visitor.getByRole('link', { name: 'BTS Chaudronnerie (test)' }).waitFor();
    await assertNoSeriousViolations(visitor, '/cfas/:id');
    await noSideScroll(visitor, '/cfas/:id');

    await visitor.goto(`${server.url}/recherche?q=chaudronnerie`);
    await visitor.getByRole('link', { name: 'BTS Chaudronnerie (test)' }).waitFor();
  } finally {
    for (const page of pages) await page.close();
  }
});
