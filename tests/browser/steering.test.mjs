// Issue 9 §3 and §5 in Chromium: the demo manager reads the steering dashboard on a phone
// (charts as images with their tables, no sideways scrolling), chooses an area and the year
// before, opens the aid requests behind a figure, and the finance officer is refused the
// applications behind the funnel; the public statistics and their CSV. axe at each step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, newPage, logIn, checkOnPhone, submit, PHONE,
} from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const thisYear = () => {
  // Martinique's year (UTC−4), as the server reckons it.
  return new Date(Date.now() - 4 * 3600 * 1000).getUTCFullYear();
};

test('a manager reads the dashboard on a phone, filters it and opens the records of a figure',
     async () => {
  const page = await newPage(browser, { viewport: PHONE });
  try {
    await logIn(page, server.url, server.logins['Direction']);
    await page.goto(`${server.url}/pilotage`);
    const year = thisYear();
    await page.getByRole('heading', { name: `Pilotage ${year}`, level: 1 }).waitFor();
    // Every chart is an image named by its title, followed by its data table.
    const charts = page.locator('svg[role="img"]');
    assert.ok(await charts.count() >= 10, 'a chart per indicator');
    const title = await charts.first().locator('title').textContent();
    assert.match(title, /par rapport à/);
    assert.equal(await page.locator('.chart-pair table').count(), await charts.count());
    // The demo's aid requests of the year are there, with their definition and filters.
    const requests = page.locator('section', {
      has: page.getByRole('heading', { name: 'Demandes d\'aide', exact: true }),
    });
    assert.match(await requests.innerText(), /Filtres appliqués : année/);
    await checkOnPhone(page, '/pilotage');

    // An OPCO and the year before: the page says which figures cannot be filtered by OPCO.
    await page.getByLabel('OPCO').selectOption('akto');
    await page.getByLabel('Année').selectOption(String(year - 1));
    await submit(page, page.getByRole('button', { name: 'Afficher' }));
    await page.getByRole('heading', { name: `Pilotage ${year - 1}`, level: 1 }).waitFor();
    assert.match(new URL(page.url()).search, new RegExp(`annee=${year - 1}.*opco=akto`));
    const budget = page.locator('section', {
      has: page.getByRole('heading', { name: 'Budget des aides alloué', exact: true }),
    });
    assert.match(await budget.innerText(), /non appliqués : OPCO/);
    await checkOnPhone(page, '/pilotage (the year before)');

    // A bad ROME code is refused in French, beside the form.
    await page.getByLabel('Métier (code ROME)').fill('soudeur');
    await submit(page, page.getByRole('button', { name: 'Afficher' }));
    await page.getByRole('alert').filter({ hasText: 'Un code ROME est une lettre' }).waitFor();
    await checkOnPhone(page, '/pilotage with an error');

    // The records behind this year's submitted requests.
    await page.goto(`${server.url}/pilotage?annee=${year}`);
    const link = requests.getByRole('link', { name: /Voir les dossiers/ }).first();
    await submit(page, link);
    await page.getByRole('heading', { name: new RegExp(`Demandes d'aide ${year}`), level: 1 })
      .waitFor();
    const rows = page.locator('table tbody tr');
    assert.ok(await rows.count() >= 1, 'the requests behind the figure');
    assert.match(await rows.first().innerText(), /Demande n°/);
    await checkOnPhone(page, '/pilotage/detail');
  } finally {
    await page.context().close();
  }
});

test('finance sees the aid requests behind a figure but not the applications', async () => {
  const page = await newPage(browser, { viewport: PHONE });
  try {
    await logIn(page, server.url, server.logins['Finances']);
    await page.goto(`${server.url}/pilotage`);
    const funnel = page.locator('section', {
      has: page.getByRole('heading', { name: 'Parcours des candidatures', exact: true }),
    });
    await funnel.waitFor();
    assert.equal(await funnel.getByRole('link', { name: /Voir les dossiers/ }).count(), 0);
    const response = await page.goto(
      `${server.url}/pilotage/detail?indicateur=applications.funnel&ligne=sent&annee=${thisYear()}`);
    assert.equal(response.status(), 403);
    await checkOnPhone(page, '/pilotage/detail refused');
  } finally {
    await page.context().close();
  }
});

test('anyone reads the public statistics, small counts left out, and downloads them',
     async () => {
  const page = await newPage(browser, { viewport: PHONE });
  try {
    await page.goto(`${server.url}/statistiques`);
    await page.getByRole('heading', { name: /La plateforme en chiffres/, level: 1 }).waitFor();
    assert.match(await page.locator('main').innerText(), /non publié/);
    await checkOnPhone(page, '/statistiques');
    const csv = await page.request.get(`${server.url}/statistiques.csv?annee=${thisYear()}`);
    assert.equal(csv.status(), 200);
    assert.match(await csv.text(), /^annee;indicateur;libelle;valeur\r\n/);
  } finally {
    await page.context().close();
  }
});
