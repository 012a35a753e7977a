// Issue 7's path, as people walk it on a phone (360 × 740) in Chromium: a young person asks for
// the ultramarine mobility aid from the simulator's result, adds a document and a bank account,
// sends it; an advisor takes it up and asks for a complement, which the young person answers;
// above the threshold a manager approves it, creates an envelope and commits it; finance pays it
// in a batch; the young person sees it paid.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launchBrowser, newPage, logIn } from './harness.mjs';

const PHONE = { width: 360, height: 740 };
const NNBSP = '\u202f';
const AID_NAME = 'Aide à la mobilité ultramarine des apprentis';
// Martinique, mobility to the Hexagone: the result offers « Demander cette aide » for the aid.
const SIMULATED_YOUNG = '/simulateurs/mes-aides?contrat=apprentissage&debut=2025-09-01&fin=2027-08-31' +
  '&niveau=4&territoire=972&naissance=2006-03-15&rqth=non&effectif=8&mobilite=hexagone' +
  '&mobilite_recue=non&permis=oui&permis_aide=non&locataire=oui&loyer=350&prive=oui&aller=resultat';

let server;
let browser;
let tmpDir;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maplace-pieces-'));
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
});

// Clicks a submit button and waits for the page the server redirects to.
async function submit(page, button) {
  await Promise.all([page.waitForNavigation(), button.click()]);
}

async function noSideScroll(page, label) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= PHONE.width, `${label}: no horizontal scrolling (scrollWidth ${scroll})`);
}

async function signedIn(role) {
  const page = await newPage(browser, { viewport: PHONE });
  const login = server.logins[role];
  assert.ok(login, `demo account for ${role}`);
  await logIn(page, server.url, login);
  return page;
}

