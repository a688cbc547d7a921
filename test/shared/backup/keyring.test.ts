import { describe, expect, it } from 'vitest';
import {
  formatRecoveryKey,
  generateRecoveryKey,
  openRecoveryKey,
  recoveryKeyId,
  sealRecoveryKey,
} from '@shared/backup';
import { FAST, PASSWORD } from './helpers';

describe('the sealed recovery key', () => {
  it('opens with the password or the key itself, and with nothing else', async () => {
    const key = generateRecoveryKey();
    const sealed = await sealRecoveryKey(PASSWORD, key, FAST);
    expect(sealed.recoveryKeyId).toBe(await recoveryKeyId(key));
    expect(JSON.stringify(sealed)).not.toContain(formatRecoveryKey(key).slice(0, 5));
    expect(await openRecoveryKey(sealed, { password: PASSWORD })).toEqual(key);
    // «й» typed as one letter or as «и» with a breve is the same password.
    const composed = 'Жайлау-2026 кеңсе';
    expect(composed.normalize('NFD')).not.toBe(composed);
    const withY = await sealRecoveryKey(composed, key, FAST);
    expect(await openRecoveryKey(withY, { password: composed.normalize('NFD') })).toEqual(key);
    expect(await openRecoveryKey(sealed, { recoveryKey: formatRecoveryKey(key) })).toEqual(key);
    await expect(openRecoveryKey(sealed, { password: 'басқа құпиясөз' })).rejects.toMatchObject({
      code: 'wrong_password',
    });
    await expect(
      openRecoveryKey(sealed, { recoveryKey: formatRecoveryKey(generateRecoveryKey()) }),
    ).rejects.toMatchObject({
      code: 'wrong_recovery_key',
    });
    await expect(openRecoveryKey(sealed, { recoveryKey: 'ABC' })).rejects.toMatchObject({
      code: 'invalid_recovery_key',
    });
    await expect(sealRecoveryKey('қысқа', key, FAST)).rejects.toMatchObject({
      code: 'weak_password',
    });
  });
});
