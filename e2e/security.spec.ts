/// <reference lib="dom" />
// The browser shell's refusals, seen from a real Chromium rather than a hand-made HTTP client.
import { expect, test } from './fixtures';

test('a browser without the token gets a bare 401', async ({ browser, shell }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const res = await page.goto(`${shell.origin}/welcome`);
  expect(res?.status()).toBe(401);
  expect(await page.textContent('body')).toBe('Unauthorized');
  const wrong = await page.goto(`${shell.origin}/?token=${'0'.repeat(64)}`);
  expect(wrong?.status()).toBe(401);
  await context.close();
});

test('the session cookie is HttpOnly and SameSite=Strict, and the page cannot read it', async ({ page, shell }) => {
  const cookies = await page.context().cookies(shell.origin);
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  expect(cookies[0]?.value).not.toBe(new URL(shell.url).searchParams.get('token'));
  expect(await page.evaluate(() => document.cookie)).toBe('');
});

test('a page on another origin cannot open the WebSocket, even though the browser sends the cookie', async ({
  page,
  shell,
}) => {
  // Another port on 127.0.0.1 is "same site", so SameSite=Strict still sends the cookie: only the
  // Origin check stands between that page and the API.
  // Intercepted, so nothing needs to listen there; a high port avoids Chromium's unsafe-port list.
  const evil = `http://127.0.0.1:${(Number(new URL(shell.origin).port) % 60000) + 1024}/evil.html`;
  await page.route(evil, (route) => route.fulfill({ contentType: 'text/html', body: '<p>evil</p>' }));
  await page.goto(evil);
  const wsUrl = `${shell.origin.replace('http', 'ws')}/api/ws`;
  const outcome = await page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url);
        ws.onopen = () => resolve('open');
        ws.onerror = () => resolve('refused');
      }),
    wsUrl,
  );
  expect(outcome).toBe('refused');
});

test('the app itself talks to the services over the WebSocket', async ({ page, shell }) => {
  // Same origin with the cookie: the upgrade succeeds (the renderer's ApiClient connects on start).
  const outcome = await page.evaluate(
    (url) =>
      new Promise<unknown>((resolve) => {
        const ws = new WebSocket(url);
        ws.onopen = () => ws.send(JSON.stringify({ kind: 'call', id: 1, method: 'app.ping', input: { echo: 'e2e' } }));
        ws.onmessage = (e) => {
          const frame = JSON.parse(String(e.data)) as { kind: string; id?: number };
          if (frame.kind === 'result' && frame.id === 1) resolve(frame);
        };
        ws.onerror = () => resolve('refused');
      }),
    `${shell.origin.replace('http', 'ws')}/api/ws`,
  );
  expect(outcome).toEqual({ kind: 'result', id: 1, result: { ok: true, value: { echo: 'e2e' } } });
});
