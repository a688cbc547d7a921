import { useEffect, useRef, useState, type BaseSyntheticEvent } from 'react';
import { useForm, type FieldPath, type FieldValues } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import type { Settings, SettingsInput } from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import {
  editConflict,
  getSettings,
  RepositoryError,
  saveSettings,
} from '@renderer/db/repositories';
import { lostWriteCode } from '@renderer/ui/errors';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  /** `code` is a message code; null means "see the highlighted fields". */
  | { kind: 'failed'; code: string | null };

/**
 * A form over one section of the settings, validated with the section's part of
 * `settingsInputSchema`. While the form is untouched it follows the stored settings. On save
 * it checks that nobody changed *this section* since the form was opened (a change to another
 * section, such as the language switched meanwhile, is kept, not reported as a conflict), and
 * saves with `saveSettings`' version check so nothing can slip in between.
 */
export function useSectionForm<TIn extends FieldValues, TOut extends Partial<SettingsInput>>(
  schema: z.ZodType<TOut, TIn>,
  valuesOf: (settings: Settings) => TIn,
) {
  const { settings, ctx } = useSession();
  const db = useDb();
  const form = useForm<TIn, unknown, TOut>({
    resolver: zodResolver(schema),
    defaultValues: valuesOf(settings) as never,
  });
  const baseVersion = useRef(settings.version);
  /** The section as it was when the form was opened or last saved. */
  const baseValues = useRef(JSON.stringify(valuesOf(settings)));
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const { isDirty } = form.formState;

  useEffect(() => {
    // Only newer settings: right after a save the live query may still hold the older ones.
    if (settings.version > baseVersion.current && !isDirty) {
      baseVersion.current = settings.version;
      baseValues.current = JSON.stringify(valuesOf(settings));
      form.reset(valuesOf(settings));
    }
  }, [settings, isDirty, form, valuesOf]);

  /** Saves `values` (already validated) over the stored settings. */
  const save = async (values: Partial<SettingsInput>) => {
    setState({ kind: 'saving' });
    try {
      const current = await getSettings(db);
      if (!current) throw new RepositoryError('not_found', 'record_not_found');
      if (
        current.version !== baseVersion.current &&
        JSON.stringify(valuesOf(current)) !== baseValues.current
      ) {
        throw editConflict();
      }
      const saved = await saveSettings(db, { ...current, ...values }, ctx, {
        expectedVersion: current.version,
      });
      baseVersion.current = saved.version;
      baseValues.current = JSON.stringify(valuesOf(saved));
      form.reset(valuesOf(saved));
      setState({ kind: 'saved' });
    } catch (error) {
      const lost = lostWriteCode(error, true);
      if (lost) {
        setState({ kind: 'failed', code: lost });
        return;
      }
      if (!(error instanceof RepositoryError)) throw error;
      for (const issue of error.issues) {
        form.setError(issue.path as FieldPath<TIn>, { type: 'server', message: issue.code });
      }
      setState({ kind: 'failed', code: error.detail });
    }
  };

  const onSubmit = (event?: BaseSyntheticEvent) =>
    form.handleSubmit(save, () => setState({ kind: 'failed', code: null }))(event);

  return { form, state, save, onSubmit, isDirty };
}
