import { describe, expect, it } from 'vitest';

import { agencyInputSchema, agencyName, agencySchema } from '@shared/domain/agency';
import { attachmentSchema } from '@shared/domain/attachment';
import {
  checklistTemplateInputSchema,
  checklistTemplateSchema,
  DEFAULT_CHECKLIST_TEMPLATES,
} from '@shared/domain/checklist';
import { counterId, counterSchema } from '@shared/domain/counter';
import { draftSchema } from '@shared/domain/draft';
import {
  initiativeInputSchema,
  initiativeSchema,
  planItemInputSchema,
  planItemSchema,
} from '@shared/domain/initiative';
import {
  inquiryInputSchema,
  inquirySchema,
  isResponseComplete,
  missingResponseParts,
} from '@shared/domain/inquiry';
import {
  nextQueueNumber,
  queueEntrySchema,
  queueOrder,
  receptionInputSchema,
  receptionSchema,
} from '@shared/domain/reception';
import { templateInputSchema, templateSchema } from '@shared/domain/template';
import { newId } from '@shared/ids';
import { base, issueCodes, NOW } from './fixtures';

describe('Inquiry', () => {
  const input = {
    addressee: 'Қарағанды қаласы энергетика және ТКШ бөлімінің басшысы С.Қ. Нұрлановқа',
    subject: 'Абай көшесі 12-үйге ыстық су беру туралы',
    appealIds: [newId()],
  };

  it('parses a draft with defaults', () => {
    const parsed = inquiryInputSchema.parse(input);
    expect(parsed).toMatchObject({
      status: 'draft',
      language: 'kk',
      outgoingNo: null,
      response: null,
    });
  });

  it('requires the sending date once sent and a response once answered', () => {
    expect(issueCodes(inquiryInputSchema.safeParse({ ...input, status: 'sent' }))).toEqual([
      'outgoingDate: sent_date_required',
    ]);
    expect(
      issueCodes(
        inquiryInputSchema.safeParse({ ...input, status: 'answered', outgoingDate: '2026-03-03' }),
      ),
    ).toEqual(['response: response_required']);
  });

  it('parses a stored answered inquiry and checks the five-part answer', () => {
    const inquiry = inquirySchema.parse({
      ...base(),
      ...input,
      status: 'answered',
      outgoingNo: '12-04/117',
      outgoingDate: '2026-03-03',
      dueDate: '2026-03-25',
      response: {
        receivedOn: '2026-03-20',
        theirNo: '3-2/845',
        theirDate: '2026-03-19',
        summary: 'Құбыр 10 наурызда жөнделді.',
        check: {
          reference: true,
          receipt: true,
          answer: true,
          furtherActions: false,
          conclusion: true,
        },
      },
    });
    const check = inquiry.response?.check;
    expect(check && missingResponseParts(check)).toEqual(['furtherActions']);
    expect(check && isResponseComplete(check)).toBe(false);
    expect(
      isResponseComplete({
        reference: true,
        receipt: true,
        answer: true,
        furtherActions: true,
        conclusion: true,
      }),
    ).toBe(true);
  });
});

describe('Agency', () => {
  it('needs a name in at least one language and falls back between them', () => {
    expect(issueCodes(agencyInputSchema.safeParse({ name: { kk: '', ru: ' ' } }))).toEqual([
      'name: name_required',
    ]);
    const agency = agencySchema.parse({
      ...base(),
      ...agencyInputSchema.parse({
        name: { kk: '', ru: 'ТОО «Караганда Жылу»' },
        kind: 'utility',
        email: '',
        phone: '8 800 080 00 00',
      }),
    });
    expect(agency.email).toBeNull();
    expect(agencyName(agency, 'kk')).toBe('ТОО «Караганда Жылу»');
    expect(agencyName(agency, 'ru')).toBe('ТОО «Караганда Жылу»');
    expect(agencyName({ name: { kk: 'Әкімдік', ru: 'Акимат' } }, 'kk')).toBe('Әкімдік');
  });
});

describe('Reception', () => {
  const entry = (number: number, vulnerable = false) =>
    queueEntrySchema.parse({ id: newId(), number, arrivedAt: '2026-03-04T10:00', vulnerable });

  it('parses a planned reception with defaults', () => {
    const parsed = receptionInputSchema.parse({
      date: '2026-03-04',
      startTime: '10:00',
      endTime: '13:00',
      place: 'Қарағанды, Абай көшесі 12, №5 мектептің акт залы',
    });
    expect(parsed).toMatchObject({
      format: 'in_person',
      status: 'planned',
      queue: [],
      checklist: [],
    });
    expect(receptionSchema.safeParse({ ...base(), ...parsed }).success).toBe(true);
  });

  it('rejects an end before the start and a queue number used twice', () => {
    const result = receptionInputSchema.safeParse({
      date: '2026-03-04',
      startTime: '10:00',
      endTime: '09:30',
      place: 'Мектеп',
      queue: [entry(1), entry(1)],
    });
    expect(issueCodes(result)).toEqual([
      'endTime: end_before_start',
      'queue.1.number: queue_number_taken',
    ]);
  });

  it('calls vulnerable visitors first, then by arrival, without changing the input', () => {
    const queue = [entry(1), entry(2), entry(3, true), entry(4), entry(5, true)];
    const before = [...queue];
    expect(queueOrder(queue).map((e) => e.number)).toEqual([3, 5, 1, 2, 4]);
    expect(queue).toEqual(before);
    expect(nextQueueNumber(queue)).toBe(6);
    expect(nextQueueNumber([])).toBe(1);
  });
});

