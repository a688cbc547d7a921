/** The demo generator's tunables and weight tables: how an office's year is shaped. */
import type {
  AppealChannel,
  AppealKind,
  ConsentForm,
  ContactChannel,
  DefaultTopicId,
  NotResolvedReason,
  Outcome,
  ProposedAction,
  VulnerableCategory,
} from '../../domain';
import type { ContactHow } from '../phrases';
import type { Path } from './core';

// ── Tunables ─────────────────────────────────────────────────────────────────────────────

export const OPEN = 9 * 60;
export const CLOSE = 18 * 60;
export const MINUTES_PER_DAY = 1440;

export const CHANNELS: readonly (readonly [AppealChannel, number])[] = [
  ['reception', 20],
  ['phone', 14],
  ['whatsapp', 14],
  ['eotinish', 13],
  ['telegram', 10],
  ['letter', 8],
  ['email', 6],
  ['website', 4],
  ['instagram', 3],
  ['hearing', 2],
  ['other', 2],
];

export const IN_PERSON = new Set<AppealChannel>(['reception', 'hearing']);
/** Channels that deliver text at any hour; the rest arrive while someone is at the desk. */
export const ONLINE = new Set<AppealChannel>([
  'email',
  'telegram',
  'whatsapp',
  'instagram',
  'website',
  'eotinish',
  'other',
]);
/** Channels where people write a letter-like text with a greeting. */
export const FORMAL = new Set<AppealChannel>(['letter', 'email', 'website', 'eotinish']);
/** Nobody gives a name at a reception, so anonymous appeals come in writing. */
export const ANONYMOUS_CHANNELS = new Set<AppealChannel>([
  'letter',
  'website',
  'telegram',
  'instagram',
  'whatsapp',
  'other',
]);
export const ANONYMOUS_SHARE = 0.048;

/** Share of online appeals that arrive after hours or on a day off. */
export const ONLINE_AFTER_HOURS = 0.1;

/** e-Otinish logs people in with their IIN; a phone call rarely gets as far as the IIN. */
export const IIN_SHARE: Readonly<Record<AppealChannel, number>> = {
  eotinish: 1,
  reception: 0.75,
  letter: 0.7,
  website: 0.5,
  email: 0.45,
  whatsapp: 0.45,
  telegram: 0.45,
  hearing: 0.4,
  other: 0.4,
  phone: 0.35,
  instagram: 0.2,
};

export const VULNERABLE_SHARE = 0.2;
export const RETURNING_SHARE = 0.15;
/** Chance that an appeal comes from someone who has written before (when anyone is due). */
export const RETURN_PICK = 0.25;
export const COLLECTIVE_SCALE = 0.55;

/** How a district's appeals split by topic in a month without seasonal effects. */
export const TOPIC_WEIGHTS: Readonly<Record<DefaultTopicId, number>> = {
  housing: 20,
  roads_transport: 16,
  improvement: 11,
  heating_gas: 8,
  social_support: 8,
  water: 7,
  land_construction: 5,
  ecology_waste: 5,
  public_safety: 5,
  health: 4,
  education: 4,
  employment: 3,
  other: 3,
};

/** Fewer appeals in the summer holidays and around New Year. */
export const MONTH_VOLUME = [0.85, 1, 1.1, 1.2, 1.1, 1, 0.8, 0.85, 1.1, 1.15, 1.15, 0.9] as const;

export const OUTCOMES: readonly (readonly [Outcome, number])[] = [
  ['resolved', 45],
  ['partially_resolved', 13],
  ['explained', 16],
  ['forwarded', 9],
  ['not_resolved', 9],
  ['withdrawn', 4],
];

export const NOT_RESOLVED_REASONS: readonly (readonly [NotResolvedReason, number])[] = [
  ['needs_budget', 3],
  ['agency_refused', 3],
  ['outside_competence', 1],
  ['other', 1],
];
/** A benefit or a queue is refused or belongs to a court; it never waits for a budget line. */
export const PERSONAL_NOT_RESOLVED_REASONS: readonly (readonly [NotResolvedReason, number])[] = [
  ['agency_refused', 6],
  ['outside_competence', 4],
];

/** Share of decided appeals the office puts into the quarterly report, by outcome. */
export const IN_REPORT: Readonly<Record<Outcome, number>> = {
  resolved: 0.85,
  partially_resolved: 0.8,
  explained: 0.6,
  forwarded: 0.55,
  not_resolved: 0.75,
  withdrawn: 0.15,
  not_considered: 0.1,
};

export const CONTACT_HOW: Readonly<Record<ContactChannel, ContactHow>> = {
  in_person: 'call',
  phone: 'call',
  sms: 'call',
  letter: 'call',
  email: 'email',
  telegram: 'telegram',
  whatsapp: 'whatsapp',
  eotinish: 'call',
  other: 'call',
};

