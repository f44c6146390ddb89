// The example payloads of ec2-rules §6, copied verbatim (6.1, 6.2 and the DescribeInstanceTypes fragment),
// for the foreign-endpoint test: documents written by hand from EC2's documentation, not by the emulator.

/** ec2-rules §6.1 DescribeNetworkInterfaces: eni-0a1b2c3d4e5f60718 at device index 1 (EIP on 10.0.1.26), eni-0f9e8d7c6b5a40312 unattached. */
export const DESCRIBE_NETWORK_INTERFACES = `<?xml version="1.0" encoding="UTF-8"?>
<DescribeNetworkInterfacesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
    <requestId>3b1f7c22-8f0e-4c55-9d2a-0e5c1f6a9b10</requestId>
    <networkInterfaceSet>
        <item>
            <networkInterfaceId>eni-0a1b2c3d4e5f60718</networkInterfaceId>
            <subnetId>subnet-0123456789abcdef0</subnetId>
            <vpcId>vpc-0fedcba9876543210</vpcId>
            <availabilityZone>us-east-1a</availabilityZone>
            <availabilityZoneId>use1-az6</availabilityZoneId>
            <description>app data-plane</description>
            <ownerId>111122223333</ownerId>
            <requesterManaged>false</requesterManaged>
            <status>in-use</status>
            <macAddress>0e:3c:5a:11:22:33</macAddress>
            <privateIpAddress>10.0.1.25</privateIpAddress>
            <privateDnsName>ip-10-0-1-25.ec2.internal</privateDnsName>
            <sourceDestCheck>true</sourceDestCheck>
            <groupSet>
                <item>
                    <groupId>sg-0a1a2b3c4d5e6f708</groupId>
                    <groupName>app</groupName>
                </item>
            </groupSet>
            <attachment>
                <attachmentId>eni-attach-0b1c2d3e4f5a60718</attachmentId>
                <instanceId>i-0123456789abcdef0</instanceId>
                <instanceOwnerId>111122223333</instanceOwnerId>
                <deviceIndex>1</deviceIndex>
                <networkCardIndex>0</networkCardIndex>
                <status>attached</status>
                <attachTime>2025-03-04T10:15:30.000Z</attachTime>
                <deleteOnTermination>false</deleteOnTermination>
            </attachment>
            <tagSet>
                <item>
                    <key>Name</key>
                    <value>app-eni</value>
                </item>
            </tagSet>
            <privateIpAddressesSet>
                <item>
                    <privateIpAddress>10.0.1.25</privateIpAddress>
                    <privateDnsName>ip-10-0-1-25.ec2.internal</privateDnsName>
                    <primary>true</primary>
                </item>
                <item>
                    <privateIpAddress>10.0.1.26</privateIpAddress>
                    <privateDnsName>ip-10-0-1-26.ec2.internal</privateDnsName>
                    <primary>false</primary>
                    <association>
                        <publicIp>203.0.113.10</publicIp>
                        <publicDnsName>ec2-203-0-113-10.compute-1.amazonaws.com</publicDnsName>
                        <ipOwnerId>111122223333</ipOwnerId>
                        <allocationId>eipalloc-0c1d2e3f4a5b60718</allocationId>
                        <associationId>eipassoc-0d1e2f3a4b5c60718</associationId>
                    </association>
                </item>
            </privateIpAddressesSet>
            <ipv6AddressesSet/>
            <interfaceType>interface</interfaceType>
        </item>
        <item>
            <networkInterfaceId>eni-0f9e8d7c6b5a40312</networkInterfaceId>
            <subnetId>subnet-0123456789abcdef0</subnetId>
            <vpcId>vpc-0fedcba9876543210</vpcId>
            <availabilityZone>us-east-1a</availabilityZone>
            <availabilityZoneId>use1-az6</availabilityZoneId>
            <description/>
            <ownerId>111122223333</ownerId>
            <requesterManaged>false</requesterManaged>
            <status>available</status>
            <macAddress>0e:7a:01:9b:44:5c</macAddress>
            <privateIpAddress>10.0.1.40</privateIpAddress>
            <privateDnsName>ip-10-0-1-40.ec2.internal</privateDnsName>
            <sourceDestCheck>true</sourceDestCheck>
            <groupSet>
                <item>
                    <groupId>sg-0d0e0f1a2b3c4d5e6</groupId>
                    <groupName>default</groupName>
                </item>
            </groupSet>
            <tagSet/>
            <privateIpAddressesSet>
                <item>
                    <privateIpAddress>10.0.1.40</privateIpAddress>
                    <privateDnsName>ip-10-0-1-40.ec2.internal</privateDnsName>
                    <primary>true</primary>
                </item>
            </privateIpAddressesSet>
            <ipv6AddressesSet/>
            <interfaceType>interface</interfaceType>
        </item>
    </networkInterfaceSet>
</DescribeNetworkInterfacesResponse>
`;

