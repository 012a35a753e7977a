// Accounts, as a person uses them in the browser: sign-up, log-in for every role, password
// reset, the password field, and form errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, logIn, logOut } from './harness.mjs';

const ROLES = ['Jeune', 'Employeur', 'CFA', 'Conseiller emploi-formation', 'Direction', 'Finances',
               'Administration'];

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

const pathOf = (page) => new URL(page.url()).pathname;

async function withPage(fn) {
  const page = await newPage(browser);
  try {
    await fn(page);
    assert.deepEqual(page.context().blockedRequests, [], 'no request may leave 127.0.0.1');
  } finally {
    await page.context().close();
  }
}

test('a young person signs up, confirms the address from the mail, and logs out', async () => {
  await withPage(async (page) => {
    const name = 'Maëlle Joseph-Angélique';
    const email = 'maelle.joseph@exemple.fr';
    await page.goto(`${server.url}/`);
    await page.getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Créer un compte' }).click();
    await page.waitForURL((u) => u.pathname === '/inscription');
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Créer mon compte' }).waitFor());

    await page.getByLabel('Prénom et nom').fill(name);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill('un soleil sur la savane');
    const before = server.mailCount();
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/inscription/envoyee'),
      page.getByRole('button', { name: 'Créer mon compte' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Vérifiez votre messagerie' }).waitFor();

    const mail = await server.waitForMail(email, before);
    assert.match(mail.text, /^Subject: /m);
    assert.ok(mail.token, `the mail has a link with a token:\n${mail.text}`);
    const link = new URL(mail.link);
    assert.equal(link.origin, server.url, 'the link points at this server');
    assert.equal(link.pathname, '/inscription/confirmer');

    // Opening the link changes nothing by itself: the button does.
    await page.goto(mail.link);
    await page.getByRole('heading', { level: 1, name: 'Activer mon compte' }).waitFor();
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/espace'),
      page.getByRole('button', { name: 'Activer mon compte' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: `Bonjour ${name}` }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Votre compte est activé' }).waitFor();
    assert.match(await page.locator('.site-header').innerText(), /Jeune/);

    await logOut(page);
    await page.getByRole('status').filter({ hasText: 'Vous êtes déconnecté.' }).waitFor();
    await page.goto(`${server.url}/espace`);
    assert.equal(pathOf(page), '/connexion', '/espace sends a visitor to the login page');
    await page.getByRole('heading', { level: 1, name: 'Me connecter' }).waitFor();
  });
});

test('each demo role logs in, sees its role in the header, and logs out', async () => {
  await withPage(async (page) => {
    for (const role of ROLES) {
      const login = server.logins[role];
      assert.ok(login, `demo account for ${role}`);
      await logIn(page, server.url, login);
      const header = page.locator('.site-header .account-nav');
      const text = await header.innerText();
      assert.ok(text.includes(`· ${role}`), `header shows "${role}": ${text}`);
      await page.getByRole('heading', { level: 1, name: /^Bonjour / }).waitFor();
      await logOut(page);
      assert.equal(await page.getByRole('button', { name: 'Se déconnecter' }).count(), 0,
                   `${role} is logged out`);
    }
  });
});

test('a forgotten password is reset from the mailed link; the old one is refused', async () => {
  const young = server.logins.Jeune;
  const newPassword = 'la mangrove chante au matin';
  await withPage(async (page) => {
    await page.goto(`${server.url}/connexion`);
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/mot-de-passe-oublie'),
      page.getByRole('link', { name: 'Mot de passe oublié ?' }).click(),
    ]);
    await page.getByLabel('Adresse e-mail').fill(young.email);
    const before = server.mailCount();
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/mot-de-passe-oublie/envoye'),
      page.getByRole('button', { name: 'Recevoir le lien' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Vérifiez votre messagerie' }).waitFor();

    const mail = await server.waitForMail(young.email, before);
    assert.ok(mail.token, `the mail has a link with a token:\n${mail.text}`);
    assert.equal(new URL(mail.link).pathname, '/mot-de-passe/nouveau');
    await page.goto(mail.link);
    await page.getByRole('heading', { level: 1, name: 'Choisir un nouveau mot de passe' }).waitFor();
    await page.getByLabel('Nouveau mot de passe').fill(newPassword);
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/connexion'),
      page.getByRole('button', { name: 'Enregistrer' }).click(),
    ]);
    await page.getByRole('status').filter({ hasText: 'Votre mot de passe a été changé' }).waitFor();

    await logIn(page, server.url, { email: young.email, password: newPassword });
    await page.getByRole('heading', { level: 1, name: /^Bonjour / }).waitFor();
    await logOut(page);
    server.logins.Jeune = { email: young.email, password: newPassword };

    // The old password no longer opens the account.
    await page.getByLabel('Adresse e-mail').fill(young.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(young.password);
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/connexion'),
      page.getByRole('button', { name: 'Me connecter' }).click(),
    ]);
    await page.waitForLoadState();
    assert.equal(pathOf(page), '/connexion');
    const summary = page.getByRole('alert');
    await summary.waitFor();
    assert.match(await page.locator('main').innerText(), /Adresse e-mail ou mot de passe incorrect\./);
    assert.equal(await page.getByRole('button', { name: 'Se déconnecter' }).count(), 0);

    // The reset link worked once only.
    await page.goto(mail.link);
    await page.getByLabel('Nouveau mot de passe').fill('encore un autre mot de passe');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForLoadState();
    assert.notEqual(pathOf(page), '/connexion', 'a used link cannot change the password again');
  });
});

