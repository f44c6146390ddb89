// EC2 error type and the message templates of ec2-rules §5, so every handler words errors alike.

export class Ec2Error extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, message: string, status?: number) {
    super(message);
    this.code = code;
    this.status = status ?? statusForCode(code);
  }
}

/** HTTP status per error code (ec2-rules §1.3): 412 DryRun, 403 IAM, 401 auth, 503 throttling, 5xx server faults. */
export function statusForCode(code: string): number {
  switch (code) {
    case 'DryRunOperation':
      return 412;
    case 'UnauthorizedOperation':
      return 403;
    case 'AuthFailure':
      return 401;
    case 'RequestLimitExceeded':
    case 'ServiceUnavailable':
    case 'Unavailable':
      return 503;
    case 'InternalError':
    case 'InternalFailure':
    case 'InsufficientInstanceCapacity':
      return 500;
    default:
      return 400;
  }
}

export const dryRunError = (): Ec2Error =>
  new Ec2Error('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.');

export const missingParameter = (name: string): Ec2Error =>
  new Ec2Error('MissingParameter', `The request must contain the parameter ${name}`);

export const invalidValue = (message: string): Ec2Error => new Ec2Error('InvalidParameterValue', message);

export const invalidCombination = (message: string): Ec2Error => new Ec2Error('InvalidParameterCombination', message);

/** Resource kinds whose IDs are validated and looked up; codes keep AWS's inconsistent Id/ID casing (ec2-rules §5). */
export type IdKind = 'eni' | 'instance' | 'subnet' | 'vpc' | 'sg' | 'attachment' | 'allocation' | 'association' | 'igw';

interface KindInfo {
  prefix: string;
  malformed: string | null; // null: EC2 reports a wrongly shaped ID as NotFound (ec2-rules §3.3 allocation IDs)
  notFound: string;
  noun: string;
}

export const ID_KINDS: Record<IdKind, KindInfo> = {
  eni: {
    prefix: 'eni',
    malformed: 'InvalidNetworkInterfaceId.Malformed',
    notFound: 'InvalidNetworkInterfaceID.NotFound',
    noun: 'networkInterface ID',
  },
  instance: {
    prefix: 'i',
    malformed: 'InvalidInstanceID.Malformed',
    notFound: 'InvalidInstanceID.NotFound',
    noun: 'instance ID',
  },
  subnet: {
    prefix: 'subnet',
    malformed: 'InvalidSubnetID.Malformed',
    notFound: 'InvalidSubnetID.NotFound',
    noun: 'subnet ID',
  },
  vpc: { prefix: 'vpc', malformed: 'InvalidVpcID.Malformed', notFound: 'InvalidVpcID.NotFound', noun: 'vpc ID' },
  sg: {
    prefix: 'sg',
    malformed: 'InvalidGroupId.Malformed',
    notFound: 'InvalidGroup.NotFound',
    noun: 'security group',
  },
  attachment: {
    prefix: 'eni-attach',
    malformed: 'InvalidNetworkInterfaceAttachmentId.Malformed',
    notFound: 'InvalidAttachmentID.NotFound',
    noun: 'network interface attachment ID',
  },
  allocation: { prefix: 'eipalloc', malformed: null, notFound: 'InvalidAllocationID.NotFound', noun: 'allocation ID' },
  association: {
    prefix: 'eipassoc',
    malformed: null,
    notFound: 'InvalidAssociationID.NotFound',
    noun: 'association ID',
  },
  igw: {
    prefix: 'igw',
    malformed: 'InvalidInternetGatewayId.Malformed',
    notFound: 'InvalidInternetGatewayID.NotFound',
    noun: 'internetGateway ID',
  },
};

export function notFound(kind: IdKind, ids: string | string[]): Ec2Error {
  const list = Array.isArray(ids) ? ids : [ids];
  const info = ID_KINDS[kind];
  // DescribeInstances words several unknown IDs in the plural (ec2-rules §3.1).
  if (kind === 'instance' && list.length > 1) {
    return new Ec2Error(info.notFound, `The instance IDs '${list.join(', ')}' do not exist`);
  }
  return new Ec2Error(info.notFound, `The ${info.noun} '${list.join(', ')}' does not exist`);
}

export function malformed(kind: IdKind, value: string): Ec2Error {
  const info = ID_KINDS[kind];
  if (info.malformed === null) return notFound(kind, value);
  return new Ec2Error(info.malformed, `Invalid id: "${value}" (expecting "${info.prefix}-...")`);
}
