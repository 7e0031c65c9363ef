'use strict';
// The PostgreSQL pass: the same server on a fresh database of $EIPNET_TEST_POSTGRES. Every implemented action runs once
// through the default client style (V3), and the Terraform run repeats there, concurrency and ClientToken included,
// since those are enforced by the database. Skipped when no server is given outside CI (./scripts/test gives one).

const { describe } = require('node:test');
const { postgresConfigured } = require('../lib/server');
const { sharedServer, serverHealthy, tableSuites } = require('../lib/suite');
const { terraformRun } = require('../lib/terraform');

if (postgresConfigured()) {
  const server = sharedServer({ postgres: true });
  tableSuites(['v3'], server, 'PostgreSQL');
  terraformRun(server, 'PostgreSQL');
  serverHealthy(server);
} else {
  describe('PostgreSQL pass', { skip: 'EIPNET_TEST_POSTGRES is not set (./scripts/test starts a server and sets it)' }, () => {});
}
