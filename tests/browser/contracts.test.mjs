// Issue 8 §3 on a phone (360 × 740) in Chromium: the demo advisor enters a contract whose pay is
// under the minimum and sees the failing check explained, checks then imports a CSV of
// contracts, flags a difficulty and writes a confidential note on the apprentice's follow-up;
// a second advisor, neither the referent nor the author, sees that the note exists but not its
// text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  startServer, launchBrowser, newPage, logIn, maplaceBinary, submit, checkOnPhone, PHONE,
} from './harness.mjs';

let server;
let browser;
const OTHER = { email: 'autre.conseillere@example.mq', password: 'un manguier à Sainte-Anne 2026' };

before(async () => {
  server = await startServer();
  const add = promisify(execFile)(maplaceBinary(), [
    '--var-dir', server.varDir, 'user', 'add', '--email', OTHER.email,
    '--name', 'Odile Autre', '--role', 'advisor', '--password-stdin',
  ], { timeout: 60_000 });
  add.child.stdin.end(`${OTHER.password}\n`);
  await add;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// An organisation entered through the directory's form.
async function newOrganisation(page, { kind, name, siret, uai = '' }) {
  await page.goto(`${server.url}/conseil/repertoire/nouvelle`);
  await page.getByLabel('Type').selectOption(kind);
  await page.getByLabel('Nom').fill(name);
  await page.getByLabel('SIRET').fill(siret);
  if (uai) await page.getByLabel('UAI (CFA)').fill(uai);
  await submit(page, page.getByRole('button', { name: 'Enregistrer l\'organisation' }));
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

test('an advisor enters and imports contracts, follows an apprentice, and a confidential note '
     + 'stays hidden from another advisor', async () => {
  const page = await newPage(browser, { viewport: PHONE });
  let followUp;
  try {
    await logIn(page, server.url, server.logins['Conseiller emploi-formation']);
    await newOrganisation(page, { kind: 'employer', name: 'Garage du Lamentin (test)',
                                  siret: '73282932000074' });
    await newOrganisation(page, { kind: 'cfa', name: 'CFA Caraïbes (test)',
                                  siret: '55210055400013', uai: '9720001A' });

    // The demo's register is listed, with its filters.
    await page.goto(`${server.url}/conseil/contrats`);
    await page.getByRole('heading', { name: 'Contrats', level: 1 }).waitFor();
    assert.match(await page.locator('main').innerText(), /\d+ contrat\(s\)/);
    await checkOnPhone(page, '/conseil/contrats');
    await page.getByLabel('État').selectOption('broken');
    await submit(page, page.getByRole('button', { name: 'Filtrer' }));
    assert.match(page.url(), /state=broken/);
    const exportLink = await page.getByRole('link', { name: /Télécharger la liste filtrée/ })
      .getAttribute('href');
    assert.match(exportLink, /^\/conseil\/contrats\.xlsx\?state=broken/);

    // A contract whose pay is under the minimum is saved, its failing check explained.
    await page.goto(`${server.url}/conseil/contrats/nouveau`);
    await page.getByLabel('Nom', { exact: true }).fill('Joseph');
    await page.getByLabel('Prénom').fill('Léa');
    await page.getByLabel('Date de naissance').fill('2009-06-10');
    await page.getByLabel('SIRET de l\'employeur').fill('732 829 320 00074');
    await page.getByLabel('UAI ou SIRET du CFA').fill('9720001A');
    await page.getByLabel('Maître d\'apprentissage ou tuteur').fill('Marc Chef');
    await page.getByLabel('Diplôme ou titre préparé').fill('CAP Maintenance des véhicules');
    await page.getByLabel('Niveau', { exact: true }).selectOption('3');
    await page.getByLabel('Conclu le').fill('2026-08-20');
    await page.getByLabel('Début d\'exécution').fill('2026-09-01');
    await page.getByLabel('Fin du contrat').fill('2028-08-31');
    await page.getByLabel('1re année').fill('300');
    await checkOnPhone(page, '/conseil/contrats/nouveau');
    await submit(page, page.getByRole('button', { name: 'Enregistrer le contrat' }));
    await page.getByText('Le contrat est enregistré.').waitFor();
    const checks = page.locator('#controles-section');
    assert.match(await checks.innerText(), /1 contrôle\(s\) en échec/);
    assert.match(await checks.locator('[data-check="failed"]').innerText(),
                 /le salaire prévu \(300,00.€\) est inférieur au minimum/);
    await checkOnPhone(page, 'the contract with a failing check');

    // A CSV with a bad line is refused whole, line by line; the corrected file is imported.
    const header = 'last_name;first_name;birth_date;employer_siret;cfa;certification_title;'
      + 'level;concluded_on;starts_on;ends_on;tutor_name;pay_year1;pay_year2\n';
    const good = 'Rose;Marc;2004-01-02;73282932000074;9720001A;BP Boulanger;4;2026-08-01;'
      + '2026-09-01;2028-08-31;Jean Four;1300;1400\n';
    const bad = 'Pierre;Anne;2004-01-02;99999999999999;9720001A;BP Boulanger;9;2026-08-01;'
      + '2026-09-01;2028-08-31;Jean Four;1300;1400\n';
    await page.goto(`${server.url}/conseil/contrats/import`);
    await page.getByLabel('Fichier CSV des contrats').setInputFiles(
      { name: 'contrats.csv', mimeType: 'text/csv', buffer: Buffer.from(header + good + bad) });
    await submit(page, page.getByRole('button', { name: 'Vérifier le fichier' }));
    const errors = await page.locator('#erreurs-import').innerText();
    assert.match(errors, /rien n'a été enregistré/);
    assert.match(errors, /Ligne 3, colonne employer_siret : Aucun employeur connu/);
    assert.match(errors, /Ligne 3, colonne level/);
    await checkOnPhone(page, 'the import with errors');
    await page.getByLabel('Fichier CSV des contrats').setInputFiles(
      { name: 'contrats.csv', mimeType: 'text/csv', buffer: Buffer.from(header + good) });
    await submit(page, page.getByRole('button', { name: 'Vérifier le fichier' }));
    assert.match(await page.locator('#apercu-import').innerText(), /1 contrat\(s\) prêt\(s\)/);
    await page.getByLabel('Fichier CSV des contrats').setInputFiles(
      { name: 'contrats.csv', mimeType: 'text/csv', buffer: Buffer.from(header + good) });
    await submit(page, page.getByRole('button', { name: 'Importer' }));
    await page.getByRole('heading', { name: 'Contrats', level: 1 }).waitFor();
    await page.locator('main a', { hasText: 'Rose Marc' }).waitFor();

    // The first apprentice's follow-up: a minor; a difficulty and a confidential note.
    await page.locator('main a', { hasText: 'Joseph Léa' }).first().click();
    await page.getByRole('link', { name: 'Suivi de l\'apprenti' }).click();
    await page.getByRole('heading', { name: /Léa Joseph/, level: 1 }).waitFor();
    followUp = page.url();
    assert.match(await page.locator('h1').innerText(), /Mineur/);
    await page.getByLabel('Difficulté', { exact: true }).selectOption('transport');
    await page.getByLabel('Précisions').fill('Pas de bus avant 6 h depuis Sainte-Marie.');
    await submit(page, page.getByRole('button', { name: 'Signaler la difficulté' }));
    await page.getByText('La difficulté est enregistrée.').waitFor();
    assert.match(await page.locator('#difficultes ~ ul').innerText(), /Transport.*Pas de bus/s);
    await page.getByLabel('Note', { exact: true }).fill('Suivi médical en cours, ne pas en parler au tuteur.');
    await page.getByLabel('Confidentielle (santé, situation personnelle…)').check();
    await submit(page, page.getByRole('button', { name: 'Ajouter la note' }));
    await page.getByText('La note est enregistrée.').waitFor();
    assert.match(await page.locator('#notes ~ ul').innerText(), /Suivi médical en cours/);
    await checkOnPhone(page, '/conseil/apprentis/<id>');
  } finally {
    await page.close();
  }

  // Another advisor sees that a confidential note exists, not what it says.
  const other = await newPage(browser, { viewport: PHONE });
  try {
    await logIn(other, server.url, OTHER);
    await other.goto(followUp);
    await other.getByRole('heading', { name: /Léa Joseph/, level: 1 }).waitFor();
    const notes = await other.locator('#notes ~ ul').innerText();
    assert.match(notes, /Confidentielle/);
    assert.match(notes, /Note confidentielle : réservée au conseiller référent/);
    assert.doesNotMatch(await other.content(), /Suivi médical en cours/);
    assert.match(await other.locator('#difficultes ~ ul').innerText(), /Pas de bus/);
    await checkOnPhone(other, '/conseil/apprentis/<id> for another advisor');
  } finally {
    await other.close();
  }
});