// ── Tables ───────────────────────────────────────────────────────────────────────────────

export const OFFICE_HOURS: readonly (readonly [number, number])[] = [
  [9, 8],
  [10, 12],
  [11, 12],
  [12, 10],
  [13, 4],
  [14, 10],
  [15, 11],
  [16, 10],
  [17, 7],
];

export const AFTER_HOURS_KINDS: readonly (readonly ['evening' | 'early' | 'dayoff', number])[] = [
  ['evening', 55],
  ['early', 10],
  ['dayoff', 35],
];

export const VULNERABLE_WEIGHTS: readonly (readonly [VulnerableCategory, number])[] = [
  ['pensioner', 40],
  ['disability', 20],
  ['large_family', 20],
  ['low_income', 10],
  ['veteran', 5],
  ['other', 5],
];

export const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[19, 29], 15],
  [[30, 44], 30],
  [[45, 59], 30],
  [[60, 80], 25],
];

export const AGE_BY_CATEGORY: Readonly<Record<VulnerableCategory, readonly [number, number]>> = {
  pensioner: [63, 88],
  veteran: [58, 75],
  large_family: [28, 48],
  disability: [22, 75],
  low_income: [22, 55],
  other: [24, 45],
};

export const SIGNATORY_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[3, 20], 60],
  [[21, 60], 30],
  [[61, 150], 10],
];

export const PREFERRED_CHANNEL: Readonly<
  Record<AppealChannel, readonly (readonly [ContactChannel, number])[]>
> = {
  reception: [
    ['phone', 50],
    ['whatsapp', 40],
    ['in_person', 10],
  ],
  hearing: [
    ['phone', 50],
    ['whatsapp', 50],
  ],
  phone: [['phone', 1]],
  whatsapp: [['whatsapp', 1]],
  telegram: [['telegram', 1]],
  email: [['email', 1]],
  letter: [
    ['letter', 70],
    ['phone', 30],
  ],
  eotinish: [
    ['eotinish', 80],
    ['phone', 20],
  ],
  website: [
    ['email', 50],
    ['phone', 50],
  ],
  instagram: [
    ['whatsapp', 60],
    ['phone', 40],
  ],
  other: [['phone', 1]],
};

export const CONSENT_FORM: Readonly<
  Record<AppealChannel, readonly (readonly [ConsentForm, number])[]>
> = {
  reception: [
    ['written', 70],
    ['oral', 30],
  ],
  hearing: [
    ['written', 50],
    ['oral', 50],
  ],
  letter: [['written', 1]],
  phone: [['oral', 1]],
  whatsapp: [['electronic', 1]],
  telegram: [['electronic', 1]],
  email: [['electronic', 1]],
  eotinish: [['electronic', 1]],
  website: [['electronic', 1]],
  instagram: [['electronic', 1]],
  other: [['oral', 1]],
};

export const ANONYMOUS_KINDS: readonly (readonly [AppealKind, number])[] = [
  ['report', 6],
  ['complaint', 4],
];

/** Index 1 is for forwarded appeals (the only outcome of the quick path that has an action). */
export const PROPOSED_ACTION: Readonly<
  Record<Path, readonly [ProposedAction | null, ProposedAction | null]>
> = {
  consult: ['consultation', 'consultation'],
  explain: ['consultation', 'consultation'],
  quick: [null, 'forwarding'],
  inquiry: ['inquiry', 'inquiry'],
  meeting: ['meeting', 'meeting'],
};

/** Working days after registration; the day of registration itself is 0. */
export const START_DAYS: readonly (readonly [number, number])[] = [
  [0, 50],
  [1, 35],
  [2, 12],
  [3, 3],
];
export const FORWARD_DAYS: readonly (readonly [number, number])[] = [
  [1, 40],
  [2, 30],
  [3, 20],
  [4, 6],
  [5, 4],
];
export const AWAIT_DAYS: readonly (readonly [number, number])[] = [
  [0, 40],
  [1, 35],
  [2, 15],
  [4, 10],
];
export const AFTER_ANSWER_DAYS: readonly (readonly [number, number])[] = [
  [0, 35],
  [1, 30],
  [2, 20],
  [3, 10],
  [5, 5],
];
/** null: the office never records that the applicant was told. */
export const INFORM_DAYS: readonly (readonly [number | null, number])[] = [
  [0, 40],
  [1, 25],
  [2, 12],
  [3, 8],
  [5, 6],
  [8, 5],
  [null, 4],
];
export const NOTE_COUNTS: readonly (readonly [number, number])[] = [
  [0, 45],
  [1, 30],
  [2, 17],
  [3, 8],
];
