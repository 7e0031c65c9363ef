'use strict';
// A Terraform user's run through the 7.x clients with their default settings, on SQLite (lib/terraform.js).

const { sharedServer, serverHealthy } = require('../lib/suite');
const { terraformRun } = require('../lib/terraform');

const server = sharedServer();
terraformRun(server, 'SQLite');
serverHealthy(server);
