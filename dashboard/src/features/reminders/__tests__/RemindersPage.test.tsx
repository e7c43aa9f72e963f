import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import RemindersPage from '../RemindersPage';
import { ANONYMOUS, networkError, renderPage } from '../../../../test/render';

const R = (over: Record<string, unknown>) => ({
  key: 'k',
  kind: 'NOTICE_DEADLINE',
  dueOn: '2027-06-30',
  daysLeft: 20,
  horizon: 30,
  params: {
    agreement: 'Samarbeidsavtale Salten',
    municipality: null,
    centre: null,
    summary: null,
    count: null,
    months: null,
    end: '2027-12-31',
  },
  link: '/avtaler/a1',
  ...over,
});
const DATA = (reminders: unknown[], createdAt: string | null = null) => ({
  data: { myReminders: reminders, myCalendarFeedCreatedAt: createdAt },
});

describe('RemindersPage', () => {
  it('asks an anonymous visitor to sign in', async () => {
    renderPage(<RemindersPage />, { Me: ANONYMOUS });
    expect(await screen.findByRole('link', { name: 'Logg inn for å se påminnelsene dine.' })).toHaveAttribute(
      'href',
      '/logg-inn',
    );
  });

  it('loading, error and empty states', async () => {
    const a = renderPage(<RemindersPage />, { MyReminders: 'pending' });
    expect(await screen.findByRole('status')).toHaveTextContent('Henter');
    a.unmount();
    const b = renderPage(<RemindersPage />, { MyReminders: networkError() });
    expect(await screen.findByRole('alert')).toHaveTextContent('Får ikke kontakt');
    b.unmount();
    renderPage(<RemindersPage />, { MyReminders: DATA([]) });
    expect(await screen.findByTestId('reminders-empty')).toHaveTextContent('Ingen frister');
  });

  it('groups reminders by horizon, overdue first, each linked to where it is acted on', async () => {
    renderPage(<RemindersPage />, {
      MyReminders: DATA([
        R({
          key: 'c',
          kind: 'CONTACT_VERIFICATION',
          dueOn: '2027-06-01',
          daysLeft: -9,
          horizon: 0,
          params: {
            agreement: null,
            municipality: 'Fauske',
            centre: null,
            summary: null,
            count: 1,
            months: 6,
            end: null,
          },
          link: '/kontakter?kommune=1841',
        }),
        R({}),
        R({
          key: 'b',
          kind: 'BUDGET_CUTOFF',
          dueOn: '2027-10-01',
          daysLeft: 113,
          horizon: 180,
          params: {
            agreement: 'Salten',
            municipality: null,
            centre: null,
            summary: null,
            count: null,
            months: null,
            end: null,
          },
        }),
      ]),
    });
    const overdue = await screen.findByTestId('horizon-0');
    expect(within(overdue).getByRole('heading')).toHaveTextContent('Forfalt');
    expect(within(overdue).getByRole('link')).toHaveAttribute('href', '/kontakter?kommune=1841');
    expect(overdue).toHaveTextContent('01.06.2027 (for 9 dager siden)');
    const soon = screen.getByTestId('horizon-30');
    expect(within(soon).getByRole('heading')).toHaveTextContent('Innen 30 dager');
    expect(soon).toHaveTextContent('Oppsigelsesfrist');
    expect(soon).toHaveTextContent('30.06.2027 (om 20 dager)');
    expect(screen.queryByTestId('horizon-90')).toBeNull();
    expect(within(screen.getByTestId('horizon-180')).getByRole('link')).toHaveTextContent(
      'Frist for budsjettet: Salten',
    );
    expect(overdue).toHaveTextContent('Kontakter må bekreftes: Fauske');
    expect(overdue).toHaveTextContent('1 kontakt i Fauske er ikke bekreftet de siste 6 månedene');
    expect(soon).toHaveTextContent(
      'Siste dag for oppsigelse er 30.06.2027; avtalen kan da tidligst avsluttes 31.12.2027.',
    );
  });

  it('words every reminder in English from its kind and parameters', async () => {
    localStorage.setItem('samordna.locale', 'en');
    try {
      renderPage(<RemindersPage />, {
        MyReminders: DATA([
          R({}),
          R({
            key: 'r',
            kind: 'ROUTINE_REVIEW',
            horizon: 90,
            params: {
              agreement: null,
              municipality: 'Vefsn',
              centre: 'Helgeland krisesenter',
              summary: null,
              count: null,
              months: null,
              end: null,
            },
          }),
        ]),
      });
      const soon = await screen.findByTestId('horizon-30');
      expect(within(soon).getByRole('link')).toHaveTextContent('Notice deadline: Samarbeidsavtale Salten');
      expect(soon).toHaveTextContent(
        'The last day to give notice is 30.06.2027; the agreement can then end on 31.12.2027 at the earliest.',
      );
      const later = screen.getByTestId('horizon-90');
      expect(later).toHaveTextContent('Routine due for review: Helgeland krisesenter – Vefsn');
      expect(later).toHaveTextContent(
        'The handover routine between Helgeland krisesenter and Vefsn is due for review by 30.06.2027.',
      );
      expect(document.body.textContent).not.toMatch(/Oppsigelsesfrist|Siste dag|skal gjennomgås/);
    } finally {
      localStorage.removeItem('samordna.locale');
    }
  });

  it('makes a calendar link, shows it once, and revokes it', async () => {
    const user = userEvent.setup();
    const { calls } = renderPage(<RemindersPage />, {
      MyReminders: DATA([R({})]),
      CreateCalendarFeed: {
        data: {
          createCalendarFeed: { url: 'https://samordna.test/calendar/abc.ics', createdAt: '2027-06-10T10:00:00Z' },
        },
      },
      RevokeCalendarFeed: { data: { revokeCalendarFeed: true } },
    });
    await user.click(await screen.findByRole('button', { name: 'Lag kalenderlenke' }));
    expect(await screen.findByLabelText('Kalenderlenke')).toHaveValue('https://samordna.test/calendar/abc.ics');
    await user.click(screen.getByRole('button', { name: 'Trekk tilbake lenken' }));
    expect(screen.queryByLabelText('Kalenderlenke')).toBeNull();
    expect(calls.map((c) => c.name)).toEqual(expect.arrayContaining(['CreateCalendarFeed', 'RevokeCalendarFeed']));
  });

  it('says when a link exists without showing it again', async () => {
    renderPage(<RemindersPage />, { MyReminders: DATA([], '2027-06-01T10:00:00Z') });
    expect(await screen.findByText(/Du har en kalenderlenke laget 01\.06\.2027/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Lag ny lenke (den gamle slutter å virke)' })).toBeInTheDocument();
  });
});
