/**
 * A small office, written out by hand, for the report of 2026-Q3 (1 July – 30 September 2026)
 * produced on 2026-11-22. Every expected number of report.test.ts is worked out below from
 * these records and the 2026 calendar (days off on weekdays in the period: Mon 6 July,
 * Capital Day; Mon 31 August, Constitution Day moved from Sunday 30 August).
 *
 * Deadlines (15 working days, counting from the day after registration), by hand:
 *   P1 reg 10.04 → 13–17, 20–24, 27–30.04, 4.05 (1 May off) → 04.05
 *   P2 reg 15.05 → 18–22, 25, 26, 28, 29.05 (27 May, Kurban Ait, off), 1–5, 8.06 → 08.06
 *   P3 reg 25.06 → 26,29,30.06, 1,2,3,7,8,9,10,13,14,15,16,17.07 → 17.07
 *   P4 reg 30.06 → 1,2,3,7,8,9,10,13,14,15,16,17,20,21,22.07 → 22.07
 *   A1 reg 01.07 → 2,3,7,8,9,10,13,14,15,16,17,20,21,22,23.07 → 23.07
 *   A2 reg 07.07 → 8,9,10,13,14,15,16,17,20,21,22,23,24,27,28.07 → 28.07, extended to 20.08
 *   A3 reg 15.07 → 16,17,20–24,27–31.07, 3,4,5.08 → 05.08
 *   A11 reg 20.07 → 21–24,27–31.07, 3–7,10.08 → 10.08
 *   A4 reg 03.08 → 4–7,10–14,17–21,24.08 → 24.08
 *   A5 reg 12.08 → 13,14,17–21,24–28.08, 1,2,3.09 → 03.09 (31.08 is off)
 *   A6 reg 01.09 → 2,3,4,7–11,14–18,21,22.09 → 22.09
 *   A7 reg 10.09 → 11,14–18,21–25,28,29,30.09, 1.10 → 01.10
 *   A12 reg 14.09 → 15–18,21–25,28–30.09, 1,2,5.10 → 05.10
 *   A8 reg 30.09 → 1,2,5–9,12–16,19,20,21.10 → 21.10
 *
 * Appeals of Q3 (registeredOn in the quarter, not deleted): A1 A2 A3 A11 A4 A5 A6 A7 A12 A8
 *   = 10. A9 arrived on 30.09 at 19:00, after hours → registered 01.10 → Q4. A10 is deleted.
 * Appeals of Q2: P1 P2 P3 P4 = 4 (P5 deleted). Change: +6, +150 %.
 * By topic: housing A1 A2 A3 A8 = 4 (40 %); water A5 A7 = 2; roads A4 A12 = 2; health A11 = 1;
 *   ecology A6 = 1 → housing 4, water <3, roads <3, health <3, ecology <3 (ties in settings
 *   order: water before roads, health before ecology).
 * By channel: reception A1 A7 A12 = 3 (30 %); letter A2 A11 = 2; email A8, phone A5,
 *   telegram A4, website A6, eotinish A3 = 1 each (enum order).
 * By kind: application A1 A7 A11 A12 = 4; complaint A2 A3 A8 = 3; proposal A4, information
 *   request A5, report A6 = 1 each.
 * Collective: A4 (25 signatories), A5 (40) → 2 appeals, 65 signatories. Priority: A7 → 1.
 *   Anonymous: A6 → 1.
 * By month: July A1 A2 A3 A11 = 4; August A4 A5 = 2; September A6 A7 A12 A8 = 4.
 * By place (street level, at least 3): «Астана, Сарыарқа ауданы, Кенесары көшесі» A1 A2 A3 A8
 *   = 4 (A2 spelled «кенесары  көшесі » – same place); Абай даңғылы A4 A12 = 2, Бейбітшілік
 *   A5 A7 = 2, Есіл ауданы (no street) A11 = 1 → other places 5; no place: A6 → 1.
 *   At district level: Сарыарқа 6 (A1 A2 A3 A8 A4 A12); Алматы 2 + Есіл 1 → other 3.
 * Receptions: R1 15.07 held (3 in the queue, one left → 2 visitors), R2 10.09 held (2
 *   visitors), R3 20.08 cancelled, R4 20.06 (Q2), R5 deleted → held 2, visitors 4, cancelled
 *   1, months without: August; per month 2/3 = 0.7. Appeals at receptions (channel): 3.
 * Decided in Q3 (decidedOn in the quarter): P3 08.07 resolved, A1 10.07 resolved, A2 14.08
 *   resolved, A3 20.08 partially, A4 10.08 explained, A5 13.08 withdrawn, A6 02.09 not
 *   considered, A7 25.09 not resolved (needs budget), A11 30.09 forwarded = 9 (A12 was
 *   decided on 05.10, in Q4). Resolved 3 (33,3 %), partially 1, the rest 1 each → "<3".
 * Within the deadline (withdrawn A5 and not considered A6 left out → 7): P3 08.07 ≤ 17.07 ✓,
 *   A1 10.07 ≤ 23.07 ✓, A2 14.08 ≤ 20.08 (extended) ✓, A3 20.08 > 05.08 ✗, A4 10.08 ≤ 24.08 ✓,
 *   A7 25.09 ≤ 01.10 ✓, A11 30.09 > 10.08 ✗ → 5 of 7 = 71,4 %. Extended: A2 → 1.
 * Working days to decision: P3 8, A1 6, A2 28, A3 26, A4 5, A7 11, A11 51
 *   → 5 6 8 11 26 28 51 → median 11.
 * First contact within 72 h (appeals of Q3 with an applicant: all but A6 → 9): A3 never
 *   contacted (late), A8 contacted 05.10 10:00 after 03.10 10:00 (late), the other 7 in time
 *   → 7 of 9 = 77,8 %.
 * Inquiries sent in Q3: I1 16.07 answered 01.08 ≤ due 06.08 (on time); I2 03.08 no due date
 *   → 24.08, answered 28.08 (late); I3 01.09 due 22.09 unanswered (overdue on 22.11); I4
 *   29.09 due 30.11 unanswered (awaiting). I5 draft, I6 sent in Q2, I7 deleted.
 *   → sent 4, answered 2, on time 1, overdue 1, awaiting 1, share 1 of 3 = 33,3 %.
 * Unresolved: open at the end of 30.09 (registered by then, undecided by then): P4 (due 22.07
 *   → overdue), A8 (due 21.10), A12 (due 05.10, decided only on 05.10) → 3, overdue 1; not
 *   resolved in Q3: A7 → 1. Total 4. Reasons: within 2 → <3, overdue 1 → <3, needs budget 1
 *   → <3, the other reasons 0.
 *   Summaries: A7 (water) and P4 (roads, open, no outcome); A12's summary of its later
 *   decision is not shown, A8 is not in the report.
 * Resolved summaries: housing A1, A2 (A3 is blocked: a phone number); roads P3 (A4 blocked:
 *   the applicant's name); health A11.
 * Initiatives of Q3 (in report, not draft, submitted in the quarter): N3 05.07, N1 15.08;
 *   N6 (a house number in its result) is blocked; N2 draft, N4 not in report, N5 in Q2.
 * Plan for Q4: L2 (order 1), L1 (order 2); L3 dropped, L4 for 2027-Q1, L5 not in report.
 * Blocked: A3 (phone), A4 (name), N6 (address).
 */
