// Shared helpers of the browser tests: a maplace server on a throwaway var dir, Debian's
// Chromium driven by playwright-core (never a downloaded browser), and axe-core checks.
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// The sanitizer build (script/test) is much slower than release: every wait is generous.
export const NAVIGATION_TIMEOUT = 30_000;
const START_TIMEOUT = 30_000;
const STOP_TIMEOUT = 15_000;
const MAIL_TIMEOUT = 10_000;
const MAIL_POLL = 50;

export function maplaceBinary() {
  const bin = process.env.MAPLACE_BIN || 'build/release/src/app/maplace';
  return path.resolve(repoRoot, bin);
}

// "  Conseiller emploi-formation    conseiller@demo.icicestmaplace.fr    PdkQz…" → role → login.
export function parseDemoLogins(output) {
  const logins = {};
  for (const line of output.split('\n')) {
    const match = /^\s*(\S.*?)\s+(\S+@demo\.icicestmaplace\.fr)\s+(\S+)\s*$/.exec(line);
    if (match) logins[match[1]] = { email: match[2], password: match[3] };
  }
  return logins;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function listMails(mailDir) {
  try {
    return fs.readdirSync(mailDir).filter((name) => /^\d+\.eml$/.test(name)).sort();
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
}

// The open data the job pages show: ../shared/data beside the repository and the npm packages,
// imported as an administrator does (`maplace import-all`).
export const SHARED_DATA = path.resolve(repoRoot, '..', 'shared', 'data');
const IMPORT_TIMEOUT = 240_000; // every dataset, under the sanitizers

// Imports the shared data into varDir; resolves to null, or to why it could not (no folder).
async function importSharedData(bin, varDir) {
  if (!fs.existsSync(SHARED_DATA)) {
    return `no shared data at ${SHARED_DATA}: the pages that need it are not checked`;
  }
  await promisify(execFile)(bin, ['--var-dir', varDir, 'import-all', SHARED_DATA,
                                  '--node-modules', path.join(repoRoot, 'node_modules')],
                            { timeout: IMPORT_TIMEOUT });
  return null;
}

// Runs `maplace serve` on a free port of 127.0.0.1 over `varDir`; resolves once it listens.
async function spawnServer(bin, varDir, env) {
  const child = spawn(bin, ['--var-dir', varDir, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let log = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => { log += chunk; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`maplace did not start within ${START_TIMEOUT} ms:\n${out}${log}`));
    }, START_TIMEOUT);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /maplace listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`maplace exited early (${code ?? signal}):\n${out}${log}`));
    });
  });
  child.stdout.resume(); // keep draining stdout so the server never blocks on a full pipe
  return { url, child, exited, log: () => log };
}

// Starts `maplace serve` on a free port, with demo accounts, in a new temporary var dir; with
// { sharedData: true }, the open data of ../shared/data is imported first. The result's
// `sharedDataMissing` then says why it could not be (tests skip with that message), or is null.
// With { env }, the server runs with those variables added (MAPLACE_CRASH_AT for crash tests).
export async function startServer({ sharedData = false, env = {} } = {}) {
  const bin = maplaceBinary();
  if (!fs.existsSync(bin)) throw new Error(`maplace binary not found: ${bin} (set MAPLACE_BIN)`);
  const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maplace-browser-'));
  const mailDir = path.join(varDir, 'mail');
  try {
    const { stdout } = await promisify(execFile)(bin, ['--var-dir', varDir, 'demo'], {
      timeout: START_TIMEOUT,
    });
    const logins = parseDemoLogins(stdout);
    if (Object.keys(logins).length !== 7) {
      throw new Error(`expected 7 demo accounts, parsed ${Object.keys(logins).length}:\n${stdout}`);
    }
    const sharedDataMissing = sharedData ? await importSharedData(bin, varDir) : 'not asked for';
    if (sharedData && sharedDataMissing) console.warn(`# ${sharedDataMissing}`);

    let server = await spawnServer(bin, varDir, env);
    let stopped = false;
    // Stops the running server (SIGTERM, then SIGKILL after a while); a server that already
    // died (a crash test) is left as it is.
    const halt = async () => {
      const { child, exited } = server;
      if (child.exitCode !== null || child.signalCode !== null) return null;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT);
      const { code, signal } = await exited;
      clearTimeout(timer);
      return code !== 0 ? `maplace stopped with ${code ?? signal}:\n${server.log()}` : null;
    };
    const stop = async () => {
      if (!stopped) {
        stopped = true;
        const failure = await halt();
        fs.rmSync(varDir, { recursive: true, force: true });
        if (failure) throw new Error(failure);
      }
    };
    // Starts the server again on the same var dir (same database, keys and mails), with
    // `restartEnv` added to the environment; the new address is in result.url.
    const restart = async (restartEnv = {}) => {
      const failure = await halt();
      if (failure) throw new Error(failure);
      server = await spawnServer(bin, varDir, restartEnv);
      result.url = server.url;
      return server.url;
    };
    // How the current server process ended: null while it runs, else { code, signal }.
    const exitStatus = () => {
      const { child } = server;
      if (child.exitCode === null && child.signalCode === null) return null;
      return { code: child.exitCode, signal: child.signalCode };
    };
    const url = server.url;

    // Number of mails delivered so far: pass it to waitForMail() before triggering a mail.
    const mailCount = () => listMails(mailDir).length;

    // The first mail to `to` delivered after the first `afterCount` mails, with the token of
    // its link (?jeton=…). Polls, since mails are delivered asynchronously.
    const waitForMail = async (to, afterCount = 0) => {
      const deadline = Date.now() + MAIL_TIMEOUT;
      const wanted = to.toLowerCase();
      for (;;) {
        for (const name of listMails(mailDir).slice(afterCount)) {
          const file = path.join(mailDir, name);
          const text = fs.readFileSync(file, 'utf8');
          const header = text.split(/\r?\n\r?\n/, 1)[0];
          const recipient = /^To:\s*<?([^>\r\n]+)>?/mi.exec(header);
          if (recipient && recipient[1].trim().toLowerCase() === wanted) {
            const link = /(https?:\/\/\S+?\?jeton=([A-Za-z0-9_-]+))/.exec(text);
            return { path: file, text, token: link ? link[2] : null, link: link ? link[1] : null };
          }
        }
        if (Date.now() > deadline) {
          throw new Error(`no mail to ${to} after mail #${afterCount} within ${MAIL_TIMEOUT} ms ` +
                          `(mails: ${listMails(mailDir).join(', ') || 'none'})`);
        }
        await sleep(MAIL_POLL);
      }
    };

    // Resolves with { code, signal } once the current server process has ended.
    const exited = () => server.exited;
    const result = { url, varDir, logins, sharedDataMissing, stop, restart, exitStatus, exited,
                     mailCount, waitForMail, log: () => server.log() };
    return result;
  } catch (error) {
    fs.rmSync(varDir, { recursive: true, force: true });
    throw error;
  }
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run'],
    timeout: NAVIGATION_TIMEOUT,
  });
}

