import { useTranslation } from 'react-i18next';
import { messageFor } from '@shared/validation/messages';
import { useLang } from '@renderer/ui/useLang';
import { isFormErrorCode } from './formModel';

/**
 * Turns an error's message CODE into text in the current language: the form's own codes
 * from appealForm.errors, every other code through the shared catalog (messageFor).
 */
export function useErrorText(): (error: { message?: string } | undefined) => string | undefined {
  const { t } = useTranslation();
  const lang = useLang();
  return (error) => {
    if (!error) return undefined;
    const code = error.message ?? '';
    return isFormErrorCode(code) ? t(`appealForm.errors.${code}`) : messageFor(code, lang);
  };
}
