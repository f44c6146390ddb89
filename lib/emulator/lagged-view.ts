// Eventual consistency (ec2-rules §4.6): with describeLagMs set, Describe* answers show the account as it
// was that long ago. Copies of the account are kept after each change, and the newest one old enough answers.
import type { Store } from './store';

type View = { at: number; store: Store };

export class LaggedViews {
  private views: View[] = [];

  /** Forget every copy (a reset, or the lag switched off). */
  clear(): void {
    this.views = [];
  }

  /** Before a change: the first copy is the account as it was before any change we kept. */
  beforeChange(store: Store): void {
    if (this.views.length === 0) this.views.push({ at: Number.NEGATIVE_INFINITY, store: store.clone() });
  }

  /** After a committed change at `now`. */
  afterChange(store: Store, now: number): void {
    this.views.push({ at: now, store: store.clone() });
  }

  /** The account as a describe at `now` sees it with `lagMs` of lag; the live store when nothing is kept. */
  viewAt(live: Store, now: number, lagMs: number): Store {
    const horizon = now - lagMs;
    let index = -1;
    for (let i = 0; i < this.views.length; i++) if ((this.views[i] as View).at <= horizon) index = i;
    if (index < 0) return live;
    // Older copies can never be chosen again: time only moves forward.
    if (index > 0) this.views.splice(0, index);
    const view = this.views[0] as View;
    view.store.settle(horizon);
    return view.store;
  }
}
