// Issue 4 and issue 5 §3 on a phone (360 × 740) in Chromium: a young person searches
// « soudure » near Le Lamentin, finds welding offers and trainings, narrows them to level 3,
// opens an offer, applies with a CV, finds the application in « Mes
// candidatures »; the employer opens the inbox and invites the candidate to an interview; the
// young person sees the new status and the reply. The demo's offers need the ROME jobs and
// the communes of ../shared/data (imported, then the demo run again); without the folder the
// test is skipped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, newPage, logIn, PHONE, submit, checkOnPhone, startDemoOnSharedData,
} from './harness.mjs';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

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

test('a young person finds an offer, applies with a CV, and sees the interview invitation',
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

    // « soudure » near Le Lamentin, typed in the search form: the job family finds the welding
    // offers and trainings, whose titles say « soudeur », « soudage », never « soudure ».
    await young.goto(`${server.url}/recherche`);
    await young.getByLabel('Métier, formation ou mot-clé').fill('soudure');
    await young.getByLabel('Près de').fill('Le Lamentin');
    await submit(young, young.getByRole('button', { name: 'Rechercher' }));
    const results = young.locator('.search-results ol > li.card');
    const found = await results.allInnerTexts();
    assert.ok(found.some((r) => /^Offre/.test(r) && /soudeur/i.test(r)), `offers: ${found}`);
    assert.ok(found.some((r) => /^Formation/.test(r) && /soudage/i.test(r)), `trainings: ${found}`);
    assert.ok(found.every((r) => /soud|chaudronn/i.test(r)), `only welding: ${found}`);
    await checkOnPhone(young, '/recherche?q=soudure');

    // Narrowed to level 3 (CAP): the level 4 and 5 ones leave, the level 3 ones stay.
    const levels = young.getByRole('navigation', { name: 'Filtrer : Niveau visé' });
    await submit(young, levels.getByRole('link', { name: /Niveau 3/ }));
    assert.match(young.url(), /level=3/);
    const narrowed = await results.allInnerTexts();
    assert.ok(narrowed.length >= 2 && narrowed.length < found.length, `level 3: ${narrowed}`);
    assert.ok(narrowed.every((r) => /Niveau 3/.test(r)), `level 3 only: ${narrowed}`);

    // Open the welding offer.
    const hit = young.locator('main a[href^="/offres/"]', { hasText: /soudeur/i }).first();
    const offerPath = await hit.getAttribute('href');
    await submit(young, hit);
    assert.equal(new URL(young.url()).pathname, offerPath);
    await young.getByRole('heading', { name: 'Postuler' }).waitFor();
    await checkOnPhone(young, '/offres/<id> with the apply form');

    // A form without a message comes back with a French error.
    await young.getByLabel('Inscription en cours').check();
    await submit(young, young.getByRole('button', { name: 'Envoyer ma candidature' }));
    assert.match(await young.locator('.form-errors').innerText(),
                 /Écrivez quelques mots au recruteur/);
    await checkOnPhone(young, '/offres/<id>/postuler with an error');

    await young.getByLabel('Votre message au recruteur')
      .fill('Bonjour, je prépare un CAP soudage et je cherche mon entreprise pour septembre.');
    await young.getByLabel('Rythme souhaité').fill('2 jours au CFA, 3 jours en entreprise');
    await young.getByLabel('Inscription en cours').check();
    await young.locator('#cv').setInputFiles({ name: 'mon-cv.pdf', mimeType: 'application/pdf',
                                               buffer: PDF });
    await submit(young, young.getByRole('button', { name: 'Envoyer ma candidature' }));
    assert.equal(new URL(young.url()).pathname, '/mes-candidatures');
    const card = young.locator('main li.card').first();
    assert.match(await card.innerText(), /soudeur/);
    assert.match(await card.innerText(), /Envoyée/);
    await checkOnPhone(young, '/mes-candidatures');
    await young.goto(`${server.url}/mon-cv`);
    assert.match(await young.locator('main').innerText(), /mon-cv\.pdf/);
    await checkOnPhone(young, '/mon-cv');

    // The employer's inbox: open the application, see the CV link, invite to an interview.
    const employer = await newPage(browser, { viewport: PHONE });
    pages.push(employer);
    await logIn(employer, server.url, logins.Employeur);
    await employer.goto(`${server.url}/employeur/candidatures`);
    await checkOnPhone(employer, '/employeur/candidatures');
    const entry = employer.locator('main a[href^="/employeur/candidatures/"]')
      .filter({ hasNotText: 'XLSX' }).first();
    await submit(employer, entry);
    assert.match(await employer.locator('main').innerText(), /je prépare un CAP soudage/);
    assert.equal(await employer.locator('main a[href^="/cv/"]').count(), 1);
    await checkOnPhone(employer, '/employeur/candidatures/<id>');
    await employer.getByLabel('Créneaux proposés')
      .fill('Mardi à 9 h ou jeudi à 14 h, à l\'atelier.');
    await submit(employer, employer.getByRole('button', { name: "Proposer l'entretien" }));
    assert.match(await employer.locator('main').innerText(), /Entretien proposé/);

    // The young person sees the new status and the reply.
    await young.goto(`${server.url}/mes-candidatures`);
    const answered = await young.locator('main li.card').first().innerText();
    assert.match(answered, /Entretien proposé/);
    assert.match(answered, /Mardi à 9 h ou jeudi à 14 h/);
    await checkOnPhone(young, '/mes-candidatures with a reply');
    for (const page of pages) {
      assert.deepEqual(page.context().blockedRequests, [], 'no request left the local server');
    }
  } finally {
    for (const page of pages) await page.context().close();
  }
});
