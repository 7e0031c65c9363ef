'use strict';
// Every implemented action through every client style, on SQLite: the 7.x clients with their default V3 signatures and
// with V1, and pop-core's RPCClient with GET and with a POST form body.

const { sharedServer, serverHealthy, tableSuites } = require('../lib/suite');
const { STYLES } = require('../lib/clients');

const server = sharedServer();
tableSuites(STYLES, server, 'SQLite');
serverHealthy(server);
