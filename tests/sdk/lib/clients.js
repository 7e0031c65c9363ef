'use strict';
// The official clients, one small adapter per client style, all with one interface:
//   client.call('Vpc' | 'Ecs', Action, wireParams) -> { body, raw }   or rejects with an ApiError
// wireParams use the API's own names (RegionId, Tag: [{ Key, Value }], SecurityGroupIds: [..]). The 7.x styles build the
// SDK's typed request (new Vpc.AllocateEipAddressRequest({...})) from them and return the typed response body; pop-core
// sends them as they are and returns the raw JSON. Every style checks the raw JSON against the SDK's response model.

const { AsyncLocalStorage } = require('node:async_hooks');
const assert = require('node:assert/strict');
const Vpc = require('@alicloud/vpc20160428');
const Ecs = require('@alicloud/ecs20140526');
const { $OpenApiUtil, AlibabaCloudError } = require('@alicloud/openapi-core');
const { RPCClient } = require('@alicloud/pop-core');
const { conformance } = require('./shape');

const PRODUCTS = {
  Vpc: { module: Vpc, version: '2016-04-28' },
  Ecs: { module: Ecs, version: '2014-05-26' },
};

/** The client styles: the 7.x clients with V3 (their default) and with V1 signatures, and pop-core with GET and POST. */
const STYLES = ['v3', 'v1', 'pop-get', 'pop-post'];

const STYLE_NAMES = {
  'v3': '7.x clients, default settings (V3 ACS3-HMAC-SHA256)',
  'v1': "7.x clients, signatureAlgorithm 'v2' (V1 HMAC-SHA1)",
  'pop-get': 'pop-core RPCClient, GET',
  'pop-post': "pop-core RPCClient, { method: 'POST' } (form body)",
};

/** An error answer of the API as the SDK raised it, with the fields every style must carry. */
class ApiError extends Error {
  constructor(fields, cause) {
    super(`${fields.product}.${fields.action} failed (${fields.style}): ${fields.name} ${fields.code} HTTP ${fields.status}: ${cause.message}`);
    Object.assign(this, fields);
    this.cause = cause;
  }
}

/** Which actions each style has called successfully, for the coverage tests. */
const { EIPNET_ONLY } = require('./actions');

const covered = new Map(STYLES.map((s) => [s, new Set()]));

function lowerFirst(s) {
  return s[0].toLowerCase() + s.slice(1);
}

/** Builds the SDK's typed request model from wire-named parameters; an unknown name is a mistake in the test. */
function toModel(Model, params) {
  const names = Model.names();
  const types = Model.types();
  const keyOf = new Map(Object.keys(names).map((k) => [names[k], k]));
  const fields = {};
  for (const [name, value] of Object.entries(params)) {
    const key = keyOf.get(name);
    if (key === undefined) throw new Error(`${Model.name} has no field ${name}: the SDK cannot send it`);
    const type = types[key];
    if (type && type.type === 'array' && typeof type.itemType === 'function') fields[key] = value.map((v) => toModel(type.itemType, v));
    else if (typeof type === 'function') fields[key] = toModel(type, value);
    else fields[key] = value;
  }
  return new Model(fields);
}

function responseModel(product, action) {
  const Model = PRODUCTS[product].module[`${action}ResponseBody`];
  if (!Model) throw new Error(`The ${product} SDK has no ${action}ResponseBody`);
  return Model;
}

function assertConforms(product, action, raw) {
  const problems = conformance(raw, responseModel(product, action));
  assert.deepEqual(problems, [], `${product}.${action}: the response does not match the SDK's model:\n  ${problems.join('\n  ')}\n` +
    `body: ${JSON.stringify(raw).slice(0, 2000)}`);
}

