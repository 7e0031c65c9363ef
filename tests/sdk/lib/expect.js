'use strict';
// Assertions on how errors arrive through the SDKs, and polling for the states the reconciler reaches.

const assert = require('node:assert/strict');
const { ApiError } = require('./clients');

/** The error class the 7.x clients raise for an HTTP status and code (openapi-core's doRequest / doRPCRequest). */
function typedErrorName(code, status) {
  if (String(code).includes('Throttling')) return 'ThrottlingError';
  return status >= 500 ? 'ServerError' : 'ClientError';
}

/**
 * Awaits a call that must fail with the API error `code` and HTTP `status`, and checks that the SDK raised it as its
 * own error with code, status and request id: ClientError (7.x) or `${code}Error` (pop-core), never a 5xx.
 */
async function fails(promise, code, status) {
  let error;
  try {
    const { raw } = await promise;
    assert.fail(`expected ${code} (HTTP ${status}), but the call succeeded: ${JSON.stringify(raw).slice(0, 500)}`);
  } catch (e) {
    error = e;
  }
  if (!(error instanceof ApiError)) throw error;
  const context = `${error.product}.${error.action} (${error.style}) answered ${error.code} HTTP ${error.status}: ${error.data?.Message}`;
  assert.equal(error.code, code, `wrong code: ${context}`);
  assert.equal(error.status, status, `wrong HTTP status: ${context}`);
  assert.ok(error.status >= 400 && error.status < 500, `a request error must be 4xx, never 5xx: ${context}`);
  if (code.endsWith('.NotFound')) assert.equal(error.status, 404, `a *.NotFound code is HTTP 404: ${context}`);
  const expectedName = error.style.startsWith('pop') ? `${code}Error` : typedErrorName(code, status);
  assert.equal(error.name, expectedName, `the SDK raised ${error.name}, not ${expectedName}: ${context}`);
  assert.equal(typeof error.requestId, 'string', `the SDK error has no requestId: ${context}`);
  assert.ok(error.requestId.length > 0, `the SDK error has an empty requestId: ${context}`);
  // Alibaba's envelope, as the SDKs expose it in error.data.
  for (const field of ['RequestId', 'HostId', 'Code', 'Message', 'Recommend']) {
    assert.equal(typeof error.data?.[field], 'string', `the error body has no string ${field}: ${JSON.stringify(error.data)}`);
  }
  assert.equal(error.data.RequestId, error.requestId);
  assert.ok(error.data.Message.length > 0, `the error body has an empty Message: ${context}`);
  return error;
}

/** Polls probe() every 20 ms until done(value) holds; fails after limitMs naming what it waited for and the last value. */
async function waitFor(what, probe, done, limitMs = 5000) {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && done(value)) return value;
    if (Date.now() > deadline) {
      assert.fail(`timed out after ${limitMs / 1000} s waiting for ${what}; last seen: ${JSON.stringify(value)?.slice(0, 500)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

module.exports = { fails, waitFor };
