/** One appeal from its skeleton: who, what, where, in the citizen's words, and its outcome. */
import { formatLocalDateTime } from '../../calendar/dates';
import { KZ_UTC_OFFSET_MINUTES } from '../../calendar/zone';
import {
  type Appeal,
  type AppealChannel,
  type Outcome,
  type ProposedAction,
  formatRegNo,
} from '../../domain';
import type { Lang } from '../../i18n/lang';
import { computeDeadlines } from '../../workflow/deadlines';
import {
  AGENCIES,
  type Agency,
  BUS_ROUTES,
  CLOSERS,
  COLLECTIVE_AREA,
  COLLECTIVE_BUILDING,
  COLLECTIVE_PERSONAL,
  EARLIER_ATTEMPTS,
  MANUAL_PRIORITY_REASON,
  OPENERS,
  OSI_NAMES,
  PRIORITY_REASONS,
  TAGS,
  districtAkimat,
} from '../phrases';
import { PLACE_WEIGHTS, type Place, placeLocation } from '../places';
import { ANONYMOUS_SUFFIX, PROBLEMS, type Problem, VULNERABLE_SENTENCES } from '../texts';
import { houseNumber, leadApplicant, newPerson, randomHome } from './applicants';
import {
  type Builder,
  type Path,
  type Person,
  type Skeleton,
  type Stamp,
  type Vars,
  capitalise,
  dayOf,
  event,
  fill,
  newId,
  ruPeople,
} from './core';
import { plan } from './plan';
import { realise } from './realise';
import {
  ANONYMOUS_CHANNELS,
  ANONYMOUS_KINDS,
  ANONYMOUS_SHARE,
  COLLECTIVE_SCALE,
  FORMAL,
  IN_PERSON,
  NOT_RESOLVED_REASONS,
  ONLINE,
  OUTCOMES,
  PERSONAL_NOT_RESOLVED_REASONS,
  PROPOSED_ACTION,
  SIGNATORY_BANDS,
  TOPIC_WEIGHTS,
} from './tables';

