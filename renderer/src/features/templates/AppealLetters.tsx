import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf, type Appeal, type Applicant, type TemplateKind } from '@shared/domain';
import { idSchema } from '@shared/ids';
import type { BuiltInTemplateKey, RenderedLetter } from '@shared/templates';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { addNote } from '@renderer/db/repositories';
import { useLang } from '@renderer/ui/useLang';
import { LetterComposer, type LetterOutput } from './LetterComposer';

type AppealLetterKind = Extract<
  TemplateKind,
  'reply' | 'forwarding' | 'extension' | 'acknowledgement'
>;

const LETTERS: readonly { kind: AppealLetterKind; key: BuiltInTemplateKey }[] = [
  { kind: 'reply', key: 'reply' },
  { kind: 'forwarding', key: 'forwarding' },
  { kind: 'extension', key: 'extension' },
  { kind: 'acknowledgement', key: 'acknowledgement' },
];

/**
 * The appeal page's "Letters" card: the reply in five parts, the forwarding and extension
 * notices and the short acknowledgement, each composed from the appeal. Every letter taken
 * away is noted on the appeal's history; the appeal's status is left to the workflow.
 */
export function AppealLetters({
  appeal,
  applicant,
}: {
  appeal: Appeal;
  applicant: Applicant | null;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { user, ctx } = useSession();
  const [open, setOpen] = useState<AppealLetterKind | null>(null);
  const forwardedId =
    appeal.forwardedTo && idSchema.safeParse(appeal.forwardedTo).success
      ? appeal.forwardedTo
      : null;
  const agency = useLiveQuery(
    async () => (forwardedId ? ((await db.agencies.get(forwardedId)) ?? null) : null),
    [db, forwardedId],
  );
  const context = useMemo(
    () => ({ appeal, applicant, appeals: [appeal], agency: agency ?? null }),
    [appeal, applicant, agency],
  );
  const initialExtra = useMemo(
    () => ({ answer: appeal.outcomeSummary, contactPerson: user.fullName }),
    [appeal.outcomeSummary, user.fullName],
  );
  const current = LETTERS.find((letter) => letter.kind === open);

  const noteProduced = async (letter: RenderedLetter, output: LetterOutput) => {
    await addNote(
      db,
      appeal.id,
      t('templates.letters.note', {
        kind: labelOf('templateKind', letter.kind, lang),
        name: letter.title,
        output: t(`templates.letters.output.${output}`),
        language: labelOf('language', letter.lang, lang),
      }),
      ctx,
    );
  };

  return (
    <section className="card appeal-card appeal-letters" aria-labelledby="appeal-letters-title">
      <h2 id="appeal-letters-title">{t('templates.letters.title')}</h2>
      <p className="deadline-note">{t('templates.letters.hint')}</p>
      <div className="button-row">
        {LETTERS.map((letter) => (
          <button
            key={letter.kind}
            type="button"
            className="button small"
            data-letter={letter.kind}
            onClick={() => setOpen(letter.kind)}
          >
            {t(`templates.letters.${letter.kind}`)}
          </button>
        ))}
      </div>
      <LetterComposer
        open={current !== undefined}
        onClose={() => setOpen(null)}
        kinds={current ? [current.kind] : []}
        preferredKey={current?.key}
        context={context}
        initialExtra={initialExtra}
        defaultLang={applicant?.preferredLanguage ?? lang}
        fileRef={appeal.regNo}
        draftKey={current ? `appeal-${appeal.id}-${current.kind}` : undefined}
        title={current ? t(`templates.letters.${current.kind}`) : undefined}
        onProduced={noteProduced}
      />
    </section>
  );
}
