import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agreedSeq,
  ancestryOf,
  childRev,
  commonAncestor,
  revDepth,
  revisionSource,
  revisionsOf,
  winningLeaf,
  type CheckpointDoc,
} from '@shared/sync';

describe('revision ids and branches', () => {
  it('reads and writes `_revisions` ancestry', () => {
    const ancestry = ancestryOf({ start: 3, ids: ['c', 'b', 'a'] }, '3-c');
    expect(ancestry).toEqual(['3-c', '2-b', '1-a']);
    expect(revisionsOf(ancestry)).toEqual({ start: 3, ids: ['c', 'b', 'a'] });
    expect(ancestryOf(undefined, '5-x')).toEqual(['5-x']);
    expect(childRev(null, 'ab')).toBe('1-ab');
    expect(childRev('4-zz', 'ab')).toBe('5-ab');
    expect(revDepth('12-f00')).toBe(12);
  });

  it('names a revision by its parent and body only', () => {
    const body = { table: 'appeals', schema: 1, data: { id: 'x', subject: 'Су' } };
    const same = { data: { subject: 'Су', id: 'x' }, schema: 1, table: 'appeals' };
    expect(revisionSource('1-a', body)).toBe(revisionSource('1-a', same));
    expect(revisionSource('1-a', body)).not.toBe(revisionSource('1-b', body));
    expect(revisionSource('1-a', null, true)).not.toBe(revisionSource('1-a', body));
  });

  it('chooses the winning leaf as CouchDB does, whatever the order', () => {
    const leaves = [
      { rev: '3-aa' },
      { rev: '3-bb' },
      { rev: '4-00', deleted: true },
      { rev: '2-ff' },
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(leaves, { minLength: 4, maxLength: 4 }), (order) => {
        expect(winningLeaf(order).rev).toBe('3-bb');
      }),
    );
    expect(
      winningLeaf([
        { rev: '1-a', deleted: true },
        { rev: '2-b', deleted: true },
      ]).rev,
    ).toBe('2-b');
  });

  it('finds the newest common ancestor of two branches', () => {
    expect(commonAncestor(['4-d', '3-c', '2-b', '1-a'], ['3-x', '2-b', '1-a'])).toBe('2-b');
    expect(commonAncestor(['1-a'], ['1-b'])).toBeNull();
  });

  it('resumes from the sequence both checkpoints agree on', () => {
    const doc = (session: string, seq: number, history: [string, number][]): CheckpointDoc => ({
      _id: '_local/x',
      session_id: session,
      last_seq: seq,
      history: history.map(([session_id, last_seq]) => ({ session_id, last_seq })),
      replicator: 'tizilim',
      version: 1,
    });
    expect(agreedSeq(null, doc('s', 5, []))).toBe(0);
    expect(
      agreedSeq(
        doc('s2', 9, [
          ['s2', 9],
          ['s1', 4],
        ]),
        doc('s2', 9, [['s2', 9]]),
      ),
    ).toBe(9);
    // The target lost its last checkpoint (a restored server): the older shared session.
    expect(
      agreedSeq(
        doc('s2', 9, [
          ['s2', 9],
          ['s1', 4],
        ]),
        doc('s1', 4, [['s1', 4]]),
      ),
    ).toBe(4);
    expect(agreedSeq(doc('s2', 9, [['s2', 9]]), doc('s3', 2, [['s3', 2]]))).toBe(0);
  });
});
