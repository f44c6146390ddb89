// The scenarios a presenter may pick in the demo: one list for the picker (client) and the reset route's schema
// (lib/demo/control.ts), so the picker never offers a scenario the route refuses.

/** The emulator's bundled scenarios, bar xlarge (a benchmark size too big to present). */
export const DEMO_SCENARIOS = [
  'showcase',
  'ha-failover',
  'tls-sites',
  'nat-appliance',
  'management-network',
  'dual-homed-tiers',
  'multi-vpc',
  'eks-nodes',
  'large',
  'multi-account',
] as const;
