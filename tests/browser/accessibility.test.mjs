// Accessibility of every page: no serious or critical axe-core violation (WCAG 2.1 A and AA),
// no horizontal scrolling on a 360 px wide phone, and a skip link first in the tab order.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, newPage, logIn, assertNoSeriousViolations,
} from './harness.mjs';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

// Results of both simulators (tests/browser/simulators.test.mjs walks them step by step).
const SIMULATED_YOUNG = '/simulateurs/mes-aides?contrat=apprentissage&debut=2025-09-01&fin=2027-08-31' +
  '&niveau=4&territoire=972&naissance=2006-03-15&rqth=non&effectif=8&mobilite=hexagone' +
  '&mobilite_recue=non&permis=oui&permis_aide=non&locataire=oui&loyer=350&prive=oui&aller=resultat';
const SIMULATED_EMPLOYER = '/simulateurs/cout-apprenti?calcul=1&debut=2025-09-01&fin=2027-08-31' +
  '&naissance=2006-03-15&niveau=4&effectif=8&territoire=972&rqth=non&npec=7500';

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

// Checks the page as it is now (already loaded at desktop width).
async function checkCurrentPage(page, label) {
  await page.setViewportSize(DESKTOP);
  const h1 = page.getByRole('heading', { level: 1 });
  assert.equal(await h1.count(), 1, `${label}: one h1`);
  assert.ok((await page.title()).trim().length > 0, `${label}: a title`);
  await assertNoSeriousViolations(page, label);

  await page.setViewportSize(PHONE);
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(widths.scroll <= PHONE.width,
            `${label}: no horizontal scrolling at ${PHONE.width} px (scrollWidth ${widths.scroll})`);

  // The skip link is the first thing Tab reaches, and leads to the main content.
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    window.scrollTo(0, 0);
  });
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName, href: el?.getAttribute('href'), text: el?.textContent?.trim(),
      visible: el ? el.getBoundingClientRect().width > 1 : false,
    };
  });
  assert.deepEqual(first, { tag: 'A', href: '#contenu', text: 'Aller au contenu', visible: true },
                   `${label}: the skip link is the first focusable element and shows when focused`);
  assert.equal(await page.locator('#contenu').count(), 1, `${label}: #contenu exists`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'contenu');
  await page.setViewportSize(DESKTOP);
}

async function checkPath(t, page, path, { status = 200, label = path } = {}) {
  await t.test(label, async () => {
    const response = await page.goto(`${server.url}${path}`);
    assert.equal(response.status(), status, `${label}: HTTP status`);
    await checkCurrentPage(page, label);
  });
}

async function withPage(fn) {
  const page = await newPage(browser, { viewport: DESKTOP });
  try {
    await fn(page);
    assert.deepEqual(page.context().blockedRequests, [], 'no request may leave 127.0.0.1');
  } finally {
    await page.context().close();
  }
}

test('pages for visitors', async (t) => {
  await withPage(async (page) => {
    for (const path of ['/', '/connexion', '/inscription', '/mot-de-passe-oublie', '/mentions-legales',
                        '/donnees-personnelles', '/accessibilite', '/inscription/envoyee',
                        '/mot-de-passe-oublie/envoye', '/connexion?info=deconnecte',
                        '/inscription/confirmer?jeton=inconnu', '/mot-de-passe/nouveau?jeton=inconnu',
                        '/simulateurs', '/simulateurs/mes-aides', '/simulateurs/cout-apprenti',
                        SIMULATED_YOUNG, SIMULATED_EMPLOYER]) {
      await checkPath(t, page, path);
    }
    await checkPath(t, page, '/cette-page-n-existe-pas', { status: 404, label: '404 page' });

    await t.test('sign-up with errors', async () => {
      await page.goto(`${server.url}/inscription`);
      await page.getByLabel('Adresse e-mail').fill('pas-une-adresse');
      await page.getByLabel('Mot de passe', { exact: true }).fill('court');
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/inscription'),
        page.getByRole('button', { name: 'Créer mon compte' }).click(),
      ]);
      await page.waitForLoadState();
      await page.getByRole('alert').waitFor();
      assert.ok(await page.locator('[aria-invalid="true"]').count() >= 2, 'fields marked invalid');
      await checkCurrentPage(page, 'sign-up with errors');
    });

    await t.test('login with a wrong password', async () => {
      await page.goto(`${server.url}/connexion`);
      await page.getByLabel('Adresse e-mail').fill('personne@exemple.fr');
      await page.getByLabel('Mot de passe', { exact: true }).fill('pas le bon mot de passe');
      await page.getByRole('button', { name: 'Me connecter' }).click();
      await page.getByRole('alert').waitFor();
      await checkCurrentPage(page, 'login with errors');
    });
  });
});

