import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import type { CombinedError } from 'urql';
import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { AGENCY_KIND_LABELS, ROUTINE_STATUS_LABELS, STEP_TIMING_LABELS, type Grant } from '@samordna/domain';
import { ExampleTag } from '../../components/ExampleTag';
import type { CentreRoutinesQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { errorMessage, isConflict } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { Permission } from '../auth/Permission';
import { ConflictAlert } from '../history/ConflictNotice';

export type Routine = CentreRoutinesQuery['handoverRoutines']['items'][number];
export type OfferedStep = Routine['missingTemplateSteps'][number];

/** A routine's heading and status (adopted, review due, overdue), with «Vedta» and the moving-to link. */
export function RoutineSummary({
  routine,
  centreName,
  overdue,
  adoptButton,
}: {
  routine: Routine;
  centreName: string | undefined;
  overdue: boolean;
  /** «Vedta rutinen», for those who may, while it is not adopted. */
  adoptButton: ReactNode;
}) {
  const { t, locale } = useI18n();
  return (
    <>
      <Heading level={2} data-size="sm" id="routine-heading">
        {centreName} – {routine.municipality.name}
        <ExampleTag show={routine.isExample} />
      </Heading>
      <Paragraph data-testid="routine-status">
        {t('routines.status')}: <strong>{ROUTINE_STATUS_LABELS[routine.status][locale]}</strong>
        {routine.adoptedOn && ` · ${t('routines.adoptedOn')} ${formatDate(routine.adoptedOn)}`}
        {routine.reviewDueOn && ` · ${t('routines.reviewDue')} ${formatDate(routine.reviewDueOn)}`}
        {overdue && (
          <Tag data-size="sm" data-color="danger" className="example-tag">
            {t('routines.overdue')}
          </Tag>
        )}
      </Paragraph>
      <div className="button-row">
        {adoptButton}
        <RouterLink to={`/flytter/${routine.municipality.kommunenummer}`}>
          {t('routines.movingToLink', { name: routine.municipality.name })}
        </RouterLink>
      </div>
    </>
  );
}

/** The template's steps this routine lacks, each with «Legg til» for those who may edit. */
export function OfferedSteps({
  steps,
  mayEdit,
  busy,
  onAdd,
}: {
  steps: readonly OfferedStep[];
  mayEdit: boolean;
  busy: boolean;
  onAdd: (step: OfferedStep) => void;
}) {
  const { t, locale } = useI18n();
  if (steps.length === 0) return null;
  return (
    <div className="offered-steps" data-testid="offered-steps">
      <Heading level={3} data-size="2xs">
        {t('routines.offeredHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('routines.offeredIntro')}</Paragraph>
      <ul>
        {steps.map((m) => (
          <li key={m.kind}>
            <strong>{m.title}</strong> –{' '}
            {m.responsibleAgencyKind ? AGENCY_KIND_LABELS[m.responsibleAgencyKind][locale] : t('routines.centreItself')}
            , {STEP_TIMING_LABELS[m.timing][locale].toLowerCase()} <span className="muted">({m.basis})</span>{' '}
            {mayEdit && (
              <Button
                variant="secondary"
                data-size="sm"
                disabled={busy}
                aria-label={t('routines.addOffered', { step: m.title })}
                onClick={() => onAdd(m)}
              >
                {t('routines.add')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A municipality without a routine yet: say so, and offer one made from the template. */
export function NoRoutine({
  text,
  error,
  busy,
  disabled,
  mayCreate,
  onCreate,
}: {
  text: string;
  /** Why the last attempt failed. */
  error: string | null;
  busy: boolean;
  disabled: boolean;
  mayCreate: (grants: Grant[]) => boolean;
  onCreate: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="block">
      <Paragraph role="status">{text}</Paragraph>
      {error && <Alert data-color="danger">{error}</Alert>}
      <Permission allowed={mayCreate}>
        <Button disabled={disabled} aria-busy={busy} onClick={onCreate}>
          {t('routines.createFromTemplate')}
        </Button>
      </Permission>
    </div>
  );
}

/** What the last change did: done, refused, or overtaken by someone else's change. */
export function RoutineNotices({ notice, problem }: { notice: string | null; problem: CombinedError | null }) {
  const { t } = useI18n();
  return (
    <>
      {notice && (
        <Alert data-color="success" role="status">
          {notice}
        </Alert>
      )}
      {problem &&
        (isConflict(problem) ? (
          <ConflictAlert />
        ) : (
          <Alert data-color="danger" role="alert">
            {errorMessage(problem, t('error.network'))}
          </Alert>
        ))}
    </>
  );
}
