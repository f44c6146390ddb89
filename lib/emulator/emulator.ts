// The emulator core: dispatches EC2 Query requests to handlers, keeps the request log and injected faults.
import { randomUUID } from 'node:crypto';
import { AccountStores, multiScenarioNames } from './accounts';
import { Ec2Error, statusForCode } from './errors';
import { allowedParams, ACTIONS } from './handlers/registry';
import { Context } from './handlers/types';
import { Params } from './params';
import { buildStore, loadScenario, parseScenario } from './scenarios';
import type { Scenario, ScenarioDefinition } from './scenario-schema';
import { DEFAULT_SETTINGS, type EmulatorSettings } from './settings';
import { LaggedViews } from './lagged-view';
import type { Store } from './store';
import { errorXml, successXml } from './xml';

export interface LoggedRequest {
  seq: number;
  time: string;
  action: string;
  /** The SigV4 access key id and region the request was signed with (which account and region it reached). */
  accessKeyId: string | null;
  region: string | null;
  parameters: Record<string, string>;
  outcome: string; // 'ok' or the error code
  httpStatus: number;
  requestId: string;
}

export interface Fault {
  action: string; // an EC2 action name, or '*' for every action (a throttling burst)
  code: string;
  status: number;
  message: string;
  times: number;
  /** 'before': refused, nothing changes (default). 'after-commit': the change is made, then the answer fails. */
  when?: 'before' | 'after-commit';
  /** 'error': an EC2 error answer (default). 'reset': the connection is closed with no answer at all. */
  kind?: 'error' | 'reset';
  /** Whether a DryRun call uses up the fault (default true; an after-commit fault never hits a DryRun). */
  dryRun?: boolean;
}

export interface Ec2Answer {
  status: number;
  body: string;
  requestId: string;
  /** Close the connection without answering (an injected connection reset). */
  drop?: boolean;
}

const LOG_LIMIT = 10_000; // keep memory bounded on long demo runs; oldest entries go first

export class Emulator {
  /**
   * Live settings object handed to callers (direct edits take effect at once and survive resets). A reset
   * only re-applies the scenario's overrides (eipQuota), falling back to the caller's own value.
   */
  readonly settings: EmulatorSettings;
  private baseEipQuota: number;
  store: Store;
  /** A multi-account scenario's stores (by access key and region); null: one store answers every key and region. */
  accounts: AccountStores | null = null;
  scenario: string;
  private log: LoggedRequest[] = [];
  private seq = 0;
  private faults: Fault[] = [];
  private readonly lagged = new LaggedViews();
  /** How many injected faults fired since the last clearFaults, by kind (the chaos script reports them). */
  private fired: Record<string, number> = {};