import type { Appeal, BilingualText } from '@shared/domain';
import { asBilingual, defaultSettingsData } from '@shared/domain';
import type {
  ReportAppeal,
  ReportInitiative,
  ReportInput,
  ReportInquiry,
  ReportPlanItem,
  ReportReception,
} from '@shared/report';

export const TODAY = '2026-11-22';
export const QUARTER = '2026-Q3';

const EMPTY = { locality: '', district: '', street: '', building: '' };
const KENESARY = {
  locality: 'Астана',
  district: 'Сарыарқа ауданы',
  street: 'Кенесары көшесі',
  building: '12',
};
const ABAI = {
  locality: 'Астана',
  district: 'Сарыарқа ауданы',
  street: 'Абай даңғылы',
  building: '40',
};
const BEIBITSHILIK = {
  locality: 'Астана',
  district: 'Алматы ауданы',
  street: 'Бейбітшілік көшесі',
  building: '7',
};

type AppealFields = Partial<Omit<ReportAppeal, 'publicSummary'>> &
  Pick<ReportAppeal, 'id' | 'regNo' | 'receivedAt' | 'registeredOn' | 'decideBy'> & {
    /** A single string is Kazakh only (as an office of an earlier version typed it). */
    publicSummary?: string | BilingualText;
  };

