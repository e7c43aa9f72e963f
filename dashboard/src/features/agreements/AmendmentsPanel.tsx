import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { Alert, Button, Dialog, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import type { AmendmentFieldsFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { DecisionFields } from './DecisionFields';
import type { MessageKey } from '../../i18n/nb';
import { fieldErrors, generalError } from '../../lib/errors';
import { todayInNorway } from '@samordna/domain';
import { Link as RouterLink, useParams } from 'react-router';
import { formatDate, formatOre } from '../../lib/format';
import { ApproveAmendmentMutation, RejectAmendmentMutation, WithdrawAmendmentMutation } from './agreements.graphql';
import { ProposeAmendmentForm, type ProposalContext } from './ProposeAmendmentForm';
import { ScrollTable } from '../../components/ScrollTable';

type Amendment = AmendmentFieldsFragment;

const DECISION_COLOR = { PENDING: 'warning', APPROVED: 'success', REJECTED: 'danger' } as const;

/** A value from an agreement field, shown in words. */
function useShowValue() {
  const { t } = useI18n();
  return (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '–';
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (field === 'noticeRunsTo') return t(`agreement.runsTo.${v}` as MessageKey);
    if (field === 'validTo' && typeof v === 'string') return formatDate(v);
    if (Array.isArray(v)) return `${v.length}`;
    return String(v);
  };
}

/**
 * Amendments of an agreement: the open proposal with every affected party's answer and what it means
 * for each in kroner; the host proposes, revises or withdraws; an affected director approves (with the
 * decision) or rejects (with a reason). Closed proposals are listed below, folded.
 */
export function AmendmentsPanel({
  amendments,
  context,
  canPropose,
  actsFor,
  onChanged,
}: {
  amendments: Amendment[];
  context: ProposalContext;
  /** 'ALL' (host director, admin), 'COST' (host finance), or null. */
  canPropose: 'ALL' | 'COST' | null;
  /** Municipalities the signed-in director answers for. */
  actsFor: string[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [proposing, setProposing] = useState(false);
  const open = amendments.find((a) => a.status === 'OPEN');
  const closed = amendments.filter((a) => a.status !== 'OPEN');

  return (
    <section aria-labelledby="amendments-heading" className="block" data-testid="amendments">
      <Heading level={2} data-size="sm" id="amendments-heading">
        {t('amendment.heading')}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('amendment.intro')}
      </Paragraph>
      {open ? (
        <AmendmentCard
          amendment={open}
          context={context}
          canPropose={canPropose}
          actsFor={actsFor}
          onChanged={onChanged}
        />
      ) : (
        <Paragraph>{context.binding ? t('amendment.none') : t('amendment.notBinding')}</Paragraph>
      )}
      {!open && canPropose && context.binding && !proposing && (
        <Button variant="secondary" onClick={() => setProposing(true)}>
          {t('amendment.propose')}
        </Button>
      )}
      {proposing && !open && (
        <ProposeAmendmentForm
          context={context}
          costOnly={canPropose === 'COST'}
          onDone={() => {
            setProposing(false);
            onChanged();
          }}
          onCancel={() => setProposing(false)}
        />
      )}
      {closed.length > 0 && (
        <details className="closed-amendments">
          <summary>{t('amendment.closed', { count: closed.length })}</summary>
          {closed.map((a) => (
            <AmendmentCard
              key={a.id}
              amendment={a}
              context={context}
              canPropose={null}
              actsFor={[]}
              onChanged={onChanged}
            />
          ))}
        </details>
      )}
    </section>
  );
}

function AmendmentCard({
  amendment: a,
  context,
  canPropose,
  actsFor,
  onChanged,
}: {
  amendment: Amendment;
  context: ProposalContext;
  canPropose: 'ALL' | 'COST' | null;
  actsFor: string[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const show = useShowValue();
  const [revising, setRevising] = useState(false);
  const [withdraw, doWithdraw] = useMutation(WithdrawAmendmentMutation);
  const dialog = useRef<HTMLDialogElement>(null);
  const mine = a.approvals.filter((p) => actsFor.includes(p.municipality.kommunenummer));
  const costOnly = a.changedFields.length === 0 && a.joining.length === 0 && a.leaving.length === 0;
  const mayClose = canPropose === 'ALL' || (canPropose === 'COST' && costOnly);
  const fieldLabel = (f: string) => t(`agreement.${f}` as MessageKey);
  const differences = a.impact.simulation?.differences ?? [];
  const { id: agreementId } = useParams();

  return (
    <article className="amendment" aria-labelledby={`amendment-${a.id}`} data-testid="amendment">
      <Heading level={3} data-size="xs" id={`amendment-${a.id}`}>
        {a.summary}{' '}
        <Tag
          data-size="sm"
          data-color={
            a.status === 'OPEN'
              ? a.outcome === 'REJECTED'
                ? 'danger'
                : 'warning'
              : a.status === 'ADOPTED'
                ? 'success'
                : 'neutral'
          }
          data-testid="amendment-status"
        >
          {a.status === 'OPEN'
            ? t(`amendment.outcome.${a.outcome}` as MessageKey)
            : t(`amendment.status.${a.status}` as MessageKey)}
        </Tag>
      </Heading>
      <Paragraph data-size="sm">
        {t('amendment.effective', { date: formatDate(a.effectiveOn) })}
        {a.proposedBy && ` · ${t('amendment.proposedBy', { who: a.proposedBy })}`}
        {a.status === 'OPEN' && agreementId && (
          <>
            {' · '}
            <RouterLink to={`/avtaler/${agreementId}/dokument?endring=${a.id}`}>
              {t('document.amendmentLink')}
            </RouterLink>
          </>
        )}
      </Paragraph>

      <ul className="amendment-changes">
        {a.changedFields.map((c) => (
          <li key={c.field}>
            {fieldLabel(c.field)}: {show(c.field, c.before)} → <strong>{show(c.field, c.after)}</strong>
          </li>
        ))}
        {a.costTerms && (
          <li>
            {t('amendment.costTerms')}:{' '}
            <strong>
              {a.costTerms.rateOre !== null && a.costTerms.rateOre !== undefined
                ? t('amendment.rate', { kr: formatOre(a.costTerms.rateOre) })
                : a.costTerms.model}
            </strong>
          </li>
        )}
        {a.joining.map((k) => (
          <li key={`j${k}`}>{t('amendment.joins', { name: context.names[k] ?? k })}</li>
        ))}
        {a.leaving.map((k) => (
          <li key={`l${k}`}>{t('amendment.leaves', { name: context.names[k] ?? k })}</li>
        ))}
      </ul>

      <ScrollTable label={t('amendment.approvals')}>
        <Table zebra border data-size="sm" data-testid="approval-table">
          <caption>{t('amendment.approvals')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('map.col.municipality')}</Table.HeaderCell>
              <Table.HeaderCell>{t('amendment.answer')}</Table.HeaderCell>
              <Table.HeaderCell>{t('amendment.decisionCol')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {a.approvals.map((p) => (
              <Table.Row key={p.id}>
                <Table.Cell>
                  {p.municipality.name}{' '}
                  {p.role !== 'PARTNER' && (
                    <span className="muted">({t(`amendment.role.${p.role}` as MessageKey)})</span>
                  )}
                </Table.Cell>
                <Table.Cell>
                  <Tag data-size="sm" data-color={DECISION_COLOR[p.decision]}>
                    {t(`amendment.decision.${p.decision}` as MessageKey)}
                  </Tag>
                </Table.Cell>
                <Table.Cell>
                  {p.decision === 'APPROVED' &&
                    `${p.decisionBody ?? ''}, ${p.decisionRef ?? ''}${p.decisionDate ? `, ${formatDate(p.decisionDate)}` : ''}`}
                  {p.decision === 'REJECTED' && p.reason}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollTable>

      <Heading level={4} data-size="2xs">
        {t('amendment.impact', { year: a.impact.year })}
      </Heading>
      {a.impact.note && <Paragraph data-size="sm">{a.impact.note}</Paragraph>}
      {differences.length > 0 && (
        <ScrollTable label={t('amendment.impact', { year: a.impact.year })}>
          <Table zebra border data-size="sm" data-testid="impact-table" className="numeric-table">
            <caption className="visually-hidden">{t('amendment.impact', { year: a.impact.year })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('map.col.municipality')}</Table.HeaderCell>
                <Table.HeaderCell>{t('amendment.before')}</Table.HeaderCell>
                <Table.HeaderCell>{t('amendment.after')}</Table.HeaderCell>
                <Table.HeaderCell>{t('amendment.change')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {differences.map((d) => (
                <Table.Row key={d.municipality.kommunenummer}>
                  <Table.Cell>{d.municipality.name}</Table.Cell>
                  <Table.Cell>
                    {d.beforeOre === null || d.beforeOre === undefined ? '–' : `${formatOre(d.beforeOre)}`}
                  </Table.Cell>
                  <Table.Cell>
                    {d.afterOre === null || d.afterOre === undefined ? '–' : `${formatOre(d.afterOre)}`}
                  </Table.Cell>
                  <Table.Cell>
                    {d.differenceOre > 0
                      ? `+ ${formatOre(d.differenceOre)}`
                      : d.differenceOre < 0
                        ? `− ${formatOre(-d.differenceOre)}`
                        : formatOre(0)}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollTable>
      )}

      {a.status === 'ADOPTED' && a.resultAgreement && (
        <Paragraph>
          {t('amendment.adopted')}{' '}
          <RouterLink to={`/avtaler/${a.resultAgreement.id}`}>{a.resultAgreement.title}</RouterLink>
        </Paragraph>
      )}

      {a.status === 'OPEN' &&
        mine.map((p) => (
          <DecisionForm
            key={p.id}
            amendment={a}
            kommunenummer={p.municipality.kommunenummer}
            name={p.municipality.name}
            onChanged={onChanged}
          />
        ))}

      {a.status === 'OPEN' && mayClose && !revising && (
        <div className="button-row">
          <Button variant="secondary" onClick={() => setRevising(true)}>
            {t('amendment.revise')}
          </Button>
          <Button variant="secondary" data-color="danger" onClick={() => dialog.current?.showModal()}>
            {t('amendment.withdraw')}
          </Button>
        </div>
      )}
      {withdraw.error && <Alert data-color="danger">{generalError(withdraw.error, t('error.network'))}</Alert>}
      {revising && (
        <ProposeAmendmentForm
          context={context}
          costOnly={canPropose === 'COST'}
          revise={a}
          onDone={() => {
            setRevising(false);
            onChanged();
          }}
          onCancel={() => setRevising(false)}
        />
      )}
      <Dialog ref={dialog} closeButton={t('common.close')} aria-labelledby={`withdraw-${a.id}`}>
        <Dialog.Block>
          <Heading level={2} data-size="xs" id={`withdraw-${a.id}`}>
            {t('amendment.withdrawTitle')}
          </Heading>
          <Paragraph>{t('amendment.withdrawText', { summary: a.summary })}</Paragraph>
          <div className="button-row">
            <Button
              data-color="danger"
              disabled={withdraw.fetching}
              onClick={async () => {
                const r = await doWithdraw({ id: a.id, expectedVersion: a.version });
                dialog.current?.close();
                if (!r.error) onChanged();
              }}
            >
              {t('amendment.withdraw')}
            </Button>
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {t('agreement.cancel')}
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </article>
  );
}

/** An affected director's answer: approve with the decision, or reject with a reason. */
function DecisionForm({
  amendment,
  kommunenummer,
  name,
  onChanged,
}: {
  amendment: Amendment;
  kommunenummer: string;
  name: string;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [approve, doApprove] = useMutation(ApproveAmendmentMutation);
  const [reject, doReject] = useMutation(RejectAmendmentMutation);
  const [form, setForm] = useState({
    decisionBody: t('membership.defaultBody'),
    decisionRef: '',
    decisionDate: todayInNorway(),
  });
  const [reason, setReason] = useState('');
  const errors = { ...fieldErrors(approve.error), ...fieldErrors(reject.error) };
  const general = generalError(approve.error, t('error.network')) ?? generalError(reject.error, t('error.network'));
  const vars = { id: amendment.id, kommunenummer, expectedVersion: amendment.version };

  return (
    <div className="decision-form" data-testid={`decision-${kommunenummer}`}>
      <Heading level={4} data-size="2xs">
        {t('amendment.answerFor', { name })}
      </Heading>
      {general && <Alert data-color="danger">{general}</Alert>}
      <div className="form-grid">
        <DecisionFields form={form} setForm={setForm} errors={errors} />
        <div>
          <Button
            disabled={approve.fetching}
            onClick={async () => {
              const r = await doApprove({ ...vars, input: form });
              if (!r.error) onChanged();
            }}
          >
            {t('amendment.approve', { name })}
          </Button>
        </div>
        <Textfield
          label={t('amendment.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errors.reason}
        />
        <div>
          <Button
            variant="secondary"
            data-color="danger"
            disabled={reject.fetching}
            onClick={async () => {
              const r = await doReject({ ...vars, reason });
              if (!r.error) onChanged();
            }}
          >
            {t('amendment.reject', { name })}
          </Button>
        </div>
      </div>
    </div>
  );
}
