import type {
  AppealChannel,
  AppealKind,
  AppealStatus,
  NotResolvedReason,
  Outcome,
} from '../domain/enums';
import { APPEAL_CHANNELS, APPEAL_KINDS, OUTCOMES } from '../domain/enums';
import { enumLabels } from '../domain/labels';
import type { Topic } from '../domain/topics';
import { fold } from './fold';

/** What a value of the result column means for the appeal. */
export interface ResultMeaning {
  status: AppealStatus;
  outcome: Outcome | null;
  notResolvedReason?: NotResolvedReason | null;
}

type Rule<T> = readonly [RegExp, T];

/** Channel words, tried in order on the folded value. */
const CHANNEL_RULES: readonly Rule<AppealChannel>[] = [
  [/e ?otinish|е ?өтініш|eotinish|е отиниш|портал|egov|электронное правительство/u, 'eotinish'],
  [/whats ?app|ватсап|вацап|уатсап/u, 'whatsapp'],
  [/telegram|телеграм/u, 'telegram'],
  [/instagram|инстаграм|инста/u, 'instagram'],
  [/e ?mail|email|электрон\p{L}* почт|эл почт|электрондық пошта|почта kz|mail ru/u, 'email'],
  [/сайт|website|google|гугл|форм[аы]|онлайн|интернет|web/u, 'website'],
  [/выездн|слушани|сход|собрани|встреч|кездесу|тыңдау|жиналыс/u, 'hearing'],
  [/телефон|звонок|по тел|қоңырау|(?<!\p{L})тел(?!\p{L})|горяч|call/u, 'phone'],
  [/личн|при[её]м|жеке|қабылдау|устно|ауызша|лично|нарочно|нарочн/u, 'reception'],
  [/письм|почт|хат|жазбаша|письменно|канцеляр|курьер|заказн/u, 'letter'],
];

const KIND_RULES: readonly Rule<AppealKind>[] = [
  [/жалоб|шағым|претензи/u, 'complaint'],
  [/предложен|ұсыныс|инициатив/u, 'proposal'],
  [/запрос|сұрау|информаци|ақпарат/u, 'information_request'],
  [/отклик|отзыв|пікір|благодарн|алғыс/u, 'feedback'],
  [/сообщени|хабарлама|уведомлен/u, 'report'],
  [/заявлен|арыз|өтініш|просьб|обращени|ходатайств/u, 'application'],
];

/** Result words. Order matters: «частично решено» before «решено», «не решено» before it too. */
const RESULT_RULES: readonly Rule<ResultMeaning>[] = [
  [/частичн|ішінара/u, { status: 'decided', outcome: 'partially_resolved' }],
  [
    /не решен|нерешен|шешілмеді|шешілмеген|не удовлетвор|қанағаттандырылмады/u,
    { status: 'decided', outcome: 'not_resolved', notResolvedReason: 'other' },
  ],
  [
    /отказ|бас тарт|отклонен|қабылданбады/u,
    { status: 'decided', outcome: 'not_resolved', notResolvedReason: 'agency_refused' },
  ],
  [
    /без рассмотрения|қараусыз|не рассматр|анонимн/u,
    { status: 'decided', outcome: 'not_considered' },
  ],
  [/отозван|кері қайтар|отзыв заявител|кері алын/u, { status: 'decided', outcome: 'withdrawn' }],
  [
    /по компетенции|направлен[оа]? в|перенаправ|құзырет|жолданды|жіберілді|переадрес|передано/u,
    { status: 'decided', outcome: 'forwarded' },
  ],
  [
    /разъясн|түсіндір|консультац|кеңес берілді|дан ответ|дано разъяснение|жауап берілді|ответ дан/u,
    { status: 'decided', outcome: 'explained' },
  ],
  [
    /решен|шешілді|исполнен|орындалды|удовлетвор|қанағаттандыр|выполнен|оказана помощь|көмек көрсетілді|устранен|жойылды/u,
    { status: 'decided', outcome: 'resolved' },
  ],
  [
    /на контрол|бақылау|в работе|жұмыста|на исполнени|орындалу|рассматрива|қаралуда|на рассмотрени|в процессе/u,
    { status: 'in_progress', outcome: null },
  ],
  [/зарегистр|тіркелді|новое|жаңа|принято|қабылданды/u, { status: 'registered', outcome: null }],
];

function firstMatch<T>(rules: readonly Rule<T>[], value: string): T | null {
  const f = fold(value);
  if (f === '') return null;
  for (const [re, meaning] of rules) if (re.test(f)) return meaning;
  return null;
}

function byLabel<T extends string>(
  group: 'channel' | 'kind' | 'outcome',
  values: readonly T[],
  value: string,
): T | null {
  const f = fold(value);
  for (const v of values) {
    const label = (enumLabels[group] as Record<string, { kk: string; ru: string }>)[v];
    if (label && (fold(label.kk) === f || fold(label.ru) === f || v === f)) return v;
  }
  return null;
}