/** A Kazakh-only public text, as an earlier version stored it. */
export function kkOnly(text: string): BilingualText {
  return { kk: text, ru: '' };
}

function appeal(fields: AppealFields): ReportAppeal {
  const { publicSummary, ...rest } = fields;
  return {
    deletedAt: null,
    channel: 'letter',
    kind: 'application',
    collective: false,
    signatories: null,
    applicantId: 'ap-other',
    coApplicantIds: [],
    topic: 'housing',
    location: EMPTY,
    priority: false,
    status: 'in_progress',
    outcome: null,
    notResolvedReason: null,
    inReport: false,
    reportHighlight: false,
    firstContactAt: null,
    decidedOn: null,
    extendedTo: null,
    // 72 hours after receipt, like computeDeadlines.
    acknowledgeBy: plus72h(fields.receivedAt),
    ...rest,
    publicSummary:
      typeof publicSummary === 'string' ? kkOnly(publicSummary) : (publicSummary ?? kkOnly('')),
  };
}

function plus72h(receivedAt: string): string {
  const [day = '', time = ''] = receivedAt.split('T');
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 3);
  return `${d.toISOString().slice(0, 10)}T${time.slice(0, 5)}`;
}

const decided = (
  decidedOn: string,
  outcome: NonNullable<Appeal['outcome']>,
): Partial<ReportAppeal> => ({ status: 'decided', decidedOn, outcome });

