// Issue 9 §4 on a phone (360 × 740) in Chromium: the director opens the steering page, then the
// year-end review « Perspektiv Alternance » of this year on the demo data and the seed's BMO
// surveys (2023–2025, as script/server loads them), and downloads its PDF and workbook; axe
// checks each page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import {
  startServer, launchBrowser, newPage, logIn, maplaceBinary, checkOnPhone, PHONE,
} from './harness.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

let server;
let browser;

before(async () => {
  server = await startServer();
  for (const [kind, file] of [['areas', 'bassins_emploi.csv'], ['bmo', 'bmo_principaux_metiers.csv']]) {
    await promisify(execFile)(maplaceBinary(), [
      '--var-dir', server.varDir, 'import', kind, path.join(repoRoot, 'data', 'seed', file),
    ], { timeout: 60_000 });
  }
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// This year in Martinique (UTC−4), as the page takes it when none is asked.
const year = new Date(Date.now() - 4 * 3600 * 1000).getUTCFullYear();

test('the director reads the year-end review on a phone and downloads it', async () => {
  const page = await newPage(browser, { viewport: PHONE });
  try {
    await logIn(page, server.url, server.logins.Direction);
    await page.goto(`${server.url}/pilotage`);
    await page.getByRole('heading', { name: `Pilotage ${year}`, level: 1 }).waitFor();
    await checkOnPhone(page, '/pilotage');

    // The dashboard leads to the review of its year.
    await page.getByRole('link', { name: `Le bilan Perspektiv Alternance ${year}` }).click();
    await page.getByRole('heading', { name: `Perspektiv Alternance ${year}`, level: 1 }).waitFor();
    const main = await page.locator('main').innerText();
    // The seed holds BMO 2023 to 2025: the latest survey is compared with the one before.
    assert.match(main, /Enquête « Besoins en main-d'œuvre » \(France Travail\) 2025 comparée à 2024/);
    assert.match(main, /Bassin Centre\s*:\s*\d+ familles en tension en 2025/);
    // The demo's POEC: nine people hired in eight companies.
    assert.match(main, /9 personnes recrutées dans 8 entreprises/);
    assert.match(main, /Fiches CFA/);
    assert.match(main, /Apprentis \(contrats commencés\)\s*\d+/);
    assert.match(main, /Conventions de partenariat/);
    await checkOnPhone(page, '/pilotage/perspektiv');

    // The two documents behind the links, with the director's session.
    for (const [name, type, magic] of [
      ['Télécharger le bilan (PDF)', 'application/pdf', '%PDF-'],
      ['Télécharger les données (XLSX)', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'PK'],
    ]) {
      const href = await page.getByRole('link', { name }).getAttribute('href');
      assert.equal(href, `/pilotage/perspektiv.${type === 'application/pdf' ? 'pdf' : 'xlsx'}?annee=${year}`);
      const response = await page.request.get(`${server.url}${href}`);
      assert.equal(response.status(), 200, href);
      assert.equal(response.headers()['content-type'], type);
      const body = await response.body();
      assert.equal(body.subarray(0, magic.length).toString('latin1'), magic);
    }

    // Last year's review, through the page's own link.
    await page.getByRole('link', { name: 'Année précédente' }).click();
    await page.getByRole('heading', { name: `Perspektiv Alternance ${year - 1}`, level: 1 }).waitFor();
    await checkOnPhone(page, `/pilotage/perspektiv?annee=${year - 1}`);
  } finally {
    await page.context().close();
  }
});
