// Issue 7, security.md §3: the server is killed (SIGKILL, as kill -9 or a power cut) while
// finance pays a batch — after the payment row is written, just before the commit, just after
// it — then started again, and the same form is sent again, as a browser retries after a lost
// answer. Each instalment is paid exactly once and `maplace audit verify` finds every money
// invariant and the journal's chain intact. Real HTTP on 127.0.0.1, no browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { maplaceBinary, startServer } from './harness.mjs';

// A tiny HTTP client with a cookie jar (cookies ignore the port, as browsers do).
function client() {
  const cookies = new Map();
  const send = async (url, { method = 'GET', form } = {}) => {
    const headers = { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    let body;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers.origin = new URL(url).origin;
      body = new URLSearchParams(form).toString();
    }
    const response = await fetch(url, { method, headers, body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return { status: response.status, location: response.headers.get('location'),
             body: await response.text() };
  };
  return { send };
}

const field = (html, name) => {
  const match = new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html);
  assert.ok(match, `no field ${name}`);
  return match[1];
};

async function logIn(http, url, { email, password }) {
  const form = await http.send(`${url}/connexion`);
  const done = await http.send(`${url}/connexion`, {
    method: 'POST', form: { csrf: field(form.body, 'csrf'), email, password },
  });
  assert.equal(done.status, 303, done.body);
}

for (const point of ['payment-inserted', 'batch-before-commit', 'batch-committed']) {
  test(`a batch killed at ${point} is replayed without loss or double payment`, async () => {
    const server = await startServer({ env: { MAPLACE_CRASH_AT: point } });
    try {
      const finance = client();
      await logIn(finance, server.url, server.logins.Finances);
      // The demo's committed request waits for its payment.
      const page = await finance.send(`${server.url}/finance/paiements`);
      assert.equal(page.status, 200);
      const id = field(page.body, 'pay');
      const form = {
        csrf: field(page.body, 'csrf'),
        batch_key: field(page.body, 'batch_key'),
        pay: id,
        [`instalment_${id}`]: field(page.body, `instalment_${id}`),
        [`amount_${id}`]: field(page.body, `amount_${id}`),
      };

      // The server dies while paying: the browser never gets an answer.
      await assert.rejects(finance.send(`${server.url}/finance/paiements`,
                                        { method: 'POST', form }));
      const { signal } = await server.exited();
      assert.equal(signal, 'SIGKILL');

      // Started again, the same form is sent again: it pays now, or finds the batch paid.
      await server.restart();
      const replay = await finance.send(`${server.url}/finance/paiements`,
                                        { method: 'POST', form });
      assert.equal(replay.status, 303, replay.body);
      const info = point === 'batch-committed' ? 'rejoue' : 'paye';
      assert.match(replay.location, new RegExp(`^/finance/lots/\\d+\\?info=${info}$`));
      // And once more: nothing more is paid.
      const again = await finance.send(`${server.url}/finance/paiements`,
                                       { method: 'POST', form });
      assert.equal(again.location, replay.location.replace(/info=\w+/, 'info=rejoue'));

      const batch = await finance.send(`${server.url}${replay.location.split('?')[0]}`);
      assert.equal(batch.status, 200);
      assert.equal((batch.body.match(/href="\/conseil\/demandes\/\d+"/g) ?? []).length, 1,
                   'one payment in the batch');
      const left = await finance.send(`${server.url}/finance/paiements`);
      assert.doesNotMatch(left.body, new RegExp(`name="pay" value="${id}"`));

      const verify = await promisify(execFile)(maplaceBinary(),
                                               ['--var-dir', server.varDir, 'audit', 'verify']);
      assert.match(verify.stdout, /payments\.once/);
    } finally {
      await server.stop();
    }
  });
}
