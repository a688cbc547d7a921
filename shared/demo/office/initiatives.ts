/** The deputy's initiatives and the quarterly work plans. */
import { formatDay, parseDay } from '../../calendar/dates';
import type {
  Appeal,
  Initiative,
  InitiativeStatus,
  InitiativeTarget,
  PlanItem,
  PlanStatus,
} from '../../domain';
import {
  type OfficeState,
  quarterIndex,
  quarterOf,
  quarterStart,
  quartersFrom,
  stamped,
} from './core';

const INITIATIVES: readonly {
  title: string;
  titleRu: string;
  target: InitiativeTarget;
  topic: string;
  summary: string;
  summaryRu: string;
}[] = [
  {
    title: 'Ескі аулалардағы балалар алаңдарын жаңарту бағдарламасы туралы ұсыныс',
    titleRu: 'Предложение о программе обновления детских площадок в старых дворах',
    target: 'akimat',
    topic: 'improvement',
    summary: 'Округтегі 12 ауладағы балалар алаңдарын жаңарту әкімдіктің жоспарына ұсынылды.',
    summaryRu: 'В план акимата предложено обновить детские площадки в 12 дворах округа.',
  },
  {
    title: 'Жылу желілерін күрделі жөндеуге қаржы бөлу туралы бюджеттік ұсыныс',
    titleRu: 'Бюджетное предложение о финансировании капитального ремонта тепловых сетей',
    target: 'budget',
    topic: 'heating_gas',
    summary: 'Жылу желілерінің тозған учаскелерін жөндеуге қаржы бөлу ұсынылды.',
    summaryRu: 'Предложено выделить средства на ремонт изношенных участков тепловых сетей.',
  },
  {
    title: 'Қоғамдық көліктің түнгі бағыттарын ұзарту туралы сауал',
    titleRu: 'Запрос о продлении ночных маршрутов общественного транспорта',
    target: 'session',
    topic: 'roads_transport',
    summary: 'Кешкі уақытта автобус қатынасын ұзарту мәселесі сессияда көтерілді.',
    summaryRu: 'На сессии поднят вопрос о продлении автобусного сообщения в вечернее время.',
  },
  {
    title: 'Көп балалы отбасыларға арналған жалдамалы тұрғын үй кезегінің ашықтығы туралы',
    titleRu: 'Об открытости очереди на арендное жильё для многодетных семей',
    target: 'session',
    topic: 'social_support',
    summary: 'Тұрғын үй кезегінің жаңартылған тізімін ашық жариялау ұсынылды.',
    summaryRu: 'Предложено открыто публиковать обновлённый список очереди на жильё.',
  },
  {
    title: 'Аула ішіндегі жолдарды орташа жөндеу тізіміне енгізу туралы ұсыныс',
    titleRu: 'Предложение о включении внутридворовых дорог в список среднего ремонта',
    target: 'akimat',
    topic: 'roads_transport',
    summary: 'Округтегі 9 аула ішілік жолды жөндеу тізіміне енгізу ұсынылды.',
    summaryRu: 'Предложено включить в список ремонта 9 внутридворовых дорог округа.',
  },
  {
    title: 'Қатты тұрмыстық қалдықтарды бөлек жинау алаңдарын көбейту туралы',
    titleRu: 'Об увеличении числа площадок для раздельного сбора твёрдых бытовых отходов',
    target: 'akimat',
    topic: 'ecology_waste',
    summary: 'Бөлек жинауға арналған контейнер алаңдарын көбейту ұсынылды.',
    summaryRu: 'Предложено увеличить число контейнерных площадок для раздельного сбора.',
  },
  {
    title: 'Мектеп маңындағы жаяу жүргінші өткелдерін жарықтандыру туралы',
    titleRu: 'Об освещении пешеходных переходов возле школ',
    target: 'akimat',
    topic: 'public_safety',
    summary: 'Үш мектеп маңындағы өткелдерді жарықтандыру ұсынылды.',
    summaryRu: 'Предложено осветить переходы возле трёх школ.',
  },
  {
    title: 'Емханадағы кезекті электрондық жазылу арқылы қысқарту туралы ұсыныс',
    titleRu: 'Предложение о сокращении очередей в поликлинике через электронную запись',
    target: 'other',
    topic: 'health',
    summary: 'Емханада алдын ала электрондық жазылуды кеңейту ұсынылды.',
    summaryRu: 'Предложено расширить предварительную электронную запись в поликлинике.',
  },
];

