// Keeps the warm snapshots of console processes that share one Postgres server in step: this process's changes
// and refreshes are announced to the others (lib/db/topology-notify.ts, LISTEN/NOTIFY), and theirs reach our cache.
// Off on PGlite or without DATABASE_URL: then this process is the only one.
import 'server-only';
import { optionsFromEnv } from '@/lib/db/database';
import { TopologyNotifier, type TopologyNotice, type TopologyNoticeHandler } from '@/lib/db/topology-notify';

/** What the snapshot cache announces; a no-op when no other process can share the database. */
export type TopologySync = { announce(kind: TopologyNotice['kind'], scope: string | null): void };

const shared = globalThis as typeof globalThis & { __eniConsoleTopologySync?: TopologySync };

/** The process's sync, started once (kept on globalThis: Next.js may load this module once per route bundle). */
export function topologySync(handler: TopologyNoticeHandler): TopologySync {
  if (shared.__eniConsoleTopologySync) return shared.__eniConsoleTopologySync;
  const url = optionsFromEnv().url;
  if (!url) return (shared.__eniConsoleTopologySync = { announce: () => {} });
  const notifier = new TopologyNotifier(url, handler);
  void notifier.start();
  return (shared.__eniConsoleTopologySync = {
    announce: (kind, scope) => void notifier.publish(kind, scope),
  });
}
