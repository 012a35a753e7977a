// Issue 8 §6 on a phone (360 × 740) in Chromium: the demo manager opens the fictitious mobility
// agency's page, creates a convention with it that funds the demo's mobility envelope (a
// mistake first), sees how much of the envelope was committed and paid, adds a counterpart
// commitment and records progress on it; the list's export holds only the filtered rows. Axe
// checks at each step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import {
  startServer, launchBrowser, newPage, logIn, submit, checkOnPhone, PHONE,
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

// The text of every file of a ZIP archive (an XLSX), read from its central directory.
function zipTexts(buffer) {
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end -= 1;
  assert.ok(end >= 0, 'a ZIP archive');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const texts = {};
  for (let i = 0; i < count; i += 1) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + size);
    texts[name] = (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
    at += 46 + nameLength + extra;
  }
  return texts;
}

test('a manager creates a convention funding an envelope and follows a commitment', async () => {
  const page = await newPage(browser, { viewport: PHONE });
  try {
    await logIn(page, server.url, server.logins.Direction);
    const year = new Date().getUTCFullYear();

    // The partner's page lists the demo convention and offers a new one.
    await page.goto(`${server.url}/conseil/repertoire?kind=partner`);
    await submit(page, page.getByRole('link', { name: /Agence de mobilité outre-mer/ }));
    const conventions = page.locator('section', { has: page.locator('#conventions') });
    assert.match(await conventions.innerText(), /Mobilité des alternants vers l'Hexagone \(démo\)/);
    await checkOnPhone(page, '/conseil/organisations/<partner>');
    await submit(page, conventions.getByRole('link', { name: 'Nouvelle convention' }));
    await page.getByRole('heading', { name: 'Nouvelle convention', level: 1 }).waitFor();
    assert.match(await page.getByLabel('Partenaire').locator('option:checked').innerText(),
                 /Agence de mobilité outre-mer/);

    // A mistake first: the end before the start; the amount is kept as typed.
    await page.getByLabel('Objet').fill('Billets des alternants en formation à Paris');
    await page.getByLabel('Début').fill(`${year}-09-01`);
    await page.getByLabel('Fin').fill(`${year}-01-31`);
    await page.getByLabel('Montant (euros)').fill('40 000');
    await page.getByLabel(/Mobilité ultramarine .* fonds propres \(démo\)/).check();
    await submit(page, page.getByRole('button', { name: 'Enregistrer la convention' }));
    assert.match(await page.locator('.form-errors').innerText(),
                 /La date de fin ne peut précéder la date de début/);
    assert.equal(await page.getByLabel('Montant (euros)').inputValue(), '40 000');
    await checkOnPhone(page, 'the convention form with an error');
    await page.getByLabel('Fin').fill(`${year + 1}-06-30`);
    await submit(page, page.getByRole('button', { name: 'Enregistrer la convention' }));
    await page.getByText('La convention est enregistrée.').waitFor();

    // The envelope's use, read from the money journal: the demo's approved aid requests.
    const usage = await page.locator('#usage-summary').innerText();
    assert.match(usage, /Sur les enveloppes financées : .+,\d\d\u202f€ engagés \(\d+ % du montant/);
    assert.match(await page.locator('#utilisation ~ div table').innerText(),
                 /Mobilité ultramarine .* fonds propres \(démo\)/);
    await checkOnPhone(page, '/conseil/conventions/<id>');

    // A counterpart commitment, then its progress.
    await page.getByText('Ajouter un engagement').click();
    await page.getByLabel('Engagement', { exact: true }).fill('Accompagner 10 alternants à Paris');
    await page.getByLabel('Indicateur (ce qui est compté)').fill('alternants partis');
    await page.getByLabel('Cible').fill('10');
    await page.getByLabel('Échéance', { exact: true }).fill(`${year + 1}-06-30`);
    await submit(page, page.getByRole('button', { name: 'Ajouter l\'engagement' }));
    await page.getByText('L\'engagement est ajouté.').waitFor();
    const commitment = page.locator('li[data-commitment]',
                                    { hasText: 'Accompagner 10 alternants à Paris' });
    assert.match(await commitment.innerText(), /0 sur 10/);
    await commitment.getByText('Enregistrer un suivi').click();
    await commitment.getByLabel('Valeur atteinte').fill('4');
    await commitment.getByLabel('État').selectOption({ label: 'En cours' });
    await commitment.getByLabel('Commentaire (facultatif)').fill('Quatre billets achetés.');
    await checkOnPhone(page, 'the progress form');
    await submit(page, commitment.getByRole('button', { name: 'Enregistrer le suivi' }));
    await page.getByText('Le suivi de l\'engagement est enregistré.').waitFor();
    const followed = page.locator('li[data-commitment]',
                                  { hasText: 'Accompagner 10 alternants à Paris' });
    assert.match(await followed.innerText(), /4 sur 10 \(40 %\)/);
    assert.match(await followed.innerText(), /Patrick Démo : 4, En cours — Quatre billets achetés\./);

    // The list filtered by words; its export holds the filtered rows only.
    await page.goto(`${server.url}/conseil/conventions`);
    await page.getByLabel('Objet ou référence').fill('billets paris');
    await submit(page, page.getByRole('button', { name: 'Filtrer' }));
    assert.match(await page.locator('main').innerText(), /1 convention\(s\)/);
    await checkOnPhone(page, '/conseil/conventions filtered');
    const href = await page.getByRole('link', { name: 'Télécharger la liste filtrée (XLSX)' })
      .getAttribute('href');
    assert.match(href, /^\/conseil\/conventions\.xlsx\?q=billets(\+|%20)paris$/);
    const download = await page.request.get(`${server.url}${href}`);
    assert.equal(download.status(), 200);
    const texts = Object.values(zipTexts(await download.body())).join('\n');
    assert.match(texts, /Billets des alternants en formation à Paris/);
    assert.doesNotMatch(texts, /Hexagone \(démo\)/);
  } finally {
    await page.close();
  }
});
