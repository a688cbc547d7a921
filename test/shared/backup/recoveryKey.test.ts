import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatRecoveryKey,
  generateRecoveryKey,
  parseRecoveryKey,
  recoveryKeyId,
  RECOVERY_KEY_BYTES,
} from '@shared/backup';

const keyArb = fc.uint8Array({ minLength: RECOVERY_KEY_BYTES, maxLength: RECOVERY_KEY_BYTES });
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('the recovery key', () => {
  it('is printed as 8 groups of 5 and read back exactly', () => {
    fc.assert(
      fc.property(keyArb, (key) => {
        const text = formatRecoveryKey(key);
        expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$/);
        expect(parseRecoveryKey(text)).toEqual({ ok: true, key: new Uint8Array(key) });
      }),
    );
  });

  it('is read as people type it: lower case, spaces, O for 0, I or L for 1', () => {
    const text = formatRecoveryKey(generateRecoveryKey());
    const typed = text.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o').replaceAll('1', 'l');
    expect(parseRecoveryKey(`  ${typed} `)).toEqual(parseRecoveryKey(text));
  });

  it('names the group of any one mistyped character', () => {
    fc.assert(
      fc.property(keyArb, fc.nat(39), fc.integer({ min: 1, max: 31 }), (key, position, shift) => {
        const text = formatRecoveryKey(key).replaceAll('-', '');
        const old = ALPHABET.indexOf(text[position]!);
        const typo = `${text.slice(0, position)}${ALPHABET[(old + shift) % 32]}${text.slice(position + 1)}`;
        expect(parseRecoveryKey(typo)).toEqual({ ok: false, group: Math.floor(position / 5) + 1 });
      }),
    );
  });

  it('catches two groups typed in each other’s place', () => {
    fc.assert(
      fc.property(keyArb, fc.nat(7), fc.nat(7), (key, a, b) => {
        fc.pre(a !== b);
        const groups = formatRecoveryKey(key).split('-');
        fc.pre(groups[a] !== groups[b]);
        [groups[a], groups[b]] = [groups[b]!, groups[a]!];
        expect(parseRecoveryKey(groups.join('-')).ok).toBe(false);
      }),
    );
  });

  it('refuses a key of the wrong length', () => {
    expect(parseRecoveryKey('')).toEqual({ ok: false, group: null });
    expect(parseRecoveryKey(formatRecoveryKey(generateRecoveryKey()).slice(0, -1))).toEqual({
      ok: false,
      group: null,
    });
    expect(() => formatRecoveryKey(new Uint8Array(19))).toThrow(RangeError);
  });

  it('has a short id, the same for the same key, different for another', async () => {
    const a = generateRecoveryKey();
    const b = generateRecoveryKey();
    expect(await recoveryKeyId(a)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await recoveryKeyId(a)).toBe(await recoveryKeyId(new Uint8Array(a)));
    expect(await recoveryKeyId(a)).not.toBe(await recoveryKeyId(b));
  });
});