export function addAppeal(b: Builder, sk: Skeleton): void {
  const rng = b.rng;
  const month = Number(dayOf(sk.received).slice(5, 7));
  const inPerson = IN_PERSON.has(sk.channel);
  const assignee = rng.weighted<string | null>([
    [b.assistants[0] ?? b.deputy, 45],
    [b.assistants[1] ?? b.assistants[0] ?? b.deputy, 40],
    [b.deputy, 10],
    [null, 5],
  ]);
  const worker = (): string =>
    assignee !== null && assignee !== b.deputy && !rng.chance(0.15)
      ? assignee
      : rng.pick(b.assistants);
  const createdBy = inPerson && rng.chance(0.35) ? b.deputy : worker();

  const anonymous = ANONYMOUS_CHANNELS.has(sk.channel) && rng.chance(ANONYMOUS_SHARE);
  const found = anonymous ? null : leadApplicant(b, sk.channel, sk.created, createdBy);
  const lead = found?.person ?? null;
  const lang: Lang = lead?.lang ?? (rng.chance(0.6) ? 'kk' : 'ru');
  let problem = rng.weighted(b.problemsByMonth[month - 1] ?? []);
  while (anonymous && problem.scope === 'personal') {
    problem = rng.weighted(b.problemsByMonth[month - 1] ?? []);
  }
  const words = problem[lang];
  const repeat = lead !== null && lead.lastProblem === problem.id;
  if (lead !== null) lead.lastProblem = problem.id;

  // Where: the applicant's own block for a building, often their street for a street.
  const home = lead ?? randomHome(b);
  const place =
    problem.scope === 'street' && (lead === null || rng.chance(0.3))
      ? b.rng.weighted(PLACE_WEIGHTS)
      : home.place;
  const house =
    problem.scope === 'building' && place === home.place ? home.house : houseNumber(b, place);
  const textIndex = rng.int(0, words.texts.length - 1);
  const body = words.texts[textIndex] as string;
  const building =
    problem.scope === 'personal'
      ? ''
      : problem.scope === 'building' || body.includes('{house}')
        ? house
        : '';

  const collective =
    !anonymous &&
    problem.scope !== 'personal' &&
    rng.chance(
      Math.min(0.9, problem.collective * COLLECTIVE_SCALE * (sk.channel === 'hearing' ? 2 : 1)),
    );
  const signatories = collective ? pickSignatories(b) : null;
  const agency: Agency =
    problem.agency === 'district_akimat'
      ? districtAkimat(place.district)
      : AGENCIES[problem.agency];
  const vars = storyVars(b, lang, place, house, signatories, words.about, agency);
  // The office writes public texts in both languages (domain.md, 2026-12): the same
  // story's words and places in the other language, with the same OSI and route.
  const otherLang: Lang = lang === 'kk' ? 'ru' : 'kk';
  const other = {
    words: problem[otherLang],
    vars: varsOf(
      otherLang,
      place,
      house,
      signatories,
      problem[otherLang].about,
      agency,
      vars.osi ?? '',
      vars.route ?? '',
    ),
  };

  const coApplicantIds: string[] = [];
  if (collective && rng.chance(0.25) && lead !== null) {
    for (let i = rng.int(1, 2); i > 0; i--) {
      const neighbour = newPerson(b, lang, sk.channel, sk.created, createdBy, {
        place,
        house: problem.scope === 'building' ? house : houseNumber(b, place),
      });
      coApplicantIds.push(neighbour.record.id);
    }
  }

  const subject = fill(rng.pick(words.subjects), vars);
  const text = citizenText(b, sk.channel, lang, problem, body, vars, lead, collective, anonymous);
  let expectation = rng.chance(0.95) ? fill(rng.pick(words.expectations), vars) : '';
  if (collective)
    expectation = expectation.replace('сұраймын', 'сұраймыз').replace('Прошу', 'Просим');

  let priorityReason: string | null = null;
  const categories = lead?.record.vulnerableCategories ?? [];
  if (categories.length > 0 && rng.chance(0.9)) {
    priorityReason = categories.map((c) => PRIORITY_REASONS[c][lang]).join(' ');
  } else if (rng.chance(problem.urgent ?? 0)) {
    priorityReason = MANUAL_PRIORITY_REASON[lang];
  }

  const tags: string[] = [];
  if (repeat || (found?.returning === true && rng.chance(0.3))) tags.push(TAGS.repeat);
  if (rng.chance(0.16)) tags.push(rng.pick(TAGS.byTopic[problem.topic]));
  if (rng.chance(0.04)) tags.push(rng.pick(TAGS.general));

  // What will happen to it: the outcome first, then the way there.
  const outcome = pickOutcome(b, problem, anonymous, repeat);
  const notResolvedReason =
    outcome === 'not_resolved'
      ? rng.weighted(
          problem.notResolved ??
            (problem.scope === 'personal' ? PERSONAL_NOT_RESOLVED_REASONS : NOT_RESOLVED_REASONS),
        )
      : null;
  const path: Path =
    outcome === 'explained'
      ? inPerson && rng.chance(0.5)
        ? 'consult'
        : 'explain'
      : outcome === 'forwarded' || outcome === 'not_considered'
        ? 'quick'
        : rng.chance(0.7)
          ? 'inquiry'
          : 'meeting';
  const proposedAction: ProposedAction | null =
    !inPerson && rng.chance(0.25) ? null : PROPOSED_ACTION[path][outcome === 'forwarded' ? 1 : 0];

  const year = Number(sk.registeredOn.slice(0, 4));
  const sequence = (b.counters.get(year) ?? 0) + 1;
  b.counters.set(year, sequence);
  const regNo = formatRegNo(year, sequence);
  const receivedAt = formatLocalDateTime(sk.received);
  const deadlines = computeDeadlines(b.cal, { receivedAt, registeredOn: sk.registeredOn });
  const created: Stamp = {
    ms: (sk.created - KZ_UTC_OFFSET_MINUTES) * 60_000 + sk.createdMs,
    iso: new Date((sk.created - KZ_UTC_OFFSET_MINUTES) * 60_000 + sk.createdMs).toISOString(),
  };
  const id = newId(b, created);

  let appeal: Appeal = {
    id,
    createdAt: created.iso,
    updatedAt: created.iso,
    createdBy,
    updatedBy: createdBy,
    version: 1,
    deletedAt: null,
    regNo,
    receivedAt,
    registeredOn: sk.registeredOn,
    channel: sk.channel,
    kind: anonymous ? rng.weighted(ANONYMOUS_KINDS) : rng.weighted(problem.kinds),
    collective,
    signatories,
    applicantId: lead?.record.id ?? null,
    coApplicantIds,
    subject,
    text,
    expectation,
    topic: problem.topic,
    location: placeLocation(place, building),
    priority: priorityReason !== null,
    priorityReason,
    proposedAction,
    assignee,
    status: 'registered',
    outcome: null,
    notResolvedReason: null,
    outcomeSummary: '',
    publicSummary: { kk: '', ru: '' },
    inReport: false,
    reportHighlight: false,
    applicantInformedAt: null,
    informedVia: null,
    // At a reception the conversation is the first contact, recorded with the intake.
    firstContactAt: inPerson ? receivedAt : null,
    decidedOn: null,
    extendedTo: null,
    extensionReason: null,
    decideBy: deadlines.decideBy,
    acknowledgeBy: deadlines.acknowledgeBy,
    receptionId: null,
    forwardedTo: null,
    tags,
    attachmentIds: [],
    journalNo: null,
    importBatchId: null,
  };
  b.appeals.push(appeal);
  event(
    b,
    {
      appealId: id,
      type: 'created',
      data: { regNo },
      now: created.iso,
      userId: createdBy,
    },
    created,
  );

  const steps = plan(b, {
    sk,
    appeal,
    path,
    outcome,
    notResolvedReason,
    lang,
    words: problem[lang],
    vars,
    other,
    agency,
    anonymous,
    repeat,
    lead,
    worker,
    createdBy,
    collective: signatories ?? 0,
    personal: problem.scope === 'personal',
  });
  appeal = realise(b, appeal, steps, notResolvedReason, agency, lang);
  b.appeals[b.appeals.length - 1] = appeal;
}

