import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useMutation, useQuery, type TypedDocumentNode } from 'urql';
import { Alert, Button, Checkbox, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { canManageFinance, formatDate, invoicePlan, parseKroner, parseYears, todayInNorway } from '@samordna/domain';
import { EXTRA_CHARGE_KINDS as CHARGE_KINDS, INVESTMENT_KINDS } from '@samordna/domain';
import { FilterSelect } from '../../components/FilterSelect';
import { Loading, QueryError } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { PartyNameCell } from '../agreements/PartyTable';
import { useCodeText } from '../../i18n/codes';
import type { MessageKey } from '../../i18n/nb';
import { errorMessage, fieldErrors, isConflict, unplacedErrors } from '../../lib/errors';
import { formatDecimal, formatOre } from '../../lib/format';
import { useSearchParam } from '../../lib/useSearchParam';
import { useSession } from '../auth/session';
import { History } from '../history/History';
import { CostTermsForm } from './CostTermsForm';
import {
  FinanceCentresQuery,
  FinanceDistributionQuery,
  FinanceYearQuery,
  SetBudgetMutation,
  CreateChargeMutation,
  DeleteChargeMutation,
  CreateInvestmentMutation,
  DeleteInvestmentMutation,
} from './finance.graphql';

const THIS_YEAR = Number(todayInNorway().slice(0, 4));
const right = { textAlign: 'right' } as const;
/** Refetch what depends on money whenever one of these answers. */
const MONEY = { additionalTypenames: ['CentreBudget', 'ExtraCharge', 'Investment', 'Agreement'] };

type Member = { kommunenummer: string; role: string; municipality: { name: string } };
const kr = (ore: number | null | undefined) =>
  ore === null || ore === undefined ? '' : String(ore / 100).replace('.', ',');

/**
 * The finance workspace of a host's centre and year: the budget (gross cost, state grants, other
 * income → net), extra charges, investments, the cost model; the invoice plan on screen before export;
 * the year-end settlement. Everything written goes through the API, which versions and audits it.
 */
export default function FinancePage() {
  const { t } = useI18n();
  const { grants, loading } = useSession();
  const [wantedCentre, setCentreId] = useSearchParam('senter');
  const [yearParam, setYear] = useSearchParam('aar', String(THIS_YEAR + 1));
  const [centres] = useQuery({ query: FinanceCentresQuery });
  const mine = (centres.data?.crisisCentres.items ?? []).filter((c) => canManageFinance(grants, c.hostKommunenummer));
  const centreId = wantedCentre && mine.some((c) => c.id === wantedCentre) ? wantedCentre : (mine[0]?.id ?? '');
  const year = Number(yearParam);

  return (
    <section aria-labelledby="fin-heading">
      <Heading level={1} data-size="lg" id="fin-heading">
        {t('fin.heading')}
      </Heading>
      <Paragraph>{t('fin.intro')}</Paragraph>
      {centres.error ? (
        <QueryError error={centres.error} />
      ) : !centres.data || loading ? (
        <Loading />
      ) : mine.length === 0 ? (
        <Paragraph role="status">{t('fin.noCentres')}</Paragraph>
      ) : (
        <>
          <div className="filters">
            <FilterSelect
              id="f-centre"
              label={t('costs.centre')}
              value={centreId}
              onChange={(v) => setCentreId(v)}
              options={mine.map((c) => [c.id, c.name])}
            />
            <FilterSelect
              id="f-year"
              label={t('costs.year')}
              value={String(year)}
              onChange={(v) => setYear(v)}
              options={Array.from({ length: 6 }, (_, i) => String(THIS_YEAR - 3 + i)).map((y) => [y, y])}
            />
          </div>
          <FinanceYear key={`${centreId}-${year}`} centreId={centreId} year={year} />
        </>
      )}
    </section>
  );
}

function FinanceYear({ centreId, year }: { centreId: string; year: number }) {
  const { t } = useI18n();
  const [data, reexecute] = useQuery({
    query: FinanceYearQuery,
    variables: { centreId, year, asOf: `${year}-01-01` },
    context: useMemo(() => MONEY, []),
  });
  const [dist, reexecuteDist] = useQuery({
    query: FinanceDistributionQuery,
    variables: { centreId, year },
    context: useMemo(() => MONEY, []),
    requestPolicy: 'cache-and-network',
  });
  if (data.error) return <QueryError error={data.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data.data) return <Loading />;
  const centre = data.data.crisisCentre;
  const budget = data.data.centreBudgets.find((b) => b.year === year) ?? null;
  const members: Member[] = centre.members;
  const name = (k: string) => members.find((m) => m.kommunenummer === k)?.municipality.name ?? k;
  const d = dist.data?.costDistribution;
  // Deletions answer with an id only, which no cached query can be matched to: ask again.
  const refresh = () => {
    reexecute({ requestPolicy: 'network-only' });
    reexecuteDist({ requestPolicy: 'network-only' });
  };
  const notFound = dist.error?.graphQLErrors.find((e) => e.extensions?.code === 'NOT_FOUND');
  return (
    <>
      <BudgetForm
        centreId={centreId}
        year={year}
        budget={budget}
        onConflict={() => reexecute({ requestPolicy: 'network-only' })}
      />
      <ChargesSection
        centreId={centreId}
        year={year}
        members={members}
        charges={data.data.extraCharges}
        name={name}
        refresh={refresh}
      />
      <InvestmentsSection
        centreId={centreId}
        year={year}
        members={members}
        hostKommunenummer={centre.hostKommunenummer}
        investments={data.data.investments.filter((i) => i.year === year)}
        name={name}
        refresh={refresh}
      />
      {d && <CostTermsForm agreementId={d.agreementId} />}
      {notFound ? (
        <Alert data-color="info" role="status">
          {t('fin.noDistribution', { reason: notFound.message })}
        </Alert>
      ) : dist.error ? (
        <QueryError error={dist.error} />
      ) : !d ? (
        <Loading />
      ) : (
        <>
          <Comparison d={d} />
          <InvoicePlanTable centreId={centreId} year={year} parties={d.parties} />
          <Settlement s={dist.data!.costSettlement} />
        </>
      )}
      {budget && <History entity="CentreBudget" entityId={budget.id} />}
    </>
  );
}

type Budget = {
  id: string;
  version: number;
  operatingCostOre: number;
  stateFundingOre: number;
  projectFundingOre: number;
  actualOperatingCostOre?: number | null;
  note?: string | null;
  isExample: boolean;
};

function BudgetForm({
  centreId,
  year,
  budget,
  onConflict,
}: {
  centreId: string;
  year: number;
  budget: Budget | null;
  onConflict: () => void;
}) {
  const { t } = useI18n();
  const codes = useCodeText();
  const initial = () => ({
    gross: kr(budget?.operatingCostOre),
    grants: kr(budget?.stateFundingOre),
    other: kr(budget?.projectFundingOre),
    actual: kr(budget?.actualOperatingCostOre),
    note: budget?.note ?? '',
  });
  const [form, setForm] = useState(initial);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<number | null>(null);
  const [state, save] = useMutation(SetBudgetMutation);
  // A newer version from the server (after a conflict, or someone else's save) replaces the form.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new version resets what was typed; `initial` is new every render
  useEffect(() => setForm(initial()), [budget?.version]);
  const read = {
    gross: parseKroner(form.gross, 'Driftskostnaden'),
    grants: parseKroner(form.grants, 'Tilskuddene'),
    other: parseKroner(form.other, 'De andre inntektene'),
    actual: parseKroner(form.actual, 'Den faktiske kostnaden'),
  };
  const value = (r: (typeof read)['gross']) => (r.ok ? (r.value ?? 0) : 0);
  const net = value(read.gross) - value(read.grants) - value(read.other);
  const server = fieldErrors(state.error);
  const error = (key: keyof typeof read, field: string) => local[key] ?? server[field];
  const conflict = isConflict(state.error);
  const general = conflict
    ? null
    : unplacedErrors(state.error, t('error.network'), [
        'input.operatingCostOre',
        'input.stateFundingOre',
        'input.projectFundingOre',
        'input.actualOperatingCostOre',
      ]).join(' ');

  async function submit() {
    const errors: Record<string, string> = {};
    for (const [k, r] of Object.entries(read)) if (!r.ok) errors[k] = codes.formCheck(r.code, k);
    if (read.gross.ok && read.gross.value === null) errors.gross = codes.required('gross');
    setLocal(errors);
    setSaved(null);
    if (Object.keys(errors).length) return;
    const r = await save({
      centreId,
      year,
      expectedVersion: budget?.version ?? null,
      input: {
        operatingCostOre: value(read.gross),
        stateFundingOre: value(read.grants),
        projectFundingOre: value(read.other),
        actualOperatingCostOre: read.actual.ok ? read.actual.value : null,
        note: form.note || null,
      },
    });
    if (isConflict(r.error)) onConflict();
    if (r.data) setSaved(r.data.setCentreBudget.version);
  }

  const field = (key: 'gross' | 'grants' | 'other' | 'actual', label: MessageKey, serverField: string) => (
    <Textfield
      label={t(label)}
      inputMode="decimal"
      value={form[key]}
      onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
      error={error(key, serverField)}
    />
  );
  return (
    <section aria-labelledby="fin-budget" className="block">
      <Heading level={2} data-size="sm" id="fin-budget">
        {t('fin.budget')} {year}
      </Heading>
      {!budget && <Paragraph data-size="sm">{t('fin.noBudget', { year })}</Paragraph>}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {conflict && <Alert data-color="warning">{t('fin.conflict')}</Alert>}
        {general && <Alert data-color="danger">{general}</Alert>}
        <div className="form-grid">
          {field('gross', 'fin.gross', 'input.operatingCostOre')}
          {field('grants', 'fin.stateGrants', 'input.stateFundingOre')}
          {field('other', 'fin.otherIncome', 'input.projectFundingOre')}
          {field('actual', 'fin.actual', 'input.actualOperatingCostOre')}
          <Textfield
            label={t('fin.note')}
            value={form.note}
            onChange={(e) => setForm((f) => ({ ...f, note: e.target.value }))}
          />
        </div>
        <Paragraph data-testid="net-budget">{t('fin.net', { net: formatOre(net, true) })}</Paragraph>
        <Button type="submit" disabled={state.fetching}>
          {t('fin.save')}
        </Button>
        {saved !== null && (
          <Paragraph role="status" data-size="sm">
            {t('fin.saved', { version: saved })}
          </Paragraph>
        )}
      </form>
    </section>
  );
}

type Charge = {
  id: string;
  kommunenummer: string;
  kind: string;
  amountOre: number;
  payingBudget?: string | null;
  description?: string | null;
};

function ChargesSection({
  centreId,
  year,
  members,
  charges,
  name,
  refresh,
}: {
  centreId: string;
  year: number;
  members: Member[];
  charges: Charge[];
  name: (k: string) => string;
  refresh: () => void;
}) {
  const { t } = useI18n();
  const codes = useCodeText();
  const [form, setForm] = useState({ kommunenummer: '', kind: 'CHILD_TRANSPORT', amount: '', payingBudget: '' });
  const [local, setLocal] = useState<string | null>(null);
  const [state, create] = useMutation(CreateChargeMutation);
  const errors = fieldErrors(state.error);
  const general = unplacedErrors(state.error, t('error.network'), ['input.amountOre', 'input.kommunenummer']).join(' ');
  const who = form.kommunenummer || members[0]?.kommunenummer || '';
  async function submit() {
    const amount = parseKroner(form.amount, 'Beløpet');
    const message = !amount.ok
      ? codes.formCheck(amount.code, 'amount')
      : amount.value === null
        ? codes.required('amount')
        : null;
    setLocal(message);
    if (message || !amount.ok) return;
    const r = await create({
      input: {
        centreId,
        year,
        kommunenummer: who,
        kind: form.kind as (typeof CHARGE_KINDS)[number],
        amountOre: amount.value!,
        payingBudget: form.payingBudget || null,
      },
    });
    if (!r.error) {
      setForm((f) => ({ ...f, amount: '', payingBudget: '' }));
      refresh();
    }
  }
  return (
    <RowsSection
      id="fin-charges"
      title={t('fin.charges')}
      testId="charges-table"
      items={charges}
      headers={
        <>
          <Table.HeaderCell>{t('fin.charge.municipality')}</Table.HeaderCell>
          <Table.HeaderCell>{t('fin.charge.kind')}</Table.HeaderCell>
          <Table.HeaderCell style={right}>{t('fin.amount')}</Table.HeaderCell>
          <Table.HeaderCell>{t('fin.charge.payingBudget')}</Table.HeaderCell>
        </>
      }
      cells={(c) => (
        <>
          <Table.Cell>{name(c.kommunenummer)}</Table.Cell>
          <Table.Cell>{t(`fin.kind.${c.kind}` as MessageKey)}</Table.Cell>
          <Table.Cell style={right}>{formatOre(c.amountOre, true)}</Table.Cell>
          <Table.Cell>{c.payingBudget ?? '–'}</Table.Cell>
        </>
      )}
      deleteMutation={DeleteChargeMutation}
      refresh={refresh}
      onSubmit={submit}
      general={general}
      busy={state.fetching}
      addLabel={t('fin.charge.add')}
    >
      <FilterSelect
        id="charge-who"
        label={t('fin.charge.municipality')}
        value={who}
        onChange={(v) => setForm((f) => ({ ...f, kommunenummer: v }))}
        options={members.map((m) => [m.kommunenummer, m.municipality.name])}
      />
      <FilterSelect
        id="charge-kind"
        label={t('fin.charge.kind')}
        value={form.kind}
        onChange={(v) => setForm((f) => ({ ...f, kind: v }))}
        options={CHARGE_KINDS.map((k) => [k, t(`fin.kind.${k}`)])}
      />
      <Textfield
        label={t('fin.charge.amount')}
        inputMode="decimal"
        value={form.amount}
        onChange={(e) => setForm((f) => ({ ...f, amount: e.target.value }))}
        error={local ?? errors['input.amountOre']}
      />
      <Textfield
        label={t('fin.charge.payingBudget')}
        value={form.payingBudget}
        onChange={(e) => setForm((f) => ({ ...f, payingBudget: e.target.value }))}
      />
    </RowsSection>
  );
}

type InvestmentRow = {
  id: string;
  kind: string;
  amountOre: number;
  paidByKommunenummer: string;
  shared: boolean;
  depreciationYears?: number | null;
};

function InvestmentsSection({
  centreId,
  year,
  members,
  hostKommunenummer,
  investments,
  name,
  refresh,
}: {
  centreId: string;
  year: number;
  members: Member[];
  hostKommunenummer: string | null;
  investments: InvestmentRow[];
  name: (k: string) => string;
  refresh: () => void;
}) {
  const { t } = useI18n();
  const codes = useCodeText();
  const [form, setForm] = useState({
    kind: 'SECURITY',
    amount: '',
    paidBy: hostKommunenummer ?? '',
    shared: false,
    years: '',
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const [state, create] = useMutation(CreateInvestmentMutation);
  const errors = fieldErrors(state.error);
  const general = unplacedErrors(state.error, t('error.network'), [
    'input.amountOre',
    'input.depreciationYears',
    'input.paidByKommunenummer',
  ]).join(' ');
  async function submit() {
    const amount = parseKroner(form.amount, 'Beløpet');
    const years = parseYears(form.years, 'Avskrivningstiden');
    const found: Record<string, string> = {};
    if (!amount.ok) found.amount = codes.formCheck(amount.code, 'amount');
    else if (amount.value === null) found.amount = codes.required('amount');
    if (!years.ok) found.years = codes.formCheck(years.code, 'years');
    setLocal(found);
    if (Object.keys(found).length || !amount.ok || !years.ok) return;
    const r = await create({
      input: {
        centreId,
        year,
        kind: form.kind as (typeof INVESTMENT_KINDS)[number],
        amountOre: amount.value!,
        paidByKommunenummer: form.paidBy,
        shared: form.shared,
        depreciationYears: form.shared ? null : years.value,
      },
    });
    if (!r.error) {
      setForm((f) => ({ ...f, amount: '', years: '' }));
      refresh();
    }
  }
  return (
    <RowsSection
      id="fin-investments"
      title={t('fin.investments')}
      testId="investments-table"
      items={investments}
      headers={
        <>
          <Table.HeaderCell>{t('fin.inv.kind')}</Table.HeaderCell>
          <Table.HeaderCell style={right}>{t('fin.amount')}</Table.HeaderCell>
          <Table.HeaderCell>{t('fin.inv.paidBy')}</Table.HeaderCell>
          <Table.HeaderCell>{t('fin.inv.shared')}</Table.HeaderCell>
          <Table.HeaderCell style={right}>{t('fin.inv.years')}</Table.HeaderCell>
        </>
      }
      cells={(i) => (
        <>
          <Table.Cell>{t(`fin.ikind.${i.kind}` as MessageKey)}</Table.Cell>
          <Table.Cell style={right}>{formatOre(i.amountOre, true)}</Table.Cell>
          <Table.Cell>{name(i.paidByKommunenummer)}</Table.Cell>
          <Table.Cell>{i.shared ? t('common.yes') : t('fin.inv.hostOnly')}</Table.Cell>
          <Table.Cell style={right}>{i.shared ? '–' : (i.depreciationYears ?? 1)}</Table.Cell>
        </>
      )}
      deleteMutation={DeleteInvestmentMutation}
      refresh={refresh}
      onSubmit={submit}
      general={general}
      busy={state.fetching}
      addLabel={t('fin.inv.add')}
    >
      <FilterSelect
        id="inv-kind"
        label={t('fin.inv.kind')}
        value={form.kind}
        onChange={(v) => setForm((f) => ({ ...f, kind: v }))}
        options={INVESTMENT_KINDS.map((k) => [k, t(`fin.ikind.${k}`)])}
      />
      <Textfield
        label={t('fin.inv.amount')}
        inputMode="decimal"
        value={form.amount}
        onChange={(e) => setForm((f) => ({ ...f, amount: e.target.value }))}
        error={local.amount ?? errors['input.amountOre']}
      />
      <FilterSelect
        id="inv-paid"
        label={t('fin.inv.paidBy')}
        value={form.paidBy}
        onChange={(v) => setForm((f) => ({ ...f, paidBy: v }))}
        options={members.map((m) => [m.kommunenummer, m.municipality.name])}
      />
      <Checkbox
        label={t('fin.inv.shared')}
        checked={form.shared}
        onChange={(e) => setForm((f) => ({ ...f, shared: e.target.checked }))}
      />
      {!form.shared && (
        <Textfield
          label={t('fin.inv.years')}
          inputMode="numeric"
          value={form.years}
          onChange={(e) => setForm((f) => ({ ...f, years: e.target.value }))}
          error={local.years ?? errors['input.depreciationYears']}
        />
      )}
    </RowsSection>
  );
}

type Party = {
  municipality: { kommunenummer: string; name: string };
  role: string;
  population: number;
  allocatedOre: number;
  extraChargesOre?: number | null;
  totalOre: number;
  perInhabitantOre?: number | null;
};

function Comparison({
  d,
}: {
  d: {
    budgetOre: number;
    hostDepreciationOre: number;
    hostPerInhabitantWithInvestmentsOre?: number | null;
    hostPartnerRatio?: number | null;
    hostPartnerRatioWithInvestments?: number | null;
    parties: Party[];
  };
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="fin-comparison" className="block" data-testid="per-inhabitant">
      <Heading level={2} data-size="sm" id="fin-comparison">
        {t('fin.comparison')}
      </Heading>
      <Table zebra border data-size="sm">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('costs.col.party')}</Table.HeaderCell>
            <Table.HeaderCell style={right}>{t('costs.col.population')}</Table.HeaderCell>
            <Table.HeaderCell style={right}>{t('costs.col.total')}</Table.HeaderCell>
            <Table.HeaderCell style={right}>{t('costs.col.perInhabitant')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {d.parties.map((p) => (
            <Table.Row key={p.municipality.kommunenummer}>
              <PartyNameCell name={p.municipality.name} role={p.role} />
              <Table.Cell style={right}>{p.population.toLocaleString('nb-NO')}</Table.Cell>
              <Table.Cell style={right}>{formatOre(p.totalOre, true)}</Table.Cell>
              <Table.Cell style={right}>
                {p.perInhabitantOre === null || p.perInhabitantOre === undefined
                  ? '–'
                  : formatOre(p.perInhabitantOre, true)}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {d.hostDepreciationOre > 0 && d.hostPerInhabitantWithInvestmentsOre != null && (
        <Paragraph data-size="sm">
          {t('fin.withInvestments', {
            dep: formatOre(d.hostDepreciationOre),
            kr: formatOre(d.hostPerInhabitantWithInvestmentsOre, true),
            ratio:
              d.hostPartnerRatioWithInvestments == null ? '–' : formatDecimal(d.hostPartnerRatioWithInvestments, 1),
            ratioWithout: d.hostPartnerRatio == null ? '–' : formatDecimal(d.hostPartnerRatio, 1),
          })}
        </Paragraph>
      )}
    </section>
  );
}

function InvoicePlanTable({ centreId, year, parties }: { centreId: string; year: number; parties: Party[] }) {
  const { t } = useI18n();
  const plan = invoicePlan(
    year,
    parties.map((p) => ({
      kommunenummer: p.municipality.kommunenummer,
      name: p.municipality.name,
      role: p.role === 'HOST' ? 'HOST' : 'PARTNER',
      totalOre: p.totalOre,
    })),
  );
  const q = `centreId=${encodeURIComponent(centreId)}&year=${year}`;
  return (
    <section aria-labelledby="fin-invoice" className="block">
      <Heading level={2} data-size="sm" id="fin-invoice">
        {t('fin.invoicePlan')} {year}
      </Heading>
      <Table zebra border data-size="sm" data-testid="invoice-plan">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('costs.col.party')}</Table.HeaderCell>
            <Table.HeaderCell>{t('fin.quarter')}</Table.HeaderCell>
            <Table.HeaderCell>{t('fin.due')}</Table.HeaderCell>
            <Table.HeaderCell style={right}>{t('fin.amount')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {plan.map((l) => (
            <Table.Row key={`${l.kommunenummer}-${l.quarter}`}>
              <Table.Cell>{l.name}</Table.Cell>
              <Table.Cell>{l.quarter}.</Table.Cell>
              <Table.Cell>{formatDate(l.dueDate)}</Table.Cell>
              <Table.Cell style={right}>{formatOre(l.amountOre, true)}</Table.Cell>
            </Table.Row>
          ))}
          <Table.Row data-testid="invoice-sum">
            <Table.HeaderCell>{t('fin.sum')}</Table.HeaderCell>
            <Table.Cell />
            <Table.Cell />
            <Table.Cell style={right}>
              {formatOre(
                plan.reduce((a, l) => a + l.amountOre, 0),
                true,
              )}
            </Table.Cell>
          </Table.Row>
        </Table.Body>
      </Table>
      <div className="button-row">
        <a className="ds-button" data-variant="secondary" href={`/export/invoice-plan.csv?${q}`} download>
          {t('costs.invoiceCsv')}
        </a>
        <a className="ds-button" data-variant="secondary" href={`/export/invoice-plan.xlsx?${q}`} download>
          {t('costs.invoiceXlsx')}
        </a>
      </div>
    </section>
  );
}

type SettlementData = {
  budgetedNetOre: number;
  actualNetOre?: number | null;
  lines: {
    municipality: { kommunenummer: string; name: string };
    role: string;
    budgetedOre: number;
    actualOre: number;
    differenceOre: number;
  }[];
};

function Settlement({ s }: { s: SettlementData }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="fin-settlement" className="block">
      <Heading level={2} data-size="sm" id="fin-settlement">
        {t('fin.settlement')}
      </Heading>
      {s.actualNetOre === null || s.actualNetOre === undefined ? (
        <Paragraph data-size="sm">{t('fin.settlementEmpty')}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {t('fin.settlementSummary', {
              budgeted: formatOre(s.budgetedNetOre, true),
              actual: formatOre(s.actualNetOre, true),
              diff: formatOre(s.actualNetOre - s.budgetedNetOre, true),
            })}
          </Paragraph>
          <Table zebra border data-size="sm" data-testid="settlement">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('costs.col.party')}</Table.HeaderCell>
                <Table.HeaderCell style={right}>{t('fin.budgeted')}</Table.HeaderCell>
                <Table.HeaderCell style={right}>{t('fin.actualShare')}</Table.HeaderCell>
                <Table.HeaderCell style={right}>{t('fin.difference')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {s.lines.map((l) => (
                <Table.Row key={l.municipality.kommunenummer}>
                  <Table.Cell>{l.municipality.name}</Table.Cell>
                  <Table.Cell style={right}>{formatOre(l.budgetedOre, true)}</Table.Cell>
                  <Table.Cell style={right}>{formatOre(l.actualOre, true)}</Table.Cell>
                  <Table.Cell style={right}>
                    {l.differenceOre > 0 ? '+' : ''}
                    {formatOre(l.differenceOre, true)}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </>
      )}
    </section>
  );
}

/**
 * A section of rows the centre keeps (charges, investments): its heading, the rows (or "none") with a
 * delete button each, and below them the form that adds one (its fields are the children).
 */
function RowsSection<T extends { id: string }>({
  id,
  title,
  testId,
  items,
  headers,
  cells,
  deleteMutation,
  refresh,
  onSubmit,
  general,
  busy,
  addLabel,
  children,
}: {
  id: string;
  title: string;
  testId: string;
  items: readonly T[];
  headers: ReactNode;
  cells: (item: T) => ReactNode;
  deleteMutation: TypedDocumentNode<unknown, { id: string }>;
  refresh: () => void;
  onSubmit: () => void;
  general: string;
  busy: boolean;
  addLabel: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [deleting, remove] = useMutation(deleteMutation);
  return (
    <section aria-labelledby={id} className="block">
      <Heading level={2} data-size="sm" id={id}>
        {title}
      </Heading>
      {items.length === 0 ? (
        <Paragraph data-size="sm">{t('fin.none')}</Paragraph>
      ) : (
        <Table zebra border data-size="sm" data-testid={testId}>
          <Table.Head>
            <Table.Row>
              {headers}
              <Table.HeaderCell />
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {items.map((item) => (
              <Table.Row key={item.id}>
                {cells(item)}
                <DeleteCell
                  busy={deleting.fetching}
                  onDelete={async () => !(await remove({ id: item.id })).error && refresh()}
                />
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <AddForm
        onSubmit={onSubmit}
        alerts={[general, deleting.error ? errorMessage(deleting.error, t('error.network')) : '']}
        busy={busy}
        label={addLabel}
      >
        {children}
      </AddForm>
    </section>
  );
}

function DeleteCell({ busy, onDelete }: { busy: boolean; onDelete: () => void }) {
  const { t } = useI18n();
  return (
    <Table.Cell>
      <Button variant="tertiary" data-size="sm" disabled={busy} onClick={onDelete}>
        {t('fin.delete')}
      </Button>
    </Table.Cell>
  );
}

/** A form that adds a row: its alerts, its fields in a grid, one button. */
function AddForm({
  onSubmit,
  alerts,
  busy,
  label,
  children,
}: {
  onSubmit: () => void;
  alerts: readonly (string | null)[];
  busy: boolean;
  label: string;
  children: ReactNode;
}) {
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {alerts.filter(Boolean).map((a) => (
        <Alert key={a} data-color="danger">
          {a}
        </Alert>
      ))}
      <div className="form-grid">{children}</div>
      <Button type="submit" variant="secondary" disabled={busy}>
        {label}
      </Button>
    </form>
  );
}
