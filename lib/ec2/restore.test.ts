// The put-back command is one that can succeed in the state the ENI is in: never a bare attach of a busy ENI.
import type { NetworkInterface } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { putBackCommand } from './restore';

const origin = { eniId: 'eni-0123456789abcdef0', instanceId: 'i-0aaaaaaaaaaaaaaaa', deviceIndex: 1 };
const attach =
  'aws ec2 attach-network-interface --network-interface-id eni-0123456789abcdef0 --instance-id i-0aaaaaaaaaaaaaaaa --device-index 1';
const waitAvailable = 'aws ec2 wait network-interface-available --network-interface-ids eni-0123456789abcdef0';
const eni = (attachment?: NetworkInterface['Attachment']): NetworkInterface => ({
  NetworkInterfaceId: origin.eniId,
  Status: attachment ? 'in-use' : 'available',
  Attachment: attachment,
});

describe('putBackCommand', () => {
  it('waits for an available or detaching ENI, then attaches it at its origin', () => {
    expect(putBackCommand(eni(), origin)).toBe(`${waitAvailable} && ${attach}`);
    expect(
      putBackCommand(
        eni({ AttachmentId: 'eni-attach-1', InstanceId: origin.instanceId, DeviceIndex: 1, Status: 'detaching' }),
        origin,
      ),
    ).toBe(`${waitAvailable} && ${attach}`);
  });

  it('detaches first when the ENI is attached elsewhere', () => {
    expect(
      putBackCommand(
        eni({ AttachmentId: 'eni-attach-2', InstanceId: 'i-0bbbbbbbbbbbbbbbb', DeviceIndex: 2, Status: 'attached' }),
        origin,
      ),
    ).toBe(`aws ec2 detach-network-interface --attachment-id eni-attach-2 && ${waitAvailable} && ${attach}`);
  });

  it('has nothing to suggest when the ENI is back at its origin', () => {
    expect(
      putBackCommand(
        eni({ AttachmentId: 'eni-attach-3', InstanceId: origin.instanceId, DeviceIndex: 1, Status: 'attached' }),
        origin,
      ),
    ).toBeNull();
  });
});
