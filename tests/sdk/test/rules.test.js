'use strict';
// SPEC.md's association table seen from the client: one row per line of the table (in its order), then one per decision
// listed under it. For each rule a call that keeps it succeeds and a call that breaks it fails with the documented code
// and status. Rows take turns through the four client styles, so every style meets these codes. The table's rows about
// what the guest sees, private networking and protocols are data-plane behaviour, not visible through the API.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const { startServer } = require('../lib/server');
const { connect, STYLES } = require('../lib/clients');
const { fails } = require('../lib/expect');
const { Scene } = require('../lib/scene');
const { str, list } = require('../lib/shape');
const { serverHealthy } = require('../lib/suite');

// account: 'preview' is on the multi-EIP allowlist, 'plain' is not; 'raised' is allowlisted with eips-per-eni 11.
const ROWS = [
  // ENI types.
  ['ENI types: NAT on a primary ENI', 'preview', 'cn-shenzhen', async (s) => s.associate(await s.eip(), (await s.instance()).primaryEniId), null],
  ['ENI types: NAT on an instance (its primary ENI)', 'preview', 'cn-shenzhen',
    async (s) => s.associate(await s.eip(), (await s.instance()).instanceId, 'NAT', 'EcsInstance'), null],
  ['ENI types: NAT on a secondary ENI', 'preview', 'cn-shenzhen', async (s) => s.associate(await s.eip(), await s.eni()), null],
  ['ENI types: cut-through on a primary ENI', 'preview', 'cn-shenzhen',
    async (s) => s.associate(await s.eip(), (await s.instance()).primaryEniId, 'BINDED'), ['InvalidOperation.InvalidEniType', 403]],
  ['ENI types: cut-through on a secondary ENI', 'preview', 'cn-shenzhen', async (s) => s.associate(await s.eip(), await s.eni(), 'BINDED'), null],
  ['ENI types: multi-EIP on a primary ENI', 'preview', 'cn-shenzhen',
    async (s) => s.associate(await s.eip(), (await s.instance()).primaryEniId, 'MULTI_BINDED'), ['InvalidOperation.InvalidEniType', 403]],
  ['ENI types: multi-EIP on a secondary ENI', 'preview', 'cn-shenzhen', async (s) => s.associate(await s.eip(), await s.eni(), 'MULTI_BINDED'), null],

  // EIPs on a primary ENI: at most one, however it is addressed.
  ['Primary ENI: a first EIP', 'preview', 'cn-shenzhen',
    async (s) => s.associate(await s.eip(), (await s.instance()).instanceId, 'NAT', 'EcsInstance'), null],
  ['Primary ENI: a second EIP on the instance', 'preview', 'cn-shenzhen', async (s) => {
    const { instanceId } = await s.instance();
    await s.bound(instanceId, 'NAT', 'EcsInstance');
    return s.associate(await s.eip(), instanceId, 'NAT', 'EcsInstance');
  }, ['InvalidAssociation.Duplicated', 400]],
  ['Primary ENI: a second EIP through its ENI id', 'preview', 'cn-shenzhen', async (s) => {
    const { instanceId, primaryEniId } = await s.instance();
    await s.bound(instanceId, 'NAT', 'EcsInstance');
    return s.associate(await s.eip(), primaryEniId);
  }, ['InvalidAssociation.Duplicated', 400]],

  // EIPs on a secondary ENI.
  ['Secondary NAT: one EIP per private IP', 'preview', 'cn-shenzhen', async (s) => {
    const eni = await s.eni(2);
    const ips = await s.privateIps(eni);
    await s.bound(eni, 'NAT', 'NetworkInterface', ips[0]);
    await s.bound(eni, 'NAT', 'NetworkInterface', ips[1]);
    return s.associate(await s.eip(), eni, 'NAT', 'NetworkInterface', ips[2]);
  }, null],
  ['Secondary NAT: no second EIP on a mapped private IP', 'preview', 'cn-shenzhen', async (s) => {
    const eni = await s.eni(1);
    const ips = await s.privateIps(eni);
    await s.bound(eni, 'NAT', 'NetworkInterface', ips[0]);
    await s.bound(eni, 'NAT', 'NetworkInterface', ips[1]);
    return s.associate(await s.eip(), eni, 'NAT', 'NetworkInterface', ips[1]);
  }, ['InvalidAssociation.Duplicated', 400]],
  ['Secondary NAT: omitted PrivateIpAddress means the primary IP, which is then taken', 'preview', 'cn-shenzhen', async (s) => {
    const eni = await s.eni(1);
    const eip = await s.bound(eni);
    // The EIP shows only a private IP the caller named; the ENI shows the mapping on its primary IP.
    assert.equal(str(await s.w.eip(eip), 'PrivateIpAddress'), '');
    const ips = list(await s.w.eni(eni), 'PrivateIpSets', 'PrivateIpSet');
    assert.equal(str(ips[0], 'AssociatedPublicIp', 'AllocationId'), eip);
    return s.associate(await s.eip(), eni);
  }, ['InvalidAssociation.Duplicated', 400]],
  ['Secondary NAT: a private IP that is not the ENI\'s', 'preview', 'cn-shenzhen',
    async (s) => s.associate(await s.eip(), await s.eni(), 'NAT', 'NetworkInterface', '10.0.1.200'), ['InvalidParameter', 400]],
  ['Secondary cut-through: one EIP', 'preview', 'cn-shenzhen', async (s) => {
    const eni = await s.eni();
    return s.associate(await s.eip(), eni, 'BINDED');
  }, null],
  ['Secondary cut-through: not a second EIP', 'preview', 'cn-shenzhen', async (s) => {
    const eni = await s.eni();
    await s.bound(eni, 'BINDED');
    return s.associate(await s.eip(), eni, 'BINDED');
  }, ['InvalidAssociation.Duplicated', 400]],
  ['Secondary cut-through: on the primary private IP only', 'preview', 'cn-shenzhen', async (s) => {
    const eni = await s.eni(1);
    return s.associate(await s.eip(), eni, 'BINDED', 'NetworkInterface', (await s.privateIps(eni))[1]);
  }, ['InvalidParameter', 400]],
  ['Secondary multi-EIP: ten EIPs', 'preview', 'cn-shenzhen', async (s) => {
    const eni = await s.eni();
    for (let i = 0; i < 9; i++) await s.bound(eni, 'MULTI_BINDED');
    return s.associate(await s.eip(), eni, 'MULTI_BINDED');
  }, null],
  ['Secondary multi-EIP: not an eleventh', 'preview', 'cn-shenzhen', async (s) => {
    const eni = await s.eni();
    for (let i = 0; i < 10; i++) await s.bound(eni, 'MULTI_BINDED');
    return s.associate(await s.eip(), eni, 'MULTI_BINDED');
  }, ['QuotaExceeded.EipsPerNetworkInterface', 400]],
  ['Secondary multi-EIP: an eleventh once the operator raised the quota', 'raised', 'cn-shenzhen', async (s) => {
    const eni = await s.eni();
    for (let i = 0; i < 10; i++) await s.bound(eni, 'MULTI_BINDED');
    return s.associate(await s.eip(), eni, 'MULTI_BINDED');
  }, null],

  // Regions.
  ['Regions: NAT in every region', 'plain', 'ap-northeast-1', async (s) => s.associate(await s.eip(), await s.eni()), null],
  ['Regions: cut-through in a listed region', 'plain', 'cn-hangzhou', async (s) => s.associate(await s.eip(), await s.eni(), 'BINDED'), null],
  ['Regions: cut-through outside its list', 'plain', 'ap-northeast-1',
    async (s) => s.associate(await s.eip(), await s.eni(), 'BINDED'), ['OperationUnsupported.ModeNotSupportedInRegion', 400]],
  ['Regions: multi-EIP in a listed region', 'preview', 'cn-shenzhen', async (s) => s.associate(await s.eip(), await s.eni(), 'MULTI_BINDED'), null],
  ['Regions: multi-EIP outside its list', 'preview', 'cn-hangzhou',
    async (s) => s.associate(await s.eip(), await s.eni(), 'MULTI_BINDED'), ['OperationUnsupported.ModeNotSupportedInRegion', 400]],

  // Who may use it.
  ['Who: NAT for everyone', 'plain', 'cn-shenzhen', async (s) => s.associate(await s.eip(), await s.eni()), null],
  ['Who: cut-through for everyone', 'plain', 'cn-shenzhen', async (s) => s.associate(await s.eip(), await s.eni(), 'BINDED'), null],
  ['Who: multi-EIP for the allowlist', 'preview', 'cn-shenzhen', async (s) => s.associate(await s.eip(), await s.eni(), 'MULTI_BINDED'), null],
  ['Who: multi-EIP without the allowlist', 'plain', 'cn-shenzhen',
    async (s) => s.associate(await s.eip(), await s.eni(), 'MULTI_BINDED'), ['Forbidden.MultiBindedModeNotAllowed', 403]],

  // Decisions listed under the table.
  ['Decision: one mode per ENI, the same mode again', 'preview', 'cn-shenzhen', async (s) => {
    const eni = await s.eni();
    await s.bound(eni, 'MULTI_BINDED');
    return s.associate(await s.eip(), eni, 'MULTI_BINDED');
  }, null],
  ['Decision: one mode per ENI, a second mode', 'preview', 'cn-shenzhen', async (s) => {
    const eni = await s.eni(1);
    await s.bound(eni, 'MULTI_BINDED');
    return s.associate(await s.eip(), eni, 'NAT', 'NetworkInterface', (await s.privateIps(eni))[1]);
  }, ['InvalidAssociation.ModeConflict', 400]],
  ['Decision: NAT on an attached secondary ENI', 'preview', 'cn-shenzhen', async (s) => {
    const eni = await s.eni();
    await s.attach(eni, (await s.instance()).instanceId);
    return s.associate(await s.eip(), eni);
  }, null],
  ['Decision: cut-through needs the ENI detached', 'preview', 'cn-shenzhen', async (s) => {
    const eni = await s.eni();
    await s.attach(eni, (await s.instance()).instanceId);
    return s.associate(await s.eip(), eni, 'BINDED');
  }, ['InvalidStatus.EniStatusNotSupport', 400]],
  ['Decision: multi-EIP needs the ENI detached', 'preview', 'cn-shenzhen', async (s) => {
    const eni = await s.eni();
    await s.attach(eni, (await s.instance()).instanceId);
    return s.associate(await s.eip(), eni, 'MULTI_BINDED');
  }, ['InvalidStatus.EniStatusNotSupport', 400]],
  ['Decision: an ENI without EIPs can be deleted', 'preview', 'cn-shenzhen',
    async (s) => s.c.call('Ecs', 'DeleteNetworkInterface', { RegionId: s.regionId, NetworkInterfaceId: await s.eni() }), null],
  ['Decision: an ENI with EIPs cannot be deleted', 'preview', 'cn-shenzhen', async (s) => {
    const eni = await s.eni();
    await s.bound(eni);
    return s.c.call('Ecs', 'DeleteNetworkInterface', { RegionId: s.regionId, NetworkInterfaceId: eni });
  }, ['InvalidOperation.EniLinked', 400]],
  ['Decision: a private IP without an EIP can be unassigned', 'preview', 'cn-shenzhen', async (s) => {
    const eni = await s.eni(1);
    const ip = (await s.privateIps(eni))[1];
    return s.c.call('Ecs', 'UnassignPrivateIpAddresses', { RegionId: s.regionId, NetworkInterfaceId: eni, PrivateIpAddress: [ip] });
  }, null],
  ['Decision: a private IP with an EIP cannot be unassigned', 'preview', 'cn-shenzhen', async (s) => {
    const eni = await s.eni(1);
    const ip = (await s.privateIps(eni))[1];
    await s.bound(eni, 'NAT', 'NetworkInterface', ip);
    return s.c.call('Ecs', 'UnassignPrivateIpAddresses', { RegionId: s.regionId, NetworkInterfaceId: eni, PrivateIpAddress: [ip] });
  }, ['InvalidOperation.EniLinked', 400]],
  ['Decision: deleting an instance never releases EIPs; its secondary ENIs keep theirs', 'preview', 'cn-shenzhen', async (s) => {
    const { instanceId } = await s.instance();
    const onInstance = await s.bound(instanceId, 'NAT', 'EcsInstance');
    const eni = await s.eni();
    const onEni = await s.bound(eni);
    await s.attach(eni, instanceId);
    const deleted = await s.c.call('Ecs', 'DeleteInstance', { InstanceId: instanceId, Force: true });
    assert.equal(str(await s.w.waitEip(onInstance, 'Available'), 'InstanceId'), '');
    assert.equal(str(await s.w.waitEni(eni, 'Available'), 'AssociatedPublicIp', 'AllocationId'), onEni);
    const still = await s.w.eip(onEni);
    assert.equal(str(still, 'Status'), 'InUse');
    assert.equal(str(still, 'InstanceId'), eni);
    return deleted;
  }, null],
  ['Decision: attaching an ENI within the type\'s private IP limit', 'preview', 'cn-shenzhen', async (s) => {
    const eni = await s.eni(5); // 6 addresses; ecs.g6.large allows 6 per ENI
    return s.c.call('Ecs', 'AttachNetworkInterface', { RegionId: s.regionId, NetworkInterfaceId: eni, InstanceId: (await s.instance('ecs.g6.large')).instanceId });
  }, null],
  ['Decision: attaching an ENI with more private IPs than the type allows', 'preview', 'cn-shenzhen', async (s) => {
    const eni = await s.eni(6); // 7 addresses
    return s.c.call('Ecs', 'AttachNetworkInterface', { RegionId: s.regionId, NetworkInterfaceId: eni, InstanceId: (await s.instance('ecs.g6.large')).instanceId });
  }, ['InvalidOperation.Ipv4CountExceeded', 403]],
  ['Decision: attaching more ENIs than the type allows', 'preview', 'cn-shenzhen', async (s) => {
    const { instanceId } = await s.instance('ecs.g6.large'); // 2 ENIs: the primary and one more
    await s.attach(await s.eni(), instanceId);
    return s.c.call('Ecs', 'AttachNetworkInterface', { RegionId: s.regionId, NetworkInterfaceId: await s.eni(), InstanceId: instanceId });
  }, ['EniPerInstanceLimitExceeded', 403]],
];

