// The zod schemas of the EC2 ids and addresses moves and changes name: one spelling of each id's shape and of the
// message that says what was expected.
import { z } from 'zod';

/** An EC2 id: the prefix, a dash and 8 or 17 lowercase hex digits. */
const ec2Id = (prefix: string, what: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}-[0-9a-f]{8}([0-9a-f]{9})?$`), `Expected ${what} such as ${prefix}-0123456789abcdef0`);

export const ipv4 = z.ipv4({ message: 'Expected a dotted IPv4 address such as 10.0.1.20' });
export const eniId = ec2Id('eni', 'an ENI id');
export const instanceId = ec2Id('i', 'an instance id');
export const allocationId = ec2Id('eipalloc', 'an allocation id');
export const subnetId = ec2Id('subnet', 'a subnet id');
export const groupId = ec2Id('sg', 'a security group id');
