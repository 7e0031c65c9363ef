'use strict';
// Reading resources back through a client, and waiting for the states the reconciler reaches. Works with any client
// style: items are typed models (7.x) or raw JSON (pop-core), read with lib/shape.

const { list, str } = require('./shape');
const { waitFor } = require('./expect');

function world(client, regionId) {
  const w = {
    regionId,
    /** The EIP as DescribeEipAddresses shows it, or undefined. */
    async eip(allocationId, region = regionId) {
      const { body } = await client.call('Vpc', 'DescribeEipAddresses', { RegionId: region, AllocationId: allocationId });
      return list(body, 'EipAddresses', 'EipAddress')[0];
    },
    async eni(networkInterfaceId, region = regionId) {
      const { body } = await client.call('Ecs', 'DescribeNetworkInterfaces', { RegionId: region, NetworkInterfaceId: [networkInterfaceId] });
      return list(body, 'NetworkInterfaceSets', 'NetworkInterfaceSet')[0];
    },
    async instance(instanceId, region = regionId) {
      const { body } = await client.call('Ecs', 'DescribeInstances', { RegionId: region, InstanceIds: JSON.stringify([instanceId]) });
      return list(body, 'Instances', 'Instance')[0];
    },
    waitEip: (id, status, region = regionId) =>
      waitFor(`EIP ${id} ${status}`, () => w.eip(id, region), (e) => str(e, 'Status') === status),
    waitEni: (id, status, region = regionId) =>
      waitFor(`ENI ${id} ${status}`, () => w.eni(id, region), (n) => str(n, 'Status') === status),
    waitInstance: (id, status, region = regionId) =>
      waitFor(`instance ${id} ${status}`, () => w.instance(id, region), (i) => str(i, 'Status') === status),
    /** The private IPs of an ENI, primary first. */
    async privateIps(networkInterfaceId, region = regionId) {
      return list(await w.eni(networkInterfaceId, region), 'PrivateIpSets', 'PrivateIpSet').map((p) => str(p, 'PrivateIpAddress'));
    },
  };
  return w;
}

module.exports = { world };