describe('SPEC.md\'s association rules through the SDKs', () => {
  let server;
  const scenes = new Map();
  const clients = {};
  before(async () => {
    server = await startServer();
    for (const [name, multiEip] of [['preview', true], ['plain', false], ['raised', true]]) {
      const account = await server.createAccount(`rules-${name}`, { multiEip });
      await server.setQuota(account.accountId, 'eips', 500);
      if (name === 'raised') await server.setQuota(account.accountId, 'eips-per-eni', 11);
      clients[name] = Object.fromEntries(STYLES.map((style) => [style, connect(style, server, account)]));
    }
  });
  after(async () => { if (server) await server.stop(); });

  ROWS.forEach(([rule, account, region, act, expected], i) => {
    const style = STYLES[i % STYLES.length];
    it(`${rule} (${region}, ${style})`, async () => {
      const key = `${account}/${region}`;
      if (!scenes.has(key)) scenes.set(key, new Scene(clients[account].v3, region));
      const scene = scenes.get(key);
      scene.c = clients[account][style];
      if (expected === null) {
        const { body } = await act(scene);
        assert.ok(str(body, 'RequestId'));
      } else {
        await fails(act(scene), ...expected);
      }
    });
  });

  it('every rule row ran through every client style', () => {
    const styles = new Set(ROWS.map((_, i) => STYLES[i % STYLES.length]));
    assert.deepEqual([...styles].sort(), [...STYLES].sort());
  });

  serverHealthy(() => server);
});
