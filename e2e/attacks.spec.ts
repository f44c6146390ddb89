// Attacks from the browser and the network against the demo console: a page of another origin tries a no-cors
// text/plain fetch, an auto-submitted text/plain form and an iframe; a spoofed Host; the hostile battery of
// lib/cli/probe.ts. Nothing changes in EC2. And the console itself still works under its CSP.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runProbe } from '../lib/cli/probe';
import { E2E_CONTROL_TOKEN } from '../playwright.config';
import { emulatorUrl, expect, test } from './fixtures';

/** A page served by another origin (localhost, another port: another site than 127.0.0.1). */
async function attackerSite(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A move the console would really make (an idle Elastic IP onto a private IP), planned to prove it. */
async function realMove(baseURL: string): Promise<Record<string, unknown>> {
  const { snapshot } = (await (await fetch(`${baseURL}/api/topology`)).json()) as {
    snapshot: {
      eips: { allocationId: string; privateIp: string | null }[];
      enis: { id: string; subnetId: string; privateIps: { address: string }[]; attachment: unknown }[];
    };
  };
  for (const eip of snapshot.eips.filter((e) => e.privateIp === null)) {
    for (const eni of snapshot.enis.filter((e) => e.attachment)) {
      const move = {
        kind: 'move-eip',
        allocationId: eip.allocationId,
        toEni: eni.id,
        toIp: eni.privateIps[0]?.address,
      };
      const planned = await fetch(`${baseURL}/api/plan`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(move),
      });
      if (planned.ok) return move;
    }
  }
  throw new Error('no Elastic IP move is possible in the showcase');
}

function withHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('a page of another origin cannot change anything: no-cors fetch, text/plain form and iframe are all refused', async ({
  page,
  emulator,
  baseURL,
}) => {
  const console = baseURL as string;
  const move = await realMove(console);
  await emulator.reset();
  const body = JSON.stringify(move);
  // The form's one field is named with the JSON minus its end, so text/plain encoding sends `<name>=<value>` as JSON.
  const [name, value] = [`${body.slice(0, -1)},"pad":"`, '"}'];
  const site = await attackerSite(`<!doctype html><title>cats</title>
    <iframe id="framed" src="${console}/" width="800" height="400"></iframe>
    <iframe name="sink" style="display:none"></iframe>
    <form id="f" method="POST" action="${console}/api/apply" enctype="text/plain" target="sink">
      <input type="hidden" name='${name.replace(/'/g, '&#39;')}' value='${value}'>
    </form>
    <script>
      fetch(${JSON.stringify(`${console}/api/apply`)}, { method: 'POST', mode: 'no-cors', credentials: 'include',
        headers: { 'content-type': 'text/plain' }, body: ${JSON.stringify(body)} }).then(() => { document.title = 'fetched'; });
      document.getElementById('f').submit();
    </script>`);
  try {
    const applies: Promise<number>[] = [];
    page.on('request', (req) => {
      if (req.url().endsWith('/api/apply')) applies.push(req.response().then((r) => r?.status() ?? 0));
    });
    const consoleMessages: string[] = [];
    page.on('console', (m) => consoleMessages.push(m.text()));
    await page.goto(site.url);
    await expect.poll(() => applies.length).toBe(2);
    expect((await Promise.all(applies)).sort()).toEqual([403, 403]);

    // The framed console never renders: frame-ancestors 'none' (and X-Frame-Options: DENY) stop it.
    await expect
      .poll(() => consoleMessages.some((m) => /frame-ancestors|Refused to (display|frame)/i.test(m)))
      .toBe(true);
    const framed = page.frames().find((f) => f !== page.mainFrame() && f.name() !== 'sink');
    expect(await framed?.locator('[data-testid="topology"]').count()).toBe(0);

    expect(await emulator.mutatingRequests()).toEqual([]);
  } finally {
    await site.close();
  }
});

test('a spoofed Host is refused for pages and the API (DNS rebinding)', async ({ baseURL }) => {
  for (const path of ['/', '/api/topology']) {
    const res = await withHost(`${baseURL}${path}`, 'rebind.attacker.example');
    expect(res.status, path).toBe(421);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, code: 'wrong-host' });
  }
});

test('every answer carries the security headers; HSTS only over https', async ({ request }) => {
  const page = await request.get('/');
  const csp = page.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  const api = await request.get('/api/topology');
  expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  for (const res of [page, api]) {
    expect(res.headers()).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'permissions-policy': expect.stringContaining('camera=()'),
    });
    expect(res.headers()['strict-transport-security']).toBeUndefined();
  }
  const https = await request.get('/', { headers: { 'x-forwarded-proto': 'https' } });
  expect(https.headers()['strict-transport-security']).toContain('max-age=');
  // A fresh nonce per answer.
  expect((await request.get('/')).headers()['content-security-policy']).not.toBe(csp);
});

test('the console renders, hydrates and works under its CSP, with no violation reported', async ({
  page,
  console: ui,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const messages: string[] = [];
  page.on('console', (m) => messages.push(m.text()));
  await ui.open();
  // Hydrated: the search box answers a keystroke (client JS runs).
  await page.keyboard.press('/');
  await expect(page.getByTestId('search-input')).toBeFocused();
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(messages.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
});

test('the hostile battery (lib/cli/probe.ts): every request refused, no EC2 change got through', async ({
  emulator,
  baseURL,
}) => {
  await emulator.reset();
  process.env.EMULATOR_CONTROL_TOKEN = E2E_CONTROL_TOKEN;
  const report = await runProbe({ console: baseURL as string, emulator: emulatorUrl });
  console.log(
    `attack battery: requests tried ${report.tried}, refused ${report.refused}, EC2 mutating calls that got through ${report.mutatingCallsThrough} (EC2 calls of any kind: ${report.ec2Calls})`,
  );
  expect(report.attempts.filter((a) => !a.refused)).toEqual([]);
  expect(report.unsafeCliLines).toEqual([]);
  expect(report.mutatingCallsThrough).toBe(0);
  expect(await emulator.mutatingRequests()).toEqual([]);
});
