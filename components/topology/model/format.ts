// Small formatting helpers for addresses, counts and times shown across the topology view.

/** The prefix length of an IPv4 CIDR, or null when it is not one. */
export function cidrPrefix(cidr: string): number | null {
  const m = /^\d{1,3}(?:\.\d{1,3}){3}\/(\d{1,2})$/.exec(cidr.trim());
  if (!m?.[1]) return null;
  const p = Number(m[1]);
  return p >= 0 && p <= 32 ? p : null;
}

/** Usable addresses of a subnet: AWS reserves the first four and the last one (ec2-rules §2.5). */
export function usableAddresses(cidr: string): number | null {
  const p = cidrPrefix(cidr);
  if (p === null) return null;
  return Math.max(0, 2 ** (32 - p) - 5);
}

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

/** Hourly price of one public IPv4 address, in use or idle: the planner's own constant, so both say the same. */
export { PUBLIC_IPV4_HOURLY_USD } from '@/lib/topology/labels';

/** "$0.015/h" for three addresses. */
export function hourlyWords(usd: number): string {
  return `$${usd.toFixed(3)}/h`;
}
