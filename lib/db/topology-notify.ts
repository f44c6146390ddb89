// Snapshot changes between console processes that share one Postgres server: LISTEN/NOTIFY on one channel, so a
// change applied (or a region refreshed) through one process drops (or ages) the warm snapshot the others keep.
// PGlite needs none of this: the embedded database belongs to a single process.
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { z } from 'zod';

const CHANNEL = 'eni_console_topology';

/** `changed`: the account changed, drop the snapshot; `refreshed`: a newer one was read, revalidate ours. */
export const topologyNoticeSchema = z.object({
  origin: z.string(),
  kind: z.enum(['changed', 'refreshed']),
  /** `${account}:${region}`, or null for every scope. */
  scope: z.string().nullable(),
});
export type TopologyNotice = z.infer<typeof topologyNoticeSchema>;

/** What a process's snapshot cache does with the others' notices; `lost` when notices may have been missed. */
export type TopologyNoticeHandler = { notice(n: TopologyNotice): void; lost(): void };

/** The other processes' notices arrive on a dedicated connection; ours are sent on it too (one connection). */
export class TopologyNotifier {
  /** Tells this process's own notices from the others' (Postgres delivers a notice to its sender as well). */
  readonly origin = randomUUID();
  private client: Client | null = null;
  private connecting: Promise<Client | null> | null = null;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly handler: TopologyNoticeHandler,
    private readonly retryMs = 1_000,
  ) {}

  /** Connects and listens; resolves false (and keeps trying in the background) when the server is not reachable. */
  async start(): Promise<boolean> {
    return (await this.connect()) !== null;
  }

  async publish(kind: TopologyNotice['kind'], scope: string | null): Promise<void> {
    const client = this.client ?? (await this.connect());
    if (!client) return; // the others will revalidate on their own schedule; a listener that reconnects drops all
    const notice: TopologyNotice = { origin: this.origin, kind, scope };
    await client.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(notice)]).catch(() => {});
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private connect(): Promise<Client | null> {
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(): Promise<Client | null> {
    if (this.closed) return null;
    const { Client } = await import('pg');
    const client = new Client({ connectionString: this.url });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      // Notices sent while we were away are gone: every kept snapshot is suspect.
      this.handler.lost();
      if (!this.closed) setTimeout(() => void this.connect(), this.retryMs).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      let raw: unknown;
      try {
        raw = JSON.parse(message.payload);
      } catch {
        return;
      }
      const parsed = topologyNoticeSchema.safeParse(raw);
      if (parsed.success && parsed.data.origin !== this.origin) this.handler.notice(parsed.data);
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
    } catch {
      await client.end().catch(() => {});
      if (!this.closed) setTimeout(() => void this.connect(), this.retryMs).unref();
      return null;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return null;
    }
    this.client = client;
    return client;
  }
}
