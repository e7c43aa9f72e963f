import { useMemo } from 'react';
import { useQuery } from 'urql';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { Button, Checkbox, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { ExampleTag } from '../../components/ExampleTag';
import { FilterSelect } from '../../components/FilterSelect';
import { SortHeader } from '../../components/SortHeader';
import { Loading, QueryError } from '../../components/States';
import { AGREEMENT_STATUS_LABELS, AGREEMENT_STATUSES, canAdministerAgreement, type Grant } from '@samordna/domain';
import { useSession } from '../auth/session';
import { PendingApprovals } from './PendingApprovals';
import { Permission } from '../auth/Permission';
import type { AgreementOrder, AgreementStatus } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatInteger } from '../../lib/format';
import { useSearchParam } from '../../lib/useSearchParam';
import { AgreementListQuery, MyMunicipalityQuery } from './agreements.graphql';
import { CreateAgreementForm } from './CreateAgreementForm';
import { ScrollTable } from '../../components/ScrollTable';

type Column = 'title' | 'centre' | 'status' | 'daysLeft';
/** Page size of the list; the server sorts and pages, so the page asks only for what it shows. */
export const AGREEMENTS_PER_PAGE = 50;
/** The sort as the address keeps it (`?sorter=…&synkende=1`), and the server's order for each column. */
const SORT_PARAM: Record<Column, string> = {
  title: 'tittel',
  centre: 'krisesenter',
  status: 'status',
  daysLeft: 'frist',
};
const ORDER: Record<Column, AgreementOrder> = {
  title: 'TITLE',
  centre: 'CENTRE',
  status: 'STATUS',
  daysLeft: 'DAYS_LEFT',
};
const columnOf = (param: string): Column =>
  (Object.keys(SORT_PARAM) as Column[]).find((c) => SORT_PARAM[c] === param) ?? 'daysLeft';

export default function AgreementsPage() {
  const { t, locale } = useI18n();
  // A new filter or sort starts again at the first page.
  const resets = { clears: ['side'] };
  const [statusParam, setStatus] = useSearchParam('status', '', resets);
  const status = statusParam as AgreementStatus | '';
  const [centreId, setCentreId] = useSearchParam('senter', '', resets);
  const [within, setWithin] = useSearchParam('frist', '', resets);
  const [mineParam, setMine] = useSearchParam('min', '', resets);
  const [sortParam] = useSearchParam('sorter');
  const [descParam] = useSearchParam('synkende');
  const [, setParams] = useSearchParams();
  const [pageParam, setPageParam] = useSearchParam('side');
  const sort = { column: columnOf(sortParam), descending: descParam === '1' };
  const pageNumber = Math.max(1, Math.floor(Number(pageParam)) || 1);
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
    variables: {
      filter,
      limit: AGREEMENTS_PER_PAGE,
      offset: (pageNumber - 1) * AGREEMENTS_PER_PAGE,
      orderBy: ORDER[sort.column],
      descending: sort.descending,
    },
    context: useMemo(() => ({ additionalTypenames: ['Agreement'] }), []),
  });
  const items = result.data?.agreements.items ?? [];
  const totalCount = result.data?.agreements.totalCount ?? 0;
  const pages = Math.max(1, Math.ceil(totalCount / AGREEMENTS_PER_PAGE));
  const hosted = (g: Grant[]) => (result.data?.crisisCentres.items ?? []).filter((c) => canAdministerAgreement(g, c));
  // The same column again reverses; another column sorts ascending. Both are kept in the address.
  // One write for both parameters (two setters in one event would each start from the same address).
  const onSort = (column: Column) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (column === 'daysLeft') next.delete('sorter');
        else next.set('sorter', SORT_PARAM[column]);
        if (sort.column === column && !sort.descending) next.set('synkende', '1');
        else next.delete('synkende');
        next.delete('side');
        return next;
      },
      { replace: true },
    );
  const header = (column: Column, label: string, numeric = false) => (
    <SortHeader column={column} label={label} sort={sort} onSort={onSort} numeric={numeric} />
  );
  const goTo = (n: number) => setPageParam(n > 1 ? String(n) : null);

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
        <FilterSelect
          id="a-status"
          label={t('agreements.filter.status')}
          value={status}
          onChange={setStatus}
          empty={t('common.all')}
          options={AGREEMENT_STATUSES.map((s) => [s, AGREEMENT_STATUS_LABELS[s][locale]])}
        />
        <FilterSelect
          id="a-centre"
          label={t('agreements.filter.centre')}
          value={centreId}
          onChange={setCentreId}
          empty={t('common.all')}
          options={(result.data?.crisisCentres.items ?? []).map((c) => [c.id, c.name])}
        />
        <FilterSelect
          id="a-within"
          label={t('agreements.filter.deadline')}
          value={within}
          onChange={setWithin}
          empty={t('agreements.filter.anyDeadline')}
          options={[30, 90, 180, 365].map((d) => [String(d), t('agreements.filter.days', { days: d })])}
        />
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
      ) : totalCount === 0 ? (
        <Paragraph role="status">{t('agreements.empty')}</Paragraph>
      ) : (
        <>
          <Paragraph role="status" data-size="sm" className="muted">
            {pages > 1
              ? t('agreements.countPaged', {
                  from: formatInteger(Math.min(totalCount, (pageNumber - 1) * AGREEMENTS_PER_PAGE + 1)),
                  to: formatInteger(Math.min(totalCount, pageNumber * AGREEMENTS_PER_PAGE)),
                  count: formatInteger(totalCount),
                })
              : t('agreements.count', { count: formatInteger(totalCount) })}
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
          {pages > 1 && (
            <nav className="pager no-print" aria-label={t('agreements.pages')}>
              <Button
                variant="secondary"
                data-size="sm"
                disabled={pageNumber <= 1}
                onClick={() => goTo(pageNumber - 1)}
              >
                {t('agreements.previousPage')}
              </Button>
              <Paragraph data-size="sm">
                {t('agreements.pageOf', { page: formatInteger(pageNumber), pages: formatInteger(pages) })}
              </Paragraph>
              <Button
                variant="secondary"
                data-size="sm"
                disabled={pageNumber >= pages}
                onClick={() => goTo(pageNumber + 1)}
              >
                {t('agreements.nextPage')}
              </Button>
            </nav>
          )}
        </>
      )}
      {/* New agreements are made by the host of a centre (or an administrator), for the centres it hosts. */}
      <Permission allowed={(g) => hosted(g).length > 0}>
        <CreateAgreementForm centres={hosted(grants)} />
      </Permission>
    </section>
  );
}
