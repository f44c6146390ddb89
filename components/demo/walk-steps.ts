// The builders walkthroughs are written with: one per kind of step, move and pointer, so each walkthrough states
// only its words and names and the step objects the panel runs (WalkStep) are spelled in this one place.
import type { Pointer, WalkAction, WalkMove, WalkStep } from './walkthroughs';

/** What a step says before and after its action, and what it selects afterwards. */
type Words = Omit<WalkStep, 'action'>;

const withAction = (action: WalkAction, words: Words): WalkStep => ({ ...words, action });

/** Sends nothing: only says and points. */
export const look = (words: Words): WalkStep => words;
/** Resets the demo account to `scenario`. */
export const reset = (scenario: string, words: Words): WalkStep => withAction({ kind: 'reset', scenario }, words);
/** Fails the instance's status checks in the emulator. */
export const failInstance = (instance: string, words: Words): WalkStep =>
  withAction({ kind: 'fail-instance', instance }, words);
export const failover = (f: { from: string; to: string; ips: boolean }, words: Words): WalkStep =>
  withAction({ kind: 'failover', ...f }, words);
/** Opens the plan dialog of `move`; the presenter confirms it. */
export const change = (move: WalkMove, words: Words): WalkStep => withAction({ kind: 'change', move }, words);
/** Checks `move` like a drop; it is refused, so nothing is sent. */
export const refused = (move: WalkMove, words: Words): WalkStep => withAction({ kind: 'refused', move }, words);
export const guestConfig = (instance: string, words: Words): WalkStep =>
  withAction({ kind: 'guest-config', instance }, words);

export const assignIp = (ip: string, to: Pointer): WalkMove => ({ kind: 'assign-ip', ip, to });
export const moveIp = (ip: string, to: Pointer): WalkMove => ({ kind: 'move-ip', ip, to });
export const moveEip = (eip: string, to: Pointer, ip: string): WalkMove => ({ kind: 'move-eip', eip, to, ip });
/** `to` is the instance's Name tag. */
export const moveEni = (eni: string, to: string, deviceIndex?: number): WalkMove =>
  deviceIndex === undefined ? { kind: 'move-eni', eni, to } : { kind: 'move-eni', eni, to, deviceIndex };

export const instance = (name: string): Pointer => ({ kind: 'instance', name });
export const eni = (name: string): Pointer => ({ kind: 'eni', name });
export const primaryEni = (instanceName: string): Pointer => ({ kind: 'primary-eni', instance: instanceName });
export const eip = (name: string): Pointer => ({ kind: 'eip', name });
