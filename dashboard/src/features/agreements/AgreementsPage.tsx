import { useMemo } from 'react';
import { useQuery } from 'urql';
import { Link as RouterLink } from 'react-router';
import { Checkbox, Field, Heading, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { ExampleTag } from '../../components/ExampleTag';
import { useSortedRows } from '../../components/SortHeader';
import { Loading, QueryError } from '../../components/States';
import { AGREEMENT_STATUS_LABELS, AGREEMENT_STATUSES, canAdministerAgreement, type Grant } from '@samordna/domain';
import { useSession } from '../auth/session';
import { PendingApprovals } from './PendingApprovals';
import { Permission } from '../auth/Permission';
import type { AgreementListQuery as AgreementList, AgreementStatus } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatInteger } from '../../lib/format';
import { useSearchParam } from '../../lib/useSearchParam';
import { AgreementListQuery, MyMunicipalityQuery } from './agreements.graphql';
import { CreateAgreementForm } from './CreateAgreementForm';
import { ScrollTable } from '../../components/ScrollTable';

type Agreement = AgreementList['agreements']['items'][number];
type Column = 'title' | 'centre' | 'status' | 'daysLeft';
const daysLeft = (a: Agreement) => a.deadline.daysLeft ?? Number.POSITIVE_INFINITY;

/** Ties go by title; agreements without a deadline come last by days left. */
function compareBy(column: Column, collator: Intl.Collator): (a: Agreement, b: Agreement) => number {
  const byTitle = (a: Agreement, b: Agreement) => collator.compare(a.title, b.title);
  switch (column) {
    case 'title':
      return byTitle;
    case 'centre':
      return (a, b) => collator.compare(a.centre.name, b.centre.name) || byTitle(a, b);
    case 'status':
      return (a, b) => AGREEMENT_STATUSES.indexOf(a.status) - AGREEMENT_STATUSES.indexOf(b.status) || byTitle(a, b);
    default:
      return (a, b) => daysLeft(a) - daysLeft(b) || byTitle(a, b);
  }
}

