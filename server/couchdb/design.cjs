// The design document every office database holds (docs/sync-server.md): it marks the
// database as Tizilim's (the app's "test connection" looks for it) and carries the
// validate_doc_update function. `node scripts/couchdb-design.mjs` prints it as JSON.
'use strict';

const validateDocUpdate = require('./validateDocUpdate.cjs');

/** Document schema versions this design document accepts (shared/sync: SYNC_SCHEMA). */
const SCHEMAS = [1];

function designDocument() {
  return {
    _id: '_design/tizilim',
    tizilim: { format: 'tizilim-office', schemas: SCHEMAS },
    validate_doc_update: String(validateDocUpdate),
  };
}

/**
 * The secretariat's database (every office replicated into it): only its administrators and
 * the replicator write; members (the secretariat's staff) read.
 */
function secretariatValidate(newDoc, oldDoc, userCtx, secObj) {
  var roles = userCtx.roles || [];
  var admins = (secObj && secObj.admins) || {};
  function has(list, value) {
    for (var i = 0; i < (list || []).length; i++) if (list[i] === value) return true;
    return false;
  }
  var admin = has(roles, '_admin') || has(admins.names, userCtx.name);
  for (var r = 0; r < roles.length; r++) if (has(admins.roles, roles[r])) admin = true;
  if (!admin) throw { forbidden: 'The secretariat database is filled by replication only.' };
}

function secretariatDesignDocument() {
  return {
    _id: '_design/tizilim-secretariat',
    tizilim: { format: 'tizilim-secretariat', schemas: SCHEMAS },
    validate_doc_update: String(secretariatValidate),
  };
}

module.exports = { designDocument, secretariatDesignDocument, secretariatValidate, SCHEMAS };