test('job pages on the open data', async (t) => {
  if (server.sharedDataMissing) {
    t.skip(server.sharedDataMissing);
    return;
  }
  await withPage(async (page) => {
    for (const path of ['/metiers', '/metiers?area=201&sector=G', '/metiers/H2913', '/metiers/K2503',
                        '/bassins/201', '/sources']) {
      await checkPath(t, page, path);
    }
    await checkPath(t, page, '/metiers?area=999', { status: 422, label: '/metiers with a bad filter' });
    await checkPath(t, page, '/metiers/A9999', { status: 404, label: 'unknown job' });

    await t.test('the ranking form', async () => {
      await page.goto(`${server.url}/metiers`);
      await page.getByLabel('Bassin d\'emploi').selectOption({ label: 'Centre' });
      await page.getByLabel('Secteur').selectOption('G');
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/metiers' && u.searchParams.get('area') === '201'),
        page.getByRole('button', { name: 'Afficher le classement' }).click(),
      ]);
      const first = page.locator('table tbody tr').first();
      assert.equal(await first.locator('th[scope="row"]').textContent(), 'Cuisiniers');
      await first.getByRole('link', { name: 'Cuisinier / Cuisinière', exact: true }).click();
      await page.waitForURL((u) => u.pathname === '/metiers/G1609');
      await page.getByRole('img', { name: /projets de recrutement par année/ }).first().waitFor();
    });
  });
});

// The requester's pages: the result with « Demander cette aide », the request with its forms
// and their errors, and the list of requests.
async function checkYoungPersonsRequest(t, page) {
  await checkPath(t, page, SIMULATED_YOUNG, { label: 'simulator result (Jeune, signed in)' });
  await Promise.all([
    page.waitForURL((u) => /^\/mes-demandes\/\d+$/.test(u.pathname)),
    page.getByRole('button', { name: /^Demander cette aide/ }).first().click(),
  ]);
  const request = new URL(page.url()).pathname;
  await t.test('/mes-demandes/<id>', () => checkCurrentPage(page, '/mes-demandes/<id>'));
  await t.test('/mes-demandes/<id> with a refused document', async () => {
    await page.goto(`${server.url}${request}`);
    await page.getByLabel('Ajouter une pièce').setInputFiles({
      name: 'faux.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html></html>'),
    });
    await page.getByRole('button', { name: 'Ajouter la pièce' }).click();
    await page.waitForSelector('.form-errors');
    await checkCurrentPage(page, 'document refused');
  });
  await t.test('/mes-demandes/<id> with a bad IBAN', async () => {
    await page.goto(`${server.url}${request}`);
    await page.getByLabel('Titulaire du compte').fill('Léa Marie-Sainte');
    await page.getByLabel('IBAN').fill('FR7630006000011234567890188');
    await page.getByRole('button', { name: 'Enregistrer le compte' }).click();
    await page.waitForSelector('.form-errors');
    await checkCurrentPage(page, 'bad IBAN');
  });
  await checkPath(t, page, '/mes-demandes', { label: '/mes-demandes (Jeune)' });
}