test('the password can be shown and hidden, and pasted', async () => {
  await withPage(async (page) => {
    await page.goto(`${server.url}/inscription`);
    const input = page.getByLabel('Mot de passe', { exact: true });
    const toggle = page.getByRole('button', { name: 'Afficher' });
    assert.equal(await input.getAttribute('type'), 'password');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.equal(await toggle.getAttribute('aria-controls'), 'password');

    await toggle.click();
    assert.equal(await input.getAttribute('type'), 'text');
    const hide = page.getByRole('button', { name: 'Masquer' });
    assert.equal(await hide.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Masquer',
                 'focus stays on the toggle');

    // With the keyboard too.
    await hide.press('Enter');
    assert.equal(await input.getAttribute('type'), 'password');
    assert.equal(await page.getByRole('button', { name: 'Afficher' }).getAttribute('aria-pressed'), 'false');

    // Nothing forbids pasting (password managers, long passphrases).
    for (const attribute of ['onpaste', 'oncopy', 'oncut', 'ondrop']) {
      assert.equal(await page.locator(`[${attribute}]`).count(), 0, `no ${attribute} attribute`);
    }
    const pasted = 'collé depuis le presse-papiers';
    await input.focus();
    const notBlocked = await input.evaluate((element, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      return element.dispatchEvent(event); // false if a handler called preventDefault()
    }, pasted);
    assert.ok(notBlocked, 'the paste event is not cancelled');
    await input.fill(pasted);
    assert.equal(await input.inputValue(), pasted);
    await page.locator('#password-meter').filter({ hasText: 'Longueur suffisante' }).waitFor();
  });
});

test('a too short password shows the error summary and marks the field invalid', async () => {
  await withPage(async (page) => {
    await page.goto(`${server.url}/inscription`);
    await page.getByLabel('Prénom et nom').fill('Lucas Marie-Sainte');
    await page.getByLabel('Adresse e-mail').fill('lucas.ms@exemple.fr');
    await page.getByLabel('Mot de passe', { exact: true }).fill('court');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/inscription'),
      page.getByRole('button', { name: 'Créer mon compte' }).click(),
    ]);
    assert.equal(response.status(), 422);
    await page.waitForLoadState();

    const summary = page.getByRole('alert');
    await summary.waitFor();
    assert.match(await summary.getByRole('heading').innerText(), /^Il y a 1 erreur/);
    const errorLink = summary.getByRole('link');
    assert.equal(await errorLink.count(), 1);
    assert.equal(await errorLink.getAttribute('href'), '#password');

    const input = page.getByLabel('Mot de passe', { exact: true });
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    const described = (await input.getAttribute('aria-describedby')).split(/\s+/);
    assert.ok(described.includes('password-err'), `the message describes the field: ${described}`);
    const message = (await page.locator('#password-err').innerText()).trim();
    assert.ok(message.length > 0, 'the field shows its error');
    // The other fields keep what was typed and are not marked.
    assert.equal(await page.getByLabel('Prénom et nom').inputValue(), 'Lucas Marie-Sainte');
    assert.equal(await page.getByLabel('Adresse e-mail').inputValue(), 'lucas.ms@exemple.fr');
    assert.equal(await page.getByLabel('Adresse e-mail').getAttribute('aria-invalid'), null);
    assert.equal(await input.inputValue(), '', 'a password is never sent back');

    // The summary's link leads to the field.
    await errorLink.click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'password');
  });
});

test('the browser reaches nothing but the local server', async () => {
  const page = await newPage(browser);
  try {
    await assert.rejects(page.goto('http://example.org/'), /ERR_BLOCKED_BY_CLIENT/);
    // Any page of the context: its route guards them all.
    const other = await page.context().newPage();
    await assert.rejects(other.goto('https://example.com/'), /ERR_BLOCKED_BY_CLIENT/);
    assert.deepEqual(page.context().blockedRequests, ['http://example.org/', 'https://example.com/']);
    // (a fresh page: the blocked ones are still switching to Chromium's error page)
    const local = await page.context().newPage();
    const response = await local.goto(`${server.url}/`);
    assert.equal(response.status(), 200);
  } finally {
    await page.context().close();
  }
});