function isLocal(requestUrl) {
  try {
    const { protocol, hostname } = new URL(requestUrl);
    if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
    return hostname === '127.0.0.1' || hostname === 'localhost';
  } catch {
    return false;
  }
}

// A fresh context (its own cookies) whose pages can reach nothing but the local server.
// Requests elsewhere are aborted and remembered in context.blockedRequests.
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({ locale: 'fr-FR', ...options });
  context.blockedRequests = [];
  context.setDefaultTimeout(NAVIGATION_TIMEOUT);
  context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT);
  await context.route('**/*', (route) => {
    const requestUrl = route.request().url();
    if (isLocal(requestUrl)) return route.continue();
    context.blockedRequests.push(requestUrl);
    return route.abort('blockedbyclient');
  });
  return context;
}

// A page in a fresh context: each page object also carries its context.
export async function newPage(browser, options = {}) {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  await page.route('**/*', (route) => {
    const requestUrl = route.request().url();
    if (isLocal(requestUrl)) return route.fallback();
    context.blockedRequests.push(requestUrl);
    return route.abort('blockedbyclient');
  });
  return page;
}

// Logs in through the form; resolves once on the personal space.
export async function logIn(page, url, { email, password }) {
  await page.goto(`${url}/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await Promise.all([
    page.waitForURL((target) => target.pathname === '/espace'),
    page.getByRole('button', { name: 'Me connecter' }).click(),
  ]);
}

export async function logOut(page) {
  await Promise.all([
    page.waitForURL((target) => target.pathname === '/connexion'),
    page.getByRole('button', { name: 'Se déconnecter' }).click(),
  ]);
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Serious and critical WCAG 2.1 A/AA violations of the page as it is now.
export async function seriousViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations) {
  return violations.map((v) => {
    const targets = v.nodes.map((node) => `    ${JSON.stringify(node.target)}: ${node.failureSummary?.split('\n').join(' ')}`);
    return `  ${v.id} (${v.impact}): ${v.help}\n${targets.join('\n')}`;
  }).join('\n');
}

// Fails with every serious/critical violation (rule id and target) in the message.
export async function assertNoSeriousViolations(page, label = page.url()) {
  const violations = await seriousViolations(page);
  if (violations.length > 0) {
    throw new Error(`axe: ${violations.length} serious/critical violation(s) on ${label}:\n` +
                    describeViolations(violations));
  }
}

// A phone's viewport, the size the young people's pages are checked at.
export const PHONE = { width: 360, height: 740 };

// Clicks `button` and waits for the page it leads to.
export async function submit(page, button) {
  await Promise.all([page.waitForNavigation(), button.click()]);
}

// The page passes the axe checks and does not scroll sideways on a phone.
export async function checkOnPhone(page, label) {
  await assertNoSeriousViolations(page, label);
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scroll > PHONE.width) {
    throw new Error(`${label}: horizontal scrolling on a phone (scrollWidth ${scroll})`);
  }
}

// The demo on the open data of ../shared/data, as script/server shows it: the whole ROME, the
// employment areas, communes, postal codes and positions, then `maplace demo` (its offers and trainings
// need the jobs), then a restart so that the search index holds them. Resolves to the demo
// logins, or to { missing } when there is no shared data (the caller skips its tests).
export async function startDemoOnSharedData(server) {
  if (!fs.existsSync(SHARED_DATA)) return { missing: `no shared data at ${SHARED_DATA}` };
  const modules = path.join(repoRoot, 'node_modules');
  for (const [kind, file] of [
    ['rome', path.join(SHARED_DATA, 'rome', 'v460')],
    ['areas', path.join(SHARED_DATA, 'bmo', 'bassins_emploi_martinique.csv')],
    ['communes', path.join(modules, '@etalab', 'decoupage-administratif', 'data', 'communes.json')],
    ['postal-codes', path.join(modules, 'codes-postaux', 'codes-postaux.json')],
    ['commune-positions', path.join(repoRoot, 'data', 'seed', 'commune_positions.csv')],
  ]) {
    await promisify(execFile)(maplaceBinary(), ['--var-dir', server.varDir, 'import', kind, file],
                              { timeout: IMPORT_TIMEOUT });
  }
  const { stdout } = await promisify(execFile)(maplaceBinary(),
                                               ['--var-dir', server.varDir, 'demo'],
                                               { timeout: IMPORT_TIMEOUT });
  await server.restart();
  return { logins: parseDemoLogins(stdout) };
}