export default function AgreementsPage() {
  const { t, locale } = useI18n();
  const [statusParam, setStatus] = useSearchParam('status');
  const status = statusParam as AgreementStatus | '';
  const [centreId, setCentreId] = useSearchParam('senter');
  const [within, setWithin] = useSearchParam('frist');
  const [mineParam, setMine] = useSearchParam('min');
  // «Min kommune»: a signed-in user with a municipality sees the agreements it is (or was) a party to.
  const { grants } = useSession();
  const ownKommunenummer = grants.find((g) => g.kommunenummer)?.kommunenummer ?? null;
  const [own] = useQuery({
    query: MyMunicipalityQuery,
    variables: { kommunenummer: ownKommunenummer ?? '' },
    pause: !ownKommunenummer,
  });
  const mine = !!ownKommunenummer && mineParam === '1';
  const filter = useMemo(
    () => ({
      statuses: status ? [status] : null,
      centreId: centreId || null,
      deadlineWithinDays: within ? Number(within) : null,
      kommunenummer: mine ? ownKommunenummer : null,
    }),
    [status, centreId, within, mine, ownKommunenummer],
  );
  const [result, reexecute] = useQuery({
    query: AgreementListQuery,
    variables: { filter },
    context: useMemo(() => ({ additionalTypenames: ['Agreement'] }), []),
  });
  const rows = useMemo(() => result.data?.agreements.items ?? [], [result.data]);
  const hosted = (g: Grant[]) => (result.data?.crisisCentres.items ?? []).filter((c) => canAdministerAgreement(g, c));
  const { sorted: items, header } = useSortedRows(rows, 'daysLeft', compareBy);

  return (
    <section aria-labelledby="agreements-heading">
      <Heading level={1} data-size="lg" id="agreements-heading">
        {t('agreements.heading')}
      </Heading>
      <Paragraph>{t('agreements.intro')}</Paragraph>
      <Paragraph data-size="sm" className="no-print">
        <a href="/export/agreements.xlsx" download>
          {t('agreements.exportXlsx')}
        </a>{' '}
        ·{' '}
        <a href="/export/agreements.csv" download>
          {t('agreements.exportCsv')}
        </a>
      </Paragraph>
      <PendingApprovals />
      <div className="filters">
        <Field>
          <Label htmlFor="a-status">{t('agreements.filter.status')}</Label>
          <Select id="a-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <Select.Option value="">{t('common.all')}</Select.Option>
            {AGREEMENT_STATUSES.map((s) => (
              <Select.Option key={s} value={s}>
                {AGREEMENT_STATUS_LABELS[s][locale]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="a-centre">{t('agreements.filter.centre')}</Label>
          <Select id="a-centre" value={centreId} onChange={(e) => setCentreId(e.target.value)}>
            <Select.Option value="">{t('common.all')}</Select.Option>
            {result.data?.crisisCentres.items.map((c) => (
              <Select.Option key={c.id} value={c.id}>
                {c.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="a-within">{t('agreements.filter.deadline')}</Label>
          <Select id="a-within" value={within} onChange={(e) => setWithin(e.target.value)}>
            <Select.Option value="">{t('agreements.filter.anyDeadline')}</Select.Option>
            {[30, 90, 180, 365].map((d) => (
              <Select.Option key={d} value={String(d)}>
                {t('agreements.filter.days', { days: d })}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {ownKommunenummer && (
          <Checkbox
            label={t('agreements.myMunicipality', { name: own.data?.municipality.name ?? ownKommunenummer })}
            checked={mine}
            onChange={(e) => setMine(e.target.checked ? '1' : '')}
          />
        )}
      </div>

      {result.error ? (
        <QueryError error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !result.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Paragraph role="status">{t('agreements.empty')}</Paragraph>
      ) : (
        <>
          <Paragraph role="status" data-size="sm" className="muted">
            {t('agreements.count', { count: formatInteger(result.data.agreements.totalCount) })}
          </Paragraph>
          <ScrollTable label={t('agreements.heading')}>
            <Table zebra border data-testid="agreement-table">
              <caption className="visually-hidden">{t('agreements.heading')}</caption>
              <Table.Head>
                <Table.Row>
                  {header('title', t('agreements.col.title'))}
                  {header('centre', t('agreements.col.centre'))}
                  {header('status', t('agreements.col.status'))}
                  <Table.HeaderCell style={{ textAlign: 'right' }}>{t('agreements.col.parties')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('agreements.col.deadline')}</Table.HeaderCell>
                  {header('daysLeft', t('agreements.col.daysLeft'), true)}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {items.map((a) => {
                  const d = a.deadline;
                  const date = d.kind === 'NOTICE' ? d.noticeDeadline : d.kind === 'EXPIRY' ? d.nextPossibleEnd : null;
                  return (
                    <Table.Row key={a.id}>
                      <Table.Cell>
                        <RouterLink to={`/avtaler/${a.id}`}>{a.title}</RouterLink>
                        <ExampleTag show={a.exampleFields.length > 0} />
                      </Table.Cell>
                      <Table.Cell>{a.centre.name}</Table.Cell>
                      <Table.Cell>{AGREEMENT_STATUS_LABELS[a.status][locale]}</Table.Cell>
                      <Table.Cell style={{ textAlign: 'right' }}>
                        {a.parties.filter((p) => p.isCurrent).length}
                      </Table.Cell>
                      <Table.Cell>
                        {date
                          ? `${formatDate(date)}${d.kind === 'EXPIRY' ? ` (${t('agreements.expires')})` : ''}`
                          : d.kind === 'ENDED'
                            ? '–'
                            : t('agreements.noDeadline')}
                      </Table.Cell>
                      <Table.Cell style={{ textAlign: 'right' }}>
                        {d.daysLeft === null || d.daysLeft === undefined ? '–' : formatInteger(d.daysLeft)}
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </ScrollTable>
        </>
      )}
      {/* New agreements are made by the host of a centre (or an administrator), for the centres it hosts. */}
      <Permission allowed={(g) => hosted(g).length > 0}>
        <CreateAgreementForm centres={hosted(grants)} />
      </Permission>
    </section>
  );
}
