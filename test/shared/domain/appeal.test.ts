import { describe, expect, it } from 'vitest';

import {
  APPEAL_DERIVED_FIELDS,
  appealInputSchema,
  appealObjectSchema,
  appealSchema,
  formatRegNo,
  isDecidedStatus,
  parseRegNo,
  regNoSchema,
} from '@shared/domain/appeal';
import { newId } from '@shared/ids';
import { appealFixture, decidedAppealFixture, issueCodes } from './fixtures';

describe('appealSchema', () => {
  it('parses a realistic collective complaint written in Kazakh', () => {
    const appeal = appealFixture();
    const parsed = appealSchema.parse(appeal);
    expect(parsed).toEqual(appeal);
  });

  it('parses a decided and a closed appeal', () => {
    expect(issueCodes(appealSchema.safeParse(decidedAppealFixture()))).toEqual([]);
    const closed = decidedAppealFixture({
      status: 'closed',
      applicantInformedAt: '2026-03-13T11:00',
      informedVia: 'phone',
    });
    expect(issueCodes(appealSchema.safeParse(closed))).toEqual([]);
  });

  it.each([
    ['collective without signatories', { signatories: null }, 'signatories: signatories_required'],
    ['collective with one signatory', { signatories: 1 }, 'signatories: signatories_required'],
    [
      'signatories on a personal appeal',
      { collective: false, signatories: 3 },
      'signatories: signatories_not_collective',
    ],
    [
      'not_resolved without a reason',
      { ...decidedFields('not_resolved'), notResolvedReason: null },
      'notResolvedReason: not_resolved_reason_required',
    ],
    [
      'a reason with another outcome',
      { ...decidedFields('resolved'), notResolvedReason: 'needs_budget' },
      'notResolvedReason: not_resolved_reason_unexpected',
    ],
    ['decided without an outcome', { ...decidedFields(null) }, 'outcome: outcome_required'],
    [
      'decided without a decision date',
      { ...decidedFields('resolved'), decidedOn: null },
      'decidedOn: decided_on_required',
    ],
    ['an outcome on an open appeal', { outcome: 'resolved' }, 'outcome: outcome_unexpected'],
    [
      'closed without informing the applicant',
      { ...decidedFields('explained'), status: 'closed' },
      'applicantInformedAt: applicant_informed_required',
    ],
    [
      'an extension without a reason',
      { extendedTo: '2026-04-30', extensionReason: '  ' },
      'extensionReason: extension_reason_required',
    ],
  ] as const)('rejects %s', (_name, overrides, expected) => {
    const result = appealSchema.safeParse(appealFixture(overrides));
    expect(issueCodes(result)).toEqual([expected]);
  });

  it('accepts a reasoned extension and a not_resolved outcome with its reason', () => {
    const appeal = appealFixture({
      ...decidedFields('not_resolved'),
      notResolvedReason: 'needs_budget',
      extendedTo: '2026-04-30',
      extensionReason: 'Жылу желісін жөндеуге бюджет қаражаты бөлінуі керек',
    });
    expect(issueCodes(appealSchema.safeParse(appeal))).toEqual([]);
  });

  it('rejects bad field values with message codes', () => {
    const result = appealSchema.safeParse(
      appealFixture({
        regNo: '26-42',
        receivedAt: '2026-02-30T10:00',
        registeredOn: '2026-3-2',
        channel: 'fax' as never,
        subject: '   ',
        text: 'x'.repeat(50_001),
        topic: 'Тұрғын үй',
        applicantId: 'not-a-uuid',
      }),
    );
    expect(issueCodes(result).sort()).toEqual(
      [
        'regNo: reg_no_invalid',
        'receivedAt: invalid_datetime',
        'registeredOn: invalid_date',
        'channel: invalid_option',
        'subject: required',
        'text: too_long',
        'topic: topic_id_invalid',
        'applicantId: invalid_id',
      ].sort(),
    );
  });

  it('trims text fields and turns empty optional texts into null', () => {
    const parsed = appealSchema.parse(
      appealFixture({ subject: '  Су жоқ  ', priorityReason: '   ', forwardedTo: '' }),
    );
    expect(parsed.subject).toBe('Су жоқ');
    expect(parsed.priorityReason).toBeNull();
    expect(parsed.forwardedTo).toBeNull();
  });

  it('keeps an anonymous appeal (no applicant)', () => {
    expect(appealSchema.safeParse(appealFixture({ applicantId: null })).success).toBe(true);
  });

  it('exposes the unrefined object schema for pick/omit', () => {
    expect(Object.keys(appealObjectSchema.shape)).toEqual(
      expect.arrayContaining([...APPEAL_DERIVED_FIELDS, 'id', 'version', 'deletedAt']),
    );
  });
});