test('personal space of each role', async (t) => {
  for (const [role, login] of Object.entries(server.logins)) {
    await withPage(async (page) => {
      await logIn(page, server.url, login);
      await t.test(`/espace (${role})`, async () => {
        await page.goto(`${server.url}/espace?info=bienvenue`);
        await checkCurrentPage(page, `/espace (${role})`);
      });
      if (role === 'Jeune') {
        await checkPath(t, page, '/compte', { label: `/compte (${role})` });
        await checkPath(t, page, '/admin/utilisateurs', { status: 403, label: `403 page (${role})` });
        await checkPath(t, page, '/nulle-part', { status: 404, label: `404 page (${role})` });
        await checkYoungPersonsRequest(t, page);
      }
    });
  }
});

test('organisation pages and the invitation', async (t) => {
  let invitation;
  for (const role of ['Employeur', 'CFA']) {
    await withPage(async (page) => {
      await logIn(page, server.url, server.logins[role]);
      await checkPath(t, page, '/organisation', { label: `/organisation (${role})` });
      await checkPath(t, page, '/compte', { label: `/compte (${role})` });
      if (role !== 'Employeur') return;

      await t.test('/organisation with an error', async () => {
        await page.goto(`${server.url}/organisation`);
        await page.getByLabel('Adresse e-mail de votre collègue').fill('pas-une-adresse');
        await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
        await page.getByRole('alert').waitFor();
        await checkCurrentPage(page, '/organisation with an error');
      });
      const colleague = 'nouvelle.collegue@exemple.fr';
      const before = server.mailCount();
      await page.goto(`${server.url}/organisation`);
      await page.getByLabel('Adresse e-mail de votre collègue').fill(colleague);
      await Promise.all([
        page.waitForURL((u) => u.search.includes('info=invitation-envoyee')),
        page.getByRole('button', { name: "Envoyer l'invitation" }).click(),
      ]);
      invitation = await server.waitForMail(colleague, before);
    });
  }
  await withPage(async (page) => {
    assert.ok(invitation?.token, 'the invitation mail has a link');
    await checkPath(t, page, `/invitation?jeton=${invitation.token}`, { label: '/invitation' });
  });
});

