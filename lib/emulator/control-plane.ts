// JSON control plane under /_emulator/: scenarios, reset, request log, settings, fault injection, health.
import type { Emulator, Fault } from './emulator';
import { failInstance } from './health';
import type { ScenarioDefinition } from './scenario-schema';
import { DEMO_ACCESS_KEY_ID, listMultiScenarios, multiScenarioNames } from './accounts';
import { listScenarios, scenarioNames } from './scenarios';
import { parseSettingsPatch } from './settings';
import { ACCOUNT_ID } from './store';

export interface JsonAnswer {
  status: number;
  json: unknown;
}

const bad = (error: string): JsonAnswer => ({ status: 400, json: { error } });

function parseJson(body: string, hint: string): { ok: true; value: unknown } | { ok: false; answer: JsonAnswer } {
  try {
    return { ok: true, value: body.trim() === '' ? {} : (JSON.parse(body) as unknown) };
  } catch {
    return { ok: false, answer: bad(`The body must be JSON, e.g. ${hint}`) };
  }
}

const FAULT_HINT =
  '{"action":"AttachNetworkInterface","code":"InternalError","status":500,"message":"…","times":1} ' +
  '(optional: "when":"before"|"after-commit", "kind":"error"|"reset", "dryRun":false; "action":"*" for every action)';

function parseFault(value: unknown): Fault | string {
  if (typeof value !== 'object' || value === null) return `Send a JSON object like ${FAULT_HINT}`;
  const v = value as Record<string, unknown>;
  if (typeof v.action !== 'string' || v.action === '')
    return `"action" (an EC2 action name, or "*") is required, e.g. ${FAULT_HINT}`;
  const when = v.when ?? 'before';
  if (when !== 'before' && when !== 'after-commit')
    return '"when" must be "before" (nothing changes) or "after-commit" (the change is made, then the answer fails)';
  const kind = v.kind ?? 'error';
  if (kind !== 'error' && kind !== 'reset')
    return '"kind" must be "error" (an EC2 error answer) or "reset" (the connection closes with no answer)';
  const dryRun = v.dryRun ?? true;
  if (typeof dryRun !== 'boolean') return '"dryRun" must be true or false (whether a DryRun call uses up the fault)';
  // A reset sends no answer, so it needs no error code.
  const code = v.code ?? (kind === 'reset' ? 'ConnectionReset' : undefined);
  if (typeof code !== 'string' || code === '') return `"code" (an EC2 error code) is required, e.g. ${FAULT_HINT}`;
  const status = v.status ?? 400;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599)
    return '"status" must be an HTTP error status (400-599)';
  const times = v.times ?? 1;
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) return '"times" must be a positive integer';
  const message = v.message ?? `Injected fault ${code}`;
  if (typeof message !== 'string') return '"message" must be a string';
  return { action: v.action, code, status, message, times, when, kind, dryRun };
}

const FAIL_HINT =
  '{"instanceId":"i-0123456789abcdef0","stopAfterMs":5000} (with "account" and "region" in a multi-account scenario)';

/** Simulates a failed instance: its status checks report impaired at once; with stopAfterMs it then stops. */
function failInstanceRoute(emu: Emulator, body: string): JsonAnswer {
  const parsed = parseJson(body, FAIL_HINT);
  if (!parsed.ok) return parsed.answer;
  const v = (typeof parsed.value === 'object' && parsed.value !== null ? parsed.value : {}) as Record<string, unknown>;
  if (typeof v.instanceId !== 'string' || v.instanceId === '')
    return bad(`"instanceId" is required, e.g. ${FAIL_HINT}`);
  const stop = v.stopAfterMs;
  if (stop !== undefined && (typeof stop !== 'number' || !Number.isInteger(stop) || stop < 0 || stop > 3_600_000)) {
    return bad(
      '"stopAfterMs" must be an integer number of milliseconds from 0 to 3600000, or left out (the instance keeps running, impaired)',
    );
  }
  // A multi-account scenario: the account (by id) and region named, else the default store (every key's, otherwise).
  const { account, region } = v;
  if ((account !== undefined && typeof account !== 'string') || (region !== undefined && typeof region !== 'string'))
    return bad('"account" (an account id of GET /_emulator/accounts) and "region" must be strings, or left out');
  const store = account !== undefined && emu.accounts ? emu.accounts.storeOfAccount(account, region) : emu.store;
  if (!store)
    return {
      status: 404,
      json: { error: `There is no account "${account}"${region ? ` in ${region}` : ''}. See GET /_emulator/accounts.` },
    };
  const now = Date.now();
  store.settle(now);
  const error = failInstance(store, v.instanceId, now, stop);
  if (error) return { status: error.startsWith('There is no') ? 404 : 409, json: { error } };
  return {
    status: 200,
    json: {
      ok: true,
      instanceId: v.instanceId,
      impairedSince: new Date(now).toISOString(),
      stopsAt: stop === undefined ? null : new Date(now + stop).toISOString(),
    },
  };
}