export const APPEALS: ReportAppeal[] = [
  // --- Q2 ---
  appeal({
    id: 'P1',
    regNo: '2026-0010',
    receivedAt: '2026-04-10T10:00',
    registeredOn: '2026-04-10',
    decideBy: '2026-05-04',
    ...decided('2026-04-20', 'resolved'),
  }),
  appeal({
    id: 'P2',
    regNo: '2026-0020',
    receivedAt: '2026-05-15T10:00',
    registeredOn: '2026-05-15',
    decideBy: '2026-06-08',
    ...decided('2026-05-25', 'explained'),
  }),
  appeal({
    id: 'P3',
    regNo: '2026-0030',
    receivedAt: '2026-06-25T10:00',
    registeredOn: '2026-06-25',
    decideBy: '2026-07-17',
    topic: 'roads_transport',
    ...decided('2026-07-08', 'resolved'),
    inReport: true,
    publicSummary: 'Ауладағы жол жөнделді.',
  }),
  appeal({
    id: 'P4',
    regNo: '2026-0031',
    receivedAt: '2026-06-30T10:00',
    registeredOn: '2026-06-30',
    decideBy: '2026-07-22',
    topic: 'roads_transport',
    inReport: true,
    publicSummary: 'Жол жөндеу мәселесі қаралуда.',
  }),
  appeal({
    id: 'P5',
    regNo: '2026-0032',
    receivedAt: '2026-06-30T11:00',
    registeredOn: '2026-06-30',
    decideBy: '2026-07-22',
    deletedAt: '2026-07-01T04:00:00.000Z',
  }),
  // --- Q3 ---
  appeal({
    id: 'A1',
    regNo: '2026-0040',
    receivedAt: '2026-07-01T10:00',
    registeredOn: '2026-07-01',
    decideBy: '2026-07-23',
    channel: 'reception',
    location: KENESARY,
    firstContactAt: '2026-07-01T10:00',
    ...decided('2026-07-10', 'resolved'),
    inReport: true,
    publicSummary: 'Кенесары көшесіндегі көппәтерлі үйдің шатыры жөнделді.',
  }),
  appeal({
    id: 'A2',
    regNo: '2026-0041',
    // Capital Day (a day off): registered the next working day.
    receivedAt: '2026-07-06T11:00',
    registeredOn: '2026-07-07',
    extendedTo: '2026-08-20',
    decideBy: '2026-08-20',
    kind: 'complaint',
    location: { ...KENESARY, street: 'кенесары  көшесі ', building: '14' },
    firstContactAt: '2026-07-09T10:00',
    ...decided('2026-08-14', 'resolved'),
    inReport: true,
    publicSummary: 'Аулаға жаңа балалар алаңы орнатылды.',
  }),
  appeal({
    id: 'A3',
    regNo: '2026-0042',
    receivedAt: '2026-07-15T09:30',
    registeredOn: '2026-07-15',
    decideBy: '2026-08-05',
    channel: 'eotinish',
    kind: 'complaint',
    location: KENESARY,
    ...decided('2026-08-20', 'partially_resolved'),
    inReport: true,
    publicSummary:
      'Жөндеу жұмыстары басталды, анықтама үшін +7 701 123 45 67 нөміріне хабарласыңыз.',
  }),
  appeal({
    id: 'A11',
    regNo: '2026-0043',
    receivedAt: '2026-07-20T10:00',
    registeredOn: '2026-07-20',
    decideBy: '2026-08-10',
    topic: 'health',
    location: { locality: 'Астана', district: 'Есіл ауданы', street: '', building: '' },
    firstContactAt: '2026-07-20T12:00',
    ...decided('2026-09-30', 'forwarded'),
    inReport: true,
    publicSummary: 'Өтініш құзыретіне сәйкес денсаулық сақтау басқармасына жолданды.',
  }),
  appeal({
    id: 'A4',
    regNo: '2026-0044',
    receivedAt: '2026-08-03T10:00',
    registeredOn: '2026-08-03',
    decideBy: '2026-08-24',
    channel: 'telegram',
    kind: 'proposal',
    collective: true,
    signatories: 25,
    applicantId: 'ap-ahmetov',
    topic: 'roads_transport',
    location: ABAI,
    firstContactAt: '2026-08-03T15:00',
    ...decided('2026-08-10', 'explained'),
    inReport: true,
    publicSummary: 'Ахметов Ерланның өтініші бойынша аялдама орны түсіндірілді.',
  }),
  appeal({
    id: 'A10',
    regNo: '2026-0045',
    receivedAt: '2026-08-05T10:00',
    registeredOn: '2026-08-05',
    decideBy: '2026-08-26',
    deletedAt: '2026-08-05T06:00:00.000Z',
  }),
  appeal({
    id: 'A5',
    regNo: '2026-0046',
    receivedAt: '2026-08-12T14:00',
    registeredOn: '2026-08-12',
    decideBy: '2026-09-03',
    channel: 'phone',
    kind: 'information_request',
    collective: true,
    signatories: 40,
    topic: 'water',
    location: BEIBITSHILIK,
    firstContactAt: '2026-08-12T14:00',
    ...decided('2026-08-13', 'withdrawn'),
  }),
  appeal({
    id: 'A6',
    regNo: '2026-0047',
    // Friday after hours; Monday 31 August is off → registered Tuesday 1 September.
    receivedAt: '2026-08-28T20:00',
    registeredOn: '2026-09-01',
    decideBy: '2026-09-22',
    channel: 'website',
    kind: 'report',
    applicantId: null,
    topic: 'ecology_waste',
    ...decided('2026-09-02', 'not_considered'),
  }),
  appeal({
    id: 'A7',
    regNo: '2026-0048',
    receivedAt: '2026-09-10T10:00',
    registeredOn: '2026-09-10',
    decideBy: '2026-10-01',
    channel: 'reception',
    topic: 'water',
    priority: true,
    location: BEIBITSHILIK,
    firstContactAt: '2026-09-10T10:00',
    ...decided('2026-09-25', 'not_resolved'),
    notResolvedReason: 'needs_budget',
    inReport: true,
    publicSummary: 'Су құбырын ауыстыру үшін бюджет қаражаты қажет.',
  }),
  appeal({
    id: 'A12',
    regNo: '2026-0049',
    receivedAt: '2026-09-14T10:00',
    registeredOn: '2026-09-14',
    decideBy: '2026-10-05',
    channel: 'reception',
    topic: 'roads_transport',
    location: ABAI,
    firstContactAt: '2026-09-14T10:00',
    ...decided('2026-10-05', 'resolved'),
    inReport: true,
    publicSummary: 'Аялдама жанында жаяу жүргінші өткелі белгіленді.',
  }),
  appeal({
    id: 'A8',
    regNo: '2026-0050',
    // The quarter's last day, in working hours: Q3.
    receivedAt: '2026-09-30T10:00',
    registeredOn: '2026-09-30',
    decideBy: '2026-10-21',
    channel: 'email',
    kind: 'complaint',
    location: KENESARY,
    firstContactAt: '2026-10-05T10:00',
  }),
  appeal({
    id: 'A9',
    regNo: '2026-0051',
    // The same day after hours: registered 1 October, Q4.
    receivedAt: '2026-09-30T19:00',
    registeredOn: '2026-10-01',
    decideBy: '2026-10-22',
    channel: 'whatsapp',
    location: KENESARY,
  }),
];

