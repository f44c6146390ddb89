// Guided walkthroughs as data: each step says what is about to happen, optionally does it (through the plan
// dialog and apply of any move, or the demo's control routes), then points at what changed.
// Resources are named by their Name tag, so a walkthrough reads like the scenario and survives a reset.
import { eniWalkthroughs } from './eni-walkthroughs';
import {
  assignIp,
  change,
  eip,
  eni,
  failInstance,
  failover,
  instance,
  look,
  moveEip,
  primaryEni,
  reset,
} from './walk-steps';

/** A resource by Name tag; `ip` picks a private IP (or an EIP's public one) on it. */
export type Pointer =
  | { kind: 'instance'; name: string }
  | { kind: 'eni'; name: string }
  | { kind: 'primary-eni'; instance: string }
  | { kind: 'eip'; name: string };

/** A move named by Name tags, resolved against the account when the step runs. */
export type WalkMove =
  | { kind: 'assign-ip'; ip: string; to: Pointer }
  | { kind: 'move-ip'; ip: string; to: Pointer }
  | { kind: 'move-eip'; eip: string; to: Pointer; ip: string }
  | { kind: 'move-eni'; eni: string; to: string; deviceIndex?: number };

export type WalkAction =
  | { kind: 'reset'; scenario: string }
  | { kind: 'fail-instance'; instance: string }
  | { kind: 'failover'; from: string; to: string; ips: boolean }
  /** Opens the plan dialog, as a drop would; the presenter confirms it, and it is applied like any move. */
  | { kind: 'change'; move: WalkMove }
  /** Checked with EC2's rules like a drop; refused, so nothing is sent (the step says why). */
  | { kind: 'refused'; move: WalkMove }
  /** Opens the instance's guest OS configuration. */
  | { kind: 'guest-config'; instance: string };

export type WalkStep = {
  title: string;
  /** What is about to happen, said before the action. */
  before: string;
  action?: WalkAction;
  /** What changed (or what to look at), said after the action. */
  after: string;
  /** Selected and highlighted after the action, so the details panel shows it. */
  point?: Pointer;
};

export type Walkthrough = { id: string; title: string; scenario: string; steps: WalkStep[] };

export const walkthroughs: Walkthrough[] = [
  {
    id: 'ha-failover',
    title: 'HA failover: a floating ENI moves to the standby',
    scenario: 'ha-failover',
    steps: [
      reset('ha-failover', {
        title: 'Start from a healthy pair',
        before:
          'The account is reset to the ha-failover scenario: ha-primary serves on a floating ENI (eth1) with two private IPs and two Elastic IPs; ha-standby waits in the same subnet.',
        after:
          'The floating ENI service-floating is on ha-primary at eth1. Note its MAC address, its private IPs 10.80.1.100 and 10.80.1.101 and their Elastic IPs.',
        point: eni('service-floating'),
      }),
      failInstance('ha-primary', {
        title: 'The primary fails',
        before:
          'The emulator fails ha-primary’s status checks, the way EC2 reports a broken host: DescribeInstanceStatus will say impaired.',
        after:
          'ha-primary is marked Impaired; its details offer “Fail over to…” with each candidate’s verdict. ha-witness is refused: it is in another Availability Zone.',
        point: instance('ha-primary'),
      }),
      failover(
        { from: 'ha-primary', to: 'ha-standby', ips: true },
        {
          title: 'Fail over to the standby',
          before:
            'The Fail over dialog opens, as “Fail over to…” does: detach service-floating from ha-primary, wait until it is available, attach it to ha-standby at eth1. Rehearse it if you like, confirm, watch each step, then close the dialog.',
          after:
            'service-floating is now on ha-standby at eth1, with the same MAC address, the same private IPs and both Elastic IPs: clients keep the address they know.',
          point: eni('service-floating'),
        },
      ),
      look({
        title: 'What the standby sees',
        before: 'Nothing more is sent. Look at ha-standby.',
        after:
          'ha-standby has two interfaces now. Its guest OS must bring up eth1 and route replies out of the interface they came in on: the Guest OS section of its details has the configuration.',
        point: instance('ha-standby'),
      }),
    ],
  },
  {
    id: 'tls-sites',
    title: 'TLS sites: a new site gets its own IP and Elastic IP',
    scenario: 'tls-sites',
    steps: [
      reset('tls-sites', {
        title: 'Six sites, six addresses',
        before:
          'The account is reset to tls-sites: tls-frontend serves six HTTPS sites, each on its own secondary private IP with its own Elastic IP.',
        after:
          'The primary ENI of tls-frontend holds 10.10.1.10 and six secondary IPs; the Elastic IP spare-cert is allocated but not associated.',
        point: primaryEni('tls-frontend'),
      }),
      change(assignIp('10.10.1.17', primaryEni('tls-frontend')), {
        title: 'A secondary IP for the new site',
        before: 'AssignPrivateIpAddresses gives the primary ENI of tls-frontend 10.10.1.17.',
        after: '10.10.1.17 is on the ENI: one more of the 10 addresses an m5.large allows per ENI is used.',
        point: primaryEni('tls-frontend'),
      }),
      change(moveEip('spare-cert', primaryEni('tls-frontend'), '10.10.1.17'), {
        title: 'Its Elastic IP',
        before: 'AssociateAddress puts spare-cert on 10.10.1.17, so the new site has a public address of its own.',
        after: 'spare-cert now maps to 10.10.1.17: the certificate’s DNS name can point at it.',
        point: eip('spare-cert'),
      }),
    ],
  },
  {
    id: 'nat-appliance',
    title: 'NAT appliance: source/destination check off',
    scenario: 'nat-appliance',
    steps: [
      reset('nat-appliance', {
        title: 'A firewall with two legs',
        before: 'The account is reset to nat-appliance: fw-1 routes for a private subnet through its inside leg.',
        after: 'fw-1 has eth0 in the public subnet and eth1 (fw-1-inside) in the private one.',
        point: instance('fw-1'),
      }),
      look({
        title: 'Source/dest check',
        before: 'Nothing is sent: this console cannot change the attribute yet, so this step only points at it.',
        after:
          'fw-1-inside shows “Source/dest check: off (appliance)”: EC2 drops traffic not addressed to an ENI unless the check is off, which a router or NAT needs.',
        point: eni('fw-1-inside'),
      }),
    ],
  },
  ...eniWalkthroughs,
];
