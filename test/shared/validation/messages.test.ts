import { describe, expect, it } from 'vitest';

import { IIN_ERROR_CODES } from '@shared/validation/iin';
import {
  GENERIC_MESSAGE_CODE,
  isMessageCode,
  MESSAGES,
  messageFor,
} from '@shared/validation/messages';
import { PHONE_ERROR_CODES } from '@shared/validation/phone';
import { WORKFLOW_ERROR_CODES } from '@shared/workflow/status';

describe('messages', () => {
  it('has a Kazakh and a Russian text for every code', () => {
    for (const [code, message] of Object.entries(MESSAGES)) {
      expect(message.kk.trim(), code).not.toBe('');
      expect(message.ru.trim(), code).not.toBe('');
      expect(message.kk, code).not.toBe(message.ru);
      expect(message.ru, code).toMatch(/[а-яё]/i);
    }
  });

  it('covers every code of the validators and the workflow', () => {
    for (const code of [...IIN_ERROR_CODES, ...PHONE_ERROR_CODES, ...WORKFLOW_ERROR_CODES]) {
      expect(isMessageCode(code), code).toBe(true);
    }
  });

  it('gives the IIN length message from the brief', () => {
    expect(messageFor('iin_length', 'kk')).toBe('ЖСН 12 цифрдан тұруы керек');
    expect(messageFor('iin_length', 'ru')).toBe('ИИН должен состоять из 12 цифр');
  });

  it('falls back to a generic message for unknown codes and zod defaults', () => {
    expect(messageFor('Invalid input: expected string, received number', 'kk')).toBe(
      MESSAGES[GENERIC_MESSAGE_CODE].kk,
    );
    expect(messageFor('toString', 'ru')).toBe(MESSAGES[GENERIC_MESSAGE_CODE].ru);
    expect(isMessageCode('constructor')).toBe(false);
  });
});
