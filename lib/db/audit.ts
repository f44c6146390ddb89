// TEMPORARY stand-in for the audit table (lib/db), which the access-control branch provides; the lead replaces
// this file at merge. Keeps entries in memory so the boundary's tests can read what was recorded.
import type { AuditEntry } from '@/lib/auth/roles';

export const recordedAudit: (AuditEntry & { at: string })[] = [];

export async function recordAudit(entry: AuditEntry): Promise<void> {
  recordedAudit.push({ ...entry, at: new Date().toISOString() });
}
