import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { BrowserRouter, Link as RouterLink, NavLink, Route, Routes, useLocation } from 'react-router';
import { useMutation } from 'urql';
import { Alert, Button, Heading, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { Loading } from '../components/States';
import { RouteBoundary } from '../components/RouteBoundary';
import { LogoutMutation } from '../features/auth/auth.graphql';
import { SessionProvider, useSession } from '../features/auth/session';
import { useRememberLanguageOnUser } from '../features/auth/language';
import { useI18n, type Locale } from '../i18n/i18n';
import { useCodeText } from '../i18n/codes';
import { errorMessage } from '../lib/errors';
import type { MessageKey } from '../i18n/nb';
import { canImportContacts, mayAdministerUsers } from '@samordna/domain';

// Each page is its own chunk: the first route loads only what it draws.
const OverviewPage = lazy(() => import('../features/overview/OverviewPage'));
const CoverageMapPage = lazy(() => import('../features/coverage/CoverageMapPage'));
const AgreementsPage = lazy(() => import('../features/agreements/AgreementsPage'));
const AgreementDetailPage = lazy(() => import('../features/agreements/AgreementDetailPage'));
const CostsPage = lazy(() => import('../features/costs/CostsPage'));
const FinancePage = lazy(() => import('../features/finance/FinancePage'));
const ContactsPage = lazy(() => import('../features/contacts/ContactsPage'));
const RoutinesPage = lazy(() => import('../features/routines/RoutinesPage'));
const MovingToPage = lazy(() => import('../features/routines/MovingToPage'));
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const AccountPage = lazy(() => import('../features/users/AccountPage'));
const InvitationPage = lazy(() => import('../features/users/InvitationPage'));
const ResetPasswordPage = lazy(() => import('../features/users/ResetPasswordPage'));
const AgreementDocumentPage = lazy(() => import('../features/documents/AgreementDocumentPage'));
const WebTextPage = lazy(() => import('../features/webtext/WebTextPage'));
const ImportPage = lazy(() => import('../features/imports/ImportPage'));
const RemindersPage = lazy(() => import('../features/reminders/RemindersPage'));
const MunicipalitiesPage = lazy(() =>
  import('../features/municipalities/MunicipalitiesPage').then((m) => ({ default: m.MunicipalitiesPage })),
);

// Opened on the map: its shapes (the largest download, projected at build time) are fetched as the
// app starts, beside the page's code and queries instead of after them. The page uses the same fetch (mapShapes.ts).
if (typeof window !== 'undefined' && window.location.pathname === '/kart') {
  void import('../features/coverage/mapShapes').then((m) => m.loadMapShapes()).catch(() => undefined);
}

const NAV: { to: string; key: MessageKey }[] = [
  { to: '/', key: 'nav.overview' },
  { to: '/kart', key: 'nav.map' },
  { to: '/kostnader', key: 'nav.costs' },
  { to: '/avtaler', key: 'nav.agreements' },
  { to: '/kontakter', key: 'nav.contacts' },
  { to: '/rutiner', key: 'nav.routines' },
  { to: '/kommuner', key: 'nav.municipalities' },
];

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('notFound.heading')}
      </Heading>
      <Paragraph>{t('common.notFound')}</Paragraph>
      <Paragraph>
        <RouterLink to="/">{t('notFound.back')}</RouterLink>
      </Paragraph>
    </>
  );
}

/**
 * `document.title` follows the page's main heading (WCAG 2.4.2): «Kostnader – Samordna». After
 * going to another page (not on the first load), focus moves to its main heading once it is drawn,
 * so that a screen reader announces the new page and Tab continues from there.
 */
function useDocumentTitle(appTitle: string, pathname: string) {
  const first = useRef(true);
  const focusPending = useRef(false);
  useEffect(() => {
    if (first.current) first.current = false;
    else focusPending.current = true;
  }, [pathname]);
  useEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    const update = () => {
      const heading = main.querySelector('h1');
      const h1 = heading?.textContent?.trim();
      const title = h1 && h1 !== appTitle ? `${h1} – ${appTitle}` : appTitle;
      if (document.title !== title) document.title = title;
      if (heading && focusPending.current) {
        focusPending.current = false;
        // Only when nothing else took the focus meanwhile (a page that focuses a field itself keeps it).
        if (
          document.activeElement === document.body ||
          document.activeElement === null ||
          heading.closest('main')?.contains(document.activeElement) === false
        ) {
          if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
          heading.focus();
        }
      }
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [appTitle]);
}

