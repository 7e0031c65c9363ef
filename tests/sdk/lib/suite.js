'use strict';
// Runs the table of calls (lib/table.js) in client styles against one server, one account per style, and checks that
// each style called every implemented action successfully and that the server logged no fault.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const { startServer } = require('./server');
const { connect, STYLE_NAMES, covered } = require('./clients');
const { implementedActions, EIPNET_ONLY } = require('./actions');
const { steps, state, MissingState, R } = require('./table');
const { world } = require('./world');

/**
 * Starts one server for the file (before) and stops it (after); returns a getter for it. Declare serverHealthy() as the
 * file's last test.
 */
function sharedServer(options = {}) {
  let server;
  before(async () => { server = await startServer(options); });
  after(async () => { if (server) await server.stop(); });
  return () => server;
}

/** A test that fails if the server logged a fault (a 5xx answer or an error-level entry) during the file's tests. */
function serverHealthy(getServer) {
  it('the server logged no fault (no 5xx, no error entry)', () => {
    const faults = getServer().faults();
    assert.deepEqual(faults, [], `the server logged faults:\n${faults.join('\n')}`);
  });
}

/** Declares each [name, run(ctx, t)] as a test, in order; one whose input an earlier step failed to make fails too, naming it. */
function declareSteps(list, ctx) {
  for (const [name, run] of list) {
    it(name, async (t) => {
      try {
        await run(ctx, t);
      } catch (error) {
        if (!(error instanceof MissingState)) throw error;
        throw new Error(`not run, an earlier step failed: ${error.message}`);
      }
    });
  }
}

/**
 * Declares, for each style, the table's steps as tests plus a coverage test.
 * @param {string[]} styles client styles (lib/clients STYLES)
 * @param {() => object} getServer the running server
 * @param {string} storage what the server stores into, for the test names
 */
function tableSuites(styles, getServer, storage) {
  for (const style of styles) {
    describe(`every action through ${STYLE_NAMES[style]} on ${storage}`, () => {
      const ctx = { style, s: state(), connect };
      before(async () => {
        ctx.server = getServer();
        ctx.account = await ctx.server.createAccount(`sdk-${style}`, { multiEip: true });
        ctx.c = connect(style, ctx.server, ctx.account);
        ctx.w = world(ctx.c, R);
      });
      declareSteps(steps, ctx);
      it('called every action the server implements', () => {
        const typed = style === 'v3' || style === 'v1';
        const missing = implementedActions().filter((a) => !covered.get(style).has(a) && !(typed && EIPNET_ONLY.has(a)));
        assert.deepEqual(missing, [], `actions never answered successfully through ${style}`);
      });
    });
  }
}

module.exports = { sharedServer, serverHealthy, tableSuites, declareSteps };