export const RECEPTIONS: ReportReception[] = [
  {
    id: 'R1',
    deletedAt: null,
    date: '2026-07-15',
    status: 'held',
    queue: [
      visitor('v1', 1, 'done', 'Сейітова Гүлнар'),
      visitor('v2', 2, 'done', ''),
      visitor('v3', 3, 'left', ''),
    ],
  },
  {
    id: 'R2',
    deletedAt: null,
    date: '2026-09-10',
    status: 'held',
    queue: [visitor('v4', 1, 'done', ''), visitor('v5', 2, 'waiting', '')],
  },
  { id: 'R3', deletedAt: null, date: '2026-08-20', status: 'cancelled', queue: [] },
  {
    id: 'R4',
    deletedAt: null,
    date: '2026-06-20',
    status: 'held',
    queue: [visitor('v6', 1, 'done', '')],
  },
  {
    id: 'R5',
    deletedAt: '2026-08-02T04:00:00.000Z',
    date: '2026-08-01',
    status: 'held',
    queue: [visitor('v7', 1, 'done', '')],
  },
];

function visitor(
  id: string,
  number: number,
  status: ReportReception['queue'][number]['status'],
  name: string,
): ReportReception['queue'][number] {
  return {
    id,
    number,
    arrivedAt: '2026-07-15T10:00',
    name,
    phone: null,
    vulnerable: false,
    vulnerableCategories: [],
    status,
    applicantId: null,
    appealId: null,
    note: '',
  };
}

const answer = (receivedOn: string): NonNullable<ReportInquiry['response']> => ({
  receivedOn,
  theirNo: '',
  theirDate: null,
  summary: '',
  attachmentIds: [],
  check: { reference: true, receipt: true, answer: true, furtherActions: true, conclusion: true },
});

export const INQUIRIES: ReportInquiry[] = [
  {
    id: 'I1',
    deletedAt: null,
    status: 'answered',
    outgoingDate: '2026-07-16',
    dueDate: '2026-08-06',
    response: answer('2026-08-01'),
  },
  {
    id: 'I2',
    deletedAt: null,
    status: 'answered',
    outgoingDate: '2026-08-03',
    dueDate: null,
    response: answer('2026-08-28'),
  },
  {
    id: 'I3',
    deletedAt: null,
    status: 'overdue',
    outgoingDate: '2026-09-01',
    dueDate: '2026-09-22',
    response: null,
  },
  {
    id: 'I4',
    deletedAt: null,
    status: 'sent',
    outgoingDate: '2026-09-29',
    dueDate: '2026-11-30',
    response: null,
  },
  { id: 'I5', deletedAt: null, status: 'draft', outgoingDate: null, dueDate: null, response: null },
  {
    id: 'I6',
    deletedAt: null,
    status: 'sent',
    outgoingDate: '2026-06-30',
    dueDate: '2026-07-22',
    response: null,
  },
  {
    id: 'I7',
    deletedAt: '2026-08-01T04:00:00.000Z',
    status: 'sent',
    outgoingDate: '2026-08-01',
    dueDate: '2026-08-21',
    response: null,
  },
];

type Texts<T, K extends keyof T> = Omit<T, K> & { [F in K]: T[F] | string };

/** An initiative; a text given as one string goes into the language it reads as (as stored before version 9). */
function initiative(
  fields: Partial<Texts<ReportInitiative, 'title' | 'result' | 'publicSummary'>> &
    Pick<ReportInitiative, 'id'>,
): ReportInitiative {
  const { title = 'Бастама', result = '', publicSummary = '', ...rest } = fields;
  return {
    deletedAt: null,
    target: 'session' as const,
    submittedOn: '2026-08-01',
    status: 'submitted' as const,
    topic: null,
    inReport: true,
    ...rest,
    title: asBilingual(title),
    result: asBilingual(result),
    publicSummary: asBilingual(publicSummary),
  };
}

