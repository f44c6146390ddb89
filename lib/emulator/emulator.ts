// The emulator core: dispatches EC2 Query requests to handlers, keeps the request log and injected faults.
import { randomUUID } from 'node:crypto';
import { Ec2Error, statusForCode } from './errors';
import { allowedParams, ACTIONS } from './handlers/registry';
import { Context } from './handlers/types';
import { Params } from './params';
import { buildStore, loadScenario, parseScenario } from './scenarios';
import type { Scenario, ScenarioDefinition } from './scenario-schema';
import { DEFAULT_SETTINGS, type EmulatorSettings } from './settings';
import type { Store } from './store';
import { errorXml, successXml } from './xml';

export interface LoggedRequest {
  seq: number;
  time: string;
  action: string;
  parameters: Record<string, string>;
  outcome: string; // 'ok' or the error code
  httpStatus: number;
  requestId: string;
}

export interface Fault {
  action: string;
  code: string;
  status: number;
  message: string;
  times: number;
}

export interface Ec2Answer {
  status: number;
  body: string;
  requestId: string;
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
  scenario: string;
  private log: LoggedRequest[] = [];
  private seq = 0;
  private faults: Fault[] = [];

  constructor(scenario: string, settings: Partial<EmulatorSettings> = {}) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.baseEipQuota = this.settings.eipQuota;
    this.scenario = scenario;
    this.store = this.build(scenario);
  }

  private build(scenario: string, definition?: Scenario): Store {
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
  }

  private takeFault(action: string): Fault | undefined {
    const f = this.faults.find((x) => x.action === action && x.times > 0);
    if (!f) return undefined;
    f.times--;
    if (f.times === 0) this.faults = this.faults.filter((x) => x !== f);
    return f;
  }

  handleEc2(body: string): Ec2Answer {
    const requestId = randomUUID();
    const params = Params.fromBody(body);
    const action = params.str('Action') ?? '';
    const now = Date.now();
    let answer: Ec2Answer;
    let outcome = 'ok';
    try {
      this.store.settle(now);
      if (action === '') throw new Ec2Error('MissingAction', 'The request must contain the parameter Action');
      // Own keys only: `constructor`/`__proto__` are unknown actions, not Object.prototype members (ec2-rules §3 InvalidAction).
      const def = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
      if (!def) throw new Ec2Error('InvalidAction', `The action ${action} is not valid for this web service.`);
      const fault = this.takeFault(action);
      if (fault) throw new Ec2Error(fault.code, fault.message, fault.status);
      params.checkKnown(allowedParams(action, def));
      const result = def.run(new Context(this.store, params, now));
      answer = { status: 200, body: successXml(action, requestId, result), requestId };
    } catch (err) {
      const e =
        err instanceof Ec2Error
          ? err
          : new Ec2Error('InternalError', 'An internal error has occurred', statusForCode('InternalError'));
      if (!(err instanceof Ec2Error)) console.error(`[emulator] ${action} failed:`, err);
      outcome = e.code;
      answer = { status: e.status, body: errorXml(e.code, e.message, requestId), requestId };
    }
    this.log.push({
      seq: ++this.seq,
      time: new Date(now).toISOString(),
      action,
      parameters: params.record(),
      outcome,
      httpStatus: answer.status,
      requestId,
    });
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
    return answer;
  }
}
