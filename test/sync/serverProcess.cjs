// A CouchDB-protocol server for the sync tests, run as its own process by server.ts so a test
// can kill it (SIGKILL) mid-sync and start it again on the same data. express 4 +
// express-pouchdb (the CouchDB HTTP API: _changes, _revs_diff, _bulk_docs, _bulk_get, _local,
// _session, _users, _security, validate_doc_update) over PouchDB's LevelDB adapter in a
// folder (survives a kill) or its memory adapter. Only ever listens on 127.0.0.1.
//
// Input: one JSON argument {port, dir | null, admin: {name, password}, corsOrigins: [...]}.
// The server admin is written into the config file before start (as CouchDB's local.ini
// [admins]): changing admins on a running express-pouchdb trips over its own users database.
// Output: one JSON line {"port": N} on stdout once it listens.
'use strict';

const express = require('express');
const expressPouchDb = require('express-pouchdb');
const PouchDB = require('pouchdb-core');

const options = JSON.parse(process.argv[2] || '{}');
const adapter = options.dir ? 'leveldb' : 'memory';
PouchDB.plugin(options.dir ? require('pouchdb-adapter-leveldb') : require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-replication'));
// LevelDB folders are made relative to the working directory (a `prefix` confuses
// express-pouchdb's system databases).
if (options.dir) process.chdir(options.dir);
const ServerPouch = PouchDB.defaults({ adapter });

const fs = require('node:fs');
const configDir =
  options.dir ||
  fs.mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'tizilim-couch-config-'));
const configPath = require('node:path').join(configDir, 'config.json');
if (!fs.existsSync(configPath) && options.admin) {
  fs.writeFileSync(
    configPath,
    JSON.stringify({ admins: { [options.admin.name]: options.admin.password } }),
  );
}

// CouchDB names the database in validate_doc_update's userCtx (`userCtx.db`); express-pouchdb
// means to (its makeOpts) but reads a property PouchDB 9 no longer has.
const pouchUtils = require('express-pouchdb/lib/utils');
const makeOpts = pouchUtils.makeOpts;
pouchUtils.makeOpts = (req, startOpts) => {
  const opts = makeOpts(req, startOpts);
  if (opts.userCtx && req.db && typeof req.db.name === 'string') opts.userCtx.db = req.db.name;
  return opts;
};

const app = express();
// The benchmark's view of the server: TIZILIM_SYNC_SERVER_TIMING=<file> keeps the time spent
// answering each endpoint (from the request to the end of the response) in that JSON file.
const timingFile = process.env.TIZILIM_SYNC_SERVER_TIMING;
if (timingFile) {
  const totals = {};
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    const kind = (/\/(_[a-z_]+)/.exec(req.path.replace(/^\/[^/_][^/]*/, '')) || [])[1] || 'other';
    res.on('finish', () => {
      const t = (totals[`${req.method} ${kind}`] ??= { requests: 0, ms: 0 });
      t.requests += 1;
      t.ms += Number(process.hrtime.bigint() - started) / 1e6;
    });
    next();
  });
  setInterval(() => fs.writeFileSync(timingFile, JSON.stringify(totals)), 1_000).unref();
}
// CouchDB's [cors] section (docs/sync-server.md): the browser build and Electron's app://
// origin call the server from another origin. express-pouchdb has no CORS of its own.
const origins = new Set(options.corsOrigins || []);
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && (origins.has(origin) || origins.has('*'))) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, DELETE, COPY');
      res.setHeader(
        'Access-Control-Allow-Headers',
        'accept, authorization, content-type, origin, referer, x-csrf-token',
      );
      res.setHeader('Access-Control-Max-Age', '600');
      res.statusCode = 204;
      res.end();
      return;
    }
  }
  next();
});
// Two faults of express-pouchdb's _bulk_docs that CouchDB does not have, worked around here:
// - it runs before the security middleware has read the database's security object, so
//   validate_doc_update would see an empty secObj (read it here first, where
//   pouchdb-security keeps it);
// - pouchdb-validation overwrites each incoming document's `_revisions` with the stored
//   document's before writing it, so a replicated revision (`new_edits: false`) on top of an
//   existing one is silently dropped; the incoming ancestry is kept by ignoring that write.
app.post('/:db/_bulk_docs', express.json({ limit: '512mb' }), (req, _res, next) => {
  if (req.params.db.startsWith('_')) return next();
  for (const doc of (req.body && Array.isArray(req.body.docs) && req.body.docs) || []) {
    if (!doc || typeof doc !== 'object' || !doc._revisions) continue;
    const revisions = doc._revisions;
    Object.defineProperty(doc, '_revisions', {
      get: () => revisions,
      set() {
        // pouchdb-validation's overwrite is ignored.
      },
      enumerable: true,
      configurable: true,
    });
  }
  new ServerPouch(req.params.db)
    .get('_local/_security')
    .then(
      (doc) => {
        req.couchSecurityObj = doc.security || {};
      },
      () => undefined,
    )
    .then(() => next(), next);
});
app.use(
  expressPouchDb(ServerPouch, {
    configPath,
    mode: 'fullCouchDB',
    logPath: require('node:os').tmpdir() + `/tizilim-sync-server-${process.pid}.log`,
    overrideMode: { exclude: ['routes/fauxton', 'routes/http-log'] },
  }),
);

const server = app.listen(options.port || 0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
});
// Idle connections stay open a minute (Node's default is 5 s): a test runner busy for a few
// seconds between two requests would otherwise write into a socket the server just closed.
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;
const sockets = new Set();
server.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});
process.on('SIGTERM', () => {
  for (const socket of sockets) socket.destroy();
  server.close(() => process.exit(0));
});
// The parent's end of stdin closes when the parent dies: never outlive the test.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
