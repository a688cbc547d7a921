/**
 * CouchDB revision ids and trees, as far as a client that keeps one branch per record needs
 * them (docs/sync.md, "Revisions"). A revision id is `N-hash`: N its depth in the record's
 * history, hash a digest of its parent and its body. Digests are computed by the caller
 * (WebCrypto SHA-256 in the renderer); everything here is pure.
 */
import { canonicalJson } from './documents';

/** How many ancestors a document sends along (`_revisions`); CouchDB keeps up to 1000. */
export const REVS_SENT = 100;

export function revDepth(rev: string): number {
  const dash = rev.indexOf('-');
  const depth = Number(rev.slice(0, dash));
  return Number.isInteger(depth) && depth > 0 ? depth : 0;
}

export function revHash(rev: string): string {
  return rev.slice(rev.indexOf('-') + 1);
}

/** Full revision ids of a document's `_revisions`, newest first. */
export function ancestryOf(revisions: { start: number; ids: string[] } | undefined, rev: string) {
  if (!revisions || revisions.ids.length === 0) return [rev];
  return revisions.ids.map((hash, i) => `${revisions.start - i}-${hash}`);
}

/** `_revisions` of a branch given as full revision ids, newest first. */
export function revisionsOf(ancestry: readonly string[]): { start: number; ids: string[] } {
  const kept = ancestry.slice(0, REVS_SENT);
  return { start: revDepth(kept[0]!), ids: kept.map(revHash) };
}

/**
 * The text whose digest names a new revision: its parent and its body. Two laptops that
 * write the same body on the same parent (the same merge, the same import) make the same
 * revision, so the server holds it once and no conflict appears.
 */
export function revisionSource(parent: string | null, body: unknown, deleted = false): string {
  return `${parent ?? ''}\n${deleted ? 'deleted' : canonicalJson(body)}`;
}

/** The id of a child of `parent` (or a first revision) whose digest is `hash`. */
export function childRev(parent: string | null, hash: string): string {
  return `${(parent ? revDepth(parent) : 0) + 1}-${hash}`;
}

/**
 * CouchDB's winning revision among a document's leaves: live before deleted, then the
 * deepest, then the greatest id. Every laptop and the server choose alike.
 */
export function winningLeaf<T extends { rev: string; deleted?: boolean }>(leaves: readonly T[]): T {
  return [...leaves].sort((a, b) => {
    if (!!a.deleted !== !!b.deleted) return a.deleted ? 1 : -1;
    const depth = revDepth(b.rev) - revDepth(a.rev);
    if (depth !== 0) return depth;
    return a.rev < b.rev ? 1 : a.rev > b.rev ? -1 : 0;
  })[0]!;
}

/** The newest revision both branches share (each given newest first), or null. */
export function commonAncestor(a: readonly string[], b: readonly string[]): string | null {
  const inB = new Set(b);
  return a.find((rev) => inB.has(rev)) ?? null;
}
