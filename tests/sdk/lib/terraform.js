'use strict';
// A Terraform user's run, written with the 7.x clients as a provider uses them: default settings (V3 signatures, 3 s
// timeouts), typed request classes, typed response models. Data sources pick a zone and an instance type; every
// resource is created and then read back (at once, as Terraform's Read does) and polled until its target state; an
// ENI moves between instances with its EIPs; a TaskConflict is retried with the same ClientToken; destroy empties all.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { describe, before } = require('node:test');
const Vpc = require('@alicloud/vpc20160428');
const Ecs = require('@alicloud/ecs20140526');
const { $OpenApiUtil } = require('@alicloud/openapi-core');
const { waitFor } = require('./expect');
const { declareSteps } = require('./suite');
const { state } = require('./table');

const R = 'cn-hangzhou';
const MULTI = 'cn-shenzhen';
const RETRYABLE = new Set(['TaskConflict', 'LastTokenProcessing']);

function clients(server, credentials) {
  const config = new $OpenApiUtil.Config({
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
    endpoint: server.endpoint,
    protocol: 'http',
    regionId: 'cn-hangzhou',
  });
  return { vpc: new Vpc.default(config), ecs: new Ecs.default(config) };
}

/**
 * The account's OwnerId as the VPC API gives it (a JSON number, parsed by JSON.parse in the 7.x SDKs) must equal the one
 * the ECS API gives (a string): JSON.parse is exact only below 2^53, where Alibaba's 16-digit account ids lie.
 */
async function assertOwnerId({ vpc, ecs }, regionId, vpcId, networkInterfaceId) {
  const number = (await vpc.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId, vpcId }))).body.vpcs.vpc[0].ownerId;
  const text = (await read.eni(ecs, networkInterfaceId, regionId)).ownerId;
  assert.equal(typeof number, 'number');
  assert.equal(typeof text, 'string');
  assert.ok(Number.isSafeInteger(number) && String(number) === text,
    `the VPC API's OwnerId reaches the 7.x SDK as ${number}, the ECS API says ${text}: an OwnerId above 2^53 cannot survive JSON.parse`);
}

/** Reads, as the provider's Read functions do. */
const read = {
  eip: async (vpc, allocationId, regionId = R) =>
    (await vpc.describeEipAddresses(new Vpc.DescribeEipAddressesRequest({ regionId, allocationId }))).body.eipAddresses.eipAddress[0],
  eni: async (ecs, networkInterfaceId, regionId = R) =>
    (await ecs.describeNetworkInterfaces(new Ecs.DescribeNetworkInterfacesRequest({ regionId, networkInterfaceId: [networkInterfaceId] })))
      .body.networkInterfaceSets.networkInterfaceSet[0],
  instance: async (ecs, instanceId, regionId = R) =>
    (await ecs.describeInstances(new Ecs.DescribeInstancesRequest({ regionId, instanceIds: JSON.stringify([instanceId]) })))
      .body.instances.instance[0],
};

const until = {
  eip: (vpc, id, status, regionId) => waitFor(`EIP ${id} ${status}`, () => read.eip(vpc, id, regionId), (e) => e.status === status),
  eni: (ecs, id, status, regionId) => waitFor(`ENI ${id} ${status}`, () => read.eni(ecs, id, regionId), (n) => n.status === status),
  instance: (ecs, id, status) => waitFor(`instance ${id} ${status}`, () => read.instance(ecs, id), (i) => i.status === status),
};

/** alicloud_eip_association's create: associate, read back at once (InstanceId must be set), then wait for InUse. */
async function associate(vpc, request) {
  await vpc.associateEipAddress(new Vpc.AssociateEipAddressRequest(request));
  const now = await read.eip(vpc, request.allocationId, request.regionId);
  assert.equal(now.instanceId, request.instanceId, 'InstanceId is visible at once, before the data plane applies');
  assert.equal(now.mode, request.mode ?? 'NAT');
  assert.ok(['Associating', 'InUse'].includes(now.status), now.status);
  return until.eip(vpc, request.allocationId, 'InUse', request.regionId);
}