describe('appealInputSchema', () => {
  const minimal = {
    receivedAt: '2026-03-02T10:15',
    channel: 'telegram',
    applicantId: newId(),
    subject: 'Аулада шам жанбайды',
    text: 'Сәтбаев көшесі 5-үйдің ауласында бір айдан бері көше шамдары жанбайды.',
    topic: 'improvement',
  } as const;

  it('fills defaults for everything a form may leave out', () => {
    const parsed = appealInputSchema.parse(minimal);
    expect(parsed.registeredOn).toBeUndefined();
    expect(parsed).toMatchObject({
      kind: 'application',
      collective: false,
      signatories: null,
      coApplicantIds: [],
      expectation: '',
      location: { locality: '', district: '', street: '', building: '' },
      priority: false,
      status: 'registered',
      outcome: null,
      tags: [],
      attachmentIds: [],
      inReport: false,
    });
  });

  it('has none of the repository-assigned fields', () => {
    const keys = Object.keys(appealInputSchema.parse(minimal));
    for (const field of [...APPEAL_DERIVED_FIELDS, 'id', 'createdAt', 'version']) {
      expect(keys).not.toContain(field);
    }
  });

  it('drops duplicate tags and ids', () => {
    const id = newId();
    const parsed = appealInputSchema.parse({
      ...minimal,
      tags: ['шам', 'шам', ' аула '],
      coApplicantIds: [id, id],
    });
    expect(parsed.tags).toEqual(['шам', 'аула']);
    expect(parsed.coApplicantIds).toEqual([id]);
  });

  it('applies the same cross-field rules', () => {
    expect(issueCodes(appealInputSchema.safeParse({ ...minimal, collective: true }))).toEqual([
      'signatories: signatories_required',
    ]);
    expect(
      issueCodes(
        appealInputSchema.safeParse({ ...minimal, status: 'decided', decidedOn: '2026-03-03' }),
      ),
    ).toEqual(['outcome: outcome_required']);
  });

  it('requires the applicant to be given explicitly (null for anonymous)', () => {
    const { applicantId: _omitted, ...withoutApplicant } = minimal;
    expect(issueCodes(appealInputSchema.safeParse(withoutApplicant))).toEqual([
      'applicantId: invalid_id',
    ]);
  });
});

describe('registry numbers', () => {
  it('formats and parses YYYY-NNNN with at least four digits', () => {
    expect(formatRegNo(2026, 42)).toBe('2026-0042');
    expect(formatRegNo(2026, 12345)).toBe('2026-12345');
    expect(parseRegNo(' 2026-0042 ')).toEqual({ year: 2026, sequence: 42 });
    expect(parseRegNo('2026-42')).toBeNull();
    expect(regNoSchema.safeParse('2026-12345').success).toBe(true);
    expect(regNoSchema.safeParse('2026-042').success).toBe(false);
  });

  it('accepts one spelling of a registry number only, within the year and the counter', () => {
    for (const ok of ['2026-0001', '2026-0042', '2026-9999', '2026-10000', '2000-999999']) {
      expect(regNoSchema.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of [
      '2025-00001', // the same number as 2025-0001, spelled twice
      '2026-01234',
      '2026-0000',
      '2026-1000000',
      '2026-1000000000000000000000',
      '1999-0001',
      '2101-0001',
      ' 2026-0042',
      '2026–0042',
    ]) {
      expect(issueCodes(regNoSchema.safeParse(bad)), bad).toEqual([': reg_no_invalid']);
    }
  });

  it('numbers an appeal in the year it was registered', () => {
    expect(
      issueCodes(
        appealSchema.safeParse(
          appealFixture({ regNo: '2025-0042', receivedAt: '2026-03-02T10:15' }),
        ),
      ),
    ).toEqual(['regNo: reg_no_year_mismatch']);
  });

  it('refuses control characters and bidi overrides in texts, and normalises Windows line ends', () => {
    for (const smuggled of ['\u0000', '\u001b[31m', '\u0007', '\u202e', '\u2066', '\u0085']) {
      expect(
        issueCodes(appealSchema.safeParse(appealFixture({ subject: `Жол${smuggled} жөндеу` }))),
      ).toEqual(['subject: control_chars']);
    }
    const parsed = appealSchema.parse(
      appealFixture({ text: 'Бірінші жол\r\nекінші жол\tкестемен' }),
    );
    expect(parsed.text).toBe('Бірінші жол\nекінші жол\tкестемен');
  });

  it('keeps a collective appeal’s signatories finite', () => {
    expect(issueCodes(appealSchema.safeParse(appealFixture({ signatories: 900_000_000 })))).toEqual(
      ['signatories: signatories_too_many'],
    );
  });

  it('knows which statuses carry a decision', () => {
    expect(isDecidedStatus('decided')).toBe(true);
    expect(isDecidedStatus('closed')).toBe(true);
    expect(isDecidedStatus('waiting_agency')).toBe(false);
  });
});

function decidedFields(outcome: 'resolved' | 'not_resolved' | 'explained' | null) {
  return {
    status: 'decided',
    outcome,
    outcomeSummary: 'Түсіндірме берілді',
    decidedOn: '2026-03-10',
  } as const;
}
