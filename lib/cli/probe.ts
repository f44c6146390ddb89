// `npx tsx lib/cli/probe.ts --console URL --emulator URL`: fires a battery of hostile requests at a running
// console (and its emulator) and prints how many were tried, how many refused, and how many EC2 calls that
// change state got through (read from the emulator's request log; EMULATOR_CONTROL_TOKEN must be its token).
import { request as httpRequest } from 'node:http';
import { controlHeaders } from '../emulator/access';
import type { Move, Plan } from '../topology/move';
import { candidateMoves } from '../testing/moves';
import { changeAttacks, HOSTILE_TEXT, unsafeCliLines } from './probe-changes';
import { checkMove } from '../topology/rules';
import type { Snapshot } from '../topology/schema';

export type Attempt = { name: string; status: number; refused: boolean };
export type ProbeReport = {
  tried: number;
  refused: number;
  mutatingCallsThrough: number;
  ec2Calls: number;
  attempts: Attempt[];
  /** Plan CLI lines carrying hostile text that a shell or the aws CLI would not pass on as that text (probe-changes.ts). */
  unsafeCliLines: string[];
};

type Raw = { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: number };

/** node:http, so Host, Origin, Sec-Fetch-* and Content-Length can be set to anything, as a hostile client would. */
function raw(base: string, r: Raw): Promise<number> {
  const url = new URL(r.path, base);
  return new Promise((resolve) => {
    const req = httpRequest(url, { method: r.method ?? 'POST', headers: r.headers ?? {} }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    // A refusal may close the connection while a large body is still being sent: the answer already came.
    req.on('error', () => resolve(0));
    if (r.chunks) {
      const chunk = Buffer.alloc(64 * 1024, 32);
      let sent = 0;
      const more = () => {
        while (sent < (r.chunks as number)) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', more);
        }
        req.end();
      };
      more();
    } else req.end(r.body);
  });
}

type LoggedCall = { action: string; parameters: Record<string, string> };

async function emulatorLog(emulator: string): Promise<LoggedCall[]> {
  const res = await fetch(`${emulator}/_emulator/requests`, { headers: controlHeaders() });
  if (!res.ok)
    throw new Error(
      `the emulator's request log answered ${res.status}: set EMULATOR_CONTROL_TOKEN to its control token`,
    );
  return ((await res.json()) as { requests: LoggedCall[] }).requests;
}

const isMutating = (c: LoggedCall) => !c.action.startsWith('Describe') && c.parameters.DryRun !== 'true';

/** A move the rules accept, and its plan, so every hostile request carries something that would really change EC2. */
async function realMove(
  console: string,
  token: string | undefined,
): Promise<{ move: Move; plan: Plan; snapshot: Snapshot }> {
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const answer = (await (await fetch(`${console}/api/topology`, { headers: auth })).json()) as {
    ok: boolean;
    snapshot: Snapshot;
  };
  if (!answer.ok) throw new Error('GET /api/topology was refused: pass --token for a console outside demo mode');
  const { snapshot } = answer;
  for (const move of candidateMoves(snapshot)) {
    const verdict = checkMove(snapshot, move);
    if (verdict.ok && move.kind === 'move-eip') return { move, plan: verdict.plan, snapshot };
  }
  throw new Error('no Elastic IP move is possible in this account');
}