// Issue 5: sign-up of an organisation, the employer's offers, the public offer page and the
// advisors' queue.
test('employers, offers and the advisors\' queue', async (t) => {
  await withPage(async (page) => {
    for (const path of ['/inscription/entreprise', '/inscription/cfa']) await checkPath(t, page, path);
  });
  if (server.sharedDataMissing) {
    t.skip(server.sharedDataMissing);
    return;
  }
  let offer;
  await withPage(async (page) => {
    await logIn(page, server.url, server.logins.Employeur);
    for (const path of ['/employeur/offres', '/employeur/offres/nouvelle', '/organisation/details']) {
      await checkPath(t, page, path, { label: `${path} (Employeur)` });
    }
    await t.test('offer form with errors', async () => {
      await page.goto(`${server.url}/employeur/offres/nouvelle`);
      await page.getByLabel('Durée du contrat, en mois').fill('99');
      await Promise.all([page.waitForNavigation(),
                         page.getByRole('button', { name: 'Enregistrer et relire' }).click()]);
      await page.getByRole('alert').waitFor();
      await checkCurrentPage(page, 'offer form with errors');
    });
    await page.goto(`${server.url}/employeur/offres/nouvelle`);
    await page.getByLabel('Métier').fill('Personnel de cuisine (G1602)');
    await page.getByLabel("Intitulé de l'offre").fill('Commis de cuisine');
    await page.getByLabel('Niveau du diplôme préparé').selectOption('3');
    await page.getByLabel('Description du poste').fill('Une brigade de six personnes vous accueille au service du soir.');
    await page.getByLabel('Durée du contrat, en mois').fill('12');
    await page.getByLabel('Commune du lieu de travail').selectOption({ index: 1 });
    await Promise.all([page.waitForNavigation(),
                       page.getByRole('button', { name: 'Enregistrer et relire' }).click()]);
    offer = new URL(page.url()).pathname;
    assert.match(offer, /^\/employeur\/offres\/\d+$/);
    await t.test('/employeur/offres/<id> (draft)', () => checkCurrentPage(page, 'offer draft'));
    await page.goto(`${server.url}${offer}`);
    await Promise.all([page.waitForNavigation(),
                       page.getByRole('button', { name: "Publier l'offre" }).click()]);
    await t.test('/employeur/offres/<id> (published)', () => checkCurrentPage(page, 'offer published'));
  });
  await withPage(async (page) => {
    const id = offer.split('/').pop();
    await checkPath(t, page, `/offres/${id}`, { label: '/offres/<id>' });
    await checkPath(t, page, '/offres/999999', { status: 404, label: 'unknown offer' });
  });
  // Applying (issue 4 §3), the CV, « Mes candidatures » and the employer's inbox (issue 5 §3).
  await withPage(async (page) => {
    const id = offer.split('/').pop();
    await logIn(page, server.url, server.logins.Jeune);
    await checkPath(t, page, `/offres/${id}`, { label: '/offres/<id> (Jeune, apply form)' });
    await checkPath(t, page, '/mon-cv', { label: '/mon-cv (Jeune)' });
    await t.test('/mon-cv with an error', async () => {
      await page.goto(`${server.url}/mon-cv`);
      await page.locator('#cv').setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf',
                                                buffer: Buffer.from('pas un PDF') });
      await Promise.all([page.waitForNavigation(),
                         page.getByRole('button', { name: 'Enregistrer ce CV' }).click()]);
      await page.getByRole('alert').waitFor();
      await checkCurrentPage(page, '/mon-cv with an error');
    });
    await page.goto(`${server.url}/offres/${id}`);
    await page.getByLabel('Votre message au recruteur').fill('Bonjour, je suis disponible tout de suite.');
    await page.getByLabel('Pas encore').check();
    await Promise.all([page.waitForNavigation(),
                       page.getByRole('button', { name: 'Envoyer ma candidature' }).click()]);
    await t.test('/mes-candidatures', () => checkCurrentPage(page, '/mes-candidatures'));
  });
  await withPage(async (page) => {
    await logIn(page, server.url, server.logins.Employeur);
    await checkPath(t, page, '/employeur/candidatures', { label: '/employeur/candidatures' });
    const link = page.locator('main a[href^="/employeur/candidatures/"]')
      .filter({ hasNotText: 'XLSX' }).first();
    await checkPath(t, page, await link.getAttribute('href'),
                    { label: '/employeur/candidatures/<id>' });
  });
  await withPage(async (page) => {
    await logIn(page, server.url, server.logins['Conseiller emploi-formation']);
    await checkPath(t, page, '/conseil/organisations', { label: '/conseil/organisations' });
  });
});

test('administration pages', async (t) => {
  // A mail to show: a password reset request.
  await withPage(async (page) => {
    await page.goto(`${server.url}/mot-de-passe-oublie`);
    await page.getByLabel('Adresse e-mail').fill(server.logins.Finances.email);
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/mot-de-passe-oublie/envoye'),
      page.getByRole('button', { name: 'Recevoir le lien' }).click(),
    ]);
  });
  await withPage(async (page) => {
    await logIn(page, server.url, server.logins.Administration);
    await checkPath(t, page, '/admin/utilisateurs');
    await checkPath(t, page, '/admin/courriels');
    const link = page.locator('main table a[href^="/admin/courriels/"]').first();
    const href = await link.getAttribute('href');
    assert.match(href, /^\/admin\/courriels\/\d+$/);
    await checkPath(t, page, href, { label: '/admin/courriels/<id>' });
    await checkPath(t, page, '/admin/regles');
    await checkPath(t, page, '/admin/regles/smic_2026_06_hourly_euros', { label: '/admin/regles/<parameter>' });
    // The same form with its errors shown.
    await page.getByLabel('Nouvelle valeur').fill('douze');
    await page.getByRole('button', { name: 'Enregistrer la nouvelle valeur' }).click();
    await page.waitForSelector('.form-errors');
    await t.test('/admin/regles/<parameter> with errors', () => checkCurrentPage(page, 'parameter form with errors'));
    await checkPath(t, page, '/compte', { label: '/compte (Administration)' });
  });
});

