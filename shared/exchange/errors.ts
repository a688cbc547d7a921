import type { Lang } from '../i18n/lang';

/**
 * Why a package was refused. Codes, not texts: `describeExchangeError` words them in Kazakh
 * and Russian. Whatever the code, nothing of the registry was changed.
 */
export const EXCHANGE_ERROR_CODES = [
  /** Not an exchange package at all. */
  'not_a_package',
  /** A backup chosen instead of a package. */
  'is_backup',
  /** Made by a newer Tizilim whose package format this one cannot read. */
  'newer_version',
  /** Bytes changed, cut off, or records that break the format. */
  'damaged',
  /** The office's password does not open it. */
  'wrong_password',
  /** A package of another office. */
  'other_office',
  /** Written for another laptop of the office. */
  'not_for_this_device',
  /** This laptop's own package. */
  'own_package',
  /** Already received: receiving it again changes nothing. */
  'already_received',
  /** Older than a package already received from that laptop: it changes nothing. */
  'older',
] as const;
export type ExchangeErrorCode = (typeof EXCHANGE_ERROR_CODES)[number];

export class ExchangeError extends Error {
  readonly code: ExchangeErrorCode;
  readonly detail: string;
  constructor(code: ExchangeErrorCode, detail = '', options?: { cause?: unknown }) {
    super(detail === '' ? code : `${code}: ${detail}`, options);
    this.name = 'ExchangeError';
    this.code = code;
    this.detail = detail;
  }
}

export function isExchangeError(error: unknown, code?: ExchangeErrorCode): error is ExchangeError {
  return error instanceof ExchangeError && (code === undefined || error.code === code);
}

/** The refusal as the office reads it; each ends with "nothing was changed" or what to do. */
export function describeExchangeError(code: ExchangeErrorCode, lang: Lang): string {
  const kk = lang === 'kk';
  switch (code) {
    case 'not_a_package':
      return kk
        ? 'Бұл Tizilim алмасу бумасы емес (.tizilim-exchange). Деректер өзгерген жоқ.'
        : 'Это не пакет обмена Tizilim (.tizilim-exchange). Данные не изменены.';
    case 'is_backup':
      return kk
        ? 'Бұл алмасу бумасы емес, резервтік көшірме. Оны «Деректер» бөлімінде қалпына келтіру арқылы ашыңыз. Деректер өзгерген жоқ.'
        : 'Это не пакет обмена, а резервная копия. Её открывают через восстановление в разделе «Данные». Данные не изменены.';
    case 'newer_version':
      return kk
        ? 'Бума Tizilim-нің жаңарақ нұсқасында жасалған. Осы ноутбуктағы Tizilim-ді жаңартып, буманы қайта қабылдаңыз. Деректер өзгерген жоқ.'
        : 'Пакет создан более новой версией Tizilim. Обновите Tizilim на этом ноутбуке и примите пакет ещё раз. Данные не изменены.';
    case 'damaged':
      return kk
        ? 'Бума зақымдалған немесе толық көшірілмеген. Жіберушіден буманы қайта жасауды сұраңыз. Деректер өзгерген жоқ.'
        : 'Пакет повреждён или скопирован не полностью. Попросите отправителя создать пакет заново. Данные не изменены.';
    case 'wrong_password':
      return kk
        ? 'Құпиясөз бұл буманы ашпайды. Кеңсенің резервтік көшірмелер құпиясөзін енгізіңіз. Деректер өзгерген жоқ.'
        : 'Пароль не подходит к пакету. Введите пароль резервных копий вашей приёмной. Данные не изменены.';
    case 'other_office':
      return kk
        ? 'Бума басқа кеңсенің деректерінен жасалған, оны қабылдауға болмайды. Деректер өзгерген жоқ.'
        : 'Пакет создан из данных другой приёмной, принять его нельзя. Данные не изменены.';
    case 'not_for_this_device':
      return kk
        ? 'Бума кеңсенің басқа ноутбугына арналған. Деректер өзгерген жоқ.'
        : 'Пакет предназначен для другого ноутбука приёмной. Данные не изменены.';
    case 'own_package':
      return kk
        ? 'Бұл буманы осы ноутбук өзі жасаған: оны басқа ноутбукта қабылдаңыз. Деректер өзгерген жоқ.'
        : 'Этот пакет создан на этом же ноутбуке: принимать его нужно на другом. Данные не изменены.';
    case 'already_received':
      return kk
        ? 'Бұл бума бұрын қабылданған: қайта қабылдау ештеңе өзгертпейді.'
        : 'Этот пакет уже принят: повторный приём ничего не меняет.';
    case 'older':
      return kk
        ? 'Бұл бума сол ноутбуктан бұрын қабылданған жаңарақ бумадан ескі: ондағының бәрі бар. Деректер өзгерген жоқ.'
        : 'Этот пакет старше уже принятого с того же ноутбука: всё из него уже есть. Данные не изменены.';
  }
}
