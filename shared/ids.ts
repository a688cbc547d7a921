import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';

/**
 * A new record id. UUIDv7 starts with a millisecond timestamp, so ids sort by creation time
 * and IndexedDB's B-tree stays append-mostly.
 */
export function newId(): string {
  return uuidv7();
}

export const idSchema = z.uuid({ version: 'v7', error: 'invalid_id' });
export type Id = z.infer<typeof idSchema>;
