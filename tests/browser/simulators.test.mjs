// Both aids simulators completed on a phone (360 × 740) in Chromium: every step passes axe-core
// with no serious or critical violation and never scrolls sideways; « Précédent » keeps the
// answers; the result's address resumes it (reload, or a browser without cookies); the result
// is sent by e-mail. MAPLACE_SCREENSHOTS=DIR keeps a full-page PNG of each screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launchBrowser, newPage, assertNoSeriousViolations } from './harness.mjs';

const PHONE = { width: 360, height: 740 };
const NNBSP = '\u202f';

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

async function checkScreen(page, label) {
  await assertNoSeriousViolations(page, label);
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= PHONE.width, `${label}: no horizontal scrolling (scrollWidth ${scroll})`);
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, `${label}: one h1`);
  if (process.env.MAPLACE_SCREENSHOTS) {
    await page.screenshot({ path: path.join(process.env.MAPLACE_SCREENSHOTS, `${label}.png`), fullPage: true });
  }
}

async function submit(page, name) {
  await Promise.all([
    page.waitForURL((u) => u.search.includes('aller=')),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
}

async function stepIs(page, heading) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

test('« Quelles aides pour moi ? » on a phone', async () => {
  const page = await newPage(browser, { viewport: PHONE });
  try {
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Quelles aides pour moi ?' }).click();
    await stepIs(page, 'Votre contrat');
    await checkScreen(page, 'young-1-contrat');

    // A step answered wrongly says so, and stays.
    await page.getByLabel('Date de début du contrat').fill('2025-09-01');
    await page.getByLabel('Date de fin du contrat').fill('2025-01-31');
    await page.getByLabel('Niveau du diplôme préparé').selectOption('4');
    await submit(page, 'Continuer');
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').textContent(), /La fin du contrat doit venir après son début/);
    await checkScreen(page, 'young-1-contrat-erreur');

    await page.getByLabel('Date de fin du contrat').fill('2027-08-31');
    assert.ok(await page.getByLabel("Contrat d'apprentissage").isChecked(), 'apprenticeship preselected');
    assert.equal(await page.getByLabel('Où se déroule le contrat ?').inputValue(), '972');
    await submit(page, 'Continuer');

    await stepIs(page, 'Vous');
    await page.getByLabel('Votre date de naissance').fill('2006-03-15');
    await page.getByRole('group', { name: /RQTH/ }).getByLabel('Non').check();
    await page.getByLabel('Votre diplôme le plus élevé').selectOption('aucun');
    await checkScreen(page, 'young-2-vous');
    await submit(page, 'Continuer');

    await stepIs(page, 'Votre employeur');
    await page.getByLabel(/Nombre de salariés/).fill('8');
    await checkScreen(page, 'young-3-employeur');
    await submit(page, 'Continuer');

    // Overseas and 19: the mobility and licence questions; follow-ups show only when they apply.
    await stepIs(page, 'Vos déplacements');
    const received = page.getByRole('group', { name: /déjà reçu une aide à la mobilité/ });
    assert.equal(await received.isVisible(), false, 'mobility follow-up hidden before an answer');
    await page.getByLabel("Oui, dans l'Hexagone").check();
    assert.equal(await received.isVisible(), true, 'mobility follow-up shown for a departure');
    await received.getByLabel('Non').check();
    await page.getByRole('group', { name: 'Préparez-vous le permis de conduire B ?' }).getByLabel('Oui').check();
    await page.getByRole('group', { name: /aide au permis/ }).getByLabel('Non').check();
    await checkScreen(page, 'young-4-deplacements');

    // Back one step: the employer's answer is there, and this step's answers came along.
    await submit(page, 'Précédent');
    await stepIs(page, 'Votre employeur');
    assert.equal(await page.getByLabel(/Nombre de salariés/).inputValue(), '8');
    await submit(page, 'Continuer');
    await stepIs(page, 'Vos déplacements');
    assert.ok(await page.getByLabel("Oui, dans l'Hexagone").isChecked(), 'mobility answer kept');
    assert.ok(await page.getByRole('group', { name: 'Préparez-vous le permis de conduire B ?' })
      .getByLabel('Oui').isChecked(), 'licence answer kept');
    await submit(page, 'Continuer');

    await stepIs(page, 'Votre logement');
    await page.getByRole('group', { name: /Payez-vous un loyer/ }).getByLabel('Oui').check();
    await page.getByLabel(/loyer mensuel/).fill('350');
    await page.getByRole('group', { name: /entreprise privée/ }).getByLabel('Oui').check();
    await checkScreen(page, 'young-5-logement');
    await submit(page, 'Voir mes aides');

    // The result: net monthly pay first, and why.
    await stepIs(page, 'Votre résultat');
    const headline = await page.locator('.headline').textContent();
    assert.ok(headline.includes(`774,77${NNBSP}€`), `first net pay: ${headline}`);
    assert.match(headline, /43 % du SMIC car vous avez 19 ans et êtes en 1re année/);
    for (const group of ['À demander à votre CFA', 'À demander à Action Logement', 'Versées à votre employeur']) {
      await page.getByRole('heading', { level: 3, name: group }).waitFor();
    }
    await page.getByRole('heading', { name: 'Aide à la mobilité ultramarine des apprentis' }).first().waitFor();
    await checkScreen(page, 'young-6-resultat');

    // Resumable: the address alone gives the same result, even without cookies.
    const url = page.url();
    await page.reload();
    assert.ok((await page.locator('.headline').textContent()).includes(`774,77${NNBSP}€`), 'after reload');
    const stranger = await newPage(browser, { viewport: PHONE });
    try {
      await stranger.goto(await page.getByLabel('Le lien de cette simulation').inputValue());
      assert.ok((await stranger.locator('.headline').textContent()).includes(`774,77${NNBSP}€`), 'from the link');
    } finally {
      await stranger.context().close();
    }
    assert.equal(new URL(url).pathname, '/simulateurs/mes-aides');

    // Sent by e-mail.
    const before = server.mailCount();
    await page.getByLabel('Recevoir le résultat par e-mail').fill('pas-une-adresse');
    await page.getByRole('button', { name: 'Recevoir par e-mail' }).click();
    await page.getByRole('alert').waitFor();
    await checkScreen(page, 'young-7-courriel-erreur');
    await page.getByLabel('Recevoir le résultat par e-mail').fill('jade@exemple.fr');
    await Promise.all([
      page.waitForURL((u) => u.search.includes('envoi=ok')),
      page.getByRole('button', { name: 'Recevoir par e-mail' }).click(),
    ]);
    await page.getByText("C'est envoyé").waitFor();
    const mail = await server.waitForMail('jade@exemple.fr', before);
    assert.ok(mail.text.includes('774,77'), 'the mail has the pay');
    assert.ok(mail.text.includes('aller=resultat'), 'the mail has the link');
    assert.deepEqual(page.context().blockedRequests, []);
  } finally {
    await page.context().close();
  }
});

test('« Combien coûte un apprenti ? » on a phone', async () => {
  const page = await newPage(browser, { viewport: PHONE });
  try {
    await page.goto(`${server.url}/simulateurs`);
    await page.getByRole('link', { name: 'Combien coûte un apprenti ?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Combien coûte un apprenti ?' }).waitFor();
    await checkScreen(page, 'employer-1-formulaire');

    await page.getByLabel('Date de début du contrat').fill('2025-09-01');
    await page.getByLabel('Date de fin du contrat').fill('2027-08-31');
    await page.getByLabel("Date de naissance de l'apprenti").fill('2006-03-15');
    await page.getByLabel('Niveau du diplôme préparé').selectOption('4');
    const commitment = page.getByRole('group', { name: /5 % d'alternants/ });
    await page.getByLabel(/Nombre de salariés/).fill('300');
    assert.equal(await commitment.isVisible(), true, 'the 5 % question from 250 employees');
    await page.getByLabel(/Nombre de salariés/).fill('8');
    assert.equal(await commitment.isVisible(), false, 'no 5 % question below 250');
    await page.getByLabel(/NPEC/).fill('7 500');
    await Promise.all([
      page.waitForURL((u) => u.search.includes('calcul=1')),
      page.getByRole('button', { name: 'Calculer' }).click(),
    ]);
    await page.getByRole('heading', { level: 2, name: 'Résultat', exact: true }).waitFor();
    const table = page.getByRole('table', { name: /par année de contrat/ });
    assert.equal(await table.locator('tbody tr').count(), 2, 'two contract years');
    assert.match(await table.locator('tbody tr').first().textContent(), /1re année/);
    const pay = await page.locator('.sim-periods').first().textContent();
    assert.ok(pay.includes(`774,77${NNBSP}€`), 'first-year minimum pay');
    assert.match(pay, /43 % du SMIC car l'apprenti a 19 ans/);
    await page.getByRole('heading', { name: "Aide à l'embauche d'un apprenti" }).waitFor();
    await checkScreen(page, 'employer-2-resultat');

    await page.reload();
    assert.equal(await table.locator('tbody tr').count(), 2, 'the result survives a reload');
    assert.equal(await page.getByLabel(/Nombre de salariés/).inputValue(), '8');
    assert.deepEqual(page.context().blockedRequests, []);
  } finally {
    await page.context().close();
  }
});
