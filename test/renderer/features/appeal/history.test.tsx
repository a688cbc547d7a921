import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { HistoryTimeline, type HistoryLookups } from '@renderer/features/appeal/history';
import { initI18n } from '@renderer/i18n';
import { DEFAULT_TOPICS, makeEvent, type AppEvent } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';

const APPEAL = '01900000-0000-7000-8000-000000000001';
const APPLICANT_OLD = '01900000-0000-7000-8000-0000000000a1';
const APPLICANT_NEW = '01900000-0000-7000-8000-0000000000a2';

const lookups: HistoryLookups = {
  users: [
    { id: 'aigerim', fullName: 'Айгерім Нұрланқызы', role: 'assistant', active: true },
    { id: 'serik', fullName: 'Серік Ахметов', role: 'deputy', active: false },
  ],
  topics: DEFAULT_TOPICS,
  applicantNames: new Map([
    [APPLICANT_OLD, 'Сейітқали Гүлнар'],
    [APPLICANT_NEW, 'Иванова Ольга'],
  ]),
  attachmentNames: new Map(),
};

function at(minutes: number) {
  return new Date(Date.UTC(2026, 10, 20, 5, minutes)).toISOString();
}

const events: AppEvent[] = [
  makeEvent({
    appealId: APPEAL,
    type: 'created',
    data: { regNo: '2026-0042' },
    now: at(0),
    userId: 'aigerim',
  }),
  makeEvent({
    appealId: APPEAL,
    type: 'fieldChanged',
    now: at(5),
    userId: 'serik',
    data: {
      changes: [
        { field: 'subject', from: 'Су жоқ', to: 'Ыстық су жоқ' },
        { field: 'channel', from: 'phone', to: 'reception' },
        { field: 'priority', from: false, to: true },
        { field: 'topic', from: 'water', to: 'heating_gas' },
        { field: 'assignee', from: null, to: 'aigerim' },
        { field: 'applicantId', from: APPLICANT_OLD, to: APPLICANT_NEW },
        { field: 'receivedAt', from: '2026-11-20T10:00', to: '2026-11-19T17:30' },
        {
          field: 'location',
          from: { locality: 'Астана', district: '', street: '', building: '' },
          to: { locality: 'Астана', district: 'Есіл', street: 'Кенесары', building: '5' },
        },
        { field: 'tags', from: [], to: ['жылу', 'су'] },
        { field: 'futureField', from: 1, to: 2 },
      ],
    },
  }),
  makeEvent({
    appealId: APPEAL,
    type: 'statusChanged',
    now: at(10),
    userId: 'aigerim',
    data: {
      from: 'in_progress',
      to: 'decided',
      action: 'decide',
      outcome: 'not_resolved',
      notResolvedReason: 'needs_budget',
      decidedOn: '2026-11-21',
      outcomeSummary: 'Жөндеу келесі жылы',
    },
  }),
  makeEvent({
    appealId: APPEAL,
    type: 'deadlineExtended',
    now: at(15),
    userId: 'aigerim',
    data: { from: '2026-12-11', to: '2027-01-20', reason: 'Органның жауабы күтілуде' },
    note: 'Органның жауабы күтілуде',
  }),
  makeEvent({
    appealId: APPEAL,
    type: 'applicantInformed',
    now: at(20),
    userId: 'ghost',
    data: { informedAt: '2026-11-21T15:00', via: 'whatsapp' },
  }),
  makeEvent({
    appealId: APPEAL,
    type: 'noteAdded',
    now: at(25),
    userId: 'aigerim',
    data: {},
    note: 'Қоңырау шалдым',
  }),
];

async function renderTimeline(lang: Lang) {
  const i18n = await initI18n(lang);
  render(
    <I18nextProvider i18n={i18n}>
      <HistoryTimeline events={events} lookups={lookups} />
    </I18nextProvider>,
  );
  return screen.getAllByRole('listitem').filter((li) => li.classList.contains('timeline-item'));
}

function changes(items: HTMLElement[]) {
  const item = items.find((li) => li.classList.contains('event-fieldChanged'))!;
  return within(item)
    .getAllByRole('listitem')
    .map((li) => li.textContent);
}