describe('ChecklistTemplate', () => {
  it('parses the built-in checklists', () => {
    for (const template of DEFAULT_CHECKLIST_TEMPLATES) {
      const parsed = checklistTemplateInputSchema.parse(template);
      expect(checklistTemplateSchema.safeParse({ ...base(), ...parsed }).success).toBe(true);
      for (const step of parsed.steps) {
        expect(step.text.kk).not.toBe('');
        expect(step.text.ru).not.toBe('');
      }
    }
    const meeting = DEFAULT_CHECKLIST_TEMPLATES.find((t) => t.key === 'meeting');
    expect(meeting?.steps).toHaveLength(7);
  });

  it('needs steps with unique ids', () => {
    const step = { id: 'a', text: { kk: 'Су', ru: 'Вода' } };
    const name = { kk: 'Тізім', ru: 'Список' };
    expect(issueCodes(checklistTemplateInputSchema.safeParse({ name, steps: [] }))).toEqual([
      'steps: steps_required',
    ]);
    expect(
      issueCodes(checklistTemplateInputSchema.safeParse({ name, steps: [step, step] })),
    ).toEqual(['steps.1.id: duplicate_key']);
  });
});

describe('Template', () => {
  const section = (key: string) => ({
    key,
    title: { kk: 'Сілтеме', ru: 'Ссылка' },
    body: { kk: '{{appeal.regNo}} өтінішіңіз бойынша', ru: 'По вашему обращению {{appeal.regNo}}' },
  });

  it('parses a letter template made of sections', () => {
    const parsed = templateInputSchema.parse({
      kind: 'reply',
      name: { kk: 'Өтініш берушіге жауап', ru: 'Ответ заявителю' },
      sections: [section('reference'), section('answer')],
    });
    expect(parsed).toMatchObject({ builtIn: false, key: null, copiedFromId: null });
    expect(templateSchema.safeParse({ ...base(), ...parsed }).success).toBe(true);
  });

  it('rejects duplicate and malformed section keys, an empty template and an unknown kind', () => {
    const name = { kk: 'Үлгі', ru: 'Шаблон' };
    expect(
      issueCodes(
        templateInputSchema.safeParse({
          kind: 'reply',
          name,
          sections: [section('a'), section('a')],
        }),
      ),
    ).toEqual(['sections.1.key: duplicate_key']);
    expect(
      issueCodes(
        templateInputSchema.safeParse({ kind: 'reply', name, sections: [section('1 bad')] }),
      ),
    ).toEqual(['sections.0.key: section_key_invalid']);
    expect(
      issueCodes(templateInputSchema.safeParse({ kind: 'memo', name, sections: [] })).sort(),
    ).toEqual(['kind: invalid_option', 'sections: sections_required']);
  });
});

describe('Initiative and PlanItem', () => {
  it('parse with defaults', () => {
    const initiative = initiativeInputSchema.parse({
      title: 'Абай көшесіндегі жылу желісін күрделі жөндеуді 2027 жылғы бюджетке енгізу',
      target: 'budget',
    });
    expect(initiative).toMatchObject({ status: 'draft', inReport: true, relatedAppealIds: [] });
    expect(initiativeSchema.safeParse({ ...base(), ...initiative }).success).toBe(true);

    const item = planItemInputSchema.parse({
      year: 2026,
      quarter: 2,
      title: 'Аулаларды абаттандыру',
    });
    expect(item).toMatchObject({ status: 'planned', order: 0, actions: { kk: '', ru: '' } });
    // A single string of an earlier version goes into the language it reads as.
    expect(item.title).toEqual({ kk: 'Аулаларды абаттандыру', ru: '' });
    expect(planItemSchema.safeParse({ ...base(), ...item }).success).toBe(true);
  });

  it('rejects an impossible quarter and year', () => {
    expect(
      issueCodes(planItemInputSchema.safeParse({ year: 1999, quarter: 5, title: 'x' })).sort(),
    ).toEqual(['quarter: quarter_invalid', 'year: year_invalid']);
  });
});

describe('Draft, Attachment, Counter', () => {
  it('parses a draft with any data', () => {
    const draft = {
      id: newId(),
      kind: 'intake',
      key: 'new',
      data: { text: 'Су жоқ', nested: [1] },
      updatedAt: NOW,
    };
    expect(draftSchema.parse(draft)).toEqual(draft);
  });

  it('requires an attachment to belong to an appeal or an inquiry and to carry its file', () => {
    const attachment = {
      ...base(),
      appealId: newId(),
      inquiryId: null,
      fileName: 'фото.jpg',
      mimeType: 'image/jpeg',
      size: 123_456,
      blob: new Uint8Array([1, 2, 3]),
    };
    expect(attachmentSchema.safeParse(attachment).success).toBe(true);
    expect(issueCodes(attachmentSchema.safeParse({ ...attachment, appealId: null }))).toEqual([
      'appealId: attachment_owner_required',
    ]);
    expect(
      issueCodes(attachmentSchema.safeParse({ ...attachment, blob: null, size: -1 })).sort(),
    ).toEqual(['blob: file_required', 'size: non_negative_int']);
  });

  it('names counters by kind and year', () => {
    expect(counterId('appeal', 2026)).toBe('appeal:2026');
    expect(counterSchema.safeParse({ id: counterId('inquiry', 2026), value: 0 }).success).toBe(
      true,
    );
    expect(issueCodes(counterSchema.safeParse({ id: 'appeal-2026', value: 1 }))).toEqual([
      'id: counter_id_invalid',
    ]);
  });
});