export function suggestChannel(value: string): AppealChannel | null {
  return byLabel('channel', APPEAL_CHANNELS, value) ?? firstMatch(CHANNEL_RULES, value);
}

export function suggestKind(value: string): AppealKind | null {
  return byLabel('kind', APPEAL_KINDS, value) ?? firstMatch(KIND_RULES, value);
}

export function suggestResult(value: string): ResultMeaning | null {
  const outcome = byLabel('outcome', OUTCOMES, value);
  if (outcome !== null) {
    return {
      status: 'decided',
      outcome,
      ...(outcome === 'not_resolved' ? { notResolvedReason: 'other' as const } : {}),
    };
  }
  const f = fold(value);
  for (const status of [
    'registered',
    'in_progress',
    'waiting_agency',
    'decided',
    'closed',
  ] as const) {
    const label = enumLabels.status[status];
    if (fold(label.kk) === f || fold(label.ru) === f) {
      return status === 'decided' || status === 'closed'
        ? null
        : { status: status === 'waiting_agency' ? 'in_progress' : status, outcome: null };
    }
  }
  return firstMatch(RESULT_RULES, value);
}

/** Words of the default topics, besides their names (offices write «ЖКХ», «Су», «Дороги»). */
const TOPIC_WORDS: Record<string, RegExp> = {
  housing:
    /жкх|ткш|жилищ|коммунал|тұрғын үй|кск|оси|пиқ|мжд|лифт|подъезд|кровл|крыш|капремонт|күрделі жөндеу/u,
  water: /вод|канализ|(?<!\p{L})су(?!\p{L})|сумен|кәріз|арық|арык/u,
  heating_gas: /тепл|отоплен|газ|жылу|жылыту/u,
  roads_transport: /дорог|транспорт|автобус|жол|көлік|тротуар|светофор|остановк|аялдама/u,
  improvement:
    /благоустр|озелен|освещен|абаттанд|көгалдан|жарықтандыр|детск\p{L}* площад|ойын алаң|парк|сквер/u,
  land_construction: /земл|строит|жер|құрылыс|архитект|участ|учаск/u,
  social_support:
    /социал|пособи|әлеуметт|жәрдемақы|пенси|зейнет|инвалид|мүгедек|многодет|көпбалал|жилье очеред|кезек/u,
  health: /здрав|больниц|поликлин|медиц|денсаулық|аурухана|емхана|дәрі|лекарств/u,
  education: /образов|школ|детск\p{L}* сад|мектеп|балабақша|білім|садик/u,
  employment: /занятост|работ|труд|жұмыспен|жұмыс|вакан/u,
  ecology_waste: /эколог|мусор|отход|свалк|қоқыс|қалдық|экология|тбо|вывоз/u,
  public_safety: /безопасн|полиц|правопоряд|қауіпсіз|полиция|бродяч|иттер|собак/u,
};

export function suggestTopic(value: string, topics: readonly Topic[]): string | null {
  const f = fold(value);
  if (f === '') return null;
  const live = topics.filter((t) => !t.retired);
  for (const topic of live) {
    if (fold(topic.kk) === f || fold(topic.ru) === f || topic.id === f) return topic.id;
  }
  for (const topic of live) {
    const kk = fold(topic.kk);
    const ru = fold(topic.ru);
    if (
      (kk.length > 3 && (kk.includes(f) || f.includes(kk))) ||
      (ru.length > 3 && (ru.includes(f) || f.includes(ru)))
    ) {
      return topic.id;
    }
  }
  for (const [id, re] of Object.entries(TOPIC_WORDS)) {
    if (re.test(f) && live.some((t) => t.id === id)) return id;
  }
  return null;
}

/** Where a «направлено по компетенции в ГУ ЖКХ» result sent the appeal: «ГУ ЖКХ». */
export function forwardedToFrom(value: string): string | null {
  const m =
    /(?:направлен[оа]?|перенаправлен[оа]?|передан[оа]?|переадресован[оа]?)(?:\s+по\s+компетенции)?\s+(?:в|во|на)\s+(.+)$/iu.exec(
      value,
    ) ??
    /^(.+?)\s+(?:жолданды|жіберілді)/iu.exec(value) ??
    /(?:құзыреті бойынша)\s+(.+?)(?:\s+жолданды|\s+жіберілді)?$/iu.exec(value);
  const target = m?.[1]?.trim().replace(/[.;,]+$/, '');
  if (!target) return null;
  const cleaned = target.replace(/^(?:құзыреті бойынша|по компетенции)\s+/iu, '');
  return cleaned.length >= 2 ? cleaned.slice(0, 500) : null;
}
