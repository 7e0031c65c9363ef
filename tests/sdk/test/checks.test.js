'use strict';
// The suite's own checks, against a stand-in HTTP server on loopback that answers what each test tells it: each client
// style sends what it claims (V3 / V1, GET / POST form), and a wrong type, a missing or malformed list wrapper, a wrong
// code or a wrong status class makes the checks fail. Without these, a green run could mean checks that check nothing.

const assert = require('node:assert/strict');
const http = require('node:http');
const { describe, it, before, after } = require('node:test');
const { connect, STYLES } = require('../lib/clients');
const { fails } = require('../lib/expect');
const { list, str, num } = require('../lib/shape');

const EIP = {
  AllocationId: 'eip-aaaaaaaaaaaaaaaaaaaa', IpAddress: '198.51.100.7', Status: 'Available', Bandwidth: '5', ServiceManaged: 0,
  DeletionProtection: false, OperationLocks: { LockReason: [] }, Tags: { Tag: [] },
};
const GOOD = { RequestId: 'R-1', TotalCount: 1, PageNumber: 1, PageSize: 10, EipAddresses: { EipAddress: [EIP] } };
const ERROR = (code, extra = {}) => ({ RequestId: 'R-2', HostId: 'vpc.aliyuncs.com', Code: code, Message: 'm', Recommend: 'r', ...extra });

describe('the suite\'s checks, against a stand-in server', () => {
  let server;
  let answer = { status: 200, body: GOOD };
  const seen = [];
  const endpoint = {};
  before(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        seen.push({ method: req.method, url: new URL(req.url, 'http://x'), headers: req.headers, body });
        res.writeHead(answer.status, { 'content-type': 'application/json;charset=utf-8' });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint.endpoint = `127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  const client = (style) => connect(style, endpoint, { accessKeyId: 'LTAIcheck', accessKeySecret: 'secret' });
  const describeEips = (style) => client(style).call('Vpc', 'DescribeEipAddresses', { RegionId: 'cn-hangzhou', AllocationId: EIP.AllocationId });

  it('each style sends the signature and method it is named for', async () => {
    answer = { status: 200, body: GOOD };
    const wire = {};
    for (const style of STYLES) {
      seen.length = 0;
      await describeEips(style);
      wire[style] = seen[0];
    }
    assert.equal(wire.v3.method, 'POST');
    assert.match(wire.v3.headers.authorization, /^ACS3-HMAC-SHA256 Credential=LTAIcheck,SignedHeaders=/);
    assert.equal(wire.v3.headers['x-acs-action'], 'DescribeEipAddresses');
    assert.equal(wire.v3.url.searchParams.get('Signature'), null);
    assert.equal(wire.v1.method, 'POST');
    assert.equal(wire.v1.headers.authorization, undefined);
    assert.equal(wire.v1.url.searchParams.get('SignatureMethod'), 'HMAC-SHA1');
    assert.ok(wire.v1.url.searchParams.get('Signature'));
    assert.equal(wire['pop-get'].method, 'GET');
    assert.ok(wire['pop-get'].url.searchParams.get('Signature'));
    assert.equal(wire['pop-post'].method, 'POST');
    assert.equal(wire['pop-post'].url.search, '');
    assert.equal(wire['pop-post'].headers['content-type'], 'application/x-www-form-urlencoded');
    assert.ok(new URLSearchParams(wire['pop-post'].body).get('Signature'));
  });

  for (const style of STYLES) {
    describe(style, () => {
      it('a conforming answer passes and reads the same in every style', async () => {
        answer = { status: 200, body: GOOD };
        const { body } = await describeEips(style);
        assert.equal(num(body, 'TotalCount'), 1);
        assert.equal(str(list(body, 'EipAddresses', 'EipAddress')[0], 'Bandwidth'), '5');
      });
      const broken = [
        ['Bandwidth as a number', { ...GOOD, EipAddresses: { EipAddress: [{ ...EIP, Bandwidth: 5 }] } }, /Bandwidth/],
        ['TotalCount as a numeric string', { ...GOOD, TotalCount: '1' }, /TotalCount/],
        ['DeletionProtection as a string', { ...GOOD, EipAddresses: { EipAddress: [{ ...EIP, DeletionProtection: 'false' }] } }, /eletionProtection/],
        ['a list wrapper holding an object', { ...GOOD, EipAddresses: { EipAddress: EIP } }, /ipAddress/],
        ['an empty list as {}', { ...GOOD, EipAddresses: { EipAddress: {} } }, /ipAddress/],
        ['an inner list not wrapped', { ...GOOD, EipAddresses: [EIP] }, /EipAddresses|eipAddresses/],
        ['Tags.Tag as an object', { ...GOOD, EipAddresses: { EipAddress: [{ ...EIP, Tags: { Tag: {} } }] } }, /ag/],
        ['a field the SDK does not know', { ...GOOD, EipAdresses: { EipAddress: [] } }, /EipAdresses/],
      ];
      for (const [what, body, pattern] of broken) {
        it(`rejects ${what}`, async () => {
          answer = { status: 200, body };
          await assert.rejects(describeEips(style), pattern);
        });
      }
      it('rejects an answer without the list wrapper when the test reads the list', async () => {
        answer = { status: 200, body: { RequestId: 'R-1', TotalCount: 0 } };
        const { body } = await describeEips(style);
        assert.throws(() => list(body, 'EipAddresses', 'EipAddress'), /EipAddresses must be an object/);
      });
      it('accepts an error with the expected code and status', async () => {
        answer = { status: 404, body: ERROR('InvalidAllocationId.NotFound') };
        await fails(describeEips(style), 'InvalidAllocationId.NotFound', 404);
      });
      const wrongErrors = [
        ['a *.NotFound code with HTTP 400', 400, ERROR('InvalidAllocationId.NotFound'), 'InvalidAllocationId.NotFound', 400, /404/],
        ['another code', 400, ERROR('InvalidParameter'), 'MissingParameter', 400, /wrong code/],
        ['another 4xx status', 403, ERROR('MissingParameter'), 'MissingParameter', 400, /wrong HTTP status/],
        ['a 5xx for bad input', 500, ERROR('MissingParameter'), 'MissingParameter', 500, /never 5xx/],
        ['no RequestId', 400, ERROR('MissingParameter', { RequestId: undefined }), 'MissingParameter', 400, /requestId|RequestId/],
        ['no Recommend', 400, ERROR('MissingParameter', { Recommend: undefined }), 'MissingParameter', 400, /Recommend/],
      ];
      for (const [what, status, body, code, expected, pattern] of wrongErrors) {
        it(`rejects an error with ${what}`, async () => {
          answer = { status, body };
          await assert.rejects(fails(describeEips(style), code, expected), pattern);
        });
      }
      it('rejects a success where an error is expected', async () => {
        answer = { status: 200, body: GOOD };
        await assert.rejects(fails(describeEips(style), 'InvalidAllocationId.NotFound', 404), /succeeded/);
      });
    });
  }
});
