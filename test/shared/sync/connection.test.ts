import { describe, expect, it } from 'vitest';
import {
  checkDatabaseName,
  checkServerAddress,
  classifyDatabaseAnswer,
  classifyDesignAnswer,
  classifySessionAnswer,
  redactAddress,
} from '@shared/sync';

describe('server address and database', () => {
  it('wants https, allows http only on this computer, refuses credentials in the address', () => {
    expect(checkServerAddress(' https://sync.maslikhat.kz/ ')).toEqual({
      ok: true,
      url: 'https://sync.maslikhat.kz',
    });
    expect(checkServerAddress('http://127.0.0.1:5984')).toEqual({
      ok: true,
      url: 'http://127.0.0.1:5984',
    });
    expect(checkServerAddress('http://10.0.0.5:5984')).toEqual({
      ok: false,
      problem: 'address_insecure',
    });
    expect(checkServerAddress('https://aigul:secret@sync.maslikhat.kz')).toEqual({
      ok: false,
      problem: 'address_invalid',
    });
    expect(checkServerAddress('sync.maslikhat.kz')).toEqual({
      ok: false,
      problem: 'address_invalid',
    });
    expect(checkServerAddress('ftp://sync.maslikhat.kz')).toEqual({
      ok: false,
      problem: 'address_invalid',
    });
  });

  it('database names follow CouchDB', () => {
    expect(checkDatabaseName('office-almaty-7')).toBe(true);
    expect(checkDatabaseName('Office')).toBe(false);
    expect(checkDatabaseName('_users')).toBe(false);
  });

  it('an address to show never holds a password', () => {
    expect(redactAddress('https://aigul:secret@sync.maslikhat.kz/base?x=1')).toBe(
      'https://sync.maslikhat.kz/base',
    );
    expect(redactAddress('not a url //aigul:secret@host')).not.toContain('secret');
  });
});

describe('what "test connection" answers', () => {
  it('tells a wrong password from a user with no rights', () => {
    expect(
      classifySessionAnswer({ status: 401, body: { reason: 'Name or password is incorrect.' } }),
    ).toBe('wrong_password');
    expect(
      classifySessionAnswer({ status: 200, body: { userCtx: { name: null, roles: [] } } }),
    ).toBe('wrong_password');
    expect(
      classifySessionAnswer({ status: 200, body: { userCtx: { name: 'aigul', roles: [] } } }),
    ).toBeNull();
    expect(classifySessionAnswer({ status: 200, body: '<html>' })).toBe('not_couchdb');
    expect(
      classifyDatabaseAnswer({ status: 401, body: { reason: 'Name or password is incorrect.' } }),
    ).toBe('wrong_password');
    expect(
      classifyDatabaseAnswer({
        status: 401,
        body: { reason: 'You are not authorized to access this db.' },
      }),
    ).toBe('no_rights');
    expect(classifyDatabaseAnswer({ status: 403, body: { reason: 'forbidden' } })).toBe(
      'no_rights',
    );
    expect(classifyDatabaseAnswer({ status: 404, body: {} })).toBe('no_database');
    expect(classifyDatabaseAnswer({ status: 500, body: {} })).toBe('server_error');
    expect(classifyDatabaseAnswer({ status: 200, body: {} })).toBeNull();
  });

  it('knows a Tizilim database by its design document', () => {
    const design = (schemas: number[]) => ({
      status: 200,
      body: { tizilim: { format: 'tizilim-office', schemas } },
    });
    expect(classifyDesignAnswer(design([1]), [1])).toBeNull();
    expect(classifyDesignAnswer(design([2]), [1])).toBe('newer_format');
    expect(classifyDesignAnswer({ status: 404, body: {} }, [1])).toBe('not_tizilim');
    expect(classifyDesignAnswer({ status: 200, body: { views: {} } }, [1])).toBe('not_tizilim');
  });
});
