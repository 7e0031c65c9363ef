'use strict';
// A real `eipnet server` for the suite: the built binary on a free loopback port, with a fresh SQLite directory or a
// fresh PostgreSQL database, the bootstrap AccessKey from the environment, admin commands against the same database,
// and a stop by PID (SIGTERM, then SIGKILL).

const { spawn, execFile } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');

const REPO = path.resolve(__dirname, '..', '..', '..');
const BINARY = path.join(REPO, '.build', 'eipnet', 'eipnet');
const POSTGRES_VARIABLE = 'EIPNET_TEST_POSTGRES';
const START_LIMIT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

/** Every server this process started, killed if the process exits without stopping them. */
const running = new Set();
process.on('exit', () => {
  for (const child of running) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
});

function binary() {
  if (!fs.existsSync(BINARY)) {
    throw new Error(`The eipnet binary is not built (${BINARY} is missing): run ./eipnet --help once at the repository root ` +
      '(./scripts/test does), then npm test.');
  }
  return BINARY;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function run(file, args, options = {}) {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 60_000, maxBuffer: 1 << 20, ...options }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${path.basename(file)} ${args.join(' ')} failed (${error.code ?? error.signal}):\n${stdout}${stderr}`));
      } else {
        resolve(stdout);
      }
    });
  });
}

/** True when PostgreSQL tests should run; false to skip them (no server given, outside CI). */
function postgresConfigured() {
  if (process.env[POSTGRES_VARIABLE]) return true;
  if (process.env.CI) {
    throw new Error(`${POSTGRES_VARIABLE} is not set: CI runs the PostgreSQL pass. ./scripts/test starts a server and sets it.`);
  }
  return false;
}

/** Parses an Npgsql connection string ("Host=..;Port=..;Username=..;Database=..") into lower-cased keys. */
function parseNpgsql(connectionString) {
  const out = {};
  for (const part of connectionString.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) out[part.slice(0, at).trim().toLowerCase()] = part.slice(at + 1).trim();
  }
  return out;
}

/** Creates an empty database on the test PostgreSQL server (with Debian's psql) and returns its Npgsql connection string. */
async function newPostgresDatabase() {
  const server = process.env[POSTGRES_VARIABLE];
  const settings = parseNpgsql(server);
  const name = 'eipnet_sdk_' + crypto.randomBytes(8).toString('hex');
  const conninfo = [
    `host=${settings.host ?? settings.server ?? '127.0.0.1'}`,
    `port=${settings.port ?? '5432'}`,
    `user=${settings.username ?? settings['user id'] ?? settings.userid ?? settings.user ?? 'postgres'}`,
    'dbname=postgres',
  ].join(' ');
  const env = { ...process.env };
  if (settings.password) env.PGPASSWORD = settings.password;
  try {
    await run('psql', [conninfo, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `CREATE DATABASE ${name}`], { env });
  } catch (error) {
    if (error.message.includes('ENOENT')) {
      throw new Error('psql is not installed: the PostgreSQL pass creates its database with it (Debian package postgresql-client; ' +
        './scripts/test installs postgresql, which brings it).');
    }
    throw error;
  }
  const drop = () => run('psql', [conninfo, '-q', '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`], { env }).catch(() => {});
  const connectionString = Object.entries({ ...settings, database: name }).map(([k, v]) => `${k}=${v}`).join(';');
  return { connectionString, drop };
}

/**
 * Starts `eipnet server` and resolves once it prints its "eipnet: data plane" line.
 * @param {{ postgres?: boolean, tls?: boolean }} options postgres: a fresh database on $EIPNET_TEST_POSTGRES instead of SQLite;
 *   tls: HTTPS with the server's self-signed certificate (server.caFile is the PEM file a client must trust).
 */
async function startServer(options = {}) {
  const file = binary();
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eipnet-sdk-'));
  let database = null;
  let storage;
  if (options.postgres) {
    database = await newPostgresDatabase();
    storage = ['--postgres', database.connectionString];
  } else {
    storage = ['--data', dir];
  }
  const bootstrap = {
    accessKeyId: 'LTAIsdk' + crypto.randomBytes(6).toString('hex'),
    accessKeySecret: crypto.randomBytes(15).toString('hex'),
  };
  const env = {
    ...process.env,
    EIPNET_BOOTSTRAP_ACCESS_KEY_ID: bootstrap.accessKeyId,
    EIPNET_BOOTSTRAP_ACCESS_KEY_SECRET: bootstrap.accessKeySecret,
  };
  delete env.EIPNET_POSTGRES;
  // The self-signed certificate lives in the data directory, also when the database is PostgreSQL.
  const tls = options.tls ? ['--tls-self-signed', ...(options.postgres ? ['--data', dir] : [])] : [];
  const child = spawn(file, ['server', '--listen', `127.0.0.1:${port}`, '--dataplane', 'sim', ...storage, ...tls], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const lines = [];
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => {
    exited = { code, signal };
    running.delete(child);
    resolve(exited);
  }));
  const ready = new Promise((resolve) => {
    let pending = '';
    const onData = (chunk) => {
      pending += chunk.toString('utf8');
      let nl;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        lines.push(line);
        if (line.startsWith('eipnet: data plane')) resolve(true);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  let timer;
  const outcome = await Promise.race([
    ready,
    exit.then(() => false),
    new Promise((resolve) => { timer = setTimeout(() => resolve(false), START_LIMIT_MS); }),
  ]);
  clearTimeout(timer);
  const server = {
    port,
    endpoint: `127.0.0.1:${port}`,
    bootstrap,
    storage: options.postgres ? 'PostgreSQL' : 'SQLite',
    protocol: options.tls ? 'https' : 'http',
    caFile: options.tls ? path.join(dir, 'tls', 'server.crt') : null,
    get pid() { return child.pid; },
    /** The server's output so far (start-up lines and one line per request). */
    log: () => lines.slice(),
    /** Lines showing a server fault: a 5xx code or an error-level log entry. */
    faults: () => lines.filter((l) => /\bcode=(InternalError|ServiceUnavailable)\b|\b(fail|crit): /.test(l)),
    async admin(...args) { return run(file, ['admin', ...args, ...storage], { env }); },
    /** `eipnet admin account create NAME [--multi-eip]`: the new account's id and AccessKey. */
    async createAccount(name, { multiEip = false } = {}) {
      const out = await this.admin('account', 'create', name, ...(multiEip ? ['--multi-eip'] : []));
      const created = JSON.parse(out.trim().split('\n').pop());
      return { accountId: created.AccountId, accessKeyId: created.AccessKeyId, accessKeySecret: created.AccessKeySecret };
    },
    async setQuota(accountId, quota, value) { await this.admin('quota', 'set', accountId, quota, String(value)); },
    /** SIGTERM, then SIGKILL after a grace period; removes the data directory (or drops the database). */
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => { if (!exited) child.kill('SIGKILL'); }, STOP_GRACE_MS);
        await exit;
        clearTimeout(killer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
      if (database) await database.drop();
    },
  };
  if (!outcome) {
    await server.stop();
    throw new Error(`eipnet server did not start within ${START_LIMIT_MS / 1000} s (exit: ${JSON.stringify(exited)}):\n${lines.join('\n')}`);
  }
  return server;
}

module.exports = { startServer, postgresConfigured, binary, REPO };
