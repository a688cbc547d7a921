import { describe, expect, it } from 'vitest';

import { describeExportProblem, parseExportFile } from '@shared/export';
import { CORPUS_NOW, malformedExports, validSmallOffice } from '@test/fixtures/malformedExports';

const corpus = malformedExports();

describe('the malformed-file corpus', () => {
  it('has at least 80 variants covering every class of the issue', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(80);
    expect(new Set(corpus.map((v) => v.kind))).toEqual(
      new Set([
        'reference',
        'merge',
        'iin',
        'regNo',
        'counter',
        'derived',
        'size',
        'text',
        'attachment',
        'date',
        'envelope',
      ]),
    );
    expect(new Set(corpus.map((v) => v.name)).size).toBe(corpus.length);
  });

  it('starts from an office the import accepts', () => {
    expect(parseExportFile(validSmallOffice(), { now: CORPUS_NOW }).ok).toBe(true);
  });

  it.each(corpus.map((v) => [v.name, v] as const))('refuses %s, naming it', (_name, v) => {
    const before = typeof v.input === 'string' ? v.input : JSON.stringify(v.input);
    const result = parseExportFile(v.input, { now: CORPUS_NOW });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject(v.expected);
    // The message names the problem in both languages, never the generic fallback.
    for (const lang of ['kk', 'ru'] as const) {
      const text = describeExportProblem(result.problems[0]!, lang);
      expect(text).toMatch(/[а-яәғқңөұүһі]/i);
      expect(text).not.toMatch(/Недопустимое значение|Мән дұрыс емес/);
    }
    // The check is pure: the file it was given is exactly as it was.
    expect(typeof v.input === 'string' ? v.input : JSON.stringify(v.input)).toBe(before);
  });
});
