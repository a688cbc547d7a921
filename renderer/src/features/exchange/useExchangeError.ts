import { useTranslation } from 'react-i18next';
import { describeExchangeError, isExchangeError } from '@shared/exchange';
import { RepositoryError } from '@renderer/db/repositories';
import { useLang } from '@renderer/ui/useLang';

/** A refusal or failure of an exchange as the office reads it, in the interface's language. */
export function useExchangeError(): (error: unknown) => string {
  const { t } = useTranslation();
  const lang = useLang();
  return (error) => {
    if (isExchangeError(error)) return describeExchangeError(error.code, lang);
    if (error instanceof RepositoryError && error.detail === 'exchange_settings_required') {
      return t('exchange.errors.settings');
    }
    if (error instanceof RepositoryError && error.detail === 'exchange_nothing_received') {
      return t('exchange.errors.nothingReceived');
    }
    return t('exchange.errors.unexpected', {
      detail: error instanceof Error ? error.message : String(error),
    });
  };
}
