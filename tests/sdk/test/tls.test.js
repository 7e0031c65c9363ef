'use strict';
// Issue 12: the server over HTTPS with its self-signed certificate (--tls-self-signed), called through the official
// @alicloud/vpc20160428 client with protocol 'https'. Node reads NODE_EXTRA_CA_CERTS only when it starts, so each call runs
// in a child node process: one that trusts the server's certificate, one that does not.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const { startServer } = require('../lib/server');

// Prints the DescribeRegions answer as JSON, or the error's code and message; exits 0 either way.
const CALL = `
const Vpc = require('@alicloud/vpc20160428');
const { $OpenApiUtil } = require('@alicloud/openapi-core');
const [endpoint, accessKeyId, accessKeySecret, signatureAlgorithm] = process.argv.slice(1);
const client = new Vpc.default(new $OpenApiUtil.Config({
  accessKeyId, accessKeySecret, endpoint, protocol: 'https', regionId: 'cn-hangzhou',
  ...(signatureAlgorithm === 'v2' ? { signatureAlgorithm } : {}),
}));
client.describeRegions(new Vpc.DescribeRegionsRequest({}))
  .then((r) => console.log(JSON.stringify({ status: r.statusCode, regions: r.body.regions.region.map((x) => x.regionId) })))
  .catch((e) => console.log(JSON.stringify({ error: e.code ?? null, message: String(e.message) })));
`;

function callInChild(server, env, signatureAlgorithm = 'v3') {
  const { accessKeyId, accessKeySecret } = server.bootstrap;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', CALL, server.endpoint, accessKeyId, accessKeySecret, signatureAlgorithm],
      { cwd: __dirname, env, timeout: 60_000 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`the child node process failed: ${error.message}\n${stdout}${stderr}`));
        else resolve(JSON.parse(stdout.trim().split('\n').pop()));
      });
  });
}

describe('HTTPS with the self-signed certificate', () => {
  let server;
  before(async () => { server = await startServer({ tls: true }); });
  after(async () => { await server?.stop(); });

  it('prints an https endpoint and the certificate to trust', () => {
    assert.ok(server.log().includes(`eipnet: endpoint ${server.endpoint} (https)`), server.log().join('\n'));
    assert.ok(server.log().includes(`eipnet: tls certificate ${server.caFile} (clients must trust it)`), server.log().join('\n'));
  });

  for (const signature of ['v3', 'v2']) {
    it(`answers the 7.x client with protocol 'https' when NODE_EXTRA_CA_CERTS trusts the certificate (signature ${signature})`, async () => {
      const answer = await callInChild(server, { ...process.env, NODE_EXTRA_CA_CERTS: server.caFile }, signature);
      assert.equal(answer.status, 200, JSON.stringify(answer));
      assert.ok(answer.regions.includes('cn-hangzhou'), JSON.stringify(answer));
    });
  }

  it('is refused by a client that does not trust the certificate', async () => {
    const env = { ...process.env };
    delete env.NODE_EXTRA_CA_CERTS;
    delete env.NODE_TLS_REJECT_UNAUTHORIZED;
    const answer = await callInChild(server, env);
    assert.equal(answer.status, undefined, JSON.stringify(answer));
    assert.match(answer.message, /self[- ]signed certificate/i);
  });
});