export function handleControl(emu: Emulator, method: string, path: string, body: string): JsonAnswer {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  switch (route) {
    case 'GET /_emulator/health':
      return { status: 200, json: { ok: true, scenario: emu.scenario } };
    case 'GET /_emulator/scenarios':
      return { status: 200, json: { current: emu.scenario, scenarios: [...listScenarios(), ...listMultiScenarios()] } };
    case 'POST /_emulator/reset': {
      const hint = '{"scenario":"showcase"} or {"definition":{…a scenario in the scenarios/*.json format…}}';
      const parsed = parseJson(body, hint);
      if (!parsed.ok) return parsed.answer;
      const v = parsed.value as { scenario?: unknown; definition?: unknown };
      if (typeof v === 'object' && v !== null && v.definition !== undefined) {
        try {
          emu.reset(v.definition as ScenarioDefinition); // validated by reset (scenarioSchema)
        } catch (err) {
          return bad(err instanceof Error ? err.message : String(err));
        }
        return { status: 200, json: { ok: true, scenario: emu.scenario } };
      }
      const name = typeof v === 'object' && v !== null ? v.scenario : undefined;
      const known = [...scenarioNames(), ...multiScenarioNames()];
      if (typeof name !== 'string' || !known.includes(name)) {
        return {
          status: 400,
          json: { error: `Send ${hint} with one of the known scenarios`, scenarios: known },
        };
      }
      emu.reset(name);
      return { status: 200, json: { ok: true, scenario: name } };
    }
    case 'GET /_emulator/accounts':
      // One store answers every key and region unless a multi-account scenario is loaded.
      return {
        status: 200,
        json: {
          accounts: emu.accounts?.list() ?? [
            {
              id: 'default',
              label: 'Demo account',
              accountId: ACCOUNT_ID,
              accessKeyId: DEMO_ACCESS_KEY_ID,
              regions: [emu.settings.region],
            },
          ],
        },
      };
    case 'GET /_emulator/requests':
      return { status: 200, json: { requests: emu.requests() } };
    case 'DELETE /_emulator/requests':
      emu.clearRequests();
      return { status: 200, json: { ok: true } };
    case 'GET /_emulator/settings':
      return { status: 200, json: emu.settings };
    case 'PATCH /_emulator/settings': {
      const parsed = parseJson(body, '{"attachDelayMs":50}');
      if (!parsed.ok) return parsed.answer;
      const patch = parseSettingsPatch(parsed.value);
      if (!patch.ok) return bad(patch.error);
      emu.updateSettings(patch.patch);
      return { status: 200, json: emu.settings };
    }
    case 'GET /_emulator/faults':
      return { status: 200, json: { faults: emu.listFaults(), fired: emu.firedFaults() } };
    case 'POST /_emulator/faults': {
      const parsed = parseJson(body, FAULT_HINT);
      if (!parsed.ok) return parsed.answer;
      const fault = parseFault(parsed.value);
      if (typeof fault === 'string') return bad(fault);
      emu.addFault(fault);
      return { status: 200, json: { ok: true, faults: emu.listFaults() } };
    }
    case 'DELETE /_emulator/faults':
      emu.clearFaults();
      return { status: 200, json: { ok: true } };
    case 'POST /_emulator/fail-instance':
      return failInstanceRoute(emu, body);
    default:
      return {
        status: 404,
        json: {
          error: `No route ${route}. Routes: GET health, GET scenarios, POST reset, GET accounts, GET|DELETE requests, GET|PATCH settings, GET|POST|DELETE faults, POST fail-instance (all under /_emulator/)`,
        },
      };
  }
}