/** ec2-rules §6.2 DescribeAddresses: 203.0.113.10 on 10.0.1.26 of eni-0a1b2c3d4e5f60718, 198.51.100.7 idle. */
export const DESCRIBE_ADDRESSES = `<?xml version="1.0" encoding="UTF-8"?>
<DescribeAddressesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
    <requestId>7d2a9c1e-55b0-4f3e-8a61-1c2b3d4e5f60</requestId>
    <addressesSet>
        <item>
            <publicIp>203.0.113.10</publicIp>
            <allocationId>eipalloc-0c1d2e3f4a5b60718</allocationId>
            <domain>vpc</domain>
            <instanceId>i-0123456789abcdef0</instanceId>
            <associationId>eipassoc-0d1e2f3a4b5c60718</associationId>
            <networkInterfaceId>eni-0a1b2c3d4e5f60718</networkInterfaceId>
            <networkInterfaceOwnerId>111122223333</networkInterfaceOwnerId>
            <privateIpAddress>10.0.1.26</privateIpAddress>
            <tagSet/>
            <publicIpv4Pool>amazon</publicIpv4Pool>
            <networkBorderGroup>us-east-1</networkBorderGroup>
        </item>
        <item>
            <publicIp>198.51.100.7</publicIp>
            <allocationId>eipalloc-0e1f2a3b4c5d60718</allocationId>
            <domain>vpc</domain>
            <tagSet>
                <item>
                    <key>role</key>
                    <value>standby</value>
                </item>
            </tagSet>
            <publicIpv4Pool>amazon</publicIpv4Pool>
            <networkBorderGroup>us-east-1</networkBorderGroup>
        </item>
    </addressesSet>
</DescribeAddressesResponse>
`;

/** ec2-rules §6.3 DescribeInstanceTypes fragment (t3.micro), verbatim; the test server wraps it in the response root. */
export const INSTANCE_TYPE_SET_T3_MICRO = `<instanceTypeSet><item>
  <instanceType>t3.micro</instanceType>
  <networkInfo>
    <networkPerformance>Up to 5 Gigabit</networkPerformance>
    <maximumNetworkInterfaces>2</maximumNetworkInterfaces>
    <maximumNetworkCards>1</maximumNetworkCards>
    <defaultNetworkCardIndex>0</defaultNetworkCardIndex>
    <networkCards><item><networkCardIndex>0</networkCardIndex><networkPerformance>Up to 5 Gigabit</networkPerformance><maximumNetworkInterfaces>2</maximumNetworkInterfaces></item></networkCards>
    <ipv4AddressesPerInterface>2</ipv4AddressesPerInterface>
    <ipv6AddressesPerInterface>2</ipv6AddressesPerInterface>
    <ipv6Supported>true</ipv6Supported>
    <enaSupport>required</enaSupport>
    <efaSupported>false</efaSupported>
  </networkInfo>
</item></instanceTypeSet>
`;
