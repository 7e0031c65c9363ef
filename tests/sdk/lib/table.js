'use strict';
// The table of calls every client style runs: every implemented action at least once, each answer read through the
// client's own models with the types and list wrappers the SDK declares, and a set of errors that must arrive as the
// SDK's errors. Steps run in order and build on each other's resources (kept in `s`); a step whose input an earlier,
// failed step should have made is skipped rather than failed again.
//
// Each step is run({ c, s, w, server, style }): c is the client (lib/clients), w reads resources back (lib/world).

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { str, num, bool, obj, list, strings, walk, isBigNumber } = require('./shape');
const { fails } = require('./expect');

const R = 'cn-hangzhou';
const ZONE = 'cn-hangzhou-i';
const MULTI = 'cn-shenzhen';
// Characters the SDKs encode differently on the wire and for signing (sdk-wire.md §4.2, §5.0).
const AWKWARD = 'made by the SDK suite: *!\'()~ +/=&?#%中文';
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const UNKNOWN = {
  eip: 'eip-doesnotexist00000000',
  eni: 'eni-doesnotexist00000000',
  instance: 'i-doesnotexist0000000000',
  sg: 'sg-doesnotexist000000000',
  vpc: 'vpc-doesnotexist00000000',
  vsw: 'vsw-doesnotexist00000000',
};

/** Thrown when a step needs a resource that an earlier step failed to make. */
class MissingState extends Error {}

function state() {
  return new Proxy({}, {
    get(target, key) {
      if (typeof key === 'symbol' || key in target) return target[key];
      throw new MissingState(`needs "${String(key)}", which an earlier step failed to make`);
    },
  });
}

const ids = (items, field) => items.map((item) => str(item, field));

/**
 * The account number a VPC API OwnerId (a JSON number) carries, as text. The 7.x SDKs parse it with JSON.parse, so it
 * must be a safe JavaScript integer (below 2^53) to arrive unchanged; pop-core keeps big integers exact.
 */
function ownerIdText(value) {
  if (isBigNumber(value)) return value.toString();
  assert.equal(typeof value, 'number', `OwnerId must be a number, got ${typeof value}`);
  assert.ok(Number.isSafeInteger(value), `OwnerId reaches the client as ${value}, above 2^53: JSON.parse (the 7.x SDKs) cannot represent ` +
    'it exactly. Alibaba account ids stay below that (16 digits starting with 1)');
  return String(value);
}