function UserMenu() {
  const { t } = useI18n();
  const codes = useCodeText();
  const { me, refresh } = useSession();
  const [logoutState, logout] = useMutation(LogoutMutation);
  if (!me) {
    return (
      <RouterLink to="/logg-inn" className="user-menu">
        {t('auth.login')}
      </RouterLink>
    );
  }
  return (
    <div className="user-menu" data-testid="user-menu">
      <span>
        <RouterLink to="/min-konto">
          <strong>{me.name}</strong>
        </RouterLink>
        <br />
        <small className="muted">{me.grants.map((g) => codes.role(g.role)).join(', ')}</small>
      </span>
      <Button
        variant="tertiary"
        data-size="sm"
        disabled={logoutState.fetching}
        onClick={async () => {
          // A failed logout leaves the session as it was: say so rather than ask the server again.
          const r = await logout({});
          if (!r.error) refresh();
        }}
      >
        {t('auth.logout')}
      </Button>
      {logoutState.error && (
        <Alert data-color="danger" data-size="sm" role="alert">
          {errorMessage(logoutState.error, t('error.network'))}
        </Alert>
      )}
    </div>
  );
}

export function Shell() {
  const { t, locale, setLocale } = useI18n();
  const { me, grants } = useSession();
  const { pathname } = useLocation();
  useRememberLanguageOnUser();
  // Finance staff of a host (and administrators) get the finance workspace next to the costs.
  const withFinance = grants.some((g) => g.role === 'FINANCE' || g.role === 'ADMIN')
    ? [...NAV.slice(0, 3), { to: '/okonomi', key: 'nav.finance' as MessageKey }, ...NAV.slice(3)]
    : NAV;
  const signedIn = me ? [...withFinance, { to: '/paminnelser', key: 'nav.reminders' as MessageKey }] : withFinance;
  const withUsers = mayAdministerUsers(grants)
    ? [...signedIn, { to: '/brukere', key: 'nav.users' as MessageKey }]
    : signedIn;
  const nav = canImportContacts(grants)
    ? [...withUsers, { to: '/import', key: 'nav.import' as MessageKey }]
    : withUsers;
  const other: Locale = locale === 'nb' ? 'en' : 'nb';
  // On a phone the menu folds behind a button; it closes when a page is chosen, and on Escape.
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  useEffect(() => setMenuOpen(false), [pathname]);
  useDocumentTitle(t('app.title'), pathname);
  return (
    <>
      <SkipLink href="#main">{t('app.skipToContent')}</SkipLink>
      <header
        className="app-header"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && menuOpen) {
            setMenuOpen(false);
            menuButton.current?.focus();
          }
        }}
      >
        <div className="brand">
          <span className="brand-name">{t('app.title')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <button
          ref={menuButton}
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden="true" className="menu-icon">
            {menuOpen ? '✕' : '☰'}
          </span>{' '}
          {t('nav.menu')}
        </button>
        <div id="main-menu" className="header-menu" data-open={menuOpen}>
          <nav aria-label={t('nav.main')}>
            <ul>
              {nav.map((n) => (
                <li key={n.to}>
                  <NavLink to={n.to} end={n.to === '/'}>
                    {t(n.key)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <UserMenu />
          <button type="button" className="locale-switch" lang={other} onClick={() => setLocale(other)}>
            {other === 'en' ? 'English' : 'Norsk (bokmål)'}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <RouteBoundary key={pathname}>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/" element={<OverviewPage />} />
              <Route path="/kart" element={<CoverageMapPage />} />
              <Route path="/avtaler" element={<AgreementsPage />} />
              <Route path="/avtaler/:id" element={<AgreementDetailPage />} />
              <Route path="/avtaler/:id/dokument" element={<AgreementDocumentPage />} />
              <Route path="/kostnader" element={<CostsPage />} />
              <Route path="/okonomi" element={<FinancePage />} />
              <Route path="/kontakter" element={<ContactsPage />} />
              <Route path="/rutiner" element={<RoutinesPage />} />
              <Route path="/flytter/:kommunenummer" element={<MovingToPage />} />
              <Route path="/kommuner" element={<MunicipalitiesPage />} />
              <Route path="/kommuner/:kommunenummer/nettekst" element={<WebTextPage />} />
              <Route path="/paminnelser" element={<RemindersPage />} />
              <Route path="/import" element={<ImportPage />} />
              <Route path="/logg-inn" element={<LoginPage />} />
              <Route path="/brukere" element={<UsersPage />} />
              <Route path="/min-konto" element={<AccountPage />} />
              <Route path="/invitasjon" element={<InvitationPage />} />
              <Route path="/nytt-passord" element={<ResetPasswordPage />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </RouteBoundary>
      </main>
      <footer className="app-footer">
        <Paragraph data-size="sm">{t('footer.sources')}</Paragraph>
      </footer>
    </>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </BrowserRouter>
  );
}