test('staff pages on aid requests, payments and budgets', async (t) => {
  // The young person sends the draft the requester's checks made, when there is one.
  await withPage(async (page) => {
    await logIn(page, server.url, server.logins.Jeune);
    await page.goto(`${server.url}/mes-demandes`);
    const draft = page.locator('main a[href^="/mes-demandes/"]').first();
    if (!(await draft.count())) return;
    await page.goto(`${server.url}${await draft.getAttribute('href')}`);
    const send = page.getByRole('button', { name: 'Envoyer ma demande' });
    if (await send.count()) await Promise.all([page.waitForNavigation(), send.click()]);
  });
  await withPage(async (page) => {
    const role = 'Direction';
    await logIn(page, server.url, server.logins[role]);
    await checkPath(t, page, '/conseil/demandes', { label: `/conseil/demandes (${role})` });
    await checkPath(t, page, '/budgets', { label: `/budgets (${role})` });
    await t.test('/budgets with errors', async () => {
      await page.goto(`${server.url}/budgets`);
      await page.getByLabel('Montant alloué, en euros').fill('beaucoup');
      await page.getByRole('button', { name: "Créer l'enveloppe" }).click();
      await page.waitForSelector('.form-errors');
      await checkCurrentPage(page, '/budgets with errors');
    });
    await page.goto(`${server.url}/budgets`);
    await page.getByLabel('Libellé').fill('Mobilité — fonds propres');
    await page.getByLabel('Montant alloué, en euros').fill('20 000');
    await Promise.all([
      page.waitForURL((u) => u.search.includes('info=cree')),
      page.getByRole('button', { name: "Créer l'enveloppe" }).click(),
    ]);
    await t.test('/budgets with an envelope', () => checkCurrentPage(page, '/budgets with an envelope'));
    // A request to look at, when the requester's tests sent one.
    await page.goto(`${server.url}/conseil/demandes`);
    const link = page.locator('main table a[href^="/conseil/demandes/"]').first();
    if (await link.count()) {
      await checkPath(t, page, await link.getAttribute('href'), { label: '/conseil/demandes/<id>' });
    }
  });
  await withPage(async (page) => {
    const role = 'Conseiller emploi-formation';
    await logIn(page, server.url, server.logins[role]);
    await checkPath(t, page, '/conseil/demandes', { label: `/conseil/demandes (${role})` });
    await checkPath(t, page, '/budgets', { label: `/budgets (${role})` });
    await checkPath(t, page, '/finance/paiements', { status: 403, label: `/finance/paiements (${role})` });
    await page.goto(`${server.url}/conseil/demandes`);
    const link = page.locator('main table a[href^="/conseil/demandes/"]').first();
    if (!(await link.count())) return;
    const request = await link.getAttribute('href');
    await page.goto(`${server.url}${request}`);
    const takeUp = page.getByRole('button', { name: 'Prendre en charge' });
    if (!(await takeUp.count())) return;
    await Promise.all([page.waitForURL((u) => u.search.includes('info=fait')), takeUp.click()]);
    await t.test('/conseil/demandes/<id> under instruction', () =>
      checkCurrentPage(page, '/conseil/demandes/<id> under instruction'));
    await t.test('/conseil/demandes/<id> with a refused action', async () => {
      await page.goto(`${server.url}${request}`);
      await page.getByRole('button', { name: 'Demander un complément' }).click();
      await page.waitForSelector('.field-error');
      await checkCurrentPage(page, '/conseil/demandes/<id> with a refused action');
    });
  });
  await withPage(async (page) => {
    const role = 'Finances';
    await logIn(page, server.url, server.logins[role]);
    await checkPath(t, page, '/finance/paiements', { label: `/finance/paiements (${role})` });
    await checkPath(t, page, '/conseil/demandes', { label: `/conseil/demandes (${role})` });
    await checkPath(t, page, '/budgets', { label: `/budgets (${role})` });
  });
});

