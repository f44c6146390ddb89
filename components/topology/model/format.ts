// Small formatting helpers for addresses, counts and times shown across the topology view.
import { usableAddresses } from '@/lib/topology';

export type SubnetUsage = { usable: number; free: number; used: number; freeRatio: number };

export function subnetUsage(cidr: string, availableIpCount: number): SubnetUsage | null {
  const usable = usableAddresses(cidr);
  if (usable === null || usable === 0) return null;
  const free = Math.min(Math.max(availableIpCount, 0), usable);
  return { usable, free, used: usable - free, freeRatio: free / usable };
}

const nf = new Intl.NumberFormat('en-US');
export function formatCount(n: number): string {
  return nf.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "just now", "12 s ago", "4 min ago", "3 h ago", else the date. */
export function formatAge(iso: string, now: number = Date.now()): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const s = Math.round((now - t) / 1000);
  if (s < 5) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(t).toISOString().slice(0, 10);
}

/** A timestamp in UTC, to the second, e.g. 2025-03-04 10:15:30 UTC. */
export function formatUtc(iso: string | null): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The Server header the built-in emulator answers with (lib/emulator/server.ts); EC2 sends `AmazonEC2`. */
export const EMULATOR_SERVER = 'ENI-Console-EC2-Emulator';

/**
 * Where the snapshot came from: AWS (no endpoint set, or an amazonaws.com one), the built-in emulator (it says
 * so in its Server header), or some other EC2-compatible endpoint — a loopback address alone proves nothing.
 */
export function endpointMode(endpoint: string | null, server?: string | null): 'aws' | 'emulator' | 'custom' {
  if (server === EMULATOR_SERVER) return 'emulator';
  if (!endpoint) return 'aws';
  try {
    return new URL(endpoint).hostname.endsWith('.amazonaws.com') ? 'aws' : 'custom';
  } catch {
    return 'custom';
  }
}

/** host:port of an endpoint URL, for a badge. */
export function endpointHost(endpoint: string | null): string {
  if (!endpoint) return '';
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}
