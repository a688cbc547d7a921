/**
 * Messages of the two openness records (shared/domain/openness.ts): a published report's link
 * and a feedback round. Kept next to their one rule; messages.ts spreads them into MESSAGES.
 */

/** A link to where a report was published: a web address, or nothing. */
export function isPublicationLink(value: string): boolean {
  if (value === '') return true;
  if (!/^https?:\/\/[^\s]+$/i.test(value)) return false;
  try {
    return new URL(value).hostname.includes('.');
  } catch {
    return false;
  }
}

export const opennessMessages = {
  publication_link_invalid: {
    kk: 'Сілтеме https:// немесе http:// деп басталатын веб-мекенжай болуы керек',
    ru: 'Ссылка должна быть веб-адресом, начинающимся с https:// или http://',
  },
  publication_quarter_taken: {
    kk: 'Бұл тоқсан есебінің жариялануы бұрын жазылған: бар жазбаны өзгертіңіз',
    ru: 'Публикация отчёта за этот квартал уже записана: измените существующую запись',
  },
  publication_before_quarter_end: {
    kk: 'Тоқсан есебі тоқсан аяқталмай тұрып жарияланбайды: күнді немесе тоқсанды тексеріңіз',
    ru: 'Отчёт за квартал не публикуют до конца квартала: проверьте дату или квартал',
  },
  feedback_before_decision: {
    kk: 'Кері байланыс мәслихат шешімі қабылданғанға дейін жиналмайды',
    ru: 'Отклики не могут быть собраны раньше решения маслихата',
  },
} as const;

export type OpennessErrorCode = keyof typeof opennessMessages;
