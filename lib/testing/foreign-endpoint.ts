// Test support: a tiny EC2-compatible endpoint that is not our emulator. It answers each Describe with the
// documented payloads of ec2-rules §6 and moto-style minimal ones (fields left out or empty), sends no
// x-amzn-RequestId header and never paginates; `mode` switches it to garbage answers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DESCRIBE_ADDRESSES, DESCRIBE_NETWORK_INTERFACES, INSTANCE_TYPE_SET_T3_MICRO } from './foreign-payloads';

const NS = 'http://ec2.amazonaws.com/doc/2016-11-15/';
const response = (action: string, body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${NS}"><requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>${body}</${action}Response>`;

/** moto-style: no cidrBlockAssociationSet, no isDefault, no availabilityZoneId, empty tag sets. */
const VPCS = `<vpcSet><item><vpcId>vpc-0fedcba9876543210</vpcId><state>available</state><cidrBlock>10.0.0.0/16</cidrBlock>
<dhcpOptionsId>dopt-7a8b9c2d</dhcpOptionsId><instanceTenancy>default</instanceTenancy><tagSet/></item></vpcSet>`;

/** The second subnet leaves out availableIpAddressCount; the console derives it (251 usable, none held). */
const SUBNETS = `<subnetSet>
<item><subnetId>subnet-0123456789abcdef0</subnetId><state>available</state><vpcId>vpc-0fedcba9876543210</vpcId>
<cidrBlock>10.0.1.0/24</cidrBlock><availableIpAddressCount>248</availableIpAddressCount><availabilityZone>us-east-1a</availabilityZone>
<defaultForAz>false</defaultForAz><mapPublicIpOnLaunch>false</mapPublicIpOnLaunch><tagSet><item><key>Name</key><value>app-a</value></item></tagSet></item>
<item><subnetId>subnet-0aaaabbbbccccdddd</subnetId><vpcId>vpc-0fedcba9876543210</vpcId><cidrBlock>10.0.2.0/24</cidrBlock>
<availabilityZone>us-east-1b</availabilityZone><tagSet/></item>
</subnetSet>`;

/** A detached gateway: the VPC has no internet gateway. */
const INTERNET_GATEWAYS = `<internetGatewaySet><item><internetGatewayId>igw-0c0d0e0f1a2b3c4d5</internetGatewayId><attachmentSet/><tagSet/></item></internetGatewaySet>`;

const SECURITY_GROUPS = `<securityGroupInfo>
<item><ownerId>111122223333</ownerId><groupId>sg-0a1a2b3c4d5e6f708</groupId><groupName>app</groupName><groupDescription>app tier</groupDescription>
<vpcId>vpc-0fedcba9876543210</vpcId><ipPermissions/><ipPermissionsEgress/><tagSet/></item>
<item><ownerId>111122223333</ownerId><groupId>sg-0d0e0f1a2b3c4d5e6</groupId><groupName>default</groupName><groupDescription/>
<vpcId>vpc-0fedcba9876543210</vpcId><ipPermissions/><ipPermissionsEgress/></item>
</securityGroupInfo>`;

/** Two t3.micro instances: one running (the ENI of ec2-rules §6.1 is its eth1), one stopped without tags or sourceDestCheck. */
const INSTANCES = `<reservationSet>
<item><reservationId>r-0a1b2c3d4e5f60718</reservationId><ownerId>111122223333</ownerId><groupSet/><instancesSet>
<item><instanceId>i-0123456789abcdef0</instanceId><imageId>ami-0abcdef1234567890</imageId>
<instanceState><code>16</code><name>running</name></instanceState><privateDnsName>ip-10-0-1-10.ec2.internal</privateDnsName><dnsName/>
<reason/><keyName/><amiLaunchIndex>0</amiLaunchIndex><productCodes/><instanceType>t3.micro</instanceType>
<launchTime>2025-03-04T10:00:00.000Z</launchTime><placement><availabilityZone>us-east-1a</availabilityZone><groupName/><tenancy>default</tenancy></placement>
<monitoring><state>disabled</state></monitoring><subnetId>subnet-0123456789abcdef0</subnetId><vpcId>vpc-0fedcba9876543210</vpcId>
<privateIpAddress>10.0.1.10</privateIpAddress><sourceDestCheck>true</sourceDestCheck><groupSet/><architecture>x86_64</architecture>
<rootDeviceType>ebs</rootDeviceType><blockDeviceMapping/><virtualizationType>hvm</virtualizationType><tagSet><item><key>Name</key><value>app-1</value></item></tagSet>
<hypervisor>xen</hypervisor><networkInterfaceSet><item><networkInterfaceId>eni-0a1b2c3d4e5f60718</networkInterfaceId>
<subnetId>subnet-0123456789abcdef0</subnetId><vpcId>vpc-0fedcba9876543210</vpcId><description/><ownerId>111122223333</ownerId><status>in-use</status>
<privateIpAddress>10.0.1.25</privateIpAddress><attachment><attachmentId>eni-attach-0b1c2d3e4f5a60718</attachmentId><deviceIndex>1</deviceIndex>
<status>attached</status></attachment><groupSet/><privateIpAddressesSet/></item></networkInterfaceSet><ebsOptimized>false</ebsOptimized></item>
</instancesSet></item>
<item><reservationId>r-0f0e0d0c0b0a09080</reservationId><ownerId>111122223333</ownerId><groupSet/><instancesSet>
<item><instanceId>i-0fedcba9876543210</instanceId><imageId>ami-0abcdef1234567890</imageId>
<instanceState><code>80</code><name>stopped</name></instanceState><privateDnsName/><dnsName/><reason>User initiated</reason>
<instanceType>t3.micro</instanceType><launchTime>2025-03-01T08:30:00Z</launchTime><placement><availabilityZone>us-east-1a</availabilityZone></placement>
<subnetId>subnet-0123456789abcdef0</subnetId><vpcId>vpc-0fedcba9876543210</vpcId><privateIpAddress>10.0.1.11</privateIpAddress>
<groupSet/><networkInterfaceSet/></item>
</instancesSet></item>
</reservationSet>`;

const BODIES: Record<string, string> = {
  DescribeVpcs: VPCS,
  DescribeSubnets: SUBNETS,
  DescribeInternetGateways: INTERNET_GATEWAYS,
  DescribeSecurityGroups: SECURITY_GROUPS,
  DescribeInstances: INSTANCES,
  DescribeInstanceTypes: INSTANCE_TYPE_SET_T3_MICRO,
};

/** `documented`: the payloads above; the others answer every request with that kind of garbage. */
export type ForeignMode = 'documented' | 'html' | 'truncated-xml' | 'unknown-root' | 'proxy-error-page';

const GARBAGE: Record<Exclude<ForeignMode, 'documented'>, (action: string) => string> = {
  html: () =>
    '<!DOCTYPE html>\n<html><head><title>Welcome</title></head><body><h1>It works!</h1><p>Default page<br></body></html>',
  'truncated-xml': (action) => response(action, BODIES[action] ?? '').slice(0, 120),
  'unknown-root': () =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<Status xmlns="${NS}"><healthy>true</healthy></Status>`,
  'proxy-error-page': () =>
    '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
};

export interface ForeignEndpoint {
  url: string;
  mode: ForeignMode;
  /** The Action (and parameters) of every request received. */
  requests: URLSearchParams[];
  close(): Promise<void>;
}

function answer(mode: ForeignMode, form: URLSearchParams): { status: number; type: string; body: string } {
  const action = form.get('Action') ?? '';
  if (mode === 'proxy-error-page') return { status: 502, type: 'text/html', body: GARBAGE[mode](action) };
  if (mode !== 'documented')
    return { status: 200, type: mode === 'html' ? 'text/html' : 'text/xml', body: GARBAGE[mode](action) };
  if (action === 'DescribeNetworkInterfaces')
    return { status: 200, type: 'text/xml', body: DESCRIBE_NETWORK_INTERFACES };
  if (action === 'DescribeAddresses') return { status: 200, type: 'text/xml', body: DESCRIBE_ADDRESSES };
  const body = BODIES[action];
  if (body !== undefined) return { status: 200, type: 'text/xml', body: response(action, body) };
  const error = `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>InvalidAction</Code><Message>The action ${action} is not valid for this web service.</Message></Error></Errors><RequestID>00000000-0000-0000-0000-000000000000</RequestID></Response>`;
  return { status: 400, type: 'text/xml', body: error };
}

/** Listens on an ephemeral loopback port. */
export async function startForeignEndpoint(mode: ForeignMode = 'documented'): Promise<ForeignEndpoint> {
  const requests: URLSearchParams[] = [];
  const state = { mode };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      requests.push(form);
      const a = answer(state.mode, form);
      res.writeHead(a.status, { 'Content-Type': a.type, 'Content-Length': Buffer.byteLength(a.body) });
      res.end(a.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get mode() {
      return state.mode;
    },
    set mode(m: ForeignMode) {
      state.mode = m;
    },
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
