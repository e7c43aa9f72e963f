import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { Loading, QueryError } from '../../components/States';
import {
  AGENCY_KIND_LABELS,
  canActForMunicipality,
  ROUTINE_STATUS_LABELS,
  STEP_TIMING_LABELS,
  todayInNorway,
} from '@samordna/domain';
import { useI18n } from '../../i18n/i18n';
import { SaveButton } from '../../components/SaveButton';
import { formatDate, formatOsloDate } from '../../lib/format';
import { fieldErrors, unplacedErrors } from '../../lib/errors';
import { useSession } from '../auth/session';
import { PrintHeader } from '../contacts/PrintHeader';
import { SetSwitchboardMutation } from '../contacts/contacts.graphql';
import { MovingToQuery } from './routines.graphql';
import { ScrollTable } from '../../components/ScrollTable';

/**
 * The municipality's switchboard, or «ikke registrert» (no number is ever guessed); its own users
 * (the director, administrators) register or change it here, with a source.
 */
function Switchboard({
  kommunenummer,
  phone,
  source,
}: {
  kommunenummer: string;
  phone: string | null | undefined;
  source: string | null | undefined;
}) {
  const { t } = useI18n();
  const { me, grants } = useSession();
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState({ phone: '', source: '' });
  const [state, save] = useMutation(SetSwitchboardMutation);
  const [saved, setSaved] = useState(false);
  const errors = fieldErrors(state.error);
  const problems = unplacedErrors(state.error, t('error.network'), ['phone', 'source']);
  return (
    <section aria-labelledby="switchboard-heading" className="block" data-testid="switchboard">
      <Heading level={2} data-size="sm" id="switchboard-heading">
        {t('moving.switchboard')}
      </Heading>
      <Paragraph>
        {phone ? (
          <strong className="nowrap">{phone}</strong>
        ) : (
          <span className="muted">{t('moving.switchboardMissing')}</span>
        )}
        {phone && source && (
          <>
            {' '}
            <span className="muted">({t('moving.switchboardSource', { source })})</span>
          </>
        )}
      </Paragraph>
      {saved && !editing && (
        <Alert data-color="success" role="status" className="no-print">
          {t('moving.switchboardSaved')}
        </Alert>
      )}
      {me && canActForMunicipality(grants, kommunenummer) && !editing && (
        <Button
          variant="secondary"
          data-size="sm"
          className="no-print"
          onClick={() => {
            setForm({ phone: phone ?? '', source: '' });
            setSaved(false);
            setEditing(true);
          }}
        >
          {phone ? t('moving.switchboardChange') : t('moving.switchboardEdit')}
        </Button>
      )}
      {editing && (
        <form
          noValidate
          className="switchboard-form no-print"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await save({ kommunenummer, phone: form.phone || null, source: form.source || null });
            if (!r.error) {
              setEditing(false);
              setSaved(true);
            }
          }}
        >
          {problems.length > 0 && <Alert data-color="danger">{problems.join(' ')}</Alert>}
          <Textfield
            label={t('moving.switchboardPhone')}
            type="tel"
            value={form.phone}
            onChange={(e) => setForm({ ...form, phone: e.target.value })}
            error={errors.phone}
          />
          <Textfield
            label={t('moving.switchboardSourceLabel')}
            description={t('moving.switchboardSourceHint')}
            value={form.source}
            onChange={(e) => setForm({ ...form, source: e.target.value })}
            error={errors.source}
          />
          <div className="button-row">
            <SaveButton busy={state.fetching} />
            <Button variant="secondary" onClick={() => setEditing(false)}>
              {t('contacts.cancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

/** «Flytter til X»: one printable page with X's contact point, switchboard, contacts per agency (with their verification) and routine (with its status). */
export default function MovingToPage() {
  const { kommunenummer = '' } = useParams();
  const { t, locale } = useI18n();
  const [result] = useQuery({ query: MovingToQuery, variables: { kommunenummer } });
  const m = result.data?.municipality;
  if (result.error) {
    return (
      <QueryError error={result.error}>
        <RouterLink to="/rutiner">{t('nav.routines')}</RouterLink>
      </QueryError>
    );
  }
  if (!m) return <Loading />;
  const point = m.agencies.flatMap((a) =>
    a.contacts.filter((c) => c.isContactPoint).map((c) => ({ ...c, agency: a.name })),
  )[0];
  const centres = [...new Set(m.centreMemberships.filter((x) => x.isCurrent).map((x) => x.centre.name))];
  return (
    <article aria-labelledby="moving-heading" className="moving-page">
      <PrintHeader what={t('print.moving')} municipality={m.name} />
      <Heading level={1} data-size="lg" id="moving-heading">
        {t('moving.heading', { name: m.name })}
      </Heading>
      <Paragraph>{t('moving.intro', { name: m.name })}</Paragraph>
      {(m.agencies.some((a) => a.isExample) || m.handoverRoutines.some((r) => r.isExample)) && (
        <Alert data-color="warning">{t('common.exampleData')}</Alert>
      )}
      <div className="button-row no-print">
        <Button variant="secondary" onClick={() => window.print()}>
          {t('moving.print')}
        </Button>
        <RouterLink to="/rutiner">{t('nav.routines')}</RouterLink>
      </div>
      <section aria-labelledby="coordinator-heading" className="block">
        <Heading level={2} data-size="sm" id="coordinator-heading">
          {t('moving.coordinator')}
        </Heading>
        {point ? (
          <Paragraph data-testid="coordinator">
            <strong>{point.name}</strong>
            {point.title && `, ${point.title}`} ({point.agency}){' '}
            {/* A phone number never wraps inside itself; a long e-mail address may, rather than widen a phone's page. */}
            {point.phone && (
              <>
                · <span className="nowrap">{point.phone}</span>{' '}
              </>
            )}
            {point.email && (
              <>
                · <span className="break-anywhere">{point.email}</span>
              </>
            )}
          </Paragraph>
        ) : (
          <Alert data-color="warning">{t('moving.noCoordinator')}</Alert>
        )}
      </section>
      <Switchboard kommunenummer={m.kommunenummer} phone={m.switchboardPhone} source={m.switchboardSource} />
      <section aria-labelledby="agencies-heading" className="block">
        <Heading level={2} data-size="sm" id="agencies-heading">
          {t('moving.contacts')}
        </Heading>
        <ScrollTable label={t('moving.contacts')}>
          <Table border data-size="sm">
            <caption className="visually-hidden">{t('moving.contacts')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('routines.col.responsible')}</Table.HeaderCell>
                <Table.HeaderCell>{t('contacts.col.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('contacts.col.phone')}</Table.HeaderCell>
                <Table.HeaderCell>{t('contacts.col.email')}</Table.HeaderCell>
                <Table.HeaderCell>{t('moving.verified')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {m.agencies.flatMap((a) =>
                (a.contacts.length ? a.contacts : [null]).map((c, i) => (
                  <Table.Row key={`${a.id}-${c?.id ?? i}`}>
                    <Table.Cell>
                      {a.name} <span className="muted">({AGENCY_KIND_LABELS[a.kind][locale]})</span>
                    </Table.Cell>
                    <Table.Cell>{c ? `${c.name}${c.title ? `, ${c.title}` : ''}` : '–'}</Table.Cell>
                    <Table.Cell className="nowrap">{c?.phone ?? ''}</Table.Cell>
                    <Table.Cell>{c?.email ?? ''}</Table.Cell>
                    <Table.Cell className="nowrap" data-testid="moving-verified">
                      {c ? (c.verifiedAt ? formatOsloDate(c.verifiedAt) : t('contacts.never')) : ''}
                    </Table.Cell>
                  </Table.Row>
                )),
              )}
            </Table.Body>
          </Table>
        </ScrollTable>
      </section>
      {m.handoverRoutines.map((r) => (
        <section key={r.id} aria-labelledby={`routine-${r.id}`} className="block">
          <Heading level={2} data-size="sm" id={`routine-${r.id}`}>
            {t('moving.routine', { centre: r.centre.name })}
          </Heading>
          <Paragraph data-testid="moving-routine-status">
            {t('moving.routineStatus', { status: ROUTINE_STATUS_LABELS[r.status][locale].toLowerCase() })}
            {r.adoptedOn && ` · ${t('routines.adoptedOn')} ${formatDate(r.adoptedOn)}`}
          </Paragraph>
          <ol className="moving-steps">
            {r.steps.map((s) => (
              <li key={s.id}>
                <strong>{s.title}</strong> – {STEP_TIMING_LABELS[s.timing][locale].toLowerCase()};{' '}
                {s.responsibleAgencyKind
                  ? AGENCY_KIND_LABELS[s.responsibleAgencyKind][locale]
                  : t('routines.centreItself')}
                {s.contact && (
                  <>
                    {' '}
                    ({s.contact.name}
                    {s.contact.phone && (
                      <>
                        , <span className="nowrap">{s.contact.phone}</span>
                      </>
                    )}
                    )
                  </>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
      {m.handoverRoutines.length === 0 &&
        centres.map((c) => <Paragraph key={c}>{t('moving.noRoutine', { centre: c })}</Paragraph>)}
      <Paragraph data-size="sm" className="muted">
        {t('moving.generated', { date: formatDate(todayInNorway()) })}
      </Paragraph>
    </article>
  );
}
