// What a walkthrough step does: names resolved against the account, then a reset, a simulated failure, a failover
// (through the Fail over dialog), or a move through the plan dialog like any drop.
import { encodeScope, pageScope } from '@/lib/queries/scope';
import type { Failover, Move, Snapshot } from '@/lib/topology';
import { type Applied, failInstance, resetScenario, seconds } from '../failover/failover-api';
import type { Proposed } from '../topology/moves/moves-context';
import type { Selection } from '../topology/model/selection';
import type { Pointer, WalkAction, WalkMove } from './walkthroughs';

export function find(s: Snapshot, p: Pointer): Selection | null {
  switch (p.kind) {
    case 'instance': {
      const i = s.instances.find((x) => x.name === p.name);
      return i ? { kind: 'instance', id: i.id } : null;
    }
    case 'eni': {
      const e = s.enis.find((x) => x.name === p.name);
      return e ? { kind: 'eni', id: e.id } : null;
    }
    case 'primary-eni': {
      const i = s.instances.find((x) => x.name === p.instance);
      const e = i ? s.enis.find((x) => x.attachment?.instanceId === i.id && x.attachment.deviceIndex === 0) : undefined;
      return e ? { kind: 'eni', id: e.id } : null;
    }
    case 'eip': {
      const e = s.eips.find((x) => x.name === p.name);
      return e ? { kind: 'eip', id: e.allocationId } : null;
    }
  }
}

const idOf = (sel: Selection | null): string => (sel && 'id' in sel ? sel.id : '');

function need(s: Snapshot, p: Pointer, what: string): string {
  const id = idOf(find(s, p));
  if (!id) throw new Error(`${what} is not in this account: restart the walkthrough to reset the scenario.`);
  return id;
}

const instance = (s: Snapshot, name: string) => need(s, { kind: 'instance', name }, name);

function toMove(s: Snapshot, m: WalkMove): Move {
  switch (m.kind) {
    case 'assign-ip':
      return { kind: 'assign-ip', ip: m.ip, toEni: need(s, m.to, 'The ENI') };
    case 'move-ip':
      return { kind: 'move-ip', ip: m.ip, toEni: need(s, m.to, 'The ENI') };
    case 'move-eip':
      return {
        kind: 'move-eip',
        allocationId: need(s, { kind: 'eip', name: m.eip }, m.eip),
        toEni: need(s, m.to, 'The ENI'),
        toIp: m.ip,
      };
    case 'move-eni':
      return {
        kind: 'move-eni',
        eni: need(s, { kind: 'eni', name: m.eni }, m.eni),
        toInstance: instance(s, m.to),
        ...(m.deviceIndex === undefined ? {} : { deviceIndex: m.deviceIndex }),
      };
  }
}

type Kit = {
  /** The plan dialog of MovesProvider, as a drop opens it. */
  propose: (moves: Move[]) => Promise<Proposed>;
  /** Opens an instance's guest OS configuration. */
  openGuest: (instanceId: string) => void;
  /** The Fail over dialog, as "Fail over to…" opens it; resolves when it closes, with the result if applied. */
  failover: (f: Failover, fromName: string, toName: string) => Promise<Applied | null>;
};

/** Does the step; resolves to what was done in words, or null when the presenter cancelled the plan. */
export async function perform(action: WalkAction, s: Snapshot, kit: Kit): Promise<string | null> {
  switch (action.kind) {
    case 'reset': {
      const r = await resetScenario(action.scenario);
      if (!r.ok) throw new Error(r.message);
      // The scenario's one account replaces the page's: its next reads and changes name no other account or region.
      if (encodeScope(pageScope())) window.history.replaceState(null, '', window.location.pathname);
      return `Reset to ${action.scenario}.`;
    }
    case 'fail-instance': {
      const r = await failInstance(instance(s, action.instance));
      if (!r.ok) throw new Error(r.message);
      return `${action.instance}’s status checks now fail.`;
    }
    case 'failover': {
      const failover = {
        kind: 'failover' as const,
        from: instance(s, action.from),
        to: instance(s, action.to),
        ips: action.ips,
      };
      const r = await kit.failover(failover, action.from, action.to);
      if (!r) return null;
      return `Failed over in ${seconds(r.timings.totalMs)}: ${r.timings.steps.map((t) => `${t.action} ${seconds(t.ms)}`).join(', ')}.`;
    }
    case 'change': {
      const r = await kit.propose([toMove(s, action.move)]);
      if (r.outcome === 'cancelled') return null;
      if (r.outcome === 'applied') return 'Planned, confirmed, applied and verified against EC2.';
      throw new Error(r.message);
    }
    case 'refused': {
      const r = await kit.propose([toMove(s, action.move)]);
      if (r.outcome === 'refused') return `Refused, nothing sent: ${r.message}`;
      if (r.outcome === 'cancelled') return null;
      if (r.outcome === 'applied') return 'EC2’s rules allowed it here after all, and it was applied.';
      throw new Error(r.message);
    }
    case 'guest-config':
      kit.openGuest(instance(s, action.instance));
      return `The guest OS configuration of ${action.instance}.`;
  }
}