export function pickSignatories(b: Builder): number {
  const [min, max] = b.rng.weighted(SIGNATORY_BANDS);
  return b.rng.int(min, max);
}

export function storyVars(
  b: Builder,
  lang: Lang,
  place: Place,
  house: string,
  signatories: number | null,
  about: string,
  agency: Agency,
): Vars {
  const osi = b.rng.pick(OSI_NAMES);
  const route = b.rng.pick(BUS_ROUTES);
  return varsOf(lang, place, house, signatories, about, agency, osi, route);
}

/** The problem in the citizen's words, dressed as the channel brings it. */
export function citizenText(
  b: Builder,
  channel: AppealChannel,
  lang: Lang,
  problem: Problem,
  body: string,
  vars: Vars,
  lead: Person | null,
  collective: boolean,
  anonymous: boolean,
): string {
  const rng = b.rng;
  const parts: string[] = [];
  const chat = ONLINE.has(channel) && !FORMAL.has(channel);
  if ((FORMAL.has(channel) && rng.chance(0.85)) || (chat && rng.chance(0.3))) {
    parts.push(rng.pick(OPENERS[lang]));
  }
  // A body that names the place already gets the signatures after it, not a second address.
  const namesPlace = /\{(house|street\w*|alongAttr)\}/.test(body);
  if (collective && !namesPlace) {
    const openings = problem.scope === 'building' ? COLLECTIVE_BUILDING : COLLECTIVE_AREA;
    parts.push(fill(rng.pick(openings[lang]), vars));
  }
  parts.push(fill(body, vars));
  if (collective && namesPlace) parts.push(fill(rng.pick(COLLECTIVE_PERSONAL[lang]), vars));
  const categories = lead?.record.vulnerableCategories ?? [];
  const category = categories[0];
  if (lead !== null && category !== undefined && rng.chance(0.5)) {
    const sentences = VULNERABLE_SENTENCES[category];
    parts.push(rng.pick(lang === 'kk' ? sentences.kk : sentences.ru[lead.sex]));
  }
  if (problem.scope !== 'personal' && rng.chance(0.25))
    parts.push(rng.pick(EARLIER_ATTEMPTS[lang]));
  if (anonymous && rng.chance(0.5)) parts.push(rng.pick(ANONYMOUS_SUFFIX[lang]));
  if (!IN_PERSON.has(channel) && channel !== 'phone' && rng.chance(0.55)) {
    parts.push(rng.pick(CLOSERS[lang]));
  }
  return parts.join(' ');
}

export function pickOutcome(
  b: Builder,
  problem: Problem,
  anonymous: boolean,
  repeat: boolean,
): Outcome {
  if (anonymous) return b.rng.chance(0.55) ? 'not_considered' : 'explained';
  if (repeat && b.rng.chance(0.12)) return 'not_considered';
  const factors = problem.outcomes ?? {};
  return b.rng.weighted(OUTCOMES.map(([o, w]) => [o, w * (factors[o] ?? 1)] as const));
}

/** Problems with their weight in a month: topic share × share within topic × season. */
export function problemWeights(month: number): (readonly [Problem, number])[] {
  const topicTotals = new Map<string, number>();
  for (const problem of PROBLEMS) {
    topicTotals.set(problem.topic, (topicTotals.get(problem.topic) ?? 0) + problem.weight);
  }
  return PROBLEMS.map((problem) => {
    const season = problem.season;
    const factor =
      season === undefined ? 1 : season.months.includes(month) ? season.inside : season.outside;
    const share = problem.weight / (topicTotals.get(problem.topic) ?? problem.weight);
    return [problem, TOPIC_WEIGHTS[problem.topic] * share * factor] as const;
  }).filter(([, weight]) => weight > 0);
}

/** A story's placeholders in one language (no randomness: the caller picked OSI and route). */
function varsOf(
  lang: Lang,
  place: Place,
  house: string,
  signatories: number | null,
  about: string,
  agency: Agency,
  osi: string,
  route: string,
): Vars {
  // Two literals rather than a shared part spread into each: see eventRecord.
  const count = String(signatories ?? 0);

  if (lang === 'kk') {
    return {
      house,
      osi,
      route,
      signatories: count,
      about,
      aboutCap: capitalise(about),
      agency: agency.kk,
      agencyDat: agency.kkDat,
      streetNom: place.kk.nom,
      streetLoc: place.kk.loc,
      streetAttr: place.kk.attr,
      streetDat: place.kk.dat,
      streetGen: place.kk.gen,
      alongAttr: place.isMicro ? place.kk.attr : `${place.kk.gen} бойындағы`,
    };
  }
  return {
    house,
    osi,
    route,
    signatories: count,
    signatoriesRu: ruPeople(signatories ?? 0),
    about,
    aboutCap: capitalise(about),
    agency: agency.ru,
    agencyTo: agency.ruTo,
    streetNom: place.ru.nom,
    streetAt: place.ru.at,
    streetAlong: place.ru.along,
    streetOf: place.ru.of,
  };
}
