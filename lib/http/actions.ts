// The guarded server-side bodies of the 'use server' actions in lib/actions (which may export only async functions).
import 'server-only';
import { applyEndpoint, planEndpoint } from './endpoints';
import { guardAction } from './guard';

export const guardedApply = guardAction(applyEndpoint);
export const guardedPlan = guardAction(planEndpoint);
