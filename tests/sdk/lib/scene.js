'use strict';
// One account's network in one region (VPC 10.0.0.0/16, vSwitch 10.0.1.0/24 in the region's first zone, a security
// group), made on first use, with helpers that build what an association rule needs. Set-up goes through `setup` (a V3
// client); the call under test goes through `c`, which a test points at the client style it wants.

const { list, str } = require('./shape');
const { world } = require('./world');

class Scene {
  constructor(setup, regionId) {
    this.setup = setup;
    this.c = setup;
    this.regionId = regionId;
    this.w = world(setup, regionId);
    this.network = null;
  }

  async net() {
    if (!this.network) {
      const c = this.setup;
      const RegionId = this.regionId;
      const zone = str(list((await c.call('Vpc', 'DescribeZones', { RegionId })).body, 'Zones', 'Zone')[0], 'ZoneId');
      const vpcId = str((await c.call('Vpc', 'CreateVpc', { RegionId, CidrBlock: '10.0.0.0/16' })).body, 'VpcId');
      const vswId = str((await c.call('Vpc', 'CreateVSwitch', { RegionId, VpcId: vpcId, ZoneId: zone, CidrBlock: '10.0.1.0/24' })).body, 'VSwitchId');
      const sgId = str((await c.call('Ecs', 'CreateSecurityGroup', { RegionId, VpcId: vpcId, SecurityGroupName: 'rules' })).body, 'SecurityGroupId');
      this.network = { vpcId, vswId, sgId };
    }
    return this.network;
  }

  /** A Running instance; its id and its primary ENI's id. */
  async instance(type = 'ecs.g7.xlarge') {
    const { vswId, sgId } = await this.net();
    const { body } = await this.setup.call('Ecs', 'RunInstances', {
      RegionId: this.regionId, InstanceType: type, ImageId: 'img', VSwitchId: vswId, SecurityGroupId: sgId,
    });
    const instanceId = list(body, 'InstanceIdSets', 'InstanceIdSet')[0];
    const running = await this.w.waitInstance(instanceId, 'Running');
    return { instanceId, primaryEniId: str(list(running, 'NetworkInterfaces', 'NetworkInterface')[0], 'NetworkInterfaceId') };
  }

  /** A secondary ENI (Available) with that many secondary private IPs. */
  async eni(secondaryIps = 0) {
    const { vswId, sgId } = await this.net();
    const params = { RegionId: this.regionId, VSwitchId: vswId, SecurityGroupId: sgId };
    if (secondaryIps > 0) params.SecondaryPrivateIpAddressCount = secondaryIps;
    return str((await this.setup.call('Ecs', 'CreateNetworkInterface', params)).body, 'NetworkInterfaceId');
  }

  privateIps(eniId) { return this.w.privateIps(eniId); }

  async attach(eniId, instanceId) {
    await this.setup.call('Ecs', 'AttachNetworkInterface', { RegionId: this.regionId, NetworkInterfaceId: eniId, InstanceId: instanceId });
    await this.w.waitEni(eniId, 'InUse');
  }

  async eip() {
    return str((await this.setup.call('Vpc', 'AllocateEipAddress', { RegionId: this.regionId })).body, 'AllocationId');
  }

  /** The call under test: AssociateEipAddress through `c`. */
  associate(allocationId, targetId, mode = 'NAT', type = 'NetworkInterface', privateIp = undefined) {
    const params = { RegionId: this.regionId, AllocationId: allocationId, InstanceId: targetId, InstanceType: type, Mode: mode };
    if (privateIp !== undefined) params.PrivateIpAddress = privateIp;
    return this.c.call('Vpc', 'AssociateEipAddress', params);
  }

  /** Set-up: allocates an EIP, associates it and waits until it is InUse. */
  async bound(targetId, mode = 'NAT', type = 'NetworkInterface', privateIp = undefined) {
    const id = await this.eip();
    const params = { RegionId: this.regionId, AllocationId: id, InstanceId: targetId, InstanceType: type, Mode: mode };
    if (privateIp !== undefined) params.PrivateIpAddress = privateIp;
    await this.setup.call('Vpc', 'AssociateEipAddress', params);
    await this.w.waitEip(id, 'InUse');
    return id;
  }
}

module.exports = { Scene };
