/** Monthly receptions with their visitor queues, linked to the appeals registered there. */
import { addWorkingDays, isWorkingDay } from '../../calendar';
import { formatDay, parseDay } from '../../calendar/dates';
import type {
  Appeal,
  Applicant,
  ChecklistTemplate,
  QueueEntry,
  Reception,
  Settings,
} from '../../domain';
import { type OfficeState, isoOf, stamped } from './core';

export function officeReceptions(
  o: OfficeState,
  appeals: Appeal[],
  applicants: ReadonlyMap<string, Applicant>,
  settings: Settings,
  checklist: ChecklistTemplate | undefined,
): Reception[] {
  const rng = o.rng;
  const byDay = new Map<string, Appeal[]>();
  for (const appeal of appeals) {
    if (appeal.channel !== 'reception') continue;
    const day = appeal.receivedAt.slice(0, 10);
    const list = byDay.get(day);
    if (list) list.push(appeal);
    else byDay.set(day, [appeal]);
  }
  const place = { kk: settings.receptionAddress.kk, ru: settings.receptionAddress.ru };
  const access = { kk: 'Бірінші қабат, пандус бар', ru: 'Первый этаж, есть пандус' };
  const prepared = (done: boolean) =>
    (checklist?.steps ?? []).map((step) => ({ stepId: step.id, done, note: '' }));
  const receptions: Reception[] = [];
  for (const day of [...byDay.keys()].sort()) {
    const visitors = byDay.get(day)!.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    const first = visitors[0]!.receivedAt.slice(11, 13);
    const startTime = Number(first) >= 15 ? '15:00' : '10:00';
    const endTime = startTime === '15:00' ? '18:00' : '13:00';
    const id = rng.uuidv7(Date.parse(isoOf(`${day}T${startTime}`)) - 3_600_000);
    const queue: QueueEntry[] = visitors.map((appeal, i) => {
      const person = appeal.applicantId ? applicants.get(appeal.applicantId) : undefined;
      appeal.receptionId = id;
      const arrived =
        parseDay(day) * 1440 +
        Number(appeal.receivedAt.slice(11, 13)) * 60 +
        Number(appeal.receivedAt.slice(14, 16)) -
        rng.int(3, 25);
      const arrivedAt = `${formatDay(Math.floor(arrived / 1440))}T${String(Math.floor((arrived % 1440) / 60)).padStart(2, '0')}:${String(arrived % 60).padStart(2, '0')}`;
      return {
        id: rng.uuidv7(Date.parse(isoOf(arrivedAt))),
        number: i + 1,
        arrivedAt,
        name: person?.fullName ?? '',
        phone: person?.phones[0] ?? null,
        vulnerable: (person?.vulnerableCategories.length ?? 0) > 0,
        vulnerableCategories: person?.vulnerableCategories ?? [],
        status: 'done',
        applicantId: appeal.applicantId,
        appealId: appeal.id,
        note: '',
      };
    });
    const announced = formatDay(parseDay(day) - rng.int(5, 10));
    receptions.push({
      ...stamped(o, `${announced}T10:00`),
      id,
      date: day,
      startTime,
      endTime,
      place,
      format: 'in_person',
      announcedOn: announced,
      announcedWhere: rng.pick([
        'Instagram, аула чаттары',
        'Мәслихат сайты, Telegram-арна',
        'Подъездердегі хабарландырулар, WhatsApp-топтар',
      ]),
      accessibilityNotes: access,
      status: day <= o.today ? 'held' : 'planned',
      cancelReason: null,
      checklistTemplateId: checklist?.id ?? null,
      checklist: prepared(true),
      queue,
      notes: '',
    });
  }
  // The next month's receptions are already planned and announced.
  let day = formatDay(parseDay(o.today) + 10);
  for (let n = 0; n < 2; n++) {
    while (!isWorkingDay(o.cal, day)) day = formatDay(parseDay(day) + 1);
    receptions.push({
      ...stamped(o, `${o.today}T11:00`),
      date: day,
      startTime: n === 0 ? '15:00' : '10:00',
      endTime: n === 0 ? '18:00' : '13:00',
      place,
      format: 'in_person',
      announcedOn: null,
      announcedWhere: '',
      accessibilityNotes: access,
      status: 'planned',
      cancelReason: null,
      checklistTemplateId: checklist?.id ?? null,
      checklist: prepared(false),
      queue: [],
      notes: '',
    });
    day = addWorkingDays(o.cal, day, 10);
  }
  return receptions;
}
