/** The agency directory and the deputy inquiries behind the appeals' agency steps. */
import { formatDay, parseDay } from '../../calendar/dates';
import { toKzLocalDate } from '../../calendar/zone';
import {
  type Agency,
  type AppEvent,
  type Appeal,
  type Inquiry,
  type ResponseCheck,
  inquirySchema,
} from '../../domain';
import type { Lang } from '../../i18n/lang';
import { inquiryAnswerBy } from '../../workflow/deadlines';
import { formatInquiryNo } from '../../workflow/inquiries';
import { eventRecord } from '../generate';
import { AGENCIES, type Agency as AgencyName, districtAkimat } from '../phrases';
import { CITY_DISTRICTS } from '../places';
import { type OfficeState, stamped } from './core';

const INQUIRY_SUMMARIES: Readonly<Record<Lang, readonly string[]>> = {
  kk: [
    'Жұмыстар ағымдағы жылдың жоспарына енгізілгені хабарланды.',
    'Мердігер ұйымға тиісті нұсқау берілгені, жұмыс мерзімі көрсетілген.',
    'Мәселе тексеріліп, бұзушылықтар жойылғаны хабарланды.',
    'Қаржыландыру келесі жылдың бюджетіне ұсынылғаны көрсетілген.',
  ],
  ru: [
    'Сообщается, что работы включены в план текущего года.',
    'Подрядной организации дано поручение, указаны сроки работ.',
    'Вопрос проверен, сообщается об устранении нарушений.',
    'Указано, что финансирование предложено в бюджет следующего года.',
  ],
};

export function agencyDirectory(
  o: OfficeState,
  from: string,
): { records: Agency[]; byName: Map<AgencyName, Agency> } {
  const names: AgencyName[] = [
    ...Object.values(AGENCIES),
    ...Object.values(CITY_DISTRICTS).map((d) => districtAkimat(d)),
  ];
  const byName = new Map<AgencyName, Agency>();
  const records = names.map((name) => {
    const record: Agency = {
      ...stamped(o, `${from}T09:30`),
      name: { kk: name.kk, ru: name.ru },
      shortName: { kk: '', ru: '' },
      kind: /әкім/.test(name.kk)
        ? 'akimat'
        : /басқарма/.test(name.kk)
          ? 'akimat_department'
          : 'utility',
      parentId: null,
      headName: '',
      headPosition: { kk: '', ru: '' },
      address: '',
      phone: '',
      email: null,
      website: '',
      notes: '',
      retired: false,
    };
    byName.set(name, record);
    return record;
  });
  return { records, byName };
}

export function officeInquiries(
  o: OfficeState,
  appeals: readonly Appeal[],
  events: AppEvent[],
  agencies: Map<AgencyName, Agency>,
): { inquiries: Inquiry[]; counters: Map<number, number> } {
  const rng = o.rng;
  const counters = new Map<number, number>();
  const inquiries: Inquiry[] = [];
  const byAppeal = new Map<string, AppEvent[]>();
  for (const event of events) {
    if (event.type !== 'statusChanged') continue;
    const list = byAppeal.get(event.appealId);
    if (list) list.push(event);
    else byAppeal.set(event.appealId, [event]);
  }
  const added: AppEvent[] = [];
  for (const appeal of appeals) {
    const changes = byAppeal.get(appeal.id);
    if (!changes) continue;
    changes.sort((a, b) => a.at.localeCompare(b.at));
    for (let i = 0; i < changes.length; i++) {
      const sent = changes[i]!;
      if (sent.type !== 'statusChanged' || sent.data.action !== 'awaitAgency') continue;
      const answered = changes
        .slice(i + 1)
        .find((e) => e.type === 'statusChanged' && e.data.action === 'agencyAnswered');
      let agency: Agency | undefined;
      let lang: Lang = 'kk';
      for (const [name, record] of agencies) {
        if (sent.note.includes(name.kkDat)) agency = record;
        else if (sent.note.includes(name.ruTo)) {
          agency = record;
          lang = 'ru';
        }
        if (agency) break;
      }
      const outgoingDate = toKzLocalDate(new Date(sent.at));
      const year = Number(outgoingDate.slice(0, 4));
      const seq = (counters.get(year) ?? 0) + 1;
      counters.set(year, seq);
      const dueDate = inquiryAnswerBy(o.cal, outgoingDate);
      const receivedOn = answered ? toKzLocalDate(new Date(answered.at)) : null;
      // Some answers miss parts of the five-part structure (seed handout): the office flags them.
      const check: ResponseCheck = {
        reference: true,
        receipt: true,
        answer: true,
        furtherActions: true,
        conclusion: true,
      };
      if (rng.chance(0.18)) {
        check[rng.pick(['answer', 'furtherActions', 'conclusion', 'reference'] as const)] = false;
        if (rng.chance(0.3)) check.furtherActions = false;
      }
      const addressee = agency ? agency.name[lang] : lang === 'kk' ? 'Әкімдік' : 'Акимат';
      const id = rng.uuidv7(Date.parse(sent.at) + 1);
      // The agency's letter is dated between our letter and its arrival here.
      const theirDate =
        receivedOn === null
          ? null
          : formatDay(Math.max(parseDay(outgoingDate), parseDay(receivedOn) - rng.int(1, 3)));
      inquiries.push(
        inquirySchema.parse({
          id,
          createdAt: sent.at,
          updatedAt: answered?.at ?? sent.at,
          createdBy: sent.userId,
          updatedBy: answered?.userId ?? sent.userId,
          version: answered ? 3 : 2,
          deletedAt: null,
          // As the app numbers them (shared/workflow/inquiries.ts): the counter is
          // recomputed from these numbers on import.
          outgoingNo: formatInquiryNo(year, seq),
          outgoingDate,
          agencyId: agency?.id ?? null,
          addressee,
          appealIds: [appeal.id],
          subject:
            lang === 'kk'
              ? `Депутаттық сауал: ${appeal.subject}`.slice(0, 300)
              : `Депутатский запрос: ${appeal.subject}`.slice(0, 300),
          body:
            lang === 'kk'
              ? `${appeal.regNo} өтініш бойынша мәселені қарап, шара қолдануды және нәтижесі туралы хабарлауды сұраймын.`
              : `Прошу рассмотреть вопрос по обращению ${appeal.regNo}, принять меры и сообщить о результатах.`,
          templateId: null,
          language: lang,
          dueDate,
          status: receivedOn ? 'answered' : dueDate < o.today ? 'overdue' : 'sent',
          response:
            receivedOn === null
              ? null
              : {
                  receivedOn,
                  theirNo: `${String(rng.int(1, 9))}-${String(rng.int(10, 99))}/${String(rng.int(100, 9999))}`,
                  theirDate,
                  summary: rng.pick(INQUIRY_SUMMARIES[lang]),
                  attachmentIds: [],
                  check,
                },
          repeatOfId: null,
          assignee: appeal.assignee,
          notes: '',
        }),
      );
      // The appeal's history records the letter going out and its answer coming in.
      const letterEvent = (
        type: 'inquirySent' | 'responseReceived',
        step: { at: string; userId: string },
      ) =>
        eventRecord(
          {
            appealId: appeal.id,
            type,
            data: { inquiryId: id },
            now: step.at,
            userId: step.userId,
          },
          rng.uuidv7(Date.parse(step.at) + 2),
        );
      added.push(letterEvent('inquirySent', sent));
      if (answered) added.push(letterEvent('responseReceived', answered));
    }
  }
  events.push(...added);
  return { inquiries, counters };
}