/** The 7.x clients (V3 by default, V1 with signatureAlgorithm 'v2'). The raw JSON is observed, never changed. */
function typedClients(style, endpoint, credentials) {
  const captured = new AsyncLocalStorage();
  const clients = {};
  for (const [product, { module }] of Object.entries(PRODUCTS)) {
    const config = new $OpenApiUtil.Config({
      accessKeyId: credentials.accessKeyId,
      accessKeySecret: credentials.accessKeySecret,
      endpoint,
      protocol: 'http',
      regionId: 'cn-hangzhou',
      ...(style === 'v1' ? { signatureAlgorithm: 'v2' } : {}),
    });
    const client = new module.default(config);
    const callApi = client.callApi.bind(client);
    client.callApi = async (...args) => {
      const result = await callApi(...args);
      const holder = captured.getStore();
      if (holder) holder.raw = result.body;
      return result;
    };
    clients[product] = client;
  }
  return async (product, action, params) => {
    const { module } = PRODUCTS[product];
    const Request = module[`${action}Request`];
    if (!Request) throw new Error(`The ${product} SDK has no ${action}Request`);
    const method = clients[product][lowerFirst(action)];
    if (typeof method !== 'function') throw new Error(`The ${product} SDK client has no ${lowerFirst(action)}()`);
    const holder = {};
    let response;
    try {
      response = await captured.run(holder, () => method.call(clients[product], toModel(Request, params)));
    } catch (error) {
      if (error instanceof AlibabaCloudError && error.statusCode !== undefined) {
        throw new ApiError({
          style, product, action, name: error.name, code: error.code, status: error.statusCode, requestId: error.requestId, data: error.data,
        }, error);
      }
      if (holder.raw !== undefined) error.message += `\nresponse body: ${JSON.stringify(holder.raw).slice(0, 2000)}`;
      throw error;
    }
    assert.equal(response.statusCode, 200, `${product}.${action}: HTTP ${response.statusCode}`);
    assert.ok(response.body instanceof module[`${action}ResponseBody`], `${product}.${action}: the body is not the SDK's typed model`);
    return { body: response.body, raw: holder.raw };
  };
}

/** pop-core's RPCClient: V1 signatures, GET (everything in the query) or POST (everything in a form body). */
function popClients(style, endpoint, credentials) {
  const clients = {};
  for (const [product, { version }] of Object.entries(PRODUCTS)) {
    clients[product] = new RPCClient({
      accessKeyId: credentials.accessKeyId,
      accessKeySecret: credentials.accessKeySecret,
      endpoint: `http://${endpoint}`,
      apiVersion: version,
    });
  }
  return async (product, action, params) => {
    let raw;
    try {
      raw = await clients[product].request(action, params, style === 'pop-post' ? { method: 'POST' } : {});
    } catch (error) {
      if (error.data && typeof error.code === 'string') {
        throw new ApiError({
          style, product, action, name: error.name, code: error.code, status: error.entry?.response?.statusCode,
          requestId: error.data.RequestId, data: error.data,
        }, error);
      }
      throw error;
    }
    return { body: raw, raw };
  };
}

/**
 * A client of the server in one style, as one account.
 * @param {'v3'|'v1'|'pop-get'|'pop-post'} style
 * @param {{ endpoint: string }} server
 * @param {{ accessKeyId: string, accessKeySecret: string }} credentials
 */
function connect(style, server, credentials) {
  if (!STYLES.includes(style)) throw new Error(`Unknown client style ${style}`);
  const send = style.startsWith('pop') ? popClients(style, server.endpoint, credentials) : typedClients(style, server.endpoint, credentials);
  return {
    style,
    typed: !style.startsWith('pop'),
    async call(product, action, params = {}) {
      const result = await send(product, action, params);
      // Eipnet's own actions have no model in the SDK to conform to; their tests check the fields themselves.
      if (!EIPNET_ONLY.has(`${product}.${action}`)) assertConforms(product, action, result.raw);
      covered.get(style).add(`${product}.${action}`);
      return result;
    },
  };
}

module.exports = { connect, STYLES, STYLE_NAMES, ApiError, covered, toModel };