test('search, steering and public statistics', async (t) => {
  await withPage(async (page) => {
    await checkPath(t, page, '/recherche');
    await checkPath(t, page, '/recherche?q=boulanger&commune=Le+Lamentin&radius_km=30',
                    { label: '/recherche with results' });
    await checkPath(t, page, '/recherche?commune=Paris', { status: 400, label: '/recherche with an error' });
    await checkPath(t, page, '/statistiques');
  });
  await withPage(async (page) => {
    await logIn(page, server.url, server.logins.Direction);
    await checkPath(t, page, '/pilotage', { label: '/pilotage (Direction)' });
  });
});

test('the CFA catalogue', async (t) => {
  if (server.sharedDataMissing) {
    t.skip(server.sharedDataMissing);
    return;
  }
  let training;
  await withPage(async (page) => {
    await logIn(page, server.url, server.logins.CFA);
    for (const path of ['/cfa/formations', '/cfa/formations/nouvelle']) {
      await checkPath(t, page, path, { label: `${path} (CFA)` });
    }
    await t.test('training form with errors', async () => {
      await page.goto(`${server.url}/cfa/formations/nouvelle`);
      await page.getByLabel('Durée, en mois').fill('99');
      await Promise.all([page.waitForNavigation(),
                         page.getByRole('button', { name: 'Enregistrer et relire' }).click()]);
      await page.getByRole('alert').waitFor();
      await checkCurrentPage(page, 'training form with errors');
    });
    const year = new Date().getFullYear() + 1;
    await page.goto(`${server.url}/cfa/formations/nouvelle`);
    await page.getByLabel('Code RNCP').fill('RNCP37553');
    await page.getByLabel('Intitulé de la formation').fill('CAP Cuisine');
    await page.getByLabel('Métiers visés (codes ROME)').fill('G1602');
    await page.getByLabel('Dates de rentrée').fill(`${year}-09-01`);
    await page.getByLabel('Durée, en mois').fill('24');
    await page.getByLabel('Nombre de places').fill('12');
    await page.getByLabel('Commune du lieu de formation').selectOption('97213');
    await page.getByLabel('E-mail').fill('formations@cfa.test');
    await Promise.all([page.waitForNavigation(),
                       page.getByRole('button', { name: 'Enregistrer et relire' }).click()]);
    training = new URL(page.url()).pathname;
    assert.match(training, /^\/cfa\/formations\/\d+$/);
    await t.test('/cfa/formations/<id> (unpublished)', () => checkCurrentPage(page, 'training unpublished'));
    await Promise.all([page.waitForNavigation(),
                       page.getByRole('button', { name: 'Publier la formation' }).click()]);
    await t.test('/cfa/formations/<id> (published)', () => checkCurrentPage(page, 'training published'));
    await t.test('catalogue import with errors', async () => {
      await page.goto(`${server.url}/cfa/formations`);
      await page.getByLabel('Fichier CSV du catalogue').setInputFiles({
        name: 'catalogue.csv', mimeType: 'text/csv',
        buffer: Buffer.from('rncp;intitule;dates_debut;duree_mois;places;commune_insee\nRNCP37553;CAP;hier;x;0;1\n'),
      });
      await Promise.all([page.waitForNavigation(),
                         page.getByRole('button', { name: 'Importer le catalogue' }).click()]);
      await page.locator('#erreurs-import').waitFor();
      await checkCurrentPage(page, 'catalogue import with errors');
    });
  });
  await withPage(async (page) => {
    const id = training.split('/').pop();
    await checkPath(t, page, `/formations/${id}`, { label: '/formations/<id>' });
    await checkPath(t, page, '/formations/999999', { status: 404, label: 'unknown training' });
    await page.goto(`${server.url}/formations/${id}`);
    const cfa = await page.locator('a[href^="/cfas/"]').first().getAttribute('href');
    await checkPath(t, page, cfa, { label: '/cfas/<id>' });
  });
});
