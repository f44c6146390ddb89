// The one client of the emulator's /_emulator/ control plane, for Vitest and Playwright: reset, settings, faults
// and the request log. Sends `Authorization: Bearer <token>` when EMULATOR_CONTROL_TOKEN (or the option) has one.
import type { LoggedRequest } from '../emulator/emulator';

export type { LoggedRequest };

/**
 * The next `times` calls of `action` ('*': any) fail with this EC2 error (DryRun calls included); `times` defaults
 * to 1. `kind: 'reset'` closes the connection instead; `when: 'after-commit'` makes the change first (lost answer).
 */
export type Fault = {
  action: string;
  code?: string;
  status?: number;
  message?: string;
  times?: number;
  kind?: string;
  when?: string;
  dryRun?: boolean;
};

export class EmulatorControl {
  readonly url: string;
  private readonly token: string | undefined;

  constructor(url: string, token: string | undefined = process.env.EMULATOR_CONTROL_TOKEN || undefined) {
    this.url = url;
    this.token = token;
  }

  private async call(path: string, method: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const res = await fetch(`${this.url}/_emulator/${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`emulator control ${method} ${path} answered ${res.status}: ${await res.text()}`);
    const text = await res.text();
    return text ? JSON.parse(text) : null;
  }

  async reset(scenario = 'showcase'): Promise<void> {
    await this.call('reset', 'POST', { scenario });
  }

  async patchSettings(patch: Record<string, unknown>): Promise<void> {
    await this.call('settings', 'PATCH', patch);
  }

  async fault(fault: Fault): Promise<void> {
    await this.call('faults', 'POST', { times: 1, ...fault });
  }

  async clearFaults(): Promise<void> {
    await this.call('faults', 'DELETE');
  }

  /** Every EC2 call received since the last reset of the log, with its parameters and outcome. */
  async requests(): Promise<LoggedRequest[]> {
    const body = (await this.call('requests', 'GET')) as LoggedRequest[] | { requests?: LoggedRequest[] };
    return Array.isArray(body) ? body : (body.requests ?? []);
  }

  async clearRequests(): Promise<void> {
    await this.call('requests', 'DELETE');
  }

  /** Simulates a failed instance: status checks impaired now; with stopAfterMs it then stops. */
  async failInstance(instanceId: string, stopAfterMs?: number): Promise<void> {
    await this.call('fail-instance', 'POST', { instanceId, stopAfterMs });
  }
}

/** EC2 calls that change state or would (everything but Describe*), DryRun checks included. */
export const mutatingRequests = (log: LoggedRequest[]): LoggedRequest[] =>
  log.filter((r) => !r.action.startsWith('Describe'));

/** The state-changing calls that were applied, not only checked (no DryRun). */
export const appliedRequests = (log: LoggedRequest[]): LoggedRequest[] =>
  mutatingRequests(log).filter((r) => r.parameters.DryRun !== 'true');
