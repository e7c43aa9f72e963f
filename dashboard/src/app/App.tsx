import { Link, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { MunicipalitiesPage } from '../features/municipalities/MunicipalitiesPage';
import { useI18n, type Locale } from '../i18n/i18n';

export function App() {
  const { t, locale, setLocale } = useI18n();
  const other: Locale = locale === 'nb' ? 'en' : 'nb';
  return (
    <>
      <SkipLink href="#main">{t('app.skipToContent')}</SkipLink>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.title')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label="Hovedmeny">
          <Link href="/" aria-current="page">
            {t('nav.municipalities')}
          </Link>
        </nav>
        <button
          type="button"
          className="locale-switch"
          lang={other}
          onClick={() => {
            setLocale(other);
            document.documentElement.lang = other;
          }}
        >
          {other === 'en' ? 'English' : 'Norsk (bokmål)'}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <MunicipalitiesPage />
      </main>
      <footer className="app-footer">
        <Paragraph data-size="sm">{t('footer.sources')}</Paragraph>
      </footer>
    </>
  );
}
