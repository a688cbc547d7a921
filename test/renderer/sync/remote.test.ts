import { describe, expect, it } from 'vitest';
import { RemotePeer, SyncNetworkError } from '@renderer/sync/remote';

/** A server whose answer breaks off after its status line (it stopped mid-answer). */
function cutOff(): typeof fetch {
  return async () =>
    new Response(
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"results":[{"id":"appeals:'));
          controller.error(new TypeError('network error'));
        },
      }),
      { status: 200, headers: { 'Content-Type': 'application/json' } },
    );
}

describe('the server as the sync reads it', () => {
  it('an answer cut off halfway is the network gone, not a broken document', async () => {
    const remote = new RemotePeer({
      server: 'http://127.0.0.1:5984',
      database: 'office-1',
      credentials: { user: 'aigul', password: 'Aigul-2026!' },
      fetch: cutOff(),
    });
    await expect(remote.changes(0, 10)).rejects.toBeInstanceOf(SyncNetworkError);
    await expect(remote.waitForChange(0, 1_000)).rejects.toBeInstanceOf(SyncNetworkError);
    const failure = await remote.changes(0, 10).catch((error: unknown) => error);
    expect((failure as Error).message).toBe('server unreachable');
  });
});
