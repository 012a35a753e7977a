// Issue 8 §1-§3 on a phone (360 × 740) in Chromium: the demo advisor finds a company by three
// letters of its name in the global search (results as she types), logs a visit with a next
// action, and sees it on « Ma semaine ». The demo (`maplace demo`) gives her a portfolio of
// fictitious companies and interactions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import {
  startServer, launchBrowser, newPage, logIn, maplaceBinary, assertNoSeriousViolations,
} from './harness.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const PHONE = { width: 360, height: 740 };

let server;
let browser;

before(async () => {
  server = await startServer();
  // The project's seed of branches and OPCOs, as script/server loads it.
  await promisify(execFile)(maplaceBinary(), [
    '--var-dir', server.varDir, 'import', 'idcc-branches',
    path.join(repoRoot, 'data', 'seed', 'idcc_branches.csv'),
  ], { timeout: 60_000 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function check(page, label) {
  await assertNoSeriousViolations(page, label);
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= PHONE.width, `${label}: no horizontal scrolling (scrollWidth ${scroll})`);
}

test('an advisor finds a company by three letters, logs a visit and sees it on « Ma semaine »',
     async () => {
  const page = await newPage(browser, { viewport: PHONE });
  try {
    await logIn(page, server.url, server.logins['Conseiller emploi-formation']);
    await page.goto(`${server.url}/conseil/ma-semaine`);
    await page.getByRole('heading', { name: 'Ma semaine', level: 1 }).waitFor();
    // The demo's overdue action is there.
    assert.match(await page.locator('main').innerText(), /Envoyer la liste des CFA/);
    await check(page, '/conseil/ma-semaine');

    // Three letters, no accent: the hotel comes up while typing.
    await page.getByLabel('Rechercher une organisation ou un contact').pressSequentially('ali');
    const suggestion = page.locator('#crm-suggestions a', { hasText: 'Hôtel Les Alizés (démo)' })
      .first();
    await suggestion.waitFor();
    await check(page, '/conseil/ma-semaine with search results');
    await Promise.all([page.waitForURL(/\/conseil\/organisations\/\d+$/), suggestion.click()]);
    await page.getByRole('heading', { name: /Hôtel Les Alizés/, level: 1 }).waitFor();
    const facts = await page.locator('main').innerText();
    assert.match(facts, /Hôtels, cafés, restaurants/);
    assert.match(facts, /AKTO/);
    await check(page, '/conseil/organisations/<id>');

    // A visit without the next action's due date comes back with a French error.
    await page.getByLabel('Résumé').fill('Visite de la cuisine avec la directrice.');
    await page.getByLabel('Murielle Saint-Aimé (fictive)', { exact: true }).check();
    await page.getByLabel('Action suivante (facultatif)').fill('Rappeler la directrice pour le CAP');
    await Promise.all([page.waitForNavigation(),
                       page.getByRole('button', { name: 'Enregistrer l\'échange' }).click()]);
    assert.match(await page.locator('.form-errors').innerText(),
                 /Indiquez l'échéance de l'action suivante/);
    await check(page, 'the visit form with an error');

    // The date field starts on the delegation's today: the action falls due two days later.
    const today = await page.getByLabel('Date', { exact: true }).inputValue();
    const due = new Date(`${today}T12:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 2);
    await page.getByLabel('Échéance de l\'action suivante').fill(due.toISOString().slice(0, 10));
    await page.getByLabel('Murielle Saint-Aimé (fictive)', { exact: true }).check();
    await Promise.all([page.waitForNavigation(),
                       page.getByRole('button', { name: 'Enregistrer l\'échange' }).click()]);
    await page.getByText('L\'échange est enregistré.').waitFor();
    const timeline = page.locator('#echanges ~ ol li').first();
    assert.match(await timeline.innerText(), /Visite de la cuisine avec la directrice/);
    assert.match(await timeline.innerText(), /Rencontré\(s\) : Murielle Saint-Aimé/);

    // « Ma semaine » lists it among the next 7 days, with the company.
    await Promise.all([page.waitForURL(/\/conseil\/ma-semaine$/),
                       page.getByRole('link', { name: 'Ma semaine' }).first().click()]);
    const upcoming = page.locator('section', { has: page.locator('#a-venir') });
    const item = upcoming.locator('li', { hasText: 'Rappeler la directrice pour le CAP' });
    await item.waitFor();
    assert.match(await item.innerText(), /Hôtel Les Alizés \(démo\)/);
    await check(page, '/conseil/ma-semaine after the visit');

    // Without JavaScript's help, the search page finds it too.
    await page.goto(`${server.url}/conseil/recherche?q=ALI`);
    await page.locator('main a', { hasText: 'Hôtel Les Alizés (démo)' }).first().waitFor();
    await check(page, '/conseil/recherche');
  } finally {
    await page.close();
  }
});

test('an advisor edits a contact on a phone, then marks her as gone', async () => {
  const page = await newPage(browser, { viewport: PHONE });
  try {
    await logIn(page, server.url, server.logins['Conseiller emploi-formation']);
    await page.goto(`${server.url}/conseil/recherche?q=alizes`);
    await Promise.all([page.waitForURL(/\/conseil\/organisations\/\d+$/),
                       page.locator('main a', { hasText: 'Hôtel Les Alizés (démo)' }).first().click()]);
    await Promise.all([page.waitForNavigation(),
                       page.getByRole('link', { name: 'Modifier le contact Murielle Saint-Aimé (fictive)' })
                         .click()]);
    await page.getByRole('heading', { name: /Modifier le contact/, level: 1 }).waitFor();
    await check(page, '/conseil/contacts/<id>');

    // A bad e-mail comes back in French, what was typed kept.
    await page.getByLabel('Fonction').fill('Directrice générale');
    await page.getByLabel('E-mail').fill('murielle@');
    await Promise.all([page.waitForNavigation(),
                       page.getByRole('button', { name: 'Enregistrer le contact' }).click()]);
    assert.match(await page.locator('.form-errors').innerText(), /Cette adresse e-mail n'est pas valide/);
    assert.equal(await page.getByLabel('Fonction').inputValue(), 'Directrice générale');
    await check(page, 'the contact form with an error');
    await page.getByLabel('E-mail').fill('murielle.saint-aime@demo.icicestmaplace.fr');
    await Promise.all([page.waitForURL(/\/conseil\/organisations\/\d+/),
                       page.getByRole('button', { name: 'Enregistrer le contact' }).click()]);
    await page.getByText('Le contact est modifié.').waitFor();
    const contacts = page.locator('section', { has: page.locator('#contacts') });
    assert.match(await contacts.innerText(), /Murielle Saint-Aimé \(fictive\), Directrice générale/);

    // Gone: listed apart and no longer offered among the people met.
    await Promise.all([page.waitForNavigation(),
                       page.getByRole('link', { name: 'Modifier le contact Murielle Saint-Aimé (fictive)' })
                         .click()]);
    await Promise.all([page.waitForURL(/\/conseil\/organisations\/\d+/),
                       page.getByRole('button', { name: 'Marquer comme parti' }).click()]);
    await page.getByText('Le contact est marqué comme parti de l\'organisation.').waitFor();
    assert.match(await page.locator('#contacts-partis').innerText(), /Murielle Saint-Aimé \(fictive\)/);
    assert.equal(await page.getByLabel('Murielle Saint-Aimé (fictive)', { exact: true }).count(), 0);
    await check(page, '/conseil/organisations/<id> with a gone contact');
  } finally {
    await page.close();
  }
});
