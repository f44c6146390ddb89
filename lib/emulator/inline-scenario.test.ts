// Inline scenario definitions for reset (in process and POST /_emulator/reset), and requester-managed ENIs'
// addresses, which only their service may change (found by the agreement test, lib/agreement).
import {
  AssignPrivateIpAddressesCommand,
  AssociateAddressCommand,
  DescribeAddressesCommand,
  DisassociateAddressCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ScenarioDefinition } from './index';
import { controlHeaders } from './access';
import { expectEc2Error, get, type Started, startForTest, world } from '@/lib/testing/emulator';

const definition: ScenarioDefinition = {
  title: 'inline-test',
  description: 'An instance, a NAT gateway ENI with a secondary address and an EIP.',
  vpcs: [
    {
      key: 'v',
      name: 'vpc',
      cidr: '10.9.0.0/16',
      internetGateway: true,
      subnets: [{ key: 's', name: 's', az: 'a', cidr: '10.9.1.0/28' }],
    },
  ],
  instances: [{ key: 'web', name: 'web', type: 't3.small', subnet: 's', ip: '10.9.1.4', enis: [] }],
  networkInterfaces: [
    {
      key: 'nat',
      name: 'nat',
      subnet: 's',
      ip: '10.9.1.5',
      secondaryIps: ['10.9.1.6'],
      requesterManaged: { requesterId: 'amazon-nat-gateway', interfaceType: 'nat_gateway' },
    },
  ],
  elasticIps: [{ name: 'nat-eip', eni: 'nat' }, { name: 'spare' }],
};

let emu: Started;
let ec2: EC2Client;
beforeAll(async () => ({ emu, ec2 } = await startForTest()));
afterAll(() => emu.close());
beforeEach(() => emu.reset(definition));

const control = (body: unknown) =>
  fetch(`${emu.url}/_emulator/reset`, {
    method: 'POST',
    headers: controlHeaders(emu.controlToken, true),
    body: JSON.stringify(body),
  });

describe('reset with an inline definition', () => {
  it('loads the definition in process, with the same ids every time', async () => {
    const first = await world(ec2);
    expect([...first.instances.keys()]).toEqual(['web']);
    expect(get(first.enis, 'nat').PrivateIpAddresses?.map((p) => p.PrivateIpAddress)).toEqual(['10.9.1.5', '10.9.1.6']);
    emu.reset('showcase');
    emu.reset(definition);
    expect(get((await world(ec2)).instances, 'web').InstanceId).toBe(get(first.instances, 'web').InstanceId);
  });

  it('loads it over the control plane and refuses an invalid one', async () => {
    emu.reset('showcase');
    const ok = await control({ definition });
    expect(await ok.json()).toEqual({ ok: true, scenario: 'inline:inline-test' });
    expect([...(await world(ec2)).instances.keys()]).toEqual(['web']);
    const bad = await control({ definition: { ...definition, vpcs: 'none' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/invalid/);
    expect(() =>
      emu.reset({ ...definition, instances: [{ key: 'x', name: 'x', type: 'zz.huge', subnet: 's' }] }),
    ).toThrow(/unknown instance type/);
  });
});

describe("a requester-managed ENI's addresses", () => {
  it('cannot lose a secondary IP to another ENI, even with AllowReassignment', async () => {
    const web = get((await world(ec2)).enis, 'web/eth0');
    await expectEc2Error(
      ec2.send(
        new AssignPrivateIpAddressesCommand({
          NetworkInterfaceId: web.NetworkInterfaceId,
          PrivateIpAddresses: ['10.9.1.6'],
          AllowReassignment: true,
        }),
      ),
      'OperationNotPermitted',
    );
    // Without AllowReassignment the address is simply taken: the usual "already assigned" answer (ec2-rules §10.1).
    await expectEc2Error(
      ec2.send(
        new AssignPrivateIpAddressesCommand({
          NetworkInterfaceId: web.NetworkInterfaceId,
          PrivateIpAddresses: ['10.9.1.6'],
        }),
      ),
      'InvalidParameterValue',
    );
  });

  it('keep their Elastic IP: neither reassociated elsewhere nor disassociated', async () => {
    const w = await world(ec2);
    const natEip = get(w.eips, 'nat-eip');
    const web = get(w.enis, 'web/eth0');
    await expectEc2Error(
      ec2.send(
        new AssociateAddressCommand({
          AllocationId: natEip.AllocationId,
          NetworkInterfaceId: web.NetworkInterfaceId,
          AllowReassociation: true,
        }),
      ),
      'OperationNotPermitted',
    );
    await expectEc2Error(
      ec2.send(new DisassociateAddressCommand({ AssociationId: natEip.AssociationId })),
      'OperationNotPermitted',
    );
    const after = await ec2.send(new DescribeAddressesCommand({ AllocationIds: [natEip.AllocationId as string] }));
    expect(after.Addresses?.[0]?.NetworkInterfaceId).toBe(get(w.enis, 'nat').NetworkInterfaceId);
    // Other addresses still move freely.
    const spare = get(w.eips, 'spare');
    await ec2.send(
      new AssociateAddressCommand({ AllocationId: spare.AllocationId, NetworkInterfaceId: web.NetworkInterfaceId }),
    );
  });
});
