// Issue 8 §4 and §5 in Chromium: an advisor creates an « Aktiv Alternance » session, invites the
// CFAs of one employment area (preview, then send), a CFA user registers herself from her
// space on a phone, the advisor takes attendance on a tablet; then the advisor creates a POEC
// programme and a cohort, records the candidates' outcomes, and the programme page shows the
// hires by company. Axe checks at each step. The employment areas come from ../shared/data
// (imported by the harness); without the folder the test is skipped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, newPage, logIn, assertNoSeriousViolations,
} from './harness.mjs';

const PHONE = { width: 360, height: 740 };
const TABLET = { width: 768, height: 1024 };

let server;
let browser;

before(async () => {
  server = await startServer({ sharedData: true });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function submit(page, button) {
  await Promise.all([page.waitForNavigation(), button.click()]);
}

async function check(page, label, width) {
  await assertNoSeriousViolations(page, label);
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= width, `${label}: no horizontal scrolling (scrollWidth ${scroll})`);
}

// "2030-12-03T09:00": a date-time 20 days ahead, for a datetime-local field.
function localDateTime(daysAhead, hour) {
  const d = new Date(Date.now() + daysAhead * 86_400_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(hour)}:00`;
}

test('an advisor runs a workshop session and a POEC programme', async (t) => {
  if (server.sharedDataMissing) {
    t.skip(server.sharedDataMissing);
    return;
  }
  const pages = [];
  try {
    const advisor = await newPage(browser, { viewport: TABLET });
    pages.push(advisor);
    await logIn(advisor, server.url, server.logins['Conseiller emploi-formation']);

    // A new session, with a mistake first (the end before the start).
    await advisor.goto(`${server.url}/conseil/ateliers/nouvelle`);
    await advisor.getByLabel('Thème').selectOption({ label: 'Recruter et accueillir un apprenti (démo)' });
    await advisor.getByLabel('Titre de la session').fill('Le tutorat au quotidien');
    await advisor.getByLabel('Début').fill(localDateTime(20, 9));
    await advisor.getByLabel('Fin', { exact: true }).fill(localDateTime(20, 8));
    await advisor.getByLabel(/^Lieu/).fill('Le Lamentin, salle fictive');
    await advisor.getByLabel('Nombre de places').fill('8');
    await submit(advisor, advisor.getByRole('button', { name: 'Enregistrer' }));
    await advisor.getByText('La fin doit venir après le début.').first().waitFor();
    await check(advisor, 'session form with an error', TABLET.width);
    await advisor.getByLabel('Fin', { exact: true }).fill(localDateTime(20, 12));
    await submit(advisor, advisor.getByRole('button', { name: 'Enregistrer' }));
    assert.match(new URL(advisor.url()).pathname, /^\/conseil\/ateliers\/\d+$/);
    const sessionPath = new URL(advisor.url()).pathname;
    const sessionId = sessionPath.split('/').pop();
    await advisor.getByRole('heading', { name: 'Le tutorat au quotidien' }).waitFor();
    await check(advisor, 'staff session page', TABLET.width);

    // Invite the CFAs of the Centre area: preview, then send.
    await advisor.getByRole('link', { name: 'Inviter des structures' }).click();
    await advisor.getByLabel('Les CFA').check();
    const centre = await advisor.locator('#area option', { hasText: /Centre/i }).first().getAttribute('value');
    await advisor.getByLabel("Bassin d'emploi").selectOption(centre);
    await submit(advisor, advisor.getByRole('button', { name: 'Voir les structures concernées' }));
    await advisor.getByText('CFA des métiers de Martinique (démo)').waitFor();
    const heading = await advisor.getByRole('heading', { name: /structure\(s\) concernée\(s\)/ }).innerText();
    assert.match(heading, /dont [1-9]\d* à inviter/);
    await check(advisor, 'invitations preview', TABLET.width);
    await submit(advisor, advisor.getByRole('button', { name: /Envoyer \d+ invitation/ }));
    await advisor.getByText('Les invitations sont envoyées.').waitFor();

    // The CFA user registers herself from her space, on a phone.
    const cfa = await newPage(browser, { viewport: PHONE });
    pages.push(cfa);
    await logIn(cfa, server.url, server.logins.CFA);
    await cfa.goto(`${server.url}/ateliers`);
    await check(cfa, '/ateliers', PHONE.width);
    await submit(cfa, cfa.getByRole('link', { name: 'Le tutorat au quotidien' }));
    await cfa.getByLabel(/Sandrine Démo/).check();
    await submit(cfa, cfa.getByRole('button', { name: 'Inscrire' }));
    await cfa.getByText("C'est noté").waitFor();
    await cfa.getByText(/Sandrine Démo : Inscrit/).waitFor();
    await check(cfa, 'session page of the CFA', PHONE.width);

    // The advisor takes attendance on the day, on a tablet.
    await advisor.goto(`${server.url}/conseil/ateliers/${sessionId}/emargement`);
    await check(advisor, 'attendance sheet', TABLET.width);
    const box = advisor.getByLabel(/Sandrine Démo/);
    const size = await box.boundingBox();
    assert.ok(size.width >= 32 && size.height >= 32, `a big checkbox: ${JSON.stringify(size)}`);
    await box.check();
    await submit(advisor, advisor.getByRole('button', { name: "Enregistrer l'émargement" }));
    await advisor.getByText("L'émargement est enregistré.").waitFor();
    const facts = await advisor.locator('dl.facts').innerText();
    assert.match(facts, /Présents\s+1/);

    // A POEC programme, with a cohort and outcomes.
    await advisor.goto(`${server.url}/conseil/poec/nouveau`);
    await advisor.getByLabel('Intitulé').fill('POEC Agents de sécurité (test)');
    await advisor.getByLabel('Métier visé (code ROME)').fill('K2503');
    await advisor.getByLabel('Organisme de formation').fill('Organisme fictif');
    await advisor.getByLabel(/Durée de la formation/).fill('450');
    await submit(advisor, advisor.getByRole('button', { name: 'Enregistrer' }));
    await advisor.getByText('Une POEC dure au plus 400 heures').first().waitFor();
    await check(advisor, 'POEC form with an error', TABLET.width);
    await advisor.getByLabel(/Durée de la formation/).fill('350');
    await submit(advisor, advisor.getByRole('button', { name: 'Enregistrer' }));
    await advisor.getByRole('heading', { name: 'POEC Agents de sécurité (test)' }).waitFor();
    await advisor.getByLabel('Nom de la promotion').fill('Promotion test');
    await advisor.getByLabel('Début', { exact: true }).fill('2026-01-05');
    await advisor.getByLabel('Fin', { exact: true }).fill('2026-04-30');
    await submit(advisor, advisor.getByRole('button', { name: 'Créer la promotion' }));
    await advisor.getByText('La promotion est créée').waitFor();
    for (const name of ['Alex Fictif', 'Bea Fictive', 'Cyril Fictif']) {
      await advisor.getByLabel('Nom et prénom').fill(name);
      await submit(advisor, advisor.getByRole('button', { name: 'Ajouter le candidat' }));
      await advisor.getByText('Le candidat est ajouté.').waitFor();
    }
    const outcomes = [
      ['Alex Fictif', 'cdi', 'Sécurité Fictive Caraïbes'],
      ['Bea Fictive', 'cdd12', 'Gardiennage Exemple'],
      ['Cyril Fictif', 'alternance', 'Sécurité Fictive Caraïbes'],
    ];
    for (const [name, outcome, company] of outcomes) {
      const card = advisor.locator('li.card', { has: advisor.getByRole('heading', { name }) });
      await card.getByLabel('Sortie', { exact: true }).selectOption(outcome);
      await card.getByLabel('Entreprise qui recrute').fill(company);
      await card.getByLabel('Date de la sortie').fill('2026-05-15');
      await submit(advisor, card.getByRole('button', { name: `Enregistrer le parcours de ${name}` }));
      await advisor.getByText('Le parcours est enregistré.').waitFor();
    }
    await check(advisor, 'POEC cohort', TABLET.width);
    await submit(advisor, advisor.getByRole('link', { name: 'POEC Agents de sécurité (test)' }));
    await advisor.getByText('3 personnes recrutées dans 2 entreprises').waitFor();
    const rows = await advisor.getByRole('table', { name: 'Personnes recrutées par entreprise' })
      .locator('tbody tr').allInnerTexts();
    assert.deepEqual(rows.map((r) => r.split('\t').slice(0, 2).join(' | ')),
                     ['Sécurité Fictive Caraïbes | 2', 'Gardiennage Exemple | 1']);
    await check(advisor, 'POEC programme', TABLET.width);
  } finally {
    for (const page of pages) await page.context().close();
  }
});