describe('history timeline', () => {
  it('lists field changes with translated names and values, in Kazakh', async () => {
    const items = await renderTimeline('kk');
    expect(changes(items)).toEqual([
      'Қысқаша мазмұны: Су жоқ → Ыстық су жоқ',
      'Келіп түсу арнасы: Телефон → Жеке қабылдау',
      'Басымдық: Жоқ → Иә',
      'Тақырыбы: Сумен жабдықтау және су бұру → Жылумен жабдықтау және газ',
      'Орындаушы: (бос) → Айгерім Нұрланқызы',
      'Өтініш беруші: Сейітқали Гүлнар → Иванова Ольга',
      'Келіп түскен күні мен уақыты: 20.11.2026 10:00 → 19.11.2026 17:30',
      'Проблеманың орны: Астана → Астана, Есіл, Кенесары, 5',
      'Белгілер: (бос) → жылу, су',
      'futureField: 1 → 2',
    ]);
  });

  it('lists the same changes in Russian', async () => {
    const items = await renderTimeline('ru');
    expect(changes(items)).toEqual([
      'Краткое содержание: Су жоқ → Ыстық су жоқ',
      'Канал поступления: Телефон → Личный приём',
      'Приоритет: Нет → Да',
      'Тема: Водоснабжение и водоотведение → Теплоснабжение и газ',
      'Исполнитель: (пусто) → Айгерім Нұрланқызы',
      'Заявитель: Сейітқали Гүлнар → Иванова Ольга',
      'Дата и время поступления: 20.11.2026 10:00 → 19.11.2026 17:30',
      'Место проблемы: Астана → Астана, Есіл, Кенесары, 5',
      'Метки: (пусто) → жылу, су',
      'futureField: 1 → 2',
    ]);
  });

  it('shows who and when (UTC+5), newest first, and spells out each kind of event', async () => {
    const items = await renderTimeline('ru');
    expect(items.map((li) => li.querySelector('.timeline-title')?.textContent)).toEqual([
      'Добавлена заметка',
      'Заявитель уведомлён',
      'Продлён срок рассмотрения',
      'Изменён статус',
      'Изменены данные',
      'Обращение зарегистрировано',
    ]);
    const [note, informed, extended, status, changed, created] = items as [
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
    ];
    expect(created).toHaveTextContent('20.11.2026 10:00');
    expect(created).toHaveTextContent('Айгерім Нұрланқызы');
    expect(created).toHaveTextContent('Регистрационный номер: 2026-0042');
    // A former staff member is still named; an unknown id is said to be unknown.
    expect(changed).toHaveTextContent('Серік Ахметов');
    expect(informed).toHaveTextContent('Неизвестный сотрудник');
    expect(informed).toHaveTextContent('21.11.2026 15:00, WhatsApp');
    expect(status).toHaveTextContent('В работе → Решение принято');
    expect(status).toHaveTextContent('Результат: Не решено');
    expect(status).toHaveTextContent('Причина: Требуется бюджетное финансирование');
    expect(status).toHaveTextContent('Дата решения: 21.11.2026');
    expect(status).toHaveTextContent('Что сделано: Жөндеу келесі жылы');
    expect(extended).toHaveTextContent('11.12.2026 → 20.01.2027');
    // The reason is shown once, not repeated as the note.
    expect(extended.textContent?.match(/Органның жауабы күтілуде/g)).toHaveLength(1);
    expect(note.querySelector('.timeline-note')).toHaveTextContent('Қоңырау шалдым');
  });

  it('can be printed oldest first in a fixed language', async () => {
    const i18n = await initI18n('kk');
    render(
      <I18nextProvider i18n={i18n}>
        <HistoryTimeline events={events} lookups={lookups} order="oldest" lang="ru" />
      </I18nextProvider>,
    );
    const titles = [...document.querySelectorAll('.timeline-title')].map((e) => e.textContent);
    expect(titles[0]).toBe('Обращение зарегистрировано');
    expect(titles.at(-1)).toBe('Добавлена заметка');
  });
});