test('a mobility aid goes from the simulator to « Payée » through advisor, manager and finance',
     async () => {
  const pages = [];
  try {
    // The young person asks for the aid from the simulator's result.
    const young = await signedIn('Jeune');
    pages.push(young);
    await young.goto(`${server.url}${SIMULATED_YOUNG}`);
    await Promise.all([
      young.waitForURL((u) => /^\/mes-demandes\/\d+$/.test(u.pathname)),
      young.getByRole('button', { name: `Demander cette aide : ${AID_NAME}` }).click(),
    ]);
    const requestPath = new URL(young.url()).pathname;
    const id = requestPath.split('/').pop();
    await young.getByRole('heading', { level: 1, name: AID_NAME }).waitFor();
    assert.match(await young.locator('.dl-grid').first().innerText(), new RegExp(`3${NNBSP}000,00`),
                 'the amount asked is 3 000 €');
    await noSideScroll(young, 'draft request');

    // A small PDF, then the bank account, then the request is sent.
    const pdf = path.join(tmpDir, 'programme-mobilite.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await young.getByLabel('Ajouter une pièce').setInputFiles(pdf);
    await submit(young, young.getByRole('button', { name: 'Ajouter la pièce' }));
    await young.getByRole('link', { name: 'programme-mobilite.pdf' }).waitFor();

    await young.getByLabel('Titulaire du compte').fill('Mélissa Joseph');
    await young.getByLabel('IBAN', { exact: true }).fill('FR76 3000 6000 0112 3456 7890 189');
    await submit(young, young.getByRole('button', { name: 'Enregistrer le compte' }));
    const bank = young.getByRole('region', { name: 'Coordonnées bancaires' });
    await bank.getByText('Mélissa Joseph', { exact: true }).waitFor();
    assert.doesNotMatch(await bank.innerText(), /3000 6000 0112/, 'the IBAN is masked once saved');

    await submit(young, young.getByRole('button', { name: 'Envoyer ma demande' }));
    await young.locator('.badge').filter({ hasText: 'Envoyée' }).waitFor();

    // The advisor finds it in the queue, takes it up and asks for a complement.
    const advisor = await signedIn('Conseiller emploi-formation');
    pages.push(advisor);
    await advisor.goto(`${server.url}/conseil/demandes`);
    await advisor.getByRole('heading', { level: 1, name: "Demandes d'aide" }).waitFor();
    await Promise.all([
      advisor.waitForURL((u) => u.pathname === `/conseil/demandes/${id}`),
      advisor.getByRole('link', { name: `N° ${id}`, exact: true }).click(),
    ]);
    await advisor.getByRole('heading', { level: 1, name: `Demande n° ${id} : ${AID_NAME}` }).waitFor();
    await advisor.getByRole('link', { name: 'programme-mobilite.pdf' }).waitFor();
    await noSideScroll(advisor, 'staff request');
    await submit(advisor, advisor.getByRole('button', { name: 'Prendre en charge' }));
    const missing = 'Il manque la convention de formation signée par le CFA.';
    await advisor.getByLabel('Demander un complément : ce qui manque').fill(missing);
    await submit(advisor, advisor.getByRole('button', { name: 'Demander un complément', exact: true }));

    // The young person reads what is missing and answers.
    await young.goto(`${server.url}${requestPath}`);
    const missingSection = young.getByRole('region', { name: 'Ce qui manque' });
    await missingSection.waitFor();
    assert.match(await missingSection.innerText(), /convention de formation signée/);
    const answer = 'La convention signée est maintenant dans les pièces.';
    await young.getByLabel('Votre réponse').fill(answer);
    await submit(young, young.getByRole('button', { name: 'Répondre / envoyer le complément' }));
    assert.equal(await young.getByRole('region', { name: 'Ce qui manque' }).count(), 0,
                 '« Ce qui manque » goes once answered');

    // Above 1 500 € the advisor may not approve: only refuse.
    await advisor.goto(`${server.url}/conseil/demandes/${id}`);
    await advisor.getByText(answer).waitFor();
    await advisor.getByRole('button', { name: 'Refuser' }).waitFor();
    assert.equal(await advisor.getByRole('button', { name: 'Accorder' }).count(), 0,
                 'above the threshold the advisor does not approve');

    // The manager approves with a reason, creates the year's envelope and commits the request.
    const manager = await signedIn('Direction');
    pages.push(manager);
    await manager.goto(`${server.url}/conseil/demandes/${id}`);
    await manager.getByLabel('Motif de la décision').fill('Mobilité conforme au programme de formation.');
    await submit(manager, manager.getByRole('button', { name: 'Accorder' }));
    // The demo's envelope is offered; the manager makes one from the State's funds instead.
    await manager.getByLabel('Enveloppe à engager').waitFor();
    const year = String(new Date(Date.now() - 4 * 3600_000).getUTCFullYear()); // Martinique

    await manager.goto(`${server.url}/budgets`);
    await manager.getByRole('heading', { level: 1, name: 'Budgets des aides' }).waitFor();
    await manager.getByLabel('Aide', { exact: true }).selectOption('ultramarine-mobility');
    await manager.getByLabel('Année', { exact: true }).fill(year);
    await manager.getByLabel('Source de financement').selectOption('state');
    await manager.getByLabel('Libellé').fill(`Mobilité ${year} — État`);
    await manager.getByLabel('Montant alloué, en euros').fill('10 000');
    await submit(manager, manager.getByRole('button', { name: "Créer l'enveloppe" }));
    await manager.getByText("L'enveloppe est créée.").waitFor();
    await noSideScroll(manager, 'budgets');

    await manager.goto(`${server.url}/conseil/demandes/${id}`);
    await manager.getByLabel('Enveloppe à engager')
      .selectOption({ label: `Mobilité ${year} — État — reste 10${NNBSP}000,00${NNBSP}€` });
    await submit(manager, manager.getByRole('button', { name: /^Engager 3.000,00/ }));
    await manager.locator('dd').filter({ hasText: /^Engagée$/ }).waitFor();
    await manager.locator('dd').filter({ hasText: `Mobilité ${year} — État` }).waitFor();

    // Finance pays it in a batch.
    const finance = await signedIn('Finances');
    pages.push(finance);
    await finance.goto(`${server.url}/finance/paiements`);
    await finance.getByRole('heading', { level: 1, name: 'Paiements' }).waitFor();
    await noSideScroll(finance, 'payments');
    await finance.getByLabel(`Payer la demande n° ${id}`, { exact: true }).check();
    assert.equal(await finance.getByLabel(`Montant du versement de la demande n° ${id}, en euros`)
      .inputValue().then((v) => v.replace(/\s/g, '')), '3000,00', 'the whole amount is proposed');
    await submit(finance, finance.getByRole('button', { name: 'Payer les versements cochés' }));
    assert.match(new URL(finance.url()).pathname, /^\/finance\/lots\/\d+$/);

    // The young person sees it paid.
    await young.goto(`${server.url}${requestPath}`);
    await young.locator('.badge').filter({ hasText: 'Payée' }).waitFor();
    await young.getByText("L'aide est payée").waitFor();
    await noSideScroll(young, 'paid request');

    for (const page of pages) {
      assert.deepEqual(page.context().blockedRequests, [], 'no request may leave 127.0.0.1');
    }
  } finally {
    for (const page of pages) await page.context().close();
  }
});