export const INITIATIVES: ReportInitiative[] = [
  initiative({
    id: 'N1',
    title: 'Көшелерді жарықтандыру бағдарламасы',
    submittedOn: '2026-08-15',
    status: 'adopted',
    target: 'budget',
    result: 'Бюджетке 120 млн теңге енгізілді',
    topic: 'improvement',
    publicSummary: 'Округтің 12 көшесіне жаңа шамдар қойылады.',
  }),
  initiative({ id: 'N2', title: 'Жоба', submittedOn: '2026-09-10', status: 'draft' }),
  initiative({
    id: 'N3',
    title: 'Аялдамаларды жөндеу туралы ұсыныс',
    submittedOn: '2026-07-05',
    status: 'under_consideration',
    target: 'akimat',
  }),
  initiative({ id: 'N4', title: 'Ішкі жұмыс', submittedOn: '2026-08-01', inReport: false }),
  initiative({ id: 'N5', title: 'Өткен тоқсан', submittedOn: '2026-06-10' }),
  initiative({
    id: 'N6',
    title: 'Ауладағы ойын алаңы',
    submittedOn: '2026-09-01',
    result: 'Алаң ул. Абая, д. 5 ауласында салынды',
  }),
];

function planItem(
  fields: Partial<Texts<ReportPlanItem, 'title' | 'actions'>> &
    Pick<Texts<ReportPlanItem, 'title'>, 'id' | 'title'>,
): ReportPlanItem {
  const { title, actions = '', ...rest } = fields;
  return {
    deletedAt: null,
    year: 2026,
    quarter: 4,
    topic: null,
    status: 'planned' as const,
    order: 0,
    inReport: true,
    ...rest,
    title: asBilingual(title),
    actions: asBilingual(actions),
  };
}

export const PLAN_ITEMS: ReportPlanItem[] = [
  planItem({
    id: 'L1',
    title: 'Жылу маусымына дайындық',
    order: 2,
    topic: 'heating_gas',
    actions: '- Жылу желілерін тексеру\n\n- Тұрғындармен кездесу',
  }),
  planItem({ id: 'L2', title: 'Аулаларды абаттандыру', order: 1 }),
  planItem({ id: 'L3', title: 'Алынып тасталған', order: 0, status: 'dropped' }),
  planItem({ id: 'L4', title: 'Келесі жыл', year: 2027, quarter: 1 }),
  planItem({ id: 'L5', title: 'Ішкі', inReport: false }),
];

/** The Russian texts of the printed initiatives and plan items (the Kazakh ones are above). */
const RUSSIAN: Record<string, Record<string, string>> = {
  N1: {
    title: 'Программа освещения улиц',
    result: 'В бюджет включено 120 млн тенге',
    publicSummary: 'На 12 улицах округа установят новые фонари.',
  },
  N3: { title: 'Предложение о ремонте остановок' },
  N6: { title: 'Игровая площадка во дворе' },
  L1: {
    title: 'Подготовка к отопительному сезону',
    actions: '- Проверка тепловых сетей\n\n- Встреча с жителями',
  },
  L2: { title: 'Благоустройство дворов' },
};

function withRussian<T extends { id: string }>(record: T): T {
  const ru = RUSSIAN[record.id];
  if (ru === undefined) return record;
  const out: Record<string, unknown> = { ...record };
  for (const [field, text] of Object.entries(ru)) {
    out[field] = { ...(out[field] as BilingualText), ru: text };
  }
  return out as T;
}

export function fixtureInput(): ReportInput {
  const settings = defaultSettingsData();
  return {
    appeals: APPEALS,
    applicants: [
      { id: 'ap-ahmetov', fullName: 'Ахметов Ерлан Серікұлы' },
      { id: 'ap-other', fullName: 'Жұмабаева Айгүл Нұрланқызы' },
      { id: 'ap-anon', fullName: '' },
    ],
    receptions: RECEPTIONS,
    inquiries: INQUIRIES,
    initiatives: INITIATIVES.map(withRussian),
    planItems: PLAN_ITEMS.map(withRussian),
    settings: {
      ...settings,
      deputy: {
        fullName: { kk: 'Сапарова Дана Маратқызы', ru: 'Сапарова Дана Маратовна' },
        position: {
          kk: 'Астана қалалық мәслихатының депутаты',
          ru: 'Депутат маслихата города Астаны',
        },
      },
      okrugNumber: 7,
    },
  };
}
