import { describe, expect, it } from 'vitest';
import { BACKUP_ERROR_CODES, describeBackupError } from '@shared/backup';
import { LANGS } from '@shared/i18n/lang';

describe('backup messages', () => {
  it('word every error in Kazakh and Russian, each its own sentence', () => {
    for (const lang of LANGS) {
      const texts = BACKUP_ERROR_CODES.map((code) => describeBackupError({ code }, lang));
      for (const text of texts) expect(text).toMatch(/^[А-ЯЁӘҒҚҢӨҰҮҺІ].*\.$/u);
      expect(new Set(texts).size).toBe(texts.length);
    }
    expect(describeBackupError({ code: 'wrong_password' }, 'kk')).toContain('Құпиясөз қате');
    expect(describeBackupError({ code: 'wrong_password' }, 'ru')).toContain('Неверный пароль');
  });

  it('name the mistyped group and the missing kind of key', () => {
    expect(
      describeBackupError({ code: 'invalid_recovery_key', info: { group: 3 } }, 'kk'),
    ).toContain('3-тобы');
    expect(
      describeBackupError({ code: 'invalid_recovery_key', info: { group: 3 } }, 'ru'),
    ).toContain('№ 3');
    const slot = (secret: 'password' | 'recovery', lang: 'kk' | 'ru') =>
      describeBackupError({ code: 'no_matching_key', info: { secret } }, lang);
    expect(slot('recovery', 'ru')).toContain('только паролем');
    expect(slot('password', 'ru')).toContain('только ключом');
    expect(slot('recovery', 'kk')).not.toBe(slot('password', 'kk'));
  });

  it('say that a file whose last segment is short may be cut off, not only changed', () => {
    const cut = (lang: 'kk' | 'ru') =>
      describeBackupError({ code: 'damaged', info: { partialEnd: true } }, lang);
    expect(cut('ru')).toContain('неполный или повреждён');
    expect(cut('kk')).toContain('толық емес немесе зақымдалған');
    for (const lang of ['kk', 'ru'] as const) {
      expect(cut(lang)).not.toBe(describeBackupError({ code: 'damaged' }, lang));
    }
  });
});