  constructor(scenario: string, settings: Partial<EmulatorSettings> = {}) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.baseEipQuota = this.settings.eipQuota;
    this.scenario = scenario;
    this.store = this.build(scenario);
  }

  private build(scenario: string, definition?: Scenario): Store {
    this.accounts = null;
    if (!definition && multiScenarioNames().includes(scenario)) {
      this.settings.eipQuota = this.baseEipQuota;
      this.accounts = new AccountStores(scenario, this.settings);
      return this.accounts.defaultStore();
    }
    const overrides = (definition ?? loadScenario(scenario)).settings;
    this.settings.eipQuota = overrides.eipQuota ?? this.baseEipQuota;
    return buildStore(scenario, this.settings, definition);
  }

  /**
   * Fresh state from a named scenario (throws, with the known names, for an unknown one) or from an inline
   * definition in the scenario format (validated; throws on an invalid one). An inline scenario is named
   * `inline:<title>`, which also seeds its IDs: the same definition always gives the same account.
   */
  reset(scenario: string | ScenarioDefinition): void {
    this.lagged.clear();
    if (typeof scenario === 'string') {
      this.store = this.build(scenario);
      this.scenario = scenario;
      return;
    }
    const definition = parseScenario(scenario, 'inline');
    const name = `inline:${definition.title}`;
    this.store = this.build(name, definition);
    this.scenario = name;
  }

  updateSettings(patch: Partial<EmulatorSettings>): void {
    if (patch.eipQuota !== undefined) this.baseEipQuota = patch.eipQuota;
    Object.assign(this.settings, patch);
    if (this.settings.describeLagMs === 0) this.lagged.clear();
  }

  /** The injected latency of an action: its own, else the '*' one, else none. */
  latencyFor(action: string): number {
    const latency = this.settings.latencyMs;
    return (Object.hasOwn(latency, action) ? latency[action] : latency['*']) ?? 0;
  }

  requests(): LoggedRequest[] {
    return this.log;
  }

  clearRequests(): void {
    this.log = [];
  }

  addFault(f: Fault): void {
    this.faults.push(f);
  }

  listFaults(): Fault[] {
    return this.faults;
  }

  clearFaults(): void {
    this.faults = [];
    this.fired = {};
  }

  firedFaults(): Record<string, number> {
    return { ...this.fired };
  }

  private takeFault(action: string, when: 'before' | 'after-commit', dryRun: boolean): Fault | undefined {
    const f = this.faults.find(
      (x) =>
        (x.action === action || x.action === '*') &&
        x.times > 0 &&
        (x.when ?? 'before') === when &&
        !(dryRun && (when === 'after-commit' || x.dryRun === false)),
    );
    if (!f) return undefined;
    f.times--;
    if (f.times === 0) this.faults = this.faults.filter((x) => x !== f);
    const key = `${f.kind ?? 'error'}${f.kind === 'reset' ? '' : ` ${f.code}`} ${when}`;
    this.fired[key] = (this.fired[key] ?? 0) + 1;
    return f;
  }

  /** The store a request signed with this key and region reaches (every request reaches the one store by default). */
  private storeFor(scope: SignedScope | null): Store {
    if (!this.accounts || !scope) return this.store;
    return this.accounts.storeFor(scope.accessKeyId, scope.region);
  }

  handleEc2(body: string, scope: SignedScope | null = null): Ec2Answer {
    const requestId = randomUUID();
    const params = Params.fromBody(body);
    const action = params.str('Action') ?? '';
    const now = Date.now();
    let answer: Ec2Answer;
    let outcome = 'ok';
    const dryRun = params.bool('DryRun') === true;
    try {
      const live = this.storeFor(scope);
      live.settle(now);
      if (action === '') throw new Ec2Error('MissingAction', 'The request must contain the parameter Action');
      // Own keys only: `constructor`/`__proto__` are unknown actions, not Object.prototype members (ec2-rules §3 InvalidAction).
      const def = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
      if (!def) throw new Ec2Error('InvalidAction', `The action ${action} is not valid for this web service.`);
      const fault = this.takeFault(action, 'before', dryRun);
      if (fault?.kind === 'reset') throw new DroppedAnswer('reset before');
      if (fault) throw new Ec2Error(fault.code, fault.message, fault.status);
      params.checkKnown(allowedParams(action, def));
      // The lagged copies are of the default store only: other accounts and regions answer without lag.
      const lagMs = live === this.store ? this.settings.describeLagMs : 0;
      const describe = action.startsWith('Describe');
      if (lagMs > 0 && !describe && !dryRun) this.lagged.beforeChange(this.store);
      const store = lagMs > 0 && describe ? this.lagged.viewAt(this.store, now, lagMs) : live;
      const regions = this.accounts && scope ? this.accounts.regionsOf(scope.accessKeyId) : undefined;
      const result = def.run(new Context(store, params, now, regions));
      if (lagMs > 0 && !describe && !dryRun) this.lagged.afterChange(this.store, now);
      answer = { status: 200, body: successXml(action, requestId, result), requestId };
      // The change is made; the answer is lost (a reset) or replaced by a server error, as EC2 sometimes does.
      const after = this.takeFault(action, 'after-commit', dryRun);
      if (after?.kind === 'reset') throw new DroppedAnswer('reset after commit');
      if (after) throw new Ec2Error(after.code, after.message, after.status);
    } catch (err) {
      if (err instanceof DroppedAnswer) {
        this.record(now, action, params, `connection reset (${err.message})`, 0, requestId, scope);
        return { status: 0, body: '', requestId, drop: true };
      }
      const e =
        err instanceof Ec2Error
          ? err
          : new Ec2Error('InternalError', 'An internal error has occurred', statusForCode('InternalError'));
      if (!(err instanceof Ec2Error)) console.error(`[emulator] ${action} failed:`, err);
      outcome = e.code;
      answer = { status: e.status, body: errorXml(e.code, e.message, requestId), requestId };
    }
    this.record(now, action, params, outcome, answer.status, requestId, scope);
    return answer;
  }

  private record(
    now: number,
    action: string,
    params: Params,
    outcome: string,
    httpStatus: number,
    requestId: string,
    scope: SignedScope | null,
  ): void {
    this.log.push({
      seq: ++this.seq,
      time: new Date(now).toISOString(),
      action,
      accessKeyId: scope?.accessKeyId ?? null,
      region: scope?.region ?? null,
      parameters: params.record(),
      outcome,
      httpStatus,
      requestId,
    });
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
  }
}

/** Who signed a request: the access key id and region of its SigV4 credential scope. */
export type SignedScope = { accessKeyId: string; region: string };

/** Thrown inside handleEc2 to close the connection instead of answering. */
class DroppedAnswer extends Error {}
