// The walkthroughs of what ENIs are for, written for a network admin learning them: a management network (a second
// ENI with its own subnet and security group, and the guest OS routing it needs), dual-homed tiers (one instance,
// one leg per subnet; an address stays in its subnet) and two VPCs in one AZ (a multi-VPC attachment and its limits).
import type { Walkthrough } from './walkthroughs';
import {
  change,
  eni,
  guestConfig,
  instance,
  look,
  moveEip,
  moveEni,
  moveIp,
  primaryEni,
  refused,
  reset,
} from './walk-steps';

export const eniWalkthroughs: Walkthrough[] = [
  {
    id: 'management-network',
    title: 'Management network: a second ENI for admin traffic',
    scenario: 'management-network',
    steps: [
      reset('management-network', {
        title: 'Two networks, two interfaces',
        before:
          'The account is reset to management-network: each server has eth0 in a service subnet and eth1 in its AZ’s restricted management subnet, which only the jump host reaches.',
        after:
          'svc-1-mgmt is svc-1’s eth1: subnet mgmt-a, security group “management” (SSH/SNMP from the jump host only). eth0 keeps the “service” group. Security groups belong to the ENI, so one instance gets two sets of firewall rules.',
        point: eni('svc-1-mgmt'),
      }),
      change(moveEni('svc-4-mgmt', 'svc-4 (no mgmt leg yet)', 1), {
        title: 'Give svc-4 its management leg',
        before:
          'svc-4 has only eth0. The pool holds svc-4-mgmt, an ENI already created in mgmt-b with the management group. The plan dialog opens as for a drop: one AttachNetworkInterface at eth1. Confirm it.',
        after:
          'svc-4-mgmt is eth1 on svc-4, with its own address (10.30.100.75), MAC and security group. Nothing about eth0 changed: the management leg is added beside the service one.',
        point: instance('svc-4 (no mgmt leg yet)'),
      }),
      guestConfig('svc-4 (no mgmt leg yet)', {
        title: 'The guest OS must route it',
        before:
          'EC2 delivers packets to eth1, but the OS decides where replies go. Without policy routing, an SSH reply from 10.30.100.75 leaves by eth0’s default route and is dropped. The console generates svc-4’s configuration.',
        after:
          'Route table 1001 for eth1 with a default route via mgmt-b’s router 10.30.100.65 (the subnet’s first host), and a rule “from 10.30.100.75 lookup 1001”. Do not bring eth1 up with plain DHCP: it can take the default route and cut off SSH on eth0.',
        point: instance('svc-4 (no mgmt leg yet)'),
      }),
      refused(moveEni('svc-1-mgmt', 'svc-4 (no mgmt leg yet)', 2), {
        title: 'One management subnet per AZ',
        before:
          'Could svc-4 use svc-1’s management leg instead? It is checked like a drop of svc-1-mgmt onto svc-4’s free eth2 slot.',
        after:
          'Refused before anything is sent: an ENI lives in one subnet, and a subnet in one AZ. That is why each AZ has its own management subnet (mgmt-a, mgmt-b).',
        point: eni('svc-1-mgmt'),
      }),
    ],
  },
  {
    id: 'dual-homed-tiers',
    title: 'Dual-homed tiers: one instance, a leg in each subnet',
    scenario: 'dual-homed-tiers',
    steps: [
      reset('dual-homed-tiers', {
        title: 'A leg in the next tier',
        before:
          'The account is reset to dual-homed-tiers: web, app and db subnets in one AZ. Each web and app server has a second ENI in the next tier’s subnet.',
        after:
          'web-1 has eth0 in web-a (group web) and eth1, web-1-app-leg, in app-a (group app). Traffic from web-1 to the app tier leaves by eth1 and stays on-link: no router between tiers.',
        point: instance('web-1'),
      }),
      look({
        title: 'Each leg brings its tier’s rules',
        before: 'Nothing is sent. Look at app-1’s db leg.',
        after:
          'app-1-db-leg is in db-a with the db security group: the db tier’s rules apply to what app-1 sends and receives on it. An ENI has one subnet for life; only its security groups can change.',
        point: eni('app-1-db-leg'),
      }),
      change(moveIp('10.50.3.20', primaryEni('db-2 (replica)')), {
        title: 'Promote the replica',
        before:
          'The db service address 10.50.3.20 is a secondary IP on db-1. Move it to db-2 (replica) in the same subnet: AssignPrivateIpAddresses with AllowReassignment, through the plan dialog.',
        after:
          '10.50.3.20 is now on db-2. app-1 and app-2 reach it exactly as before, on-link through their db legs: the address moved, not the clients’ routes.',
        point: primaryEni('db-2 (replica)'),
      }),
      refused(moveIp('10.50.3.20', primaryEni('web-1')), {
        title: 'An address stays in its subnet',
        before:
          'Could web-1 answer on 10.50.3.20 directly? It is checked like a drop of that address on web-1’s primary ENI, which is in web-a.',
        after:
          'Refused before anything is sent: a private IP belongs to its subnet’s range. To own an address in another subnet, an instance needs an ENI in that subnet — which is what a dual-homed leg is.',
        point: instance('web-1'),
      }),
    ],
  },
  {
    id: 'multi-vpc',
    title: 'Two VPCs in one AZ: a multi-VPC ENI attachment',
    scenario: 'multi-vpc',
    steps: [
      reset('multi-vpc', {
        title: 'An instance with a leg in another VPC',
        before:
          'The account is reset to multi-vpc: application servers in VPC “application”, LDAP and logs in VPC “shared-services”, which has a subnet only in the first AZ.',
        after:
          'app-1’s eth1, app-1-shared, is in shared-a, a subnet of the other VPC: a multi-VPC ENI attachment. app-1 reaches ldap-1 (10.70.1.5) on-link, without peering or a transit gateway.',
        point: eni('app-1-shared'),
      }),
      change(moveEni('app-2-shared', 'app-2', 1), {
        title: 'Attach app-2’s shared-services leg',
        before:
          'app-2-shared waits in the pool: created in shared-a with the shared group. AttachNetworkInterface puts it on app-2 at eth1 — an instance in the other VPC, in the same AZ. Confirm the plan.',
        after:
          'app-2 now has eth0 in application and eth1 in shared-services. The leg keeps its VPC’s security group and route table; its guest OS needs a route table for eth1 like any second ENI.',
        point: instance('app-2'),
      }),
      refused(moveEni('app-2-shared', 'app-b-1', 1), {
        title: 'Not across Availability Zones',
        before:
          'app-b-1 runs in the second AZ. Could it get a leg in shared-services too? It is checked like a drop of app-2-shared onto app-b-1’s eth1.',
        after:
          'Refused before anything is sent: the ENI and the instance must be in the same AZ, across VPCs as within one. shared-services would first need a subnet in that AZ.',
        point: instance('app-b-1'),
      }),
      refused(moveEip('spare', eni('app-2-shared'), '10.70.1.11'), {
        title: 'No Elastic IP without an internet gateway',
        before:
          'Could the idle Elastic IP “spare” be reached through the shared-services leg? It is checked like a drop of it on 10.70.1.11.',
        after:
          'Refused: shared-services has no internet gateway, so an address there cannot have an Elastic IP. Public traffic stays on eth0, in the application VPC.',
        point: eni('app-2-shared'),
      }),
    ],
  },
];
