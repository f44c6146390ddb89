// The accounts the team-mode e2e console is started with (lib/testing/team-console.ts): names, roles, passwords.
export const teamAccounts = {
  viewer: { name: 'vera', role: 'viewer', password: 'vera-viewer-password' },
  operator: { name: 'otto', role: 'operator', password: 'otto-operator-password' },
} as const;
