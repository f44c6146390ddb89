// How an instance's health reads in the view: failed status checks, or an instance that is not running, are
// marked on its card and in its details; the model's health comes from DescribeInstanceStatus.
import type { Instance } from './schema';

export type HealthMark = { level: 'danger' | 'warn'; label: string; detail: string };

const utc = (iso: string) => `${iso.slice(0, 19).replace('T', ' ')} UTC`;

/** The mark an instance gets, or null when it runs with passing (or unread) status checks. */
export function healthMark(instance: Instance): HealthMark | null {
  const h = instance.health;
  if (h && (h.system === 'impaired' || h.instance === 'impaired')) {
    const failed = [h.system === 'impaired' && 'system', h.instance === 'impaired' && 'instance']
      .filter(Boolean)
      .join(' and ');
    const since = h.impairedSince ? ` since ${utc(h.impairedSince)}` : '';
    return {
      level: 'danger',
      label: 'Impaired',
      detail: `The ${failed} status ${failed.includes(' and ') ? 'checks have' : 'check has'} failed${since}: it may not answer on its ENIs.`,
    };
  }
  switch (instance.state) {
    case 'stopped':
    case 'stopping':
      return {
        level: 'warn',
        label: instance.state === 'stopped' ? 'Stopped' : 'Stopping',
        detail: 'Not running: its ENIs, private IPs and Elastic IPs stay, but nothing answers on them.',
      };
    case 'shutting-down':
    case 'terminated':
      return {
        level: 'danger',
        label: instance.state === 'terminated' ? 'Terminated' : 'Shutting down',
        detail: 'Going away: its secondary ENIs detach (or are deleted with it).',
      };
    default:
      return null;
  }
}

/** "ok", "impaired since …", or why it is unknown: for the details panel. */
export function statusChecksWords(instance: Instance, unavailable?: string): string {
  const h = instance.health;
  if (!h)
    return instance.state === 'running'
      ? (unavailable ?? 'Not reported yet.')
      : 'Not applicable: the instance is not running.';
  const part = (name: string, s: string) => `${name} ${s}`;
  const since = h.impairedSince ? `, impaired since ${utc(h.impairedSince)}` : '';
  return `${part('system', h.system)}, ${part('instance', h.instance)}${since}`;
}
