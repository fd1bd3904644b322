/** The discussion's numbers on the hall screen, per draft: opinions from delegates and groups, and how they were answered. */
import { useTranslation } from 'react-i18next';
import type { DiscussionNumbersView } from '../../api/index.ts';
import { formatInteger } from '../../locale/vi.ts';

export const DiscussionSlide = ({ documents }: { readonly documents: DiscussionNumbersView }) => {
  const { t } = useTranslation();
  return (
    <section className="hall-discussion" aria-labelledby="hall-discussion-title" data-testid="hall-discussion">
      <h2 id="hall-discussion-title">{t('hall.discussion.title')}</h2>
      <ol className="hall-discussion-documents">
        {documents.map((d) => (
          <li key={d.documentId} data-testid="hall-discussion-document">
            <h3>{d.title}{d.versionNumber !== null && d.versionNumber > 1 ? ` — ${t('hall.discussion.version', { number: d.versionNumber })}` : ''}</h3>
            <dl className="hall-discussion-figures">
              <div><dt>{t('hall.discussion.comments')}</dt><dd>{formatInteger(d.comments)}</dd></div>
              <div><dt>{t('hall.discussion.delegates')}</dt><dd>{formatInteger(d.delegates)}</dd></div>
              <div><dt>{t('hall.discussion.groups')}</dt><dd>{t('hall.discussion.ofGroups', { reporting: d.groupsReporting, groups: d.groups })}</dd></div>
              <div><dt>{t('hall.discussion.groupOpinions')}</dt><dd>{formatInteger(d.groupOpinions)}</dd></div>
              <div><dt>{t('hall.discussion.units')}</dt><dd>{formatInteger(d.units)}</dd></div>
              <div><dt>{t('hall.discussion.answered')}</dt><dd>{t('hall.discussion.answers', { accepted: d.accepted, explained: d.explained, notAccepted: d.notAccepted })}</dd></div>
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
};
