// The contract between the dispatcher and the per-action handlers.
import { dryRunError } from '../errors';
import type { Params } from '../params';
import type { EmulatorSettings } from '../settings';
import type { Store } from '../store';
import type { XmlObject } from '../xml';

export class Context {
  readonly store: Store;
  readonly params: Params;
  readonly now: number;
  /** The regions the signing account uses (a multi-account scenario); undefined: every region EC2 has. */
  readonly regions: readonly string[] | undefined;

  constructor(store: Store, params: Params, now: number, regions?: readonly string[]) {
    this.store = store;
    this.params = params;
    this.now = now;
    this.regions = regions;
  }

  get settings(): EmulatorSettings {
    return this.store.settings;
  }

  /** DryRun verdict: after syntax and existence checks, before business rules and mutation (ec2-rules §1.4). */
  dryRunGate(): void {
    if (this.params.bool('DryRun') === true) throw dryRunError();
  }
}

export interface ActionDef {
  /** Parameter shapes the operation's model accepts (list indexes as N); anything else → UnknownParameter. */
  params: readonly string[];
  run(ctx: Context): XmlObject;
}

export const FILTER_PARAMS = ['Filter.N.Name', 'Filter.N.Value.N'] as const;
export const PAGE_PARAMS = ['MaxResults', 'NextToken'] as const;
