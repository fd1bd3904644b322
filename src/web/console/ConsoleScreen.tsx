/** The console of the convening committee staff, secretariat and presidium: one section per job. */
import { useTranslation } from 'react-i18next';
import { Link, useRouter } from '../app/router.tsx';
import { BodiesSection } from './BodiesSection.tsx';
import { DelegatesSection } from './DelegatesSection.tsx';
import { DocumentsSection } from './DocumentsSection.tsx';
import { ElectionsSection } from './ElectionsSection.tsx';
import { HallControl } from './HallControl.tsx';
import { OverviewSection } from './OverviewSection.tsx';
import { SetupSection } from './SetupSection.tsx';
import { SpeakersSection } from './SpeakersSection.tsx';
import { VotesSection } from './VotesSection.tsx';

const SECTIONS = ['overview', 'setup', 'delegates', 'bodies', 'votes', 'elections', 'speakers', 'documents'] as const;
type Section = (typeof SECTIONS)[number];

const sectionOf = (path: string): Section => {
  const s = path.split('/')[2] ?? '';
  return (SECTIONS as readonly string[]).includes(s) ? (s as Section) : 'overview';
};

const SectionBody = ({ section }: { readonly section: Section }) => {
  switch (section) {
    case 'overview':
      return <OverviewSection />;
    case 'setup':
      return <SetupSection />;
    case 'delegates':
      return <DelegatesSection />;
    case 'bodies':
      return <BodiesSection />;
    case 'votes':
      return <><HallControl /><VotesSection /></>;
    case 'elections':
      return <ElectionsSection />;
    case 'speakers':
      return <SpeakersSection />;
    case 'documents':
      return <DocumentsSection />;
  }
};

const ConsoleScreen = () => {
  const { t } = useTranslation();
  const { path } = useRouter();
  const section = sectionOf(path);
  return (
    <div className="console">
      <nav className="console-nav" aria-label={t('console.sections')}>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s}><Link to={s === 'overview' ? '/console' : `/console/${s}`} ariaCurrent={s === section}>{t(`console.${s}.title`)}</Link></li>
          ))}
        </ul>
      </nav>
      <div className="console-body">
        <h1>{t(`console.${section}.title`)}</h1>
        <SectionBody section={section} />
      </div>
    </div>
  );
};

export default ConsoleScreen;
