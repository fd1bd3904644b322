/** The delegate's own contributions (tham luận) with their number and status, from the speakers' list. */
import { useTranslation } from 'react-i18next';
import type { Speaker } from '../api/types.ts';

export const MySpeeches = ({ speakers, delegateId }: { readonly speakers: readonly Speaker[]; readonly delegateId: number | null }) => {
  const { t } = useTranslation();
  const mine = speakers.filter((s) => delegateId !== null && s.delegateId === delegateId);
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="my-speeches-title" data-testid="my-speeches">
      <h2 id="my-speeches-title">{t('delegate.mySpeeches')}</h2>
      <ul>
        {mine.map((s) => (
          <li key={s.id}><strong>{s.position}.</strong> {s.title} — {t(`delegate.speechStatus.${s.status}`)}</li>
        ))}
      </ul>
    </section>
  );
};
