// Issue 4 §3 and issue 5 §5 on a phone (360 × 740) in Chromium: a young person asks the demo CFA
// about one of its trainings from the training's page; the CFA user finds the request in
// « Demandes » (/cfa/demandes) and answers; the young person reads the answer in « Mes
// messages ». Then a spontaneous application: from an offer, the employer's page, « Candidature
// spontanée »; the employer answers « pas de poste pour le moment »; the young person reads it.
// The demo's trainings and offers need the ROME jobs and the communes of ../shared/data
// (imported, then the demo run again); without the folder the test is skipped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, newPage, logIn, PHONE, submit, checkOnPhone, startDemoOnSharedData,
} from './harness.mjs';

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

test('a young person asks a CFA about a training and an employer spontaneously; both answer',
     async (t) => {
  if (missing) {
    t.skip(missing);
    return;
  }
  const pages = [];
  try {
    const young = await newPage(browser, { viewport: PHONE });
    const cfa = await newPage(browser, { viewport: PHONE });
    const employer = await newPage(browser, { viewport: PHONE });
    pages.push(young, cfa, employer);
    await logIn(young, server.url, logins.Jeune);
    await logIn(cfa, server.url, logins.CFA);
    await logIn(employer, server.url, logins.Employeur);

    // A training of the demo CFA, from its catalogue.
    await cfa.goto(`${server.url}/cfa/formations`);
    const own = await cfa.locator('main a[href^="/cfa/formations/"]').evaluateAll(
      (links) => links.map((a) => a.getAttribute('href')).filter((h) => /^\/cfa\/formations\/\d+$/.test(h)));
    assert.ok(own.length > 0, 'the demo CFA has trainings');
    const trainingId = own[0].split('/').pop();

    // The young person, on the training's page: « Demander des informations ».
    await young.goto(`${server.url}/formations/${trainingId}`);
    const title = (await young.locator('h1').innerText()).trim();
    await submit(young, young.getByRole('link', { name: 'Demander des informations' }));
    assert.match(await young.locator('main').innerText(), new RegExp(`Sur la formation « ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} »`));
    await checkOnPhone(young, '/cfas/<id>/demande');
    // Without a subject: a French error, nothing sent.
    await young.getByLabel('Votre question').fill('Quand a lieu la prochaine rentrée ?');
    await submit(young, young.getByRole('button', { name: 'Envoyer ma demande' }));
    assert.match(await young.locator('.form-errors').innerText(), /Choisissez l'objet de votre demande/);
    await checkOnPhone(young, '/cfas/<id>/demande with an error');
    await young.getByLabel('Objet de votre demande').selectOption('dates');
    await young.getByLabel('Votre question').fill('Quand a lieu la prochaine rentrée ?');
    await submit(young, young.getByRole('button', { name: 'Envoyer ma demande' }));
    assert.equal(new URL(young.url()).pathname, '/mes-messages');
    const sent = young.locator('main li.card').first();
    assert.match(await sent.innerText(), /Demande d'informations/);
    assert.match(await sent.innerText(), /Envoyée/);
    await checkOnPhone(young, '/mes-messages');

    // The CFA user: « Demandes », the request, the answer.
    await cfa.goto(`${server.url}/cfa/demandes`);
    await checkOnPhone(cfa, '/cfa/demandes');
    await submit(cfa, cfa.locator('main a[href^="/cfa/demandes/"]').first());
    assert.match(await cfa.locator('main').innerText(), /Quand a lieu la prochaine rentrée \?/);
    assert.match(await cfa.locator('main').innerText(), /Dates de rentrée/);
    await checkOnPhone(cfa, '/cfa/demandes/<id>');
    await cfa.getByLabel('Votre réponse').fill('La rentrée est le 7 septembre ; venez à la journée portes ouvertes.');
    await submit(cfa, cfa.getByRole('button', { name: 'Envoyer la réponse' }));
    assert.match(await cfa.locator('main').innerText(), /Répondue/);

    await young.goto(`${server.url}/mes-messages`);
    const answered = await young.locator('main li.card').first().innerText();
    assert.match(answered, /Répondue/);
    assert.match(answered, /La rentrée est le 7 septembre/);
    await checkOnPhone(young, '/mes-messages with an answer');

    // A spontaneous application: an offer of the demo employer, its page, the button.
    await employer.goto(`${server.url}/employeur/offres`);
    const offers = await employer.locator('main a[href^="/employeur/offres/"]').evaluateAll(
      (links) => links.map((a) => a.getAttribute('href')).filter((h) => /^\/employeur\/offres\/\d+$/.test(h)));
    assert.ok(offers.length > 0, 'the demo employer has offers');
    await young.goto(`${server.url}/offres/${offers[0].split('/').pop()}`);
    await submit(young, young.locator('main .lead a[href^="/entreprises/"]'));
    await checkOnPhone(young, '/entreprises/<id>');
    await submit(young, young.getByRole('link', { name: 'Candidature spontanée' }));
    await young.getByLabel('Votre message à l\'entreprise')
      .fill('Bonjour, je voudrais apprendre la boulangerie chez vous à la rentrée.');
    await young.getByLabel('Oui, j\'ai déjà une place en CFA').check();
    await checkOnPhone(young, '/entreprises/<id>/candidature');
    await submit(young, young.getByRole('button', { name: 'Envoyer ma candidature' }));
    assert.equal(new URL(young.url()).pathname, '/mes-messages');

    await employer.goto(`${server.url}/employeur/candidatures-spontanees`);
    await checkOnPhone(employer, '/employeur/candidatures-spontanees');
    await submit(employer, employer.locator('main a[href^="/employeur/candidatures-spontanees/"]').first());
    assert.match(await employer.locator('main').innerText(), /apprendre la boulangerie/);
    assert.match(await employer.locator('main').innerText(), /Oui, j'ai déjà une place en CFA/);
    await checkOnPhone(employer, '/employeur/candidatures-spontanees/<id>');
    await employer.getByLabel('Pas de poste pour le moment').check();
    await submit(employer, employer.getByRole('button', { name: 'Envoyer la réponse' }));
    assert.match(await employer.locator('main').innerText(), /Répondue/);

    await young.goto(`${server.url}/mes-messages`);
    const reply = await young.locator('main li.card').first().innerText();
    assert.match(reply, /Candidature spontanée/);
    assert.match(reply, /pas de poste en alternance pour le moment/);
    await checkOnPhone(young, '/mes-messages with both answers');
    for (const page of pages) {
      assert.deepEqual(page.context().blockedRequests, [], 'no request left the local server');
    }
  } finally {
    for (const page of pages) await page.context().close();
  }
});
