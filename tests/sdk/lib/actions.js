'use strict';
// The actions the server implements, read from its registrations (src/Eipnet.Api/**/*Actions.cs), so that an action
// added to the server without SDK coverage fails the coverage tests instead of going unnoticed.

const fs = require('node:fs');
const path = require('node:path');
const { REPO } = require('./server');

const REGISTRATION = /RpcAction\.(?:Read|Write)\(\s*Products\.(Vpc|Ecs)\s*,\s*"(\w+)"/g;

function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'bin' || entry.name === 'obj') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('Actions.cs')) out.push(full);
  }
  return out;
}

/** Every implemented action as "Vpc.AllocateEipAddress" / "Ecs.RunInstances", sorted. */
function implementedActions() {
  const found = new Set();
  for (const file of sourceFiles(path.join(REPO, 'src', 'Eipnet.Api'))) {
    for (const [, product, action] of fs.readFileSync(file, 'utf8').matchAll(REGISTRATION)) found.add(`${product}.${action}`);
  }
  if (found.size === 0) throw new Error('No RpcAction registrations found under src/Eipnet.Api: has the registration syntax changed?');
  return [...found].sort();
}

/** Eipnet's own actions: the official typed SDKs have no classes for them, so only the generic pop-core RPCClient calls them. */
const EIPNET_ONLY = new Set(['Vpc.TracePacket']);

module.exports = { implementedActions, EIPNET_ONLY };