const PLAN_ITEMS: readonly {
  title: string;
  titleRu: string;
  actions: string;
  actionsRu: string;
  topic: string;
}[] = [
  {
    title: 'Жылыту маусымына дайындықты бақылау',
    titleRu: 'Контроль подготовки к отопительному сезону',
    actions: 'Жылу желілері мен үй ішілік жүйелердің дайындығын тексеру, тұрғындармен кездесу.',
    actionsRu: 'Проверка готовности тепловых сетей и внутридомовых систем, встречи с жителями.',
    topic: 'heating_gas',
  },
  {
    title: 'Аулаларды абаттандыру',
    titleRu: 'Благоустройство дворов',
    actions: 'Абаттандыру жұмыстарының сапасын қабылдауға қатысу, тұрғындардың ұсыныстарын жинау.',
    actionsRu: 'Участие в приёмке работ по благоустройству, сбор предложений жителей.',
    topic: 'improvement',
  },
  {
    title: 'Жол жөндеу жұмыстарын бақылау',
    titleRu: 'Контроль ремонта дорог',
    actions: 'Мердігерлердің жұмыс мерзімін бақылау, әкімдікке депутаттық сауалдар.',
    actionsRu: 'Контроль сроков работ подрядчиков, депутатские запросы в акимат.',
    topic: 'roads_transport',
  },
  {
    title: 'Азаматтарды көшпелі қабылдау',
    titleRu: 'Выездные приёмы граждан',
    actions: 'Әр шағын ауданда айына бір рет көшпелі қабылдау өткізу.',
    actionsRu: 'Выездной приём раз в месяц в каждом микрорайоне.',
    topic: 'other',
  },
  {
    title: 'Әлеуметтік осал топтарды қолдау',
    titleRu: 'Поддержка социально уязвимых групп',
    actions: 'Көп балалы отбасылар мен зейнеткерлердің өтініштерін басым тәртіпте қарау.',
    actionsRu: 'Первоочередное рассмотрение обращений многодетных семей и пенсионеров.',
    topic: 'social_support',
  },
];

/** What became of an initiative, in both languages (the report prints one). */
const INITIATIVE_RESULTS: Partial<Record<InitiativeStatus, { kk: string; ru: string }>> = {
  adopted: {
    kk: 'Ұсыныс қабылданып, жұмыс жоспарына енгізілді.',
    ru: 'Предложение принято и включено в план работы.',
  },
  partially_adopted: {
    kk: 'Ұсыныс ішінара қабылданды, қалған бөлігі келесі жылға қалдырылды.',
    ru: 'Предложение принято частично, остальное перенесено на следующий год.',
  },
  rejected: {
    kk: 'Қаржы жоқ деген себеппен қабылданбады; мәселе қайта көтеріледі.',
    ru: 'Не принято из-за отсутствия средств; вопрос будет поднят снова.',
  },
};

export function officeInitiatives(
  o: OfficeState,
  from: string,
  appeals: readonly Appeal[],
): Initiative[] {
  const rng = o.rng;
  const out: Initiative[] = [];
  const last = quarterOf(o.today);
  let k = 0;
  for (const { year, quarter } of quartersFrom(from, quarterIndex(last))) {
    const start = quarterStart(year, quarter);
    const current = year === last.year && quarter === last.quarter;
    for (let n = rng.int(2, 3); n > 0; n--) {
      const idea = INITIATIVES[k++ % INITIATIVES.length]!;
      let submittedOn = formatDay(parseDay(start) + rng.int(5, 80));
      if (submittedOn > o.today) submittedOn = formatDay(parseDay(o.today) - rng.int(1, 10));
      const status: InitiativeStatus = current
        ? rng.pick(['submitted', 'under_consideration'] as const)
        : rng.weighted<InitiativeStatus>([
            ['adopted', 5],
            ['partially_adopted', 3],
            ['under_consideration', 1],
            ['rejected', 1],
          ]);
      const related = appeals
        .filter(
          (a) => a.topic === idea.topic && a.registeredOn < submittedOn && a.registeredOn >= start,
        )
        .slice(0, 5)
        .map((a) => a.id);
      out.push({
        ...stamped(o, `${submittedOn}T16:00`, o.deputy),
        title: { kk: idea.title, ru: idea.titleRu },
        description: '',
        target: idea.target,
        submittedOn,
        status,
        result: INITIATIVE_RESULTS[status] ?? { kk: '', ru: '' },
        topic: idea.topic,
        relatedAppealIds: related,
        publicSummary: { kk: idea.summary, ru: idea.summaryRu },
        inReport: true,
      });
    }
  }
  return out;
}

export function officePlanItems(o: OfficeState, from: string): PlanItem[] {
  const rng = o.rng;
  const out: PlanItem[] = [];
  const currentIndex = quarterIndex(quarterOf(o.today));
  // Through the quarter after today's: that is the plan the current report publishes.
  for (const { year, quarter } of quartersFrom(from, currentIndex + 1)) {
    const index = quarterIndex({ year, quarter });
    const items = rng.shuffle([...PLAN_ITEMS]).slice(0, rng.int(3, 4));
    const written = formatDay(parseDay(quarterStart(year, quarter)) - rng.int(3, 12));
    items.forEach((item, order) => {
      const status: PlanStatus =
        index < currentIndex
          ? rng.weighted<PlanStatus>([
              ['done', 8],
              ['dropped', 1],
            ])
          : index === currentIndex
            ? 'in_progress'
            : 'planned';
      out.push({
        ...stamped(o, `${written < o.today ? written : o.today}T17:00`, o.deputy),
        year,
        quarter,
        title: { kk: item.title, ru: item.titleRu },
        actions: { kk: item.actions, ru: item.actionsRu },
        topic: item.topic,
        status,
        order,
        inReport: true,
      });
    });
  }
  return out;
}
