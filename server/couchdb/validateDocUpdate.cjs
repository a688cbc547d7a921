// Tizilim's validate_doc_update (docs/sync-server.md). CouchDB runs it for every write to an
// office's database, replication included; design.cjs puts its source text into the design
// document. Written for CouchDB's JavaScript engine: no modules, no outside names.
// Tested in test/server/validateDocUpdate.test.ts by calling this very function.
'use strict';

module.exports = function (newDoc, oldDoc, userCtx, secObj) {
  // Copies of shared/sync's READABLE_SCHEMAS and SYNC_TABLES (CouchDB runs this function on
  // its own, without the app's modules): the test reads these two lists back from this source
  // and fails unless they equal the app's.
  var SCHEMAS = [1];
  var TABLES = [
    'settings',
    'applicants',
    'appeals',
    'events',
    'agencies',
    'inquiries',
    'receptions',
    'checklistTemplates',
    'templates',
    'initiatives',
    'planItems',
    'reportPublications',
    'feedbackRounds',
    'attachments',
    'counters',
  ];
  var NUMBER_KINDS = ['appeal', 'inquiry'];

  function has(list, value) {
    for (var i = 0; i < list.length; i++) if (list[i] === value) return true;
    return false;
  }
  function shares(a, b) {
    for (var i = 0; i < (a || []).length; i++) if (has(b || [], a[i])) return true;
    return false;
  }
  function isInt(value) {
    return typeof value === 'number' && Math.floor(value) === value && value >= 0;
  }

  var roles = userCtx.roles || [];
  var sec = secObj || {};
  var admins = sec.admins || {};
  var members = sec.members || {};
  var isServerAdmin = has(roles, '_admin');
  var isDbAdmin = has(admins.names || [], userCtx.name) || shares(roles, admins.roles);
  var isMember = has(members.names || [], userCtx.name) || shares(roles, members.roles);

  if (!isServerAdmin && !isDbAdmin && !isMember) {
    throw { forbidden: 'Only members of this office may write to its database.' };
  }
  if (newDoc._id.indexOf('_design/') === 0) {
    if (!isServerAdmin && !isDbAdmin)
      throw { forbidden: 'Only administrators change design documents.' };
    return;
  }
  // A deletion closes a branch (a resolved conflict's losing revision): it carries no body.
  if (newDoc._deleted === true) return;

  if (!has(SCHEMAS, newDoc.schema)) {
    throw { forbidden: 'Unknown schema version: ' + newDoc.schema + '. Update Tizilim.' };
  }

  var colon = newDoc._id.indexOf(':');
  var prefix = colon > 0 ? newDoc._id.slice(0, colon) : '';
  var rest = colon > 0 ? newDoc._id.slice(colon + 1) : '';

  if (prefix === 'numbers') {
    // numbers:<kind>:<year> — the office's number series, handed out in blocks.
    var parts = rest.split(':');
    if (
      newDoc.type !== 'numberBlocks' ||
      parts.length !== 2 ||
      !has(NUMBER_KINDS, parts[0]) ||
      !/^\d{4}$/.test(parts[1]) ||
      newDoc.kind !== parts[0] ||
      newDoc.year !== Number(parts[1])
    ) {
      throw { forbidden: 'A number series document is malformed.' };
    }
    if (!isInt(newDoc.next) || newDoc.next < 1 || !(newDoc.blocks instanceof Array)) {
      throw { forbidden: 'A number series document is malformed.' };
    }
    var oldBlocks = oldDoc && !oldDoc._deleted ? oldDoc.blocks || [] : [];
    var oldNext = oldDoc && !oldDoc._deleted ? oldDoc.next : 1;
    if (newDoc.next < oldNext || newDoc.blocks.length < oldBlocks.length) {
      throw { forbidden: 'Numbers handed out are never taken back.' };
    }
    var top = 0;
    for (var b = 0; b < newDoc.blocks.length; b++) {
      var block = newDoc.blocks[b];
      if (
        !block ||
        !isInt(block.from) ||
        !isInt(block.to) ||
        block.from < 1 ||
        block.to < block.from ||
        typeof block.device !== 'string' ||
        block.device === ''
      ) {
        throw { forbidden: 'A number block is malformed.' };
      }
      if (b < oldBlocks.length) {
        var old = oldBlocks[b];
        if (old.from !== block.from || old.to !== block.to || old.device !== block.device) {
          throw { forbidden: 'Numbers handed out are never taken back.' };
        }
      } else if (block.from < oldNext || block.from <= top) {
        throw { forbidden: 'A number block overlaps numbers already handed out.' };
      }
      if (block.to > top) top = block.to;
    }
    if (newDoc.next <= top) throw { forbidden: 'The series must continue after its last block.' };
    return;
  }

  // <table>:<record id> — one record of the office.
  if (!has(TABLES, prefix) || rest === '' || newDoc.table !== prefix) {
    throw { forbidden: 'Not a Tizilim record: ' + newDoc._id };
  }
  if (typeof newDoc.data !== 'object' || newDoc.data === null || newDoc.data instanceof Array) {
    throw { forbidden: 'A record must carry its data.' };
  }
  if (newDoc.data.id !== rest) throw { forbidden: 'The record id does not match the document id.' };
  // A member writes only the records of the office whose database this is.
  if (!isServerAdmin && typeof userCtx.db === 'string' && newDoc.office !== userCtx.db) {
    throw { forbidden: 'This record belongs to another office.' };
  }
};
