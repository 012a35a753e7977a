// Issue 4 §3, the young person's space, on a phone (360 × 740) in Chromium: a young person
// (a minor) fills in their profile, searches near Le Lamentin, saves the search with its alert,
// adds an offer to their favourites, and finds both on « Mes recherches » and « Mes favoris ».
// An employer then publishes a matching offer; `maplace alerts send` (what cron runs) mails the
// young person, and the mail's unsubscribe link works without logging in. Needs the ROME jobs
// and communes of ../shared/data (skipped without the folder), as apply.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  startServer, launchBrowser, newPage, logIn, maplaceBinary, PHONE, submit, checkOnPhone,
  startDemoOnSharedData,
} from './harness.mjs';

const IMPORT_TIMEOUT = 240_000; // `maplace alerts send` under the sanitizers

let server;
let browser;
let logins;
let missing;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ logins, missing } = await startDemoOnSharedData(server));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// A date of birth `years` years ago plus `days` days, as <input type="date"> takes it.
function birthDate(years, days) {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years);
  d.setDate(d.getDate() + days);
  return d.toISOString().slice(0, 10);
}

test('a young person keeps a profile, a saved search with its alert and a favourite',
     async (t) => {
  if (missing) {
    t.skip(missing);
    return;
  }
  const pages = [];
  try {
    const young = await newPage(browser, { viewport: PHONE });
    pages.push(young);
    await logIn(young, server.url, logins.Jeune);

    // The profile, from the menu. Mistakes first: French messages, nothing stored.
    await submit(young, young.getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Mon profil' }));
    assert.equal(new URL(young.url()).pathname, '/mon-profil');
    await checkOnPhone(young, '/mon-profil');
    await young.getByLabel('Ma commune').fill('Atlantis');
    await submit(young, young.getByRole('button', { name: 'Enregistrer mon profil' }));
    const errors = await young.locator('.form-errors').innerText();
    assert.match(errors, /Dites en quelques mots ce que vous cherchez/);
    assert.match(errors, /Cette commune n'est pas dans nos territoires/);
    assert.match(errors, /Indiquez votre date de naissance/);
    await checkOnPhone(young, '/mon-profil with errors');

    await young.getByLabel('Ce que je cherche').fill('pâtisserie, boulangerie');
    await young.getByLabel('Diplôme visé').selectOption('3');
    await young.getByLabel('Ma commune').fill('Le Lamentin');
    await young.getByLabel("Je peux me déplacer jusqu'à (km)").fill('25');
    await young.getByLabel('Date de naissance').fill(birthDate(16, 0));  // a minor
    await young.getByLabel('Téléphone').fill('0696 12 34 56');
    await submit(young, young.getByRole('button', { name: 'Enregistrer mon profil' }));
    await young.getByText('Votre profil est enregistré.').waitFor();
    assert.match(await young.locator('#visible-hint').innerText(), /Vous avez moins de 18 ans/);
    assert.equal(await young.getByLabel('Rendre mon profil visible des employeurs').isChecked(),
                 false);
    assert.equal(await young.getByLabel('Ma commune').inputValue(), 'Le Lamentin');
    await checkOnPhone(young, '/mon-profil saved');

    // Search near Le Lamentin; save the search with its alert.
    await young.goto(`${server.url}/recherche?q=p%C3%A2tissier&commune=Le+Lamentin&radius_km=30`);
    await young.locator('main a[href^="/offres/"]').first().waitFor();
    await checkOnPhone(young, '/recherche with results');
    await young.getByText('Enregistrer cette recherche', { exact: true }).first().click();
    await young.getByLabel('Nom de la recherche').fill('Pâtisserie au Lamentin');
    await submit(young, young.getByRole('button', { name: 'Enregistrer la recherche' }));
    assert.equal(new URL(young.url()).pathname, '/mes-recherches');
    const saved = young.locator('main li.saved-search').first();
    assert.match(await saved.innerText(), /Pâtisserie au Lamentin/);
    assert.match(await saved.innerText(), /activée/);
    await checkOnPhone(young, '/mes-recherches');

    // Rerun it, and add the first offer to the favourites from the results.
    await submit(young, saved.getByRole('link', { name: /Relancer la recherche/ }));
    assert.equal(new URL(young.url()).pathname, '/recherche');
    const first = young.locator('main ol li.card').first();
    const title = (await first.locator('h3').innerText()).trim();
    await submit(young, first.getByRole('button', { name: /Ajouter aux favoris/ }));
    assert.equal(new URL(young.url()).pathname, '/recherche');
    await young.locator('main ol li.card').first()
      .getByRole('button', { name: /Retirer des favoris/ }).waitFor();
    await submit(young, young.getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Mes favoris' }));
    const favourite = young.locator('main li.card').first();
    assert.match(await favourite.innerText(), new RegExp(title.replace(/[()]/g, '.')));
    await checkOnPhone(young, '/mes-favoris');

    // An employer publishes a new matching offer.
    const employer = await newPage(browser, { viewport: PHONE });
    pages.push(employer);
    await logIn(employer, server.url, logins.Employeur);
    await employer.goto(`${server.url}/employeur/offres/nouvelle`);
    const job = await employer.locator('#metiers-rome option').evaluateAll(
      (options) => options.map((o) => o.value).find((v) => v.endsWith('(G1602)')));
    await employer.getByLabel('Métier').fill(job);
    await employer.getByLabel("Intitulé de l'offre").fill('Apprenti pâtissier de restaurant');
    await employer.getByLabel('Niveau du diplôme préparé').selectOption('3');
    await employer.getByLabel('Description du poste').fill(
      'Desserts créoles et pâtisserie fine, au service du midi.');
    await employer.getByLabel('Durée du contrat, en mois').fill('24');
    await employer.getByLabel('Rythme de l\'alternance').fill('2 jours au CFA / 3 jours en entreprise');
    await employer.getByLabel('Commune du lieu de travail').selectOption('97213');
    await submit(employer, employer.getByRole('button', { name: 'Enregistrer et relire' }));
    const offerId = /\/(\d+)$/.exec(new URL(employer.url()).pathname)[1];
    await submit(employer, employer.getByRole('button', { name: "Publier l'offre" }));
    await employer.getByText('Votre offre est en ligne pour 60 jours.').waitFor();
    // A digest takes the offers published before its own second: wait for the clock to move on.
    const publishedSecond = Math.floor(Date.now() / 1000);
    while (Math.floor(Date.now() / 1000) <= publishedSecond) {
      await new Promise((resolve) => { setTimeout(resolve, 20); });
    }

    // What cron runs: the mail lists the new offer, with the unsubscribe link.
    const before = server.mailCount();
    const { stdout } = await promisify(execFile)(
      maplaceBinary(), ['--var-dir', server.varDir, 'alerts', 'send'],
      { env: { ...process.env, MAPLACE_PUBLIC_URL: server.url }, timeout: IMPORT_TIMEOUT });
    assert.match(stdout, /1 alert mail\(s\) sent/);
    const mail = await server.waitForMail(logins.Jeune.email, before);
    assert.match(mail.text, /Apprenti pâtissier de restaurant/);
    assert.ok(mail.text.includes(`${server.url}/offres/${offerId}`), mail.text);
    // The shared one-click link (also in the List-Unsubscribe header).
    assert.match(mail.text, /^List-Unsubscribe: <https?:\/\/\S+\/desabonnement\?adresse=/m);
    const link = /(https?:\/\/[^\s<>]+\/desabonnement\?adresse=[^\s<>]+liste=saved_searches[^\s<>]+)/
      .exec(mail.text);
    assert.ok(link, mail.text);
    // Run again: nothing new, nothing sent.
    const again = await promisify(execFile)(
      maplaceBinary(), ['--var-dir', server.varDir, 'alerts', 'send'],
      { env: { ...process.env, MAPLACE_PUBLIC_URL: server.url }, timeout: IMPORT_TIMEOUT });
    assert.match(again.stdout, /0 alert mail\(s\) sent/);

    // The link, in a browser that is not logged in: one button, then done.
    const visitor = await newPage(browser, { viewport: PHONE });
    pages.push(visitor);
    await visitor.goto(link[1]);
    await checkOnPhone(visitor, '/desabonnement');
    await submit(visitor, visitor.getByRole('button', { name: 'Ne plus recevoir ces courriels' }));
    await visitor.getByText(/est fait/).waitFor();
    await young.goto(`${server.url}/mes-recherches`);
    assert.match(await young.locator('main li.saved-search').first().innerText(), /désactivée/);

    for (const page of pages) {
      assert.deepEqual(page.context().blockedRequests, [], 'no request may leave 127.0.0.1');
    }
  } finally {
    for (const page of pages) await page.context().close();
  }
});