export async function runProbe(opts: { console: string; emulator: string; token?: string }): Promise<ProbeReport> {
  const { move, plan, snapshot } = await realMove(opts.console, opts.token);
  const before = (await emulatorLog(opts.emulator)).length;
  const body = JSON.stringify(move);
  const own = new URL(opts.console);
  const json = { 'content-type': 'application/json' };
  const padded = JSON.stringify({
    move,
    confirmed: {
      ...plan,
      involved: Array.from({ length: 5_000 }, (_, i) => `eni-${i.toString(16).padStart(17, '0')}`),
    },
  });
  const unsignedForm = `Action=DisassociateAddress&Version=2016-11-15&AllocationId=${move.kind === 'move-eip' ? move.allocationId : ''}`;
  const battery: [string, () => Promise<number>][] = [];
  for (const path of ['/api/apply', '/api/plan']) {
    battery.push(
      [
        `${path}: no-cors fetch from another site (text/plain, Origin, Sec-Fetch-Site: cross-site)`,
        () =>
          raw(opts.console, {
            path,
            body,
            headers: {
              'content-type': 'text/plain;charset=UTF-8',
              origin: 'http://attacker.example',
              'sec-fetch-site': 'cross-site',
            },
          }),
      ],
      [
        `${path}: text/plain form from another site with a session cookie`,
        () =>
          raw(opts.console, {
            path,
            body: `${body.slice(0, -1)},"x":"="}`,
            headers: { 'content-type': 'text/plain', origin: 'http://attacker.example', cookie: 'session=abc' },
          }),
      ],
      [
        `${path}: JSON claiming to come from another origin`,
        () => raw(opts.console, { path, body, headers: { ...json, origin: 'http://attacker.example' } }),
      ],
      [
        `${path}: JSON from a same-site page on another port`,
        () => raw(opts.console, { path, body, headers: { ...json, 'sec-fetch-site': 'same-site' } }),
      ],
      [
        `${path}: Origin null (sandboxed frame)`,
        () => raw(opts.console, { path, body, headers: { ...json, origin: 'null' } }),
      ],
      [
        `${path}: text/plain without any Origin`,
        () => raw(opts.console, { path, body, headers: { 'content-type': 'text/plain' } }),
      ],
      [
        `${path}: form-urlencoded`,
        () =>
          raw(opts.console, {
            path,
            body: `move=${encodeURIComponent(body)}`,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          }),
      ],
      [`${path}: no Content-Type`, () => raw(opts.console, { path, body })],
      [
        `${path}: DNS rebinding (Host: attacker name)`,
        () => raw(opts.console, { path, body, headers: { ...json, host: `rebind.attacker.example:${own.port}` } }),
      ],
      [
        `${path}: bogus bearer token`,
        () => raw(opts.console, { path, body, headers: { ...json, authorization: 'Bearer guessed-token' } }),
      ],
      [
        `${path}: 70 KiB body`,
        () => raw(opts.console, { path, body: JSON.stringify({ ...move, pad: 'x'.repeat(70 * 1024) }), headers: json }),
      ],
      [
        `${path}: 64 MiB declared in Content-Length`,
        () =>
          raw(opts.console, { path, chunks: 1024, headers: { ...json, 'content-length': String(64 * 1024 * 1024) } }),
      ],
      [
        `${path}: 64 MiB streamed without Content-Length`,
        () => raw(opts.console, { path, chunks: 1024, headers: { ...json, 'transfer-encoding': 'chunked' } }),
      ],
      [`${path}: plan padded with 5,000 involved ids`, () => raw(opts.console, { path, body: padded, headers: json })],
    );
  }
  battery.push(
    [
      'page: DNS rebinding (Host: attacker name)',
      () => raw(opts.console, { method: 'GET', path: '/', headers: { host: `rebind.attacker.example:${own.port}` } }),
    ],
    [
      'GET /api/topology: DNS rebinding',
      () =>
        raw(opts.console, {
          method: 'GET',
          path: '/api/topology',
          headers: { host: `rebind.attacker.example:${own.port}` },
        }),
    ],
    [
      'emulator: unsigned DisassociateAddress',
      () =>
        raw(opts.emulator, {
          path: '/',
          body: unsignedForm,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
    ],
    [
      'emulator: signed-looking DisassociateAddress by GET',
      () =>
        raw(opts.emulator, {
          method: 'GET',
          path: `/?${unsignedForm}`,
          headers: {
            authorization: `AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
          },
        }),
    ],
    [
      'emulator control plane: reset without the token',
      () => raw(opts.emulator, { path: '/_emulator/reset', body: '{"scenario":"large"}', headers: json }),
    ],
    [
      'emulator control plane: fault injection with a guessed token',
      () =>
        raw(opts.emulator, {
          path: '/_emulator/faults',
          body: '{"action":"DescribeVpcs","code":"X"}',
          headers: { ...json, authorization: 'Bearer guess' },
        }),
    ],
  );

  const auth: Record<string, string> = opts.token ? { authorization: `Bearer ${opts.token}` } : {};
  const send = (method: string, path: string, payload?: unknown, headers: Record<string, string> = {}) =>
    raw(opts.console, {
      method,
      path,
      headers: { ...auth, ...(payload === undefined ? {} : json), ...headers },
      body: payload === undefined ? undefined : typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  battery.push(...changeAttacks(send, snapshot));

  const attempts: Attempt[] = [];
  for (const [name, attack] of battery) {
    const status = await past429(attack, (st) => st);
    attempts.push({ name, status, refused: status >= 400 || status === 0 });
  }
  const unsafe = await hostileCliLines(opts.console, auth, snapshot);
  const after = (await emulatorLog(opts.emulator)).slice(before);
  return {
    tried: attempts.length,
    refused: attempts.filter((a) => a.refused).length,
    mutatingCallsThrough: after.filter(isMutating).length,
    ec2Calls: after.length,
    attempts,
    unsafeCliLines: unsafe,
  };
}

/** A 429 proves nothing about the request itself: wait for the user's bucket and send it again (10 times at most). */
async function past429<T>(send: () => Promise<T>, status: (answer: T) => number): Promise<T> {
  let answer = await send();
  for (let i = 0; status(answer) === 429 && i < 10; i++) {
    await new Promise((r) => setTimeout(r, 1_100));
    answer = await send();
  }
  return answer;
}

/** Plans (never applied) of a new ENI and of tags with hostile text; their CLI lines that are not safe to paste. */
async function hostileCliLines(console: string, auth: Record<string, string>, s: Snapshot): Promise<string[]> {
  const eni = s.enis.find((e) => !e.attachment && !e.requesterManaged)?.id;
  const moves = [
    { kind: 'create-eni', subnetId: s.subnets[0]?.id, description: HOSTILE_TEXT, name: HOSTILE_TEXT },
    { kind: 'set-tags', resourceId: eni, tags: { Owner: HOSTILE_TEXT } },
  ];
  const lines: string[] = [];
  for (const move of moves) {
    const send = () =>
      fetch(`${console}/api/plan`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(move),
      });
    const res = await past429(send, (r) => r.status);
    const answer = (await res.json()) as { ok: boolean; plan?: Plan; message?: string };
    if (!answer.plan) throw new Error(`the plan of a hostile ${move.kind} was refused: ${answer.message}`);
    lines.push(...answer.plan.steps.map((step) => step.cli));
  }
  return unsafeCliLines(lines);
}

export type LoadFigures = {
  reloads: number;
  describesDuringStorm: number;
  paddedPlanStatus: number;
  ec2CallsOfLargestPlan: number;
};

/**
 * The load figures of issue 6: `clients` browsers reloading the topology for `seconds` (one EC2 read per 2 s at
 * most, instead of one per reload), and the EC2 calls one plan request with the largest allowed `involved` list
 * causes (a padded list used to cause 1,008).
 */
export async function loadFigures(opts: {
  console: string;
  emulator: string;
  token?: string;
  clients?: number;
  seconds?: number;
}): Promise<LoadFigures> {
  const auth: Record<string, string> = opts.token ? { authorization: `Bearer ${opts.token}` } : {};
  const { move, plan } = await realMove(opts.console, opts.token);
  const start = (await emulatorLog(opts.emulator)).length;
  const until = Date.now() + (opts.seconds ?? 5) * 1000;
  let reloads = 0;
  await Promise.all(
    Array.from({ length: opts.clients ?? 4 }, async () => {
      while (Date.now() < until) {
        await (await fetch(`${opts.console}/api/topology`, { headers: auth })).arrayBuffer();
        reloads++;
      }
    }),
  );
  const afterStorm = await emulatorLog(opts.emulator);
  const involved = Array.from({ length: 16 }, (_, i) => `eni-${(i + 1).toString(16).padStart(17, '0')}`);
  const res = await fetch(`${opts.console}/api/plan`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ move, confirmed: { ...plan, involved } }),
  });
  const afterPlan = await emulatorLog(opts.emulator);
  return {
    reloads,
    describesDuringStorm: afterStorm.length - start,
    paddedPlanStatus: res.status,
    ec2CallsOfLargestPlan: afterPlan.length - afterStorm.length,
  };
}

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

if (require.main === module) {
  const consoleUrl = arg('console') ?? 'http://127.0.0.1:3000';
  const emulator = arg('emulator') ?? 'http://127.0.0.1:4599';
  runProbe({ console: consoleUrl, emulator, token: arg('token') })
    .then((report) => {
      for (const a of report.attempts)
        console.log(`${a.refused ? 'refused ' : 'PASSED  '} ${String(a.status).padStart(3)}  ${a.name}`);
      console.log(
        `\nrequests tried: ${report.tried}, refused: ${report.refused}, EC2 mutating calls that got through: ${report.mutatingCallsThrough} (EC2 calls of any kind they caused: ${report.ec2Calls})`,
      );
      for (const line of report.unsafeCliLines) console.log(`UNSAFE CLI LINE  ${line}`);
      const ok =
        report.refused === report.tried && report.mutatingCallsThrough === 0 && report.unsafeCliLines.length === 0;
      return loadFigures({ console: consoleUrl, emulator, token: arg('token') }).then((load) => {
        console.log(
          `reload storm: 4 clients for 5 s made ${load.reloads} reloads and ${load.describesDuringStorm} EC2 calls; ` +
            `a plan with 16 padded involved ids answered ${load.paddedPlanStatus} after ${load.ec2CallsOfLargestPlan} EC2 calls`,
        );
        process.exit(ok ? 0 : 1);
      });
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(2);
    });
}
