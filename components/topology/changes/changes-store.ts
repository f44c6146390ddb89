// The open change form and the snapshot the changes are judged on, shared by the host (which renders the menu and
// the form) and every toolbar, without wrapping the console in another provider.
import { useSyncExternalStore } from 'react';
import type { TopologyData } from '@/lib/queries/topology';
import type { ChangeAction, ChangeTarget } from './change-actions';

export type OpenForm = { action: ChangeAction; target: ChangeTarget; returnFocus?: string };
type State = { form: OpenForm | null; data: TopologyData | null };

let state: State = { form: null, data: null };
const listeners = new Set<() => void>();
const emit = (next: Partial<State>) => {
  state = { ...state, ...next };
  for (const l of listeners) l();
};

export const changesStore = {
  open: (form: OpenForm) => emit({ form }),
  close: () => emit({ form: null }),
  /** Set by the host: the snapshot to judge changes on, or null when the user may not change anything. */
  setData: (data: TopologyData | null) => {
    if (state.data !== data) emit({ data });
  },
  subscribe: (l: () => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  get: () => state,
};

const serverState: State = { form: null, data: null };
export const useChangesState = (): State =>
  useSyncExternalStore(changesStore.subscribe, changesStore.get, () => serverState);