/** Calls AssociateEipAddress, retrying TaskConflict and LastTokenProcessing with the same ClientToken. */
async function associateRetrying(vpc, request) {
  const deadline = Date.now() + 5000;
  const retried = [];
  for (;;) {
    try {
      const response = await vpc.associateEipAddress(new Vpc.AssociateEipAddressRequest(request));
      return { body: response.body, retried };
    } catch (error) {
      if (!RETRYABLE.has(error.code) || Date.now() > deadline) throw error;
      assert.equal(error.name, 'ClientError');
      assert.ok(error.statusCode >= 400 && error.statusCode < 500);
      assert.ok(error.requestId);
      retried.push(error.code);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** Declares the run against the server getServer() returns (the bootstrap account, and an allowlisted one it creates). */
function terraformRun(getServer, storage) {
  describe(`a Terraform run through the 7.x clients (default settings) on ${storage}`, () => {
    const ctx = { s: state() };
    before(async () => {
      const server = getServer();
      Object.assign(ctx, clients(server, server.bootstrap));
      const preview = await server.createAccount('tf-preview', { multiEip: true });
      ctx.multi = clients(server, preview);
    });

    declareSteps([
      ['data sources: DescribeZones and DescribeInstanceTypes pick a zone and a type with three ENIs', async ({ vpc, ecs, s }) => {
        const zones = (await vpc.describeZones(new Vpc.DescribeZonesRequest({ regionId: R }))).body.zones.zone;
        assert.ok(Array.isArray(zones) && zones.length > 0);
        s.zoneId = zones[0].zoneId;
        const types = (await ecs.describeInstanceTypes(new Ecs.DescribeInstanceTypesRequest({ instanceTypeFamily: 'ecs.g7' })))
          .body.instanceTypes.instanceType;
        assert.ok(Array.isArray(types));
        const fit = types.filter((t) => t.eniQuantity >= 3 && t.eniPrivateIpAddressQuantity >= 3).sort((a, b) => a.cpuCoreCount - b.cpuCoreCount);
        assert.equal(typeof fit[0]?.eniQuantity, 'number');
        s.instanceType = fit[0].instanceTypeId;
        assert.equal(s.instanceType, 'ecs.g7.large');
      }],
      ['alicloud_vpc and alicloud_vswitch: created, then Available', async ({ vpc, s }) => {
        s.vpcId = (await vpc.createVpc(new Vpc.CreateVpcRequest({ regionId: R, cidrBlock: '172.16.0.0/16', vpcName: 'tf-vpc' }))).body.vpcId;
        await waitFor('VPC Available', async () => (await vpc.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: R, vpcId: s.vpcId }))).body.vpcs.vpc[0],
          (v) => v.status === 'Available');
        s.vswId = (await vpc.createVSwitch(new Vpc.CreateVSwitchRequest({
          regionId: R, vpcId: s.vpcId, zoneId: s.zoneId, cidrBlock: '172.16.1.0/24', vSwitchName: 'tf-vsw',
        }))).body.vSwitchId;
        await waitFor('vSwitch Available',
          async () => (await vpc.describeVSwitches(new Vpc.DescribeVSwitchesRequest({ regionId: R, vSwitchId: s.vswId }))).body.vSwitches.vSwitch[0],
          (v) => v.status === 'Available');
      }],
      ['alicloud_security_group and alicloud_security_group_rule', async ({ ecs, s }) => {
        s.sgId = (await ecs.createSecurityGroup(new Ecs.CreateSecurityGroupRequest({ regionId: R, vpcId: s.vpcId, securityGroupName: 'tf-sg' })))
          .body.securityGroupId;
        await ecs.authorizeSecurityGroup(new Ecs.AuthorizeSecurityGroupRequest({
          regionId: R, securityGroupId: s.sgId,
          permissions: [new Ecs.AuthorizeSecurityGroupRequestPermissions({ ipProtocol: 'tcp', portRange: '80/80', sourceCidrIp: '0.0.0.0/0' })],
        }));
        const rules = (await ecs.describeSecurityGroupAttribute(new Ecs.DescribeSecurityGroupAttributeRequest({ regionId: R, securityGroupId: s.sgId })))
          .body.permissions.permission;
        assert.deepEqual(rules.map((r) => [r.ipProtocol, r.portRange]), [['TCP', '80/80']]);
      }],
      ['alicloud_instance x2: RunInstances, then Running', async ({ ecs, s }) => {
        const instances = [];
        for (const name of ['tf-a', 'tf-b']) {
          const run = await ecs.runInstances(new Ecs.RunInstancesRequest({
            regionId: R, instanceType: s.instanceType, imageId: 'ubuntu_22_04_x64', vSwitchId: s.vswId, securityGroupId: s.sgId, instanceName: name,
          }));
          const [id] = run.body.instanceIdSets.instanceIdSet;
          const instance = await until.instance(ecs, id, 'Running');
          assert.equal(instance.networkInterfaces.networkInterface.length, 1);
          instances.push(id);
        }
        s.instances = instances;
      }],
      ['alicloud_ecs_network_interface x2: created Available, the first with three private IPs', async ({ ecs, s }) => {
        const make = async (extra) => (await ecs.createNetworkInterface(new Ecs.CreateNetworkInterfaceRequest({
          regionId: R, vSwitchId: s.vswId, securityGroupIds: [s.sgId], ...extra,
        }))).body;
        const a = await make({ secondaryPrivateIpAddressCount: 2, networkInterfaceName: 'tf-eni-a' });
        const b = await make({ networkInterfaceName: 'tf-eni-b' });
        s.eniA = a.networkInterfaceId;
        s.eniAIps = a.privateIpSets.privateIpSet.map((p) => p.privateIpAddress);
        assert.equal(s.eniAIps.length, 3);
        s.eniB = b.networkInterfaceId;
        s.eniBIp = b.privateIpAddress;
        await until.eni(ecs, s.eniA, 'Available');
        await until.eni(ecs, s.eniB, 'Available');
      }],
      ['alicloud_ecs_network_interface_attachment: the first ENI on instance A, then InUse', async ({ ecs, s }) => {
        await ecs.attachNetworkInterface(new Ecs.AttachNetworkInterfaceRequest({ regionId: R, networkInterfaceId: s.eniA, instanceId: s.instances[0] }));
        const eni = await until.eni(ecs, s.eniA, 'InUse');
        assert.equal(eni.instanceId, s.instances[0]);
        assert.equal(eni.attachment.deviceIndex, 1);
      }],
      ['alicloud_eip_association, NAT on instance A (InstanceType EcsInstance)', async ({ vpc, ecs, s }) => {
        const eip = (await vpc.allocateEipAddress(new Vpc.AllocateEipAddressRequest({ regionId: R, bandwidth: '5', name: 'tf-eip-instance' }))).body;
        s.eips = [eip.allocationId];
        await associate(vpc, { regionId: R, allocationId: eip.allocationId, instanceId: s.instances[0], instanceType: 'EcsInstance' });
        const instance = await read.instance(ecs, s.instances[0]);
        assert.equal(instance.eipAddress.allocationId, eip.allocationId);
        assert.equal(instance.eipAddress.ipAddress, eip.eipAddress);
        assert.equal(typeof instance.eipAddress.bandwidth, 'number');
      }],
      ['alicloud_eip_association, NAT on an attached ENI with several private IPs: one EIP per private IP', async ({ vpc, ecs, s }) => {
        for (const privateIpAddress of s.eniAIps.slice(1)) {
          const id = (await vpc.allocateEipAddress(new Vpc.AllocateEipAddressRequest({ regionId: R }))).body.allocationId;
          s.eips.push(id);
          const eip = await associate(vpc, {
            regionId: R, allocationId: id, instanceId: s.eniA, instanceType: 'NetworkInterface', mode: 'NAT', privateIpAddress,
          });
          assert.equal(eip.privateIpAddress, privateIpAddress);
        }
        const ips = (await read.eni(ecs, s.eniA)).privateIpSets.privateIpSet;
        assert.deepEqual(ips.map((p) => p.associatedPublicIp.allocationId), ['', s.eips[1], s.eips[2]]);
      }],
      ['alicloud_eip_association, BINDED on an unattached secondary ENI in cn-hangzhou', async ({ vpc, s }) => {
        const id = (await vpc.allocateEipAddress(new Vpc.AllocateEipAddressRequest({ regionId: R }))).body.allocationId;
        s.eips.push(id);
        const eip = await associate(vpc, { regionId: R, allocationId: id, instanceId: s.eniB, instanceType: 'NetworkInterface', mode: 'BINDED' });
        assert.equal(eip.mode, 'BINDED');
        // private_ip_address is Optional, not Computed: unset, it reads back empty, or every plan would replace the association.
        assert.equal(eip.privateIpAddress, '');
      }],
      ['alicloud_eip_association, MULTI_BINDED for an allowlisted account in cn-shenzhen', async ({ multi, s }) => {
        const { vpc, ecs } = multi;
        const zoneId = (await vpc.describeZones(new Vpc.DescribeZonesRequest({ regionId: MULTI }))).body.zones.zone[0].zoneId;
        s.mVpcId = (await vpc.createVpc(new Vpc.CreateVpcRequest({ regionId: MULTI, cidrBlock: '10.8.0.0/16' }))).body.vpcId;
        s.mVswId = (await vpc.createVSwitch(new Vpc.CreateVSwitchRequest({ regionId: MULTI, vpcId: s.mVpcId, zoneId, cidrBlock: '10.8.1.0/24' }))).body.vSwitchId;
        s.mSgId = (await ecs.createSecurityGroup(new Ecs.CreateSecurityGroupRequest({ regionId: MULTI, vpcId: s.mVpcId }))).body.securityGroupId;
        s.mEni = (await ecs.createNetworkInterface(new Ecs.CreateNetworkInterfaceRequest({ regionId: MULTI, vSwitchId: s.mVswId, securityGroupId: s.mSgId })))
          .body.networkInterfaceId;
        s.mEips = [];
        for (let i = 0; i < 3; i++) {
          const eip = (await vpc.allocateEipAddress(new Vpc.AllocateEipAddressRequest({ regionId: MULTI }))).body;
          s.mEips.push(eip);
          await associate(vpc, { regionId: MULTI, allocationId: eip.allocationId, instanceId: s.mEni, instanceType: 'NetworkInterface', mode: 'MULTI_BINDED' });
        }
        const infos = (await vpc.describeEipGatewayInfo(new Vpc.DescribeEipGatewayInfoRequest({ regionId: MULTI, instanceId: s.mEni }))).body.eipInfos.eipInfo;
        assert.deepEqual(infos.map((i) => i.ip).sort(), s.mEips.map((e) => e.eipAddress).sort());
      }],
      ['OwnerId: the VPC API\'s number reaches the SDK as the account number the ECS API shows, for both accounts', async (ctx) => {
        const { s } = ctx;
        await assertOwnerId(ctx, R, s.vpcId, s.eniA);
        await assertOwnerId(ctx.multi, MULTI, s.mVpcId, s.mEni);
      }],
      ['moving the ENI: detached from instance A and attached to instance B, it keeps its EIPs', async ({ vpc, ecs, s }) => {
        await ecs.detachNetworkInterface(new Ecs.DetachNetworkInterfaceRequest({ regionId: R, networkInterfaceId: s.eniA, instanceId: s.instances[0] }));
        await until.eni(ecs, s.eniA, 'Available');
        await ecs.attachNetworkInterface(new Ecs.AttachNetworkInterfaceRequest({ regionId: R, networkInterfaceId: s.eniA, instanceId: s.instances[1] }));
        const eni = await until.eni(ecs, s.eniA, 'InUse');
        assert.equal(eni.instanceId, s.instances[1]);
        assert.deepEqual(eni.privateIpSets.privateIpSet.map((p) => p.privateIpAddress), s.eniAIps);
        for (const id of s.eips.slice(1, 3)) {
          const eip = await read.eip(vpc, id);
          assert.equal(eip.status, 'InUse');
          assert.equal(eip.instanceId, s.eniA);
        }
        const onB = (await read.instance(ecs, s.instances[1])).networkInterfaces.networkInterface.map((n) => n.networkInterfaceId);
        assert.ok(onB.includes(s.eniA));
        const onA = (await read.instance(ecs, s.instances[0])).networkInterfaces.networkInterface.map((n) => n.networkInterfaceId);
        assert.ok(!onA.includes(s.eniA));
      }],
      ['TaskConflict: two concurrent associations with one ClientToken; the loser retries with it and gets the first success', async ({ vpc, ecs, s }, t) => {
        s.eniC = (await ecs.createNetworkInterface(new Ecs.CreateNetworkInterfaceRequest({ regionId: R, vSwitchId: s.vswId, securityGroupId: s.sgId })))
          .body.networkInterfaceId;
        const conflicts = [];
        let round = 0;
        // Two calls race; a round with no conflict still checks idempotency. Up to 10 rounds, until one conflict was retried.
        for (; round < 10 && conflicts.length === 0; round++) {
          const id = (await vpc.allocateEipAddress(new Vpc.AllocateEipAddressRequest({ regionId: R }))).body.allocationId;
          const request = { regionId: R, allocationId: id, instanceId: s.eniC, instanceType: 'NetworkInterface', clientToken: crypto.randomUUID() };
          const [first, second] = await Promise.all([associateRetrying(vpc, request), associateRetrying(vpc, request)]);
          conflicts.push(...first.retried, ...second.retried);
          assert.equal(first.body.requestId, second.body.requestId, 'the same ClientToken answers the first success, RequestId included');
          const eip = await until.eip(vpc, id, 'InUse');
          assert.equal(eip.instanceId, s.eniC);
          await vpc.unassociateEipAddress(new Vpc.UnassociateEipAddressRequest({ regionId: R, allocationId: id }));
          await until.eip(vpc, id, 'Available');
          await vpc.releaseEipAddress(new Vpc.ReleaseEipAddressRequest({ regionId: R, allocationId: id }));
        }
        t.diagnostic(`${round} round(s); retried: ${conflicts.join(', ') || 'nothing'}`);
        assert.ok(conflicts.length > 0, 'ten rounds of two concurrent calls never produced TaskConflict or LastTokenProcessing');
      }],
      ['concurrent associations of one EIP with different ClientTokens: exactly one wins', async ({ vpc, s }, t) => {
        const id = (await vpc.allocateEipAddress(new Vpc.AllocateEipAddressRequest({ regionId: R }))).body.allocationId;
        const attempt = () => vpc.associateEipAddress(new Vpc.AssociateEipAddressRequest({
          regionId: R, allocationId: id, instanceId: s.eniC, instanceType: 'NetworkInterface', clientToken: crypto.randomUUID(),
        })).then(() => 'ok', (e) => e);
        const outcomes = await Promise.all([attempt(), attempt(), attempt(), attempt()]);
        t.diagnostic(`outcomes: ${outcomes.map((o) => o.code ?? o).join(', ')}`);
        assert.equal(outcomes.filter((o) => o === 'ok').length, 1, JSON.stringify(outcomes.map((o) => o.code ?? o)));
        for (const error of outcomes.filter((o) => o !== 'ok')) {
          assert.ok(['TaskConflict', 'IncorrectEipStatus'].includes(error.code), `${error.code}: ${error.message}`);
          assert.equal(error.statusCode, 400);
        }
        await until.eip(vpc, id, 'InUse');
        await vpc.unassociateEipAddress(new Vpc.UnassociateEipAddressRequest({ regionId: R, allocationId: id }));
        await until.eip(vpc, id, 'Available');
        await vpc.releaseEipAddress(new Vpc.ReleaseEipAddressRequest({ regionId: R, allocationId: id }));
      }],
      ['terraform destroy: unassociate and release the EIPs, then remove ENIs, instances and the network', async ({ vpc, ecs, multi, s }) => {
        for (const id of s.eips) {
          await vpc.unassociateEipAddress(new Vpc.UnassociateEipAddressRequest({ regionId: R, allocationId: id }));
          const eip = await until.eip(vpc, id, 'Available');
          assert.equal(eip.instanceId, '');
          await vpc.releaseEipAddress(new Vpc.ReleaseEipAddressRequest({ regionId: R, allocationId: id }));
        }
        await ecs.detachNetworkInterface(new Ecs.DetachNetworkInterfaceRequest({ regionId: R, networkInterfaceId: s.eniA, instanceId: s.instances[1] }));
        await until.eni(ecs, s.eniA, 'Available');
        for (const id of [s.eniA, s.eniB, s.eniC]) {
          await ecs.deleteNetworkInterface(new Ecs.DeleteNetworkInterfaceRequest({ regionId: R, networkInterfaceId: id }));
        }
        for (const id of s.instances) await ecs.deleteInstance(new Ecs.DeleteInstanceRequest({ instanceId: id, force: true }));
        await ecs.deleteSecurityGroup(new Ecs.DeleteSecurityGroupRequest({ regionId: R, securityGroupId: s.sgId }));
        await vpc.deleteVSwitch(new Vpc.DeleteVSwitchRequest({ regionId: R, vSwitchId: s.vswId }));
        await vpc.deleteVpc(new Vpc.DeleteVpcRequest({ regionId: R, vpcId: s.vpcId }));

        for (const eip of s.mEips) {
          await multi.vpc.unassociateEipAddress(new Vpc.UnassociateEipAddressRequest({ regionId: MULTI, allocationId: eip.allocationId }));
          await until.eip(multi.vpc, eip.allocationId, 'Available', MULTI);
          await multi.vpc.releaseEipAddress(new Vpc.ReleaseEipAddressRequest({ regionId: MULTI, allocationId: eip.allocationId }));
        }
        await multi.ecs.deleteNetworkInterface(new Ecs.DeleteNetworkInterfaceRequest({ regionId: MULTI, networkInterfaceId: s.mEni }));
        await multi.ecs.deleteSecurityGroup(new Ecs.DeleteSecurityGroupRequest({ regionId: MULTI, securityGroupId: s.mSgId }));
        await multi.vpc.deleteVSwitch(new Vpc.DeleteVSwitchRequest({ regionId: MULTI, vSwitchId: s.mVswId }));
        await multi.vpc.deleteVpc(new Vpc.DeleteVpcRequest({ regionId: MULTI, vpcId: s.mVpcId }));

        assert.deepEqual((await vpc.describeEipAddresses(new Vpc.DescribeEipAddressesRequest({ regionId: R }))).body.eipAddresses.eipAddress, []);
        assert.deepEqual((await ecs.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: R }))).body.instances.instance, []);
        assert.deepEqual((await ecs.describeNetworkInterfaces(new Ecs.DescribeNetworkInterfacesRequest({ regionId: R })))
          .body.networkInterfaceSets.networkInterfaceSet, []);
        assert.deepEqual((await vpc.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: R }))).body.vpcs.vpc, []);
        assert.deepEqual((await multi.vpc.describeEipAddresses(new Vpc.DescribeEipAddressesRequest({ regionId: MULTI }))).body.eipAddresses.eipAddress, []);
      }],
    ], ctx);
  });
}

module.exports = { terraformRun };
