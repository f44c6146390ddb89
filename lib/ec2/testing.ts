// Test support for lib/ec2 and app/api tests: an emulator on port 0 with a gateway client, its control plane
// (request log, faults, settings, reset), and a finder for moves the checker accepts in a snapshot.
import 'server-only';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { controlHeaders, startEmulator } from '@/lib/emulator';
import { ec2ActionSchema, type Move } from '@/lib/topology/move';
import { checkMove } from '@/lib/topology/rules';
import type { Snapshot } from '@/lib/topology/schema';
import { createEc2Client } from './client';

/** One entry of GET /_emulator/requests. */
export type LoggedRequest = { seq: number; action: string; parameters: Record<string, string>; outcome: string; httpStatus: number; requestId: string };

export type TestEmulator = {
  url: string;
  client: EC2Client;
  reset(scenario: string): Promise<void>;
  requests(): Promise<LoggedRequest[]>;
  clearRequests(): Promise<void>;
  fault(fault: { action: string; code: string; status: number; message: string; times: number }): Promise<void>;
  patchSettings(settings: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
};

async function control(url: string, token: string, path: string, method: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${url}/_emulator/${path}`, {
    method,
    headers: controlHeaders(token, body !== undefined),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator control ${method} ${path} answered ${res.status}: ${await res.text()}`);
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

export async function startTestEmulator(scenario = 'showcase', settings: Record<string, unknown> = { attachDelayMs: 20 }): Promise<TestEmulator> {
  const emu = await startEmulator({ port: 0, host: '127.0.0.1', scenario, settings });
  const client = createEc2Client({ endpoint: emu.url, region: 'us-east-1' });
  return {
    url: emu.url,
    client,
    reset: async (name) => void (await control(emu.url, emu.controlToken, 'reset', 'POST', { scenario: name })),
    requests: async () => {
      const body = (await control(emu.url, emu.controlToken, 'requests', 'GET')) as LoggedRequest[] | { requests: LoggedRequest[] };
      return Array.isArray(body) ? body : body.requests;
    },
    clearRequests: async () => void (await control(emu.url, emu.controlToken, 'requests', 'DELETE')),
    fault: async (fault) => void (await control(emu.url, emu.controlToken, 'faults', 'POST', fault)),
    patchSettings: async (patch) => void (await control(emu.url, emu.controlToken, 'settings', 'PATCH', patch)),
    close: async () => {
      client.destroy();
      await emu.close();
    },
  };
}

/** The EC2 actions a plan can send: exactly the steps' action set. */
export const MUTATING_ACTIONS: ReadonlySet<string> = new Set(ec2ActionSchema.options);

/** Calls that change state: a mutating action sent without DryRun. */
export const mutations = (log: LoggedRequest[]) => log.filter((r) => MUTATING_ACTIONS.has(r.action) && r.parameters.DryRun !== 'true');

/** Every candidate move of a kind in a snapshot (not checked). */
function candidates(s: Snapshot, kind: Move['kind'] | 'move-eni-between' | 'move-eni-from-pool'): Move[] {
  const out: Move[] = [];
  const secondaries = s.enis.flatMap((e) => e.privateIps.filter((ip) => !ip.primary).map((ip) => ({ eni: e, ip })));
  switch (kind) {
    case 'move-ip':
      for (const { eni, ip } of secondaries)
        for (const to of s.enis) if (to.id !== eni.id && to.subnetId === eni.subnetId) out.push({ kind: 'move-ip', ip: ip.address, toEni: to.id });
      break;
    case 'unassign-ip':
      for (const { ip } of secondaries) out.push({ kind: 'unassign-ip', ip: ip.address });
      break;
    case 'move-eni':
    case 'move-eni-between':
    case 'move-eni-from-pool':
      for (const eni of s.enis) {
        const attached = eni.attachment !== null;
        if ((kind === 'move-eni-between' && !attached) || (kind === 'move-eni-from-pool' && attached)) continue;
        for (const i of s.instances) if (i.id !== eni.attachment?.instanceId) out.push({ kind: 'move-eni', eni: eni.id, toInstance: i.id });
      }
      break;
    case 'detach-eni':
      for (const eni of s.enis) if (eni.attachment) out.push({ kind: 'detach-eni', eni: eni.id });
      break;
    case 'move-eip':
      for (const eip of s.eips)
        for (const eni of s.enis)
          for (const ip of eni.privateIps) if (eip.privateIp !== ip.address) out.push({ kind: 'move-eip', allocationId: eip.allocationId, toEni: eni.id, toIp: ip.address });
      break;
    case 'disassociate-eip':
      for (const eip of s.eips) out.push({ kind: 'disassociate-eip', allocationId: eip.allocationId });
      break;
    case 'assign-ip':
      break;
  }
  return out;
}

/** The first move of a kind that the checker accepts in this snapshot, or a refused one when `accepted` is false. */
export function findMove(s: Snapshot, kind: Parameters<typeof candidates>[1], accepted = true): Move {
  const move = candidates(s, kind).find((m) => checkMove(s, m).ok === accepted);
  if (!move) throw new Error(`no ${accepted ? 'accepted' : 'refused'} ${kind} move in this scenario`);
  return move;
}
