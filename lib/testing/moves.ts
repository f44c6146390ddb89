// The one candidate-move enumerator: every move the canvas could propose on a snapshot, and the first move of a
// kind the checker accepts (or refuses), for tests that need "some valid move-ip" without naming resources.
import { type Move, checkMove, type Snapshot } from '@/lib/topology';

/** Every move of the six public kinds the canvas could propose on this snapshot (allowed or not). */
export function candidateMoves(s: Snapshot): Move[] {
  const moves: Move[] = [];
  for (const eni of s.enis) {
    for (const p of eni.privateIps) {
      moves.push({ kind: 'unassign-ip', ip: p.address });
      for (const target of s.enis) moves.push({ kind: 'move-ip', ip: p.address, toEni: target.id });
    }
    moves.push({ kind: 'detach-eni', eni: eni.id });
    for (const instance of s.instances) {
      moves.push({ kind: 'move-eni', eni: eni.id, toInstance: instance.id });
      moves.push({
        kind: 'move-eni',
        eni: eni.id,
        toInstance: instance.id,
        deviceIndex: 1 + (eni.privateIps.length % 3),
      });
    }
  }
  for (const eip of s.eips) {
    moves.push({ kind: 'disassociate-eip', allocationId: eip.allocationId });
    for (const eni of s.enis)
      for (const p of eni.privateIps)
        moves.push({ kind: 'move-eip', allocationId: eip.allocationId, toEni: eni.id, toIp: p.address });
  }
  return moves;
}

/** A move kind, or move-eni narrowed to an ENI that is attached (between instances) or in the pool. */
export type MoveKind = Move['kind'] | 'move-eni-between' | 'move-eni-from-pool';

/** Whether a candidate is a plain move of `kind`: secondary IPs within their subnet, default device index, no no-op. */
function isOfKind(s: Snapshot, move: Move, kind: MoveKind): boolean {
  const eniOfIp = (ip: string) => s.enis.find((e) => e.privateIps.some((p) => p.address === ip));
  const secondary = (ip: string) => eniOfIp(ip)?.privateIps.find((p) => p.address === ip)?.primary === false;
  switch (move.kind) {
    case 'move-ip': {
      const from = eniOfIp(move.ip);
      const to = s.enis.find((e) => e.id === move.toEni);
      return (
        kind === 'move-ip' &&
        secondary(move.ip) &&
        from !== undefined &&
        to !== undefined &&
        to.id !== from.id &&
        to.subnetId === from.subnetId
      );
    }
    case 'unassign-ip':
      return kind === 'unassign-ip' && secondary(move.ip);
    case 'move-eni': {
      const eni = s.enis.find((e) => e.id === move.eni);
      if (!eni || move.deviceIndex !== undefined || eni.attachment?.instanceId === move.toInstance) return false;
      if (kind === 'move-eni-between') return eni.attachment !== null;
      if (kind === 'move-eni-from-pool') return eni.attachment === null;
      return kind === 'move-eni';
    }
    case 'detach-eni':
      return kind === 'detach-eni' && s.enis.find((e) => e.id === move.eni)?.attachment != null;
    case 'move-eip':
      return kind === 'move-eip' && s.eips.find((e) => e.allocationId === move.allocationId)?.privateIp !== move.toIp;
    default:
      return move.kind === kind;
  }
}

/** The first move of a kind that the checker accepts in this snapshot, or a refused one when `accepted` is false. */
export function findMove(s: Snapshot, kind: MoveKind, accepted = true): Move {
  const move = candidateMoves(s).find((m) => isOfKind(s, m, kind) && checkMove(s, m).ok === accepted);
  if (!move) throw new Error(`no ${accepted ? 'accepted' : 'refused'} ${kind} move in this scenario`);
  return move;
}

/** Pairs of accepted moves that conflict: one secondary IP to two ENIs, or one EIP to two private IPs. */
export function conflictingPairs(s: Snapshot, kind: 'ip' | 'eip'): [Move, Move][] {
  const pairs: [Move, Move][] = [];
  if (kind === 'ip') {
    for (const eni of s.enis)
      for (const ip of eni.privateIps.filter((p) => !p.primary)) {
        const targets = s.enis.filter(
          (t) => t.id !== eni.id && checkMove(s, { kind: 'move-ip', ip: ip.address, toEni: t.id }).ok,
        );
        for (let i = 0; i + 1 < targets.length; i++)
          pairs.push([
            { kind: 'move-ip', ip: ip.address, toEni: targets[i]!.id },
            { kind: 'move-ip', ip: ip.address, toEni: targets[i + 1]!.id },
          ]);
      }
  } else {
    for (const eip of s.eips) {
      const spots = s.enis
        .flatMap((e) =>
          e.privateIps.map((p) => ({
            kind: 'move-eip' as const,
            allocationId: eip.allocationId,
            toEni: e.id,
            toIp: p.address,
          })),
        )
        .filter((m) => checkMove(s, m).ok);
      for (let i = 0; i + 1 < spots.length; i++) pairs.push([spots[i]!, spots[i + 1]!]);
    }
  }
  return pairs;
}