const steps = [
  // Catalog.
  ['Vpc.DescribeRegions lists the regions', async ({ c }) => {
    const regions = list((await c.call('Vpc', 'DescribeRegions', {})).body, 'Regions', 'Region');
    const hangzhou = regions.find((r) => str(r, 'RegionId') === R);
    assert.ok(hangzhou, 'cn-hangzhou is listed');
    str(hangzhou, 'LocalName');
    str(hangzhou, 'RegionEndpoint');
  }],
  ['Vpc.DescribeZones lists a region\'s zones', async ({ c, s }) => {
    const zones = list((await c.call('Vpc', 'DescribeZones', { RegionId: R })).body, 'Zones', 'Zone');
    assert.ok(ids(zones, 'ZoneId').includes(ZONE));
    assert.equal(str(zones[0], 'ZoneType'), 'AvailabilityZone');
    s.multiZone = str(list((await c.call('Vpc', 'DescribeZones', { RegionId: MULTI })).body, 'Zones', 'Zone')[0], 'ZoneId');
  }],
  ['Ecs.DescribeRegions lists the regions with their status', async ({ c }) => {
    const regions = list((await c.call('Ecs', 'DescribeRegions', {})).body, 'Regions', 'Region');
    assert.ok(ids(regions, 'RegionId').includes(MULTI));
    regions.forEach((r) => str(r, 'Status'));
  }],
  ['Ecs.DescribeZones, DescribeAvailableResource and DescribeImages answer what Terraform\'s data sources ask', async ({ c }) => {
    const zones = list((await c.call('Ecs', 'DescribeZones', { RegionId: R })).body, 'Zones', 'Zone');
    const zone = zones.find((z) => str(z, 'ZoneId') === ZONE);
    assert.ok(strings(zone, 'AvailableInstanceTypes', 'InstanceTypes').length > 0);
    assert.ok(strings(zone, 'AvailableDiskCategories', 'DiskCategories').includes('cloud_essd'));
    const available = (await c.call('Ecs', 'DescribeAvailableResource', { RegionId: R, DestinationResource: 'Zone', ZoneId: ZONE })).body;
    const [az] = list(available, 'AvailableZones', 'AvailableZone');
    const [resource] = list(az, 'AvailableResources', 'AvailableResource');
    assert.deepEqual(list(resource, 'SupportedResources', 'SupportedResource').map((r) => str(r, 'Value')), [ZONE]);
    const images = (await c.call('Ecs', 'DescribeImages', { RegionId: R, ImageOwnerAlias: 'system', PageSize: 100 })).body;
    assert.ok(num(images, 'TotalCount') > 0);
    const [image] = list(images, 'Images', 'Image');
    num(image, 'Size');
    bool(image, 'IsSupportCloudinit');
    str(list(image, 'DiskDeviceMappings', 'DiskDeviceMapping')[0], 'Size');
    const supported = (await c.call('Ecs', 'DescribeImageSupportInstanceTypes', { RegionId: R, ImageId: str(image, 'ImageId') })).body;
    assert.equal(str(supported, 'ImageId'), str(image, 'ImageId'));
    const supportedTypes = list(supported, 'InstanceTypes', 'InstanceType');
    assert.ok(supportedTypes.map((t) => str(t, 'InstanceTypeId')).includes('ecs.g7.large'));
    num(supportedTypes[0], 'MemorySize');
  }],
  ['Ecs.DescribeInstanceTypes gives ENI limits as numbers', async ({ c, s }) => {
    const { body } = await c.call('Ecs', 'DescribeInstanceTypes', { InstanceTypes: ['ecs.g7.large'] });
    const [type] = list(body, 'InstanceTypes', 'InstanceType');
    assert.equal(list(body, 'InstanceTypes', 'InstanceType').length, 1);
    assert.equal(num(type, 'EniQuantity'), 3);
    assert.equal(num(type, 'EniPrivateIpAddressQuantity'), 6);
    assert.equal(num(type, 'CpuCoreCount'), 2);
    assert.equal(num(type, 'MemorySize'), 8);
    num(type, 'EniTotalQuantity');
    bool(type, 'EniTrunkSupported');
    str(body, 'NextToken');
    s.instanceType = str(type, 'InstanceTypeId');
  }],

  // VPC, vSwitch, security groups.
  ['Vpc.CreateVpc returns the VPC\'s ids', async ({ c, s }) => {
    const { body } = await c.call('Vpc', 'CreateVpc', { RegionId: R, CidrBlock: '192.168.0.0/16', VpcName: 'sdk-vpc' });
    s.vpcId = str(body, 'VpcId');
    assert.match(s.vpcId, /^vpc-[a-z0-9]{20}$/);
    str(body, 'VRouterId');
    str(body, 'RouteTableId');
    str(body, 'RequestId');
  }],
  ['Vpc.CreateVSwitch returns the vSwitch id', async ({ c, s }) => {
    const { body } = await c.call('Vpc', 'CreateVSwitch', { RegionId: R, VpcId: s.vpcId, ZoneId: ZONE, CidrBlock: '192.168.1.0/24', VSwitchName: 'sdk-vsw' });
    s.vswId = str(body, 'VSwitchId');
    assert.match(s.vswId, /^vsw-/);
  }],
  ['Vpc.DescribeVpcs shows the VPC with numbers, booleans and wrapped lists', async ({ c, s }) => {
    const { body } = await c.call('Vpc', 'DescribeVpcs', { RegionId: R, VpcId: s.vpcId });
    assert.equal(num(body, 'TotalCount'), 1);
    num(body, 'PageNumber');
    num(body, 'PageSize');
    const [vpc] = list(body, 'Vpcs', 'Vpc');
    assert.equal(str(vpc, 'VpcId'), s.vpcId);
    assert.equal(str(vpc, 'CidrBlock'), '192.168.0.0/16');
    assert.equal(str(vpc, 'VpcName'), 'sdk-vpc');
    assert.equal(bool(vpc, 'IsDefault'), false);
    s.vpcOwnerId = walk(vpc, ['OwnerId']);
    assert.match(str(vpc, 'CreationTime'), TIME);
    assert.deepEqual(strings(vpc, 'VSwitchIds', 'VSwitchId'), [s.vswId]);
    strings(vpc, 'UserCidrs', 'UserCidr');
    strings(vpc, 'RouterTableIds', 'RouterTableIds');
    strings(vpc, 'NatGatewayIds', 'NatGatewayIds');
    strings(vpc, 'SecondaryCidrBlocks', 'SecondaryCidrBlock');
    assert.deepEqual(list(vpc, 'Tags', 'Tag'), []);
  }],
  ['Vpc.DescribeVSwitches shows the vSwitch with its free address count', async ({ c, s }) => {
    const { body } = await c.call('Vpc', 'DescribeVSwitches', { RegionId: R, VpcId: s.vpcId });
    assert.equal(num(body, 'TotalCount'), 1);
    const [vsw] = list(body, 'VSwitches', 'VSwitch');
    assert.equal(str(vsw, 'VSwitchId'), s.vswId);
    assert.equal(str(vsw, 'ZoneId'), ZONE);
    assert.equal(str(vsw, 'CidrBlock'), '192.168.1.0/24');
    assert.ok(num(vsw, 'AvailableIpAddressCount') > 200);
    assert.equal(bool(vsw, 'IsDefault'), false);
    str(vsw, 'RouteTable', 'RouteTableId');
    assert.deepEqual(list(vsw, 'Tags', 'Tag'), []);
    s.vswOwnerId = walk(vsw, ['OwnerId']);
  }],
  ['Vpc.DescribeVpcAttribute and DescribeVSwitchAttributes show one VPC and one vSwitch flat', async ({ c, s }) => {
    const vpc = (await c.call('Vpc', 'DescribeVpcAttribute', { RegionId: R, VpcId: s.vpcId })).body;
    assert.equal(str(vpc, 'VpcId'), s.vpcId);
    assert.equal(str(vpc, 'VpcName'), 'sdk-vpc');
    assert.equal(str(vpc, 'Status'), 'Available');
    assert.equal(bool(vpc, 'ClassicLinkEnabled'), false);
    assert.deepEqual(strings(vpc, 'VSwitchIds', 'VSwitchId'), [s.vswId]);
    const vsw = (await c.call('Vpc', 'DescribeVSwitchAttributes', { RegionId: R, VSwitchId: s.vswId })).body;
    assert.equal(str(vsw, 'VSwitchId'), s.vswId);
    assert.ok(num(vsw, 'AvailableIpAddressCount') > 200);
    str(vsw, 'RouteTable', 'RouteTableId');
  }],
  ['Vpc.ModifyVpcAttribute and ModifyVSwitchAttribute change descriptions and names', async ({ c, s }) => {
    await c.call('Vpc', 'ModifyVpcAttribute', { RegionId: R, VpcId: s.vpcId, Description: AWKWARD });
    assert.equal(str((await c.call('Vpc', 'DescribeVpcAttribute', { RegionId: R, VpcId: s.vpcId })).body, 'Description'), AWKWARD);
    await c.call('Vpc', 'ModifyVSwitchAttribute', { RegionId: R, VSwitchId: s.vswId, VSwitchName: 'sdk-vsw-2' });
    assert.equal(str((await c.call('Vpc', 'DescribeVSwitchAttributes', { RegionId: R, VSwitchId: s.vswId })).body, 'VSwitchName'), 'sdk-vsw-2');
    await c.call('Vpc', 'ModifyVSwitchAttribute', { RegionId: R, VSwitchId: s.vswId, VSwitchName: 'sdk-vsw' });
  }],
  ['Vpc.TagResources, ListTagResources and UnTagResources tag the VPC; DescribeVpcs filters by the tag', async ({ c, s }) => {
    await c.call('Vpc', 'TagResources', { RegionId: R, ResourceType: 'VPC', ResourceId: [s.vpcId], Tag: [{ Key: 'sdk', Value: AWKWARD }] });
    const { body } = await c.call('Vpc', 'ListTagResources', { RegionId: R, ResourceType: 'VPC', ResourceId: [s.vpcId] });
    const [tag] = list(body, 'TagResources', 'TagResource');
    assert.deepEqual([str(tag, 'ResourceId'), str(tag, 'ResourceType'), str(tag, 'TagKey'), str(tag, 'TagValue')], [s.vpcId, 'VPC', 'sdk', AWKWARD]);
    assert.equal(str(body, 'NextToken'), '');
    const tagged = (await c.call('Vpc', 'DescribeVpcs', { RegionId: R, Tag: [{ Key: 'sdk', Value: AWKWARD }] })).body;
    assert.deepEqual(ids(list(tagged, 'Vpcs', 'Vpc'), 'VpcId'), [s.vpcId]);
    await c.call('Vpc', 'UnTagResources', { RegionId: R, ResourceType: 'VPC', ResourceId: [s.vpcId], TagKey: ['sdk'] });
    assert.equal(num((await c.call('Vpc', 'DescribeVpcs', { RegionId: R, Tag: [{ Key: 'sdk' }] })).body, 'TotalCount'), 0);
  }],
  ['Vpc.MoveResourceGroup moves the VPC, and its vSwitch with it, into a resource group', async ({ c, s }) => {
    await c.call('Vpc', 'MoveResourceGroup', { RegionId: R, ResourceType: 'VPC', ResourceId: s.vpcId, NewResourceGroupId: 'rg-acfmsdk01' });
    const { body } = await c.call('Vpc', 'DescribeVSwitches', { RegionId: R, ResourceGroupId: 'rg-acfmsdk01' });
    assert.deepEqual(ids(list(body, 'VSwitches', 'VSwitch'), 'VSwitchId'), [s.vswId]);
  }],
  ['Vpc.DescribeRouteTableList and ModifyRouteTableAttributes show and name the system route table', async ({ c, s }) => {
    const [table] = list((await c.call('Vpc', 'DescribeRouteTableList', { RegionId: R, VpcId: s.vpcId })).body, 'RouterTableList', 'RouterTableListType');
    assert.equal(str(table, 'RouteTableType'), 'System');
    assert.equal(bool(table, 'RoutePropagationEnable'), true);
    await c.call('Vpc', 'ModifyRouteTableAttributes', { RegionId: R, RouteTableId: str(table, 'RouteTableId'), RouteTableName: 'sdk-main' });
    const named = (await c.call('Vpc', 'DescribeRouteTableList', { RegionId: R, RouteTableName: 'sdk-main' })).body;
    assert.deepEqual(ids(list(named, 'RouterTableList', 'RouterTableListType'), 'VpcId'), [s.vpcId]);
  }],
  ['Ecs.CreateSecurityGroup returns the group id', async ({ c, s }) => {
    s.sgId = str((await c.call('Ecs', 'CreateSecurityGroup', { RegionId: R, VpcId: s.vpcId, SecurityGroupName: 'sdk-web' })).body, 'SecurityGroupId');
    s.sg2Id = str((await c.call('Ecs', 'CreateSecurityGroup', { RegionId: R, VpcId: s.vpcId, SecurityGroupName: 'sdk-extra' })).body, 'SecurityGroupId');
    assert.match(s.sgId, /^sg-/);
  }],
  ['Ecs.AuthorizeSecurityGroup adds an ingress rule (Permissions list)', async ({ c, s }) => {
    const { body } = await c.call('Ecs', 'AuthorizeSecurityGroup', {
      RegionId: R, SecurityGroupId: s.sgId,
      Permissions: [{ IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '203.0.113.0/24', Priority: '1', Description: 'ssh' }],
    });
    str(body, 'RequestId');
  }],
  ['Ecs.AuthorizeSecurityGroupEgress adds an egress rule (flat parameters)', async ({ c, s }) => {
    await c.call('Ecs', 'AuthorizeSecurityGroupEgress', {
      RegionId: R, SecurityGroupId: s.sgId, IpProtocol: 'tcp', PortRange: '443/443', DestCidrIp: '0.0.0.0/0',
    });
  }],
  ['Ecs.DescribeSecurityGroupAttribute lists the rules (Priority is a string)', async ({ c, s }) => {
    const { body } = await c.call('Ecs', 'DescribeSecurityGroupAttribute', { RegionId: R, SecurityGroupId: s.sgId });
    assert.equal(str(body, 'SecurityGroupId'), s.sgId);
    assert.equal(str(body, 'VpcId'), s.vpcId);
    const rules = list(body, 'Permissions', 'Permission');
    assert.deepEqual(ids(rules, 'Direction').sort(), ['egress', 'ingress']);
    const ingress = rules.find((r) => str(r, 'Direction') === 'ingress');
    assert.equal(str(ingress, 'IpProtocol'), 'TCP');
    assert.equal(str(ingress, 'PortRange'), '22/22');
    assert.equal(str(ingress, 'Priority'), '1');
    assert.equal(str(ingress, 'SourceCidrIp'), '203.0.113.0/24');
    assert.match(str(ingress, 'CreateTime'), TIME);
    s.ingressRuleId = str(ingress, 'SecurityGroupRuleId');
  }],
  ['Ecs.ModifySecurityGroupRule (by id) and ModifySecurityGroupEgressRule (by content, twice) change rule descriptions', async ({ c, s }) => {
    await c.call('Ecs', 'ModifySecurityGroupRule', { RegionId: R, SecurityGroupId: s.sgId, SecurityGroupRuleId: s.ingressRuleId, Description: AWKWARD });
    const egress = { RegionId: R, SecurityGroupId: s.sgId, IpProtocol: 'TCP', PortRange: '443/443', DestCidrIp: '0.0.0.0/0', Description: 'https out' };
    await c.call('Ecs', 'ModifySecurityGroupEgressRule', egress);
    await c.call('Ecs', 'ModifySecurityGroupEgressRule', egress);
    const { body } = await c.call('Ecs', 'DescribeSecurityGroupAttribute', { RegionId: R, SecurityGroupId: s.sgId });
    const rules = list(body, 'Permissions', 'Permission');
    assert.equal(str(rules.find((r) => str(r, 'Direction') === 'ingress'), 'Description'), AWKWARD);
    assert.equal(str(rules.find((r) => str(r, 'Direction') === 'egress'), 'Description'), 'https out');
  }],
  ['Ecs.ModifySecurityGroupAttribute renames the group; ModifySecurityGroupPolicy takes Accept', async ({ c, s }) => {
    await c.call('Ecs', 'ModifySecurityGroupAttribute', { RegionId: R, SecurityGroupId: s.sg2Id, SecurityGroupName: 'sdk-extra-2', Description: AWKWARD });
    await c.call('Ecs', 'ModifySecurityGroupPolicy', { RegionId: R, SecurityGroupId: s.sg2Id, InnerAccessPolicy: 'Accept' });
    const { body } = await c.call('Ecs', 'DescribeSecurityGroupAttribute', { RegionId: R, SecurityGroupId: s.sg2Id });
    assert.deepEqual([str(body, 'SecurityGroupName'), str(body, 'Description'), str(body, 'InnerAccessPolicy')], ['sdk-extra-2', AWKWARD, 'Accept']);
  }],
  ['Ecs.TagResources, ListTagResources, DescribeTags, UntagResources and JoinResourceGroup label a security group', async ({ c, s }) => {
    await c.call('Ecs', 'TagResources', { RegionId: R, ResourceType: 'securitygroup', ResourceId: [s.sg2Id], Tag: [{ Key: 'sdk', Value: AWKWARD }] });
    const { body } = await c.call('Ecs', 'ListTagResources', { RegionId: R, ResourceType: 'securitygroup', ResourceId: [s.sg2Id] });
    const [tag] = list(body, 'TagResources', 'TagResource');
    assert.deepEqual([str(tag, 'ResourceId'), str(tag, 'TagKey'), str(tag, 'TagValue')], [s.sg2Id, 'sdk', AWKWARD]);
    const described = (await c.call('Ecs', 'DescribeTags', { RegionId: R, ResourceType: 'securitygroup', ResourceId: s.sg2Id })).body;
    const [shown] = list(described, 'Tags', 'Tag');
    assert.deepEqual([str(shown, 'TagKey'), str(shown, 'TagValue'), num(shown, 'ResourceTypeCount', 'Securitygroup')], ['sdk', AWKWARD, 1]);
    await c.call('Ecs', 'JoinResourceGroup', { RegionId: R, ResourceType: 'securitygroup', ResourceId: s.sg2Id, ResourceGroupId: 'rg-acfmsdk02' });
    const found = (await c.call('Ecs', 'DescribeSecurityGroups', { RegionId: R, ResourceGroupId: 'rg-acfmsdk02', Tag: [{ Key: 'sdk', Value: AWKWARD }] })).body;
    const [group] = list(found, 'SecurityGroups', 'SecurityGroup');
    assert.deepEqual([str(group, 'SecurityGroupId'), str(group, 'ResourceGroupId')], [s.sg2Id, 'rg-acfmsdk02']);
    await c.call('Ecs', 'UntagResources', { RegionId: R, ResourceType: 'securitygroup', ResourceId: [s.sg2Id], TagKey: ['sdk'] });
    assert.equal(num((await c.call('Ecs', 'DescribeSecurityGroups', { RegionId: R, Tag: [{ Key: 'sdk' }] })).body, 'TotalCount'), 0);
  }],
  ['Ecs.RevokeSecurityGroup and RevokeSecurityGroupEgress remove the rules; the empty list is []', async ({ c, s }) => {
    await c.call('Ecs', 'RevokeSecurityGroup', { RegionId: R, SecurityGroupId: s.sgId, SecurityGroupRuleId: [s.ingressRuleId] });
    await c.call('Ecs', 'RevokeSecurityGroupEgress', {
      RegionId: R, SecurityGroupId: s.sgId, IpProtocol: 'TCP', PortRange: '443/443', DestCidrIp: '0.0.0.0/0',
    });
    const { body } = await c.call('Ecs', 'DescribeSecurityGroupAttribute', { RegionId: R, SecurityGroupId: s.sgId });
    assert.deepEqual(list(body, 'Permissions', 'Permission'), []);
  }],
  ['Ecs.DescribeSecurityGroups shows the groups with numeric counts', async ({ c, s }) => {
    const { body } = await c.call('Ecs', 'DescribeSecurityGroups', { RegionId: R, VpcId: s.vpcId });
    assert.equal(num(body, 'TotalCount'), 2);
    const groups = list(body, 'SecurityGroups', 'SecurityGroup');
    assert.deepEqual(ids(groups, 'SecurityGroupId').sort(), [s.sgId, s.sg2Id].sort());
    for (const g of groups) {
      num(g, 'EcsCount');
      num(g, 'AvailableInstanceAmount');
      bool(g, 'ServiceManaged');
      assert.equal(str(g, 'VpcId'), s.vpcId);
      assert.deepEqual(list(g, 'Tags', 'Tag'), []);
      str(g, 'ResourceGroupId');
    }
  }],

  // Instances and ENIs.
  ['Ecs.RunInstances starts an instance of a type from DescribeInstanceTypes', async ({ c, s, w }) => {
    const { body } = await c.call('Ecs', 'RunInstances', {
      RegionId: R, InstanceType: s.instanceType, ImageId: 'ubuntu_22_04_x64', VSwitchId: s.vswId, SecurityGroupId: s.sgId, InstanceName: 'sdk-web',
    });
    const created = strings(body, 'InstanceIdSets', 'InstanceIdSet');
    assert.equal(created.length, 1);
    num(body, 'TradePrice');
    s.instanceId = created[0];
    await w.waitInstance(s.instanceId, 'Running');
  }],
  ['Ecs.DescribeInstances shows the instance with the SDK\'s types', async ({ c, s }) => {
    const { body } = await c.call('Ecs', 'DescribeInstances', { RegionId: R, InstanceIds: JSON.stringify([s.instanceId]) });
    assert.equal(num(body, 'TotalCount'), 1);
    str(body, 'NextToken');
    const [i] = list(body, 'Instances', 'Instance');
    assert.equal(str(i, 'InstanceId'), s.instanceId);
    assert.equal(str(i, 'InstanceType'), s.instanceType);
    assert.equal(num(i, 'Cpu'), 2);
    assert.equal(num(i, 'Memory'), 8192);
    assert.equal(str(i, 'ZoneId'), ZONE);
    assert.match(str(i, 'StartTime'), TIME);
    bool(i, 'IoOptimized');
    bool(i, 'DeletionProtection');
    assert.equal(str(i, 'VpcAttributes', 'VpcId'), s.vpcId);
    assert.equal(strings(i, 'VpcAttributes', 'PrivateIpAddress', 'IpAddress').length, 1);
    assert.equal(str(i, 'EipAddress', 'AllocationId'), '');
    num(i, 'EipAddress', 'Bandwidth');
    assert.equal(bool(i, 'EipAddress', 'IsSupportUnassociate'), false);
    assert.deepEqual(strings(i, 'PublicIpAddress', 'IpAddress'), []);
    assert.deepEqual(strings(i, 'InnerIpAddress', 'IpAddress'), []);
    assert.deepEqual(list(i, 'OperationLocks', 'LockReason'), []);
    assert.deepEqual(list(i, 'Tags', 'Tag'), []);
    assert.deepEqual(strings(i, 'SecurityGroupIds', 'SecurityGroupId'), [s.sgId]);
    const enis = list(i, 'NetworkInterfaces', 'NetworkInterface');
    assert.equal(enis.length, 1);
    assert.equal(str(enis[0], 'Type'), 'Primary');
    assert.equal(bool(list(enis[0], 'PrivateIpSets', 'PrivateIpSet')[0], 'Primary'), true);
    s.primaryEniId = str(enis[0], 'NetworkInterfaceId');
  }],
  ['Ecs.ModifyInstanceAttribute sets user data and deletion protection; DescribeUserData and DescribeDisks read them back', async ({ c, s }) => {
    const userData = Buffer.from('#!/bin/sh\necho sdk\n').toString('base64');
    await c.call('Ecs', 'ModifyInstanceAttribute', { InstanceId: s.instanceId, UserData: userData, Description: AWKWARD, DeletionProtection: true });
    assert.equal(str((await c.call('Ecs', 'DescribeUserData', { RegionId: R, InstanceId: s.instanceId })).body, 'UserData'), userData);
    const [disk] = list((await c.call('Ecs', 'DescribeDisks', { RegionId: R, InstanceId: s.instanceId, DiskType: 'system' })).body, 'Disks', 'Disk');
    assert.equal(str(disk, 'InstanceId'), s.instanceId);
    assert.equal(str(disk, 'Type'), 'system');
    num(disk, 'Size');
    await fails(c.call('Ecs', 'DeleteInstance', { InstanceId: s.instanceId, Force: true }), 'InvalidOperation.DeletionProtection', 403);
    await c.call('Ecs', 'ModifyInstanceAttribute', { InstanceId: s.instanceId, DeletionProtection: false });
  }],
  ['Ecs.DescribeInstanceAttribute, Describe/ModifyInstanceMaintenanceAttributes, DescribeInstanceAttachmentAttributes and DescribeInstanceRamRole read (and set) the instance', async ({ c, s }) => {
    const attribute = (await c.call('Ecs', 'DescribeInstanceAttribute', { InstanceId: s.instanceId })).body;
    assert.equal(str(attribute, 'InstanceId'), s.instanceId);
    assert.equal(bool(attribute, 'EnableJumboFrame'), false);
    const [maintenance] = list((await c.call('Ecs', 'DescribeInstanceMaintenanceAttributes', { RegionId: R, InstanceId: [s.instanceId] })).body,
      'MaintenanceAttributes', 'MaintenanceAttribute');
    assert.equal(str(maintenance, 'InstanceId'), s.instanceId);
    assert.equal(str(maintenance, 'ActionOnMaintenance', 'Value'), 'AutoRecover');
    await c.call('Ecs', 'ModifyInstanceMaintenanceAttributes', {
      RegionId: R, InstanceId: [s.instanceId], MaintenanceWindow: [{ StartTime: '02:00:00Z', EndTime: '03:00:00Z' }], ActionOnMaintenance: 'Stop', NotifyOnMaintenance: true,
    });
    const [modified] = list((await c.call('Ecs', 'DescribeInstanceMaintenanceAttributes', { RegionId: R, InstanceId: [s.instanceId] })).body,
      'MaintenanceAttributes', 'MaintenanceAttribute');
    const [window] = list(modified, 'MaintenanceWindows', 'MaintenanceWindow');
    assert.deepEqual([str(window, 'StartTime'), str(window, 'EndTime'), str(modified, 'ActionOnMaintenance', 'Value'), bool(modified, 'NotifyOnMaintenance')],
      ['02:00:00Z', '03:00:00Z', 'Stop', true]);
    const [attachment] = list((await c.call('Ecs', 'DescribeInstanceAttachmentAttributes', { RegionId: R, InstanceIds: JSON.stringify([s.instanceId]) })).body,
      'Instances', 'Instance');
    assert.equal(str(attachment, 'InstanceId'), s.instanceId);
    const [role] = list((await c.call('Ecs', 'DescribeInstanceRamRole', { RegionId: R, InstanceIds: JSON.stringify([s.instanceId]) })).body,
      'InstanceRamRoleSets', 'InstanceRamRoleSet');
    assert.deepEqual([str(role, 'InstanceId'), str(role, 'RamRoleName')], [s.instanceId, '']);
  }],
  ['Ecs.CreateNetworkInterface makes a secondary ENI (OwnerId a string, Primary a boolean)', async ({ c, s }) => {
    const { body } = await c.call('Ecs', 'CreateNetworkInterface', {
      RegionId: R, VSwitchId: s.vswId, SecurityGroupIds: [s.sgId], SecondaryPrivateIpAddressCount: 1, NetworkInterfaceName: 'sdk-eni',
    });
    s.eniId = str(body, 'NetworkInterfaceId');
    assert.match(s.eniId, /^eni-[a-z0-9]{20}$/);
    assert.equal(str(body, 'Status'), 'Available');
    assert.equal(str(body, 'Type'), 'Secondary');
    s.eniOwnerId = str(body, 'OwnerId');
    bool(body, 'ServiceManaged');
    bool(body, 'SourceDestCheck');
    assert.deepEqual(strings(body, 'SecurityGroupIds', 'SecurityGroupId'), [s.sgId]);
    const ips = list(body, 'PrivateIpSets', 'PrivateIpSet');
    assert.deepEqual(ips.map((p) => bool(p, 'Primary')), [true, false]);
    assert.equal(str(ips[0], 'PrivateIpAddress'), str(body, 'PrivateIpAddress'));
    assert.deepEqual(list(body, 'Ipv6Sets', 'Ipv6Set'), []);
    assert.deepEqual(list(body, 'Ipv4PrefixSets', 'Ipv4PrefixSet'), []);
    assert.deepEqual(list(body, 'Tags', 'Tag'), []);
    s.eniIps = ips.map((p) => str(p, 'PrivateIpAddress'));
  }],
  ['OwnerId: the VPC API\'s number (VPC, vSwitch) reaches the client as the account number the ECS API shows', async ({ s }) => {
    assert.equal(ownerIdText(s.vpcOwnerId), s.eniOwnerId);
    assert.equal(ownerIdText(s.vswOwnerId), s.eniOwnerId);
  }],
  ['Ecs.ModifyNetworkInterfaceAttribute renames the ENI and replaces its groups', async ({ c, s }) => {
    await c.call('Ecs', 'ModifyNetworkInterfaceAttribute', {
      RegionId: R, NetworkInterfaceId: s.eniId, NetworkInterfaceName: 'sdk-eni-renamed', SecurityGroupId: [s.sgId, s.sg2Id],
    });
  }],
  ['Ecs.AssignPrivateIpAddresses adds an address and reports it', async ({ c, s }) => {
    const { body } = await c.call('Ecs', 'AssignPrivateIpAddresses', { RegionId: R, NetworkInterfaceId: s.eniId, SecondaryPrivateIpAddressCount: 1 });
    const set = obj(body, 'AssignedPrivateIpAddressesSet');
    assert.equal(str(set, 'NetworkInterfaceId'), s.eniId);
    const added = strings(set, 'PrivateIpSet', 'PrivateIpAddress');
    assert.equal(added.length, 1);
    assert.deepEqual(list(set, 'Ipv4PrefixSet', 'Ipv4Prefixes'), []);
    s.assignedIp = added[0];
  }],
  ['Ecs.UnassignPrivateIpAddresses removes it again', async ({ c, s }) => {
    await c.call('Ecs', 'UnassignPrivateIpAddresses', { RegionId: R, NetworkInterfaceId: s.eniId, PrivateIpAddress: [s.assignedIp] });
  }],
  ['Ecs.DescribeNetworkInterfaces shows the ENI as changed, with the SDK\'s types', async ({ c, s }) => {
    const { body } = await c.call('Ecs', 'DescribeNetworkInterfaces', { RegionId: R, NetworkInterfaceId: [s.eniId] });
    assert.equal(num(body, 'TotalCount'), 1);
    num(body, 'PageNumber');
    num(body, 'PageSize');
    str(body, 'NextToken');
    const [eni] = list(body, 'NetworkInterfaceSets', 'NetworkInterfaceSet');
    assert.equal(str(eni, 'NetworkInterfaceName'), 'sdk-eni-renamed');
    assert.equal(str(eni, 'Status'), 'Available');
    assert.equal(str(eni, 'InstanceId'), '');
    assert.equal(walk(eni, ['Attachment']), undefined, 'an unattached ENI has no Attachment');
    assert.deepEqual(strings(eni, 'SecurityGroupIds', 'SecurityGroupId'), [s.sgId, s.sg2Id]);
    const ips = list(eni, 'PrivateIpSets', 'PrivateIpSet');
    assert.deepEqual(ips.map((p) => str(p, 'PrivateIpAddress')), s.eniIps);
    ips.forEach((p) => { bool(p, 'Primary'); str(p, 'AssociatedPublicIp', 'AllocationId'); });
    assert.equal(str(eni, 'AssociatedPublicIp', 'AllocationId'), '');
    assert.match(str(eni, 'OwnerId'), /^\d+$/);
    bool(eni, 'DeleteOnRelease');
    num(eni, 'QueueNumber');
    assert.match(str(eni, 'CreationTime'), TIME);
  }],
  ['Ecs.JoinSecurityGroup and LeaveSecurityGroup change an instance\'s groups', async ({ c, s, w }) => {
    await c.call('Ecs', 'JoinSecurityGroup', { RegionId: R, SecurityGroupId: s.sg2Id, InstanceId: s.instanceId });
    assert.deepEqual(strings(await w.instance(s.instanceId), 'SecurityGroupIds', 'SecurityGroupId'), [s.sgId, s.sg2Id]);
    await c.call('Ecs', 'LeaveSecurityGroup', { RegionId: R, SecurityGroupId: s.sg2Id, InstanceId: s.instanceId });
    assert.deepEqual(strings(await w.instance(s.instanceId), 'SecurityGroupIds', 'SecurityGroupId'), [s.sgId]);
  }],
  ['Ecs.AttachNetworkInterface attaches the ENI (Attachment.DeviceIndex a number)', async ({ c, s, w }) => {
    await c.call('Ecs', 'AttachNetworkInterface', { RegionId: R, NetworkInterfaceId: s.eniId, InstanceId: s.instanceId });
    const eni = await w.waitEni(s.eniId, 'InUse');
    assert.equal(str(eni, 'InstanceId'), s.instanceId);
    assert.equal(num(eni, 'Attachment', 'DeviceIndex'), 1);
    num(eni, 'Attachment', 'NetworkCardIndex');
    assert.equal(str(eni, 'Attachment', 'InstanceId'), s.instanceId);
  }],

  // EIPs.
  ['Vpc.AllocateEipAddress allocates an EIP; the same ClientToken returns it again', async ({ c, s }) => {
    const token = crypto.randomUUID();
    const params = { RegionId: R, Bandwidth: '5', Name: 'sdk-eip', InternetChargeType: 'PayByTraffic', Tag: [{ Key: 'env', Value: 'sdk' }], ClientToken: token };
    const { body } = await c.call('Vpc', 'AllocateEipAddress', params);
    s.eipId = str(body, 'AllocationId');
    s.eipAddress = str(body, 'EipAddress');
    assert.match(s.eipId, /^eip-[a-z0-9]{20}$/);
    assert.match(s.eipAddress, /^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/);
    str(body, 'ResourceGroupId');
    const again = (await c.call('Vpc', 'AllocateEipAddress', params)).body;
    assert.equal(str(again, 'AllocationId'), s.eipId);
    assert.equal(str(again, 'RequestId'), str(body, 'RequestId'));
    await fails(c.call('Vpc', 'AllocateEipAddress', { ...params, Bandwidth: '6' }), 'IdempotentParameterMismatch', 400);
  }],
  ['Vpc.ModifyEipAddressAttribute changes bandwidth, name and description', async ({ c, s }) => {
    await c.call('Vpc', 'ModifyEipAddressAttribute', { AllocationId: s.eipId, Bandwidth: '10', Name: 'sdk-eip-2', Description: AWKWARD });
  }],
  ['Vpc.DeletionProtection protects the EIP: shown as a boolean, ReleaseEipAddress refused until it is lifted', async ({ c, s, w }) => {
    await c.call('Vpc', 'DeletionProtection', { RegionId: R, InstanceId: s.eipId, Type: 'EIP', ProtectionEnable: true });
    assert.equal(bool(await w.eip(s.eipId), 'DeletionProtection'), true);
    await fails(c.call('Vpc', 'ReleaseEipAddress', { RegionId: R, AllocationId: s.eipId }), 'InvalidOperation.DeletionProtection', 400);
    await c.call('Vpc', 'DeletionProtection', { RegionId: R, InstanceId: s.eipId, Type: 'EIP', ProtectionEnable: false });
    assert.equal(bool(await w.eip(s.eipId), 'DeletionProtection'), false);
  }],
  ['Vpc.DescribeEipMonitorData answers one entry per Period with the SDK\'s types', async ({ c, s }) => {
    const start = new Date(Math.floor(Date.now() / 60000) * 60000 - 5 * 60000);
    const iso = (d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const { body } = await c.call('Vpc', 'DescribeEipMonitorData', {
      RegionId: R, AllocationId: s.eipId, StartTime: iso(start), EndTime: iso(new Date(start.getTime() + 5 * 60000)), Period: '60',
    });
    const points = list(body, 'EipMonitorDatas', 'EipMonitorData');
    assert.equal(points.length, 5);
    assert.equal(str(points[0], 'TimeStamp'), iso(start));
    for (const p of points) {
      for (const field of ['EipRX', 'EipTX', 'EipPackets', 'EipFlow', 'EipBandwidth']) assert.equal(num(p, field), 0);
    }
    await fails(c.call('Vpc', 'DescribeEipMonitorData', { RegionId: R, AllocationId: s.eipId, StartTime: 'yesterday', EndTime: iso(start) }),
      'InvalidStartTime.Malformed', 400);
  }],
  ['Vpc.DescribeEipAddresses shows the EIP with the SDK\'s types (Bandwidth a string)', async ({ c, s }) => {
    const { body } = await c.call('Vpc', 'DescribeEipAddresses', { RegionId: R, AllocationId: s.eipId });
    assert.equal(num(body, 'TotalCount'), 1);
    assert.equal(num(body, 'PageNumber'), 1);
    num(body, 'PageSize');
    const [eip] = list(body, 'EipAddresses', 'EipAddress');
    assert.equal(str(eip, 'IpAddress'), s.eipAddress);
    assert.equal(str(eip, 'Status'), 'Available');
    assert.equal(str(eip, 'Bandwidth'), '10');
    assert.equal(str(eip, 'Name'), 'sdk-eip-2');
    assert.equal(str(eip, 'Description'), AWKWARD);
    assert.equal(str(eip, 'InternetChargeType'), 'PayByTraffic');
    assert.equal(str(eip, 'InstanceId'), '');
    assert.equal(str(eip, 'Mode'), '');
    assert.equal(str(eip, 'RegionId'), R);
    assert.match(str(eip, 'AllocationTime'), TIME);
    bool(eip, 'DeletionProtection');
    bool(eip, 'SecondLimited');
    num(eip, 'ServiceManaged');
    assert.deepEqual(list(eip, 'OperationLocks', 'LockReason'), []);
    assert.deepEqual(strings(eip, 'SecurityProtectionTypes', 'SecurityProtectionType'), []);
    const tags = list(eip, 'Tags', 'Tag');
    assert.deepEqual(tags.map((t) => [str(t, 'Key'), str(t, 'Value')]), [['env', 'sdk']]);
    const tagged = (await c.call('Vpc', 'DescribeEipAddresses', { RegionId: R, Tag: [{ Key: 'env', Value: 'sdk' }] })).body;
    assert.deepEqual(ids(list(tagged, 'EipAddresses', 'EipAddress'), 'AllocationId'), [s.eipId]);
    const none = (await c.call('Vpc', 'DescribeEipAddresses', { RegionId: R, Status: 'InUse' })).body;
    assert.equal(num(none, 'TotalCount'), 0);
    assert.deepEqual(list(none, 'EipAddresses', 'EipAddress'), []);
  }],
  ['Vpc.AssociateEipAddress maps the EIP to a secondary private IP (NAT); it reads back at once, then InUse', async ({ c, s, w }) => {
    const privateIp = s.eniIps[1];
    await c.call('Vpc', 'AssociateEipAddress', {
      RegionId: R, AllocationId: s.eipId, InstanceId: s.eniId, InstanceType: 'NetworkInterface', Mode: 'NAT', PrivateIpAddress: privateIp,
    });
    const now = await w.eip(s.eipId);
    assert.equal(str(now, 'InstanceId'), s.eniId);
    assert.equal(str(now, 'InstanceType'), 'NetworkInterface');
    assert.equal(str(now, 'Mode'), 'NAT');
    assert.equal(str(now, 'PrivateIpAddress'), privateIp);
    assert.ok(['Associating', 'InUse'].includes(str(now, 'Status')));
    await w.waitEip(s.eipId, 'InUse');
    const ips = list(await w.eni(s.eniId), 'PrivateIpSets', 'PrivateIpSet');
    assert.equal(str(ips[1], 'AssociatedPublicIp', 'AllocationId'), s.eipId);
    assert.equal(str(ips[1], 'AssociatedPublicIp', 'PublicIpAddress'), s.eipAddress);
    await fails(c.call('Vpc', 'ReleaseEipAddress', { AllocationId: s.eipId }), 'IncorrectEipStatus', 400);
  }],
  ['Vpc.UnassociateEipAddress frees the EIP', async ({ c, s, w }) => {
    await c.call('Vpc', 'UnassociateEipAddress', {
      RegionId: R, AllocationId: s.eipId, InstanceId: s.eniId, InstanceType: 'NetworkInterface', PrivateIpAddress: s.eniIps[1], Force: false,
    });
    const eip = await w.waitEip(s.eipId, 'Available');
    assert.equal(str(eip, 'InstanceId'), '');
  }],
  ['Ecs.DetachNetworkInterface detaches the ENI', async ({ c, s, w }) => {
    await c.call('Ecs', 'DetachNetworkInterface', { RegionId: R, NetworkInterfaceId: s.eniId, InstanceId: s.instanceId });
    const eni = await w.waitEni(s.eniId, 'Available');
    assert.equal(str(eni, 'InstanceId'), '');
  }],
  ['Ecs.StopInstance, ModifyInstanceSpec, ReplaceSystemDisk, ModifyInstanceVpcAttribute and StartInstance change a stopped instance', async ({ c, s, w }) => {
    await fails(c.call('Ecs', 'ModifyInstanceSpec', { InstanceId: s.instanceId, InstanceType: 'ecs.g7.xlarge' }), 'IncorrectInstanceStatus', 403);
    await c.call('Ecs', 'StopInstance', { InstanceId: s.instanceId, ForceStop: true, StoppedMode: 'StopCharging' });
    const stopped = await w.waitInstance(s.instanceId, 'Stopped');
    assert.equal(str(stopped, 'StoppedMode'), 'StopCharging');
    const type = str(stopped, 'InstanceType');
    await c.call('Ecs', 'ModifyInstanceSpec', { InstanceId: s.instanceId, InstanceType: 'ecs.g7.xlarge' });
    assert.equal(str(await w.instance(s.instanceId), 'InstanceType'), 'ecs.g7.xlarge');
    await c.call('Ecs', 'ModifyInstanceSpec', { InstanceId: s.instanceId, InstanceType: type });
    // pop-core flattens lists but not nested objects: SystemDisk.Size goes flat there.
    const size = c.typed ? { SystemDisk: { Size: 60 } } : { 'SystemDisk.Size': 60 };
    const replaced = (await c.call('Ecs', 'ReplaceSystemDisk', { InstanceId: s.instanceId, ImageId: str(stopped, 'ImageId'), ...size })).body;
    assert.equal(str(replaced, 'DiskId'), `d-${s.instanceId.slice(2)}`);
    await c.call('Ecs', 'ModifyInstanceVpcAttribute', {
      InstanceId: s.instanceId, VSwitchId: str(stopped, 'VpcAttributes', 'VSwitchId'), PrivateIpAddress: strings(stopped, 'VpcAttributes', 'PrivateIpAddress', 'IpAddress')[0],
    });
    await c.call('Ecs', 'StartInstance', { InstanceId: s.instanceId });
    await w.waitInstance(s.instanceId, 'Running');
  }],
  ['Ecs.ResizeDisk, ModifyDiskAttribute, ModifyDiskSpec and the disk tags change the system disk', async ({ c, s }) => {
    const diskId = `d-${s.instanceId.slice(2)}`;
    await c.call('Ecs', 'ResizeDisk', { DiskId: diskId, NewSize: 80, Type: 'online' });
    await c.call('Ecs', 'ModifyDiskAttribute', { DiskId: diskId, DiskName: 'root', Description: AWKWARD });
    await c.call('Ecs', 'ModifyDiskSpec', { DiskId: diskId, PerformanceLevel: 'PL1' });
    await c.call('Ecs', 'TagResources', { RegionId: R, ResourceType: 'disk', ResourceId: [diskId], Tag: [{ Key: 'sdk', Value: AWKWARD }] });
    const [disk] = list((await c.call('Ecs', 'DescribeDisks', { RegionId: R, Tag: [{ Key: 'sdk', Value: AWKWARD }] })).body, 'Disks', 'Disk');
    assert.deepEqual([str(disk, 'DiskId'), num(disk, 'Size'), str(disk, 'DiskName'), str(disk, 'Description'), str(disk, 'PerformanceLevel')],
      [diskId, 80, 'root', AWKWARD, 'PL1']);
    assert.deepEqual(list(disk, 'Tags', 'Tag').map((t) => [str(t, 'TagKey'), str(t, 'TagValue')]), [['sdk', AWKWARD]]);
    await fails(c.call('Ecs', 'ResizeDisk', { DiskId: diskId, NewSize: 40 }), 'InvalidDiskSize.TooSmall', 400);
    await c.call('Ecs', 'UntagResources', { RegionId: R, ResourceType: 'disk', ResourceId: [diskId], TagKey: ['sdk'] });
  }],

  // Multi-EIP mode (an allowlisted account, a region of the seed's multi-EIP list).
  ['Vpc.ModifyEipForwardMode moves an ENI\'s EIP to MULTI_BINDED (cn-shenzhen)', async ({ c, s, w }) => {
    s.mVpcId = str((await c.call('Vpc', 'CreateVpc', { RegionId: MULTI, CidrBlock: '10.0.0.0/16' })).body, 'VpcId');
    s.mVswId = str((await c.call('Vpc', 'CreateVSwitch', { RegionId: MULTI, VpcId: s.mVpcId, ZoneId: s.multiZone, CidrBlock: '10.0.1.0/24' })).body, 'VSwitchId');
    s.mSgId = str((await c.call('Ecs', 'CreateSecurityGroup', { RegionId: MULTI, VpcId: s.mVpcId })).body, 'SecurityGroupId');
    s.mEniId = str((await c.call('Ecs', 'CreateNetworkInterface', { RegionId: MULTI, VSwitchId: s.mVswId, SecurityGroupId: s.mSgId })).body, 'NetworkInterfaceId');
    const allocated = (await c.call('Vpc', 'AllocateEipAddress', { RegionId: MULTI })).body;
    s.mEipId = str(allocated, 'AllocationId');
    s.mEipAddress = str(allocated, 'EipAddress');
    await c.call('Vpc', 'AssociateEipAddress', { RegionId: MULTI, AllocationId: s.mEipId, InstanceId: s.mEniId, InstanceType: 'NetworkInterface' });
    await w.waitEip(s.mEipId, 'InUse', MULTI);
    await c.call('Vpc', 'ModifyEipForwardMode', { RegionId: MULTI, InstanceId: s.mEipId, Mode: 'MULTI_BINDED' });
    assert.equal(str(await w.eip(s.mEipId, MULTI), 'Mode'), 'MULTI_BINDED');
    await w.waitEip(s.mEipId, 'InUse', MULTI);
  }],
  ['Vpc.DescribeEipGatewayInfo gives the multi-EIP guest its address, gateway and mask', async ({ c, s }) => {
    const { body } = await c.call('Vpc', 'DescribeEipGatewayInfo', { RegionId: MULTI, InstanceId: s.mEniId });
    const infos = list(body, 'EipInfos', 'EipInfo');
    assert.equal(infos.length, 1);
    assert.equal(str(infos[0], 'Ip'), s.mEipAddress);
    assert.match(str(infos[0], 'IpGw'), /^\d+\.\d+\.\d+\.\d+$/);
    assert.match(str(infos[0], 'IpMask'), /^\d+\.\d+\.\d+\.\d+$/);
    assert.equal(str(body, 'Code'), '200');
  }],
  ['Vpc.TracePacket (Eipnet\'s own action) explains a packet to the multi-EIP address', async ({ c, s, style, connect, server, account }) => {
    // The typed 7.x SDKs have no class for an action Alibaba does not have; the generic pop-core RPCClient calls it.
    const generic = style === 'v3' || style === 'v1' ? connect('pop-post', server, account) : c;
    const { body } = await generic.call('Vpc', 'TracePacket', { RegionId: MULTI, From: '203.0.113.10', To: s.mEipAddress, Protocol: 'tcp', Port: '22' });
    assert.equal(str(body, 'EipAddress'), s.mEipAddress);
    assert.equal(str(body, 'Mode'), 'MULTI_BINDED');
    assert.equal(str(body, 'NetworkInterfaceId'), s.mEniId);
    assert.ok(list(body, 'Steps', 'Step').length >= 3);
    assert.ok(['delivered', 'dropped'].includes(str(body, 'Verdict')));
  }],
  ['the cn-shenzhen resources are released and deleted', async ({ c, s, w }) => {
    await c.call('Vpc', 'UnassociateEipAddress', { RegionId: MULTI, AllocationId: s.mEipId });
    await w.waitEip(s.mEipId, 'Available', MULTI);
    await c.call('Vpc', 'ReleaseEipAddress', { RegionId: MULTI, AllocationId: s.mEipId });
    await c.call('Ecs', 'DeleteNetworkInterface', { RegionId: MULTI, NetworkInterfaceId: s.mEniId });
    await c.call('Ecs', 'DeleteSecurityGroup', { RegionId: MULTI, SecurityGroupId: s.mSgId });
    await c.call('Vpc', 'DeleteVSwitch', { RegionId: MULTI, VSwitchId: s.mVswId });
    await c.call('Vpc', 'DeleteVpc', { RegionId: MULTI, VpcId: s.mVpcId });
  }],

  // Errors, as the SDK raises them.
  ['errors: unknown resources are *.NotFound with HTTP 404', async ({ c }) => {
    await fails(c.call('Vpc', 'ReleaseEipAddress', { RegionId: R, AllocationId: UNKNOWN.eip }), 'InvalidAllocationId.NotFound', 404);
    await fails(c.call('Vpc', 'DescribeZones', { RegionId: 'mars-north-1' }), 'InvalidRegionId.NotFound', 404);
    await fails(c.call('Ecs', 'DeleteNetworkInterface', { RegionId: R, NetworkInterfaceId: UNKNOWN.eni }), 'InvalidEniId.NotFound', 404);
    await fails(c.call('Ecs', 'StopInstance', { InstanceId: UNKNOWN.instance }), 'InvalidInstanceId.NotFound', 404);
    await fails(c.call('Ecs', 'DescribeSecurityGroupAttribute', { RegionId: R, SecurityGroupId: UNKNOWN.sg }), 'InvalidSecurityGroupId.NotFound', 404);
    await fails(c.call('Vpc', 'DeleteVpc', { RegionId: R, VpcId: UNKNOWN.vpc }), 'InvalidVpcId.NotFound', 404);
    await fails(c.call('Vpc', 'DeleteVSwitch', { RegionId: R, VSwitchId: UNKNOWN.vsw }), 'InvalidVSwitchId.NotFound', 404);
  }],
  ['errors: a missing or invalid parameter is a 400', async ({ c }) => {
    await fails(c.call('Vpc', 'AllocateEipAddress', {}), 'MissingParameter', 400);
    await fails(c.call('Vpc', 'DescribeEipAddresses', { RegionId: R, PageSize: 101 }), 'InvalidParameter', 400);
    await fails(c.call('Vpc', 'AssociateEipAddress', { RegionId: R, AllocationId: UNKNOWN.eip, InstanceId: UNKNOWN.eni, Mode: 'SIDEWAYS' }), 'InvalidParameter', 400);
  }],
  ['errors: state and dependency errors carry their documented codes', async ({ c, s }) => {
    await fails(c.call('Ecs', 'StartInstance', { InstanceId: s.instanceId }), 'IncorrectInstanceStatus', 403);
    await fails(c.call('Ecs', 'DeleteSecurityGroup', { RegionId: R, SecurityGroupId: s.sgId }), 'DependencyViolation', 403);
    await fails(c.call('Vpc', 'AssociateEipAddress', { RegionId: R, AllocationId: s.eipId, InstanceId: s.eniId }), 'InvalidInstanceId.NotFound', 404);
    await fails(c.call('Ecs', 'RunInstances', {
      RegionId: R, InstanceType: s.instanceType, VSwitchId: s.vswId, SecurityGroupId: s.sgId, DryRun: true,
    }), 'DryRunOperation', 400);
  }],
  ['errors: a wrong secret or an unknown AccessKey is refused', async ({ server, style, account, connect }) => {
    const wrongSecret = connect(style, server, { accessKeyId: account.accessKeyId, accessKeySecret: 'not-the-secret' });
    await fails(wrongSecret.call('Vpc', 'DescribeRegions', {}), 'SignatureDoesNotMatch', 400);
    const unknownKey = connect(style, server, { accessKeyId: 'LTAIunknownkey00000000', accessKeySecret: 'x' });
    await fails(unknownKey.call('Ecs', 'DescribeRegions', {}), 'InvalidAccessKeyId.NotFound', 404);
  }],

  // Clean-up, and empty lists.
  ['Vpc.ReleaseEipAddress, Ecs.DeleteNetworkInterface and Ecs.DeleteInstance remove the resources', async ({ c, s, w }) => {
    await c.call('Vpc', 'ReleaseEipAddress', { RegionId: R, AllocationId: s.eipId });
    assert.equal(await w.eip(s.eipId), undefined);
    await c.call('Ecs', 'DeleteNetworkInterface', { RegionId: R, NetworkInterfaceId: s.eniId });
    assert.equal(await w.eni(s.eniId), undefined);
    await c.call('Ecs', 'DeleteInstance', { InstanceId: s.instanceId, Force: true });
    assert.equal(await w.instance(s.instanceId), undefined);
  }],
  ['Ecs.DeleteSecurityGroup, Vpc.DeleteVSwitch and Vpc.DeleteVpc remove the network', async ({ c, s }) => {
    await c.call('Ecs', 'DeleteSecurityGroup', { RegionId: R, SecurityGroupId: s.sg2Id });
    await c.call('Ecs', 'DeleteSecurityGroup', { RegionId: R, SecurityGroupId: s.sgId });
    await c.call('Vpc', 'DeleteVSwitch', { RegionId: R, VSwitchId: s.vswId });
    await c.call('Vpc', 'DeleteVpc', { RegionId: R, VpcId: s.vpcId });
  }],
  ['every Describe answers an empty list as [] with TotalCount 0', async ({ c }) => {
    const empty = [
      ['Vpc', 'DescribeVpcs', 'Vpcs', 'Vpc'],
      ['Vpc', 'DescribeVSwitches', 'VSwitches', 'VSwitch'],
      ['Vpc', 'DescribeEipAddresses', 'EipAddresses', 'EipAddress'],
      ['Ecs', 'DescribeSecurityGroups', 'SecurityGroups', 'SecurityGroup'],
      ['Ecs', 'DescribeInstances', 'Instances', 'Instance'],
      ['Ecs', 'DescribeNetworkInterfaces', 'NetworkInterfaceSets', 'NetworkInterfaceSet'],
    ];
    for (const [product, action, outer, inner] of empty) {
      const { body } = await c.call(product, action, { RegionId: R });
      assert.equal(num(body, 'TotalCount'), 0, `${action} TotalCount`);
      assert.deepEqual(list(body, outer, inner), [], `${action} ${outer}.${inner}`);
    }
    const { body } = await c.call('Ecs', 'DescribeInstanceTypes', { InstanceTypeFamily: 'ecs.nonexistent' });
    assert.deepEqual(list(body, 'InstanceTypes', 'InstanceType'), []);
  }],
];

module.exports = { steps, state, MissingState, R, ZONE, MULTI };
