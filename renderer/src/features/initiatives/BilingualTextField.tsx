import { useWatch, type FieldPath, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { asBilingual, bothTexts } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { BilingualFields } from '@renderer/ui/BilingualFields';
import { PiiWarning } from './PiiWarning';

/**
 * One public text of an initiative or a plan item as its dialog shows it: Kazakh and Russian
 * side by side across the form's two columns, each language's error under its box, and the
 * personal-data warning below while either text looks like it names someone.
 */
export function BilingualTextField<V extends FieldValues, O>({
  form,
  name,
  errorOf,
  label,
  hint,
  required,
  rows,
}: {
  form: UseFormReturn<V, unknown, O>;
  /** The form's {kk, ru} pair. */
  name: FieldPath<V>;
  errorOf: (path: FieldPath<V>) => string | null;
  label: string;
  hint: string;
  required?: boolean;
  /** A textarea of this many lines; without it a one-line input, focused first (a title). */
  rows?: number;
}) {
  // The form holds pairs; `asBilingual` also reads a value not yet in that shape.
  const value = asBilingual(useWatch({ control: form.control, name }));
  const path = (lang: Lang) => `${name}.${lang}` as FieldPath<V>;
  return (
    <>
      <div className="span-2">
        <BilingualFields
          label={label}
          required={required}
          hint={hint}
          values={value}
          errors={{ kk: errorOf(path('kk')), ru: errorOf(path('ru')) }}
        >
          {(l) =>
            rows === undefined ? (
              <input
                autoFocus={l === 'kk'}
                autoComplete="off"
                lang={l}
                {...form.register(path(l))}
              />
            ) : (
              <textarea rows={rows} lang={l} {...form.register(path(l))} />
            )
          }
        </BilingualFields>
      </div>
      <PiiWarning text={bothTexts(value)} />
    </>
  );
}
