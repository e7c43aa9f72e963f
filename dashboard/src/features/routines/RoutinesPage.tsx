import { useEffect, useMemo, useRef, useState } from 'react';
import { FilterSelect } from '../../components/FilterSelect';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { Alert, Button, Dialog, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { ExampleTag } from '../../components/ExampleTag';
import { Loading, QueryError } from '../../components/States';
import {
  AGENCY_KIND_LABELS,
  canManageRoutine,
  ROUTINE_STATUS_LABELS,
  STEP_TIMING_LABELS,
  todayInNorway,
} from '@samordna/domain';
import { History } from '../history/History';
import { Permission, PermissionNote } from '../auth/Permission';
import { useSession } from '../auth/session';
import { useI18n } from '../../i18n/i18n';
import { errorMessage, isConflict } from '../../lib/errors';
import { ConflictAlert } from '../history/ConflictNotice';
import { formatDate } from '../../lib/format';
import { useSearchParam } from '../../lib/useSearchParam';
import { StepDialog, draftOfStep, newStepDraft, type StepDraft } from './StepDialog';
import { StepTable } from './StepTable';
import {
  AddTemplateStepMutation,
  AdoptMutation,
  CentreRoutinesQuery,
  CreateRoutineMutation,
  RemoveStepMutation,
  ReorderMutation,
  RoutineLocationQuery,
  RoutineOptionsQuery,
} from './routines.graphql';
import { useOpenOnHome } from '../start/home';

export default function RoutinesPage() {
  const { t, locale } = useI18n();
  const [, setParams] = useSearchParams();
  const [options, refreshOptions] = useQuery({ query: RoutineOptionsQuery });
  // A link to one routine (?rutine=id) opens its centre and municipality.
  const [routineId] = useSearchParam('rutine');
  // Opens on the user's own centre, and a director's own municipality within it.
  const home = useOpenOnHome(['senter', 'kommune', 'rutine'], (h) =>
    h.centreId ? { senter: h.centreId, ...(!h.isCentre && h.kommunenummer ? { kommune: h.kommunenummer } : {}) } : null,
  );
  const [location] = useQuery({ query: RoutineLocationQuery, variables: { id: routineId }, pause: !routineId });
  useEffect(() => {
    const r = location.data?.handoverRoutine;
    if (r) setParams({ senter: r.centre.id, kommune: r.municipality.kommunenummer }, { replace: true });
  }, [location.data, setParams]);
  const centres = options.data?.crisisCentres.items ?? [];
  // Another centre: its own first municipality, not the one chosen in the old centre.
  const [centreId, setCentreId] = useSearchParam(
    'senter',
    (home.ready ? (home.centreId ?? centres[0]?.id) : '') ?? '',
    { clears: ['kommune'] },
  );
  const [kommunenummer, setKommunenummer] = useSearchParam('kommune');
  const centre = centres.find((c) => c.id === centreId);
  const context = useMemo(() => ({ additionalTypenames: ['HandoverRoutine', 'RoutineStep'] }), []);
  const [routines, refresh] = useQuery({
    query: CentreRoutinesQuery,
    variables: { centreId },
    pause: !centreId,
    context,
  });
  const [createState, create] = useMutation(CreateRoutineMutation);
  const [, reorder] = useMutation(ReorderMutation);
  const [adoptState, adopt] = useMutation(AdoptMutation);
  const [addStepState, addStep] = useMutation(AddTemplateStepMutation);
  const [removeState, removeStep] = useMutation(RemoveStepMutation);
  const removeDialog = useRef<HTMLDialogElement>(null);
  const [removing, setRemoving] = useState<{ id: string; title: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<CombinedError | null>(null);
  /** A refused reorder or adoption: say why; on a CONFLICT show the new version so the user can redo it. */
  const after = (error: CombinedError | undefined) => {
    setProblem(error ?? null);
    if (error) setNotice(null);
    refresh({ requestPolicy: 'network-only' });
  };
  const confirm = useRef<HTMLDialogElement>(null);
  const stepDialog = useRef<HTMLDialogElement>(null);
  const [stepDraft, setStepDraft] = useState<StepDraft | null>(null);
  const members = (centre?.members ?? []).map((m) => m.municipality);
  const chosen = kommunenummer || members[0]?.kommunenummer || '';
  const routine = routines.data?.handoverRoutines.items.find((r) => r.municipality.kommunenummer === chosen);
  const municipalityName = members.find((m) => m.kommunenummer === chosen)?.name ?? chosen;
  const choose = (setParam: (value: string) => void, value: string) => {
    setProblem(null);
    setParam(value);
  };
  const move = async (index: number, delta: number) => {
    if (!routine) return;
    const ids = routine.steps.map((s) => s.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + delta, 0, id);
    const r = await reorder({ routineId: routine.id, stepIds: ids, expectedVersion: routine.version });
    after(r.error);
    requestAnimationFrame(() =>
      (
        document.querySelector(
          `[data-step="${id}"] button[data-dir="${delta < 0 ? 'up' : 'down'}"]`,
        ) as HTMLButtonElement | null
      )?.focus(),
    );
  };
  const overdue = routine?.reviewDueOn ? routine.reviewDueOn < todayInNorway() : false;
  const { grants } = useSession();
  const mayEdit = canManageRoutine(grants, { centreId, kommunenummer: chosen });

  return (
    <section aria-labelledby="routines-heading">
      <Heading level={1} data-size="lg" id="routines-heading">
        {t('routines.heading')}
      </Heading>
      <Paragraph>{t('routines.intro')}</Paragraph>
      <div className="filters">
        <FilterSelect
          id="r-centre"
          label={t('routines.centre')}
          value={centreId}
          onChange={(v) => choose(setCentreId, v)}
          options={centres.map((c) => [c.id, c.name] as const)}
        />
        <FilterSelect
          id="r-municipality"
          label={t('routines.municipality')}
          value={chosen}
          onChange={(v) => choose(setKommunenummer, v)}
          options={members.map((m) => [m.kommunenummer, m.name] as const)}
        />
      </div>
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
      {location.error && <QueryError error={location.error} />}

      {options.error ? (
        <QueryError error={options.error} onRetry={() => refreshOptions({ requestPolicy: 'network-only' })} />
      ) : !options.data ? (
        <Loading />
      ) : centres.length === 0 ? (
        <Paragraph role="status">{t('common.noCentres')}</Paragraph>
      ) : centre && members.length === 0 ? (
        <Paragraph role="status">{t('common.noMembers', { name: centre.name })}</Paragraph>
      ) : routines.error ? (
        <QueryError error={routines.error} onRetry={() => refresh({ requestPolicy: 'network-only' })} />
      ) : !routines.data ? (
        <Loading />
      ) : !routine ? (
        <div className="block">
          <Paragraph role="status">
            {t('routines.none', { centre: centre?.name ?? '', municipality: municipalityName })}
          </Paragraph>
          {createState.error && (
            <Alert data-color="danger">{errorMessage(createState.error, t('error.network'))}</Alert>
          )}
          <Permission allowed={(g) => canManageRoutine(g, { centreId, kommunenummer: chosen })}>
            <Button
              disabled={createState.fetching || !chosen}
              aria-busy={createState.fetching}
              onClick={async () => {
                const r = await create({ centreId, kommunenummer: chosen });
                if (!r.error) refresh({ requestPolicy: 'network-only' });
              }}
            >
              {t('routines.createFromTemplate')}
            </Button>
          </Permission>
        </div>
      ) : (
        <article aria-labelledby="routine-heading" className="block">
          <Heading level={2} data-size="sm" id="routine-heading">
            {centre?.name} – {routine.municipality.name}
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
            {routine.status !== 'ADOPTED' && (
              <Permission allowed={(g) => canManageRoutine(g, { centreId, kommunenummer: chosen })}>
                <Button onClick={() => confirm.current?.showModal()}>{t('routines.adopt')}</Button>
              </Permission>
            )}
            <RouterLink to={`/flytter/${routine.municipality.kommunenummer}`}>
              {t('routines.movingToLink', { name: routine.municipality.name })}
            </RouterLink>
          </div>
          <StepTable
            steps={routine.steps}
            mayEdit={mayEdit}
            onMove={move}
            onEdit={(step) => {
              setStepDraft(draftOfStep({ ...step, version: routine.version }));
              stepDialog.current?.showModal();
            }}
            onRemove={(step) => {
              setRemoving({ id: step.id, title: step.title });
              removeDialog.current?.showModal();
            }}
          />
          {mayEdit && (
            <div className="button-row">
              <Button
                id="add-step"
                variant="secondary"
                onClick={() => {
                  setStepDraft(newStepDraft(routine.id, routine.version));
                  stepDialog.current?.showModal();
                }}
              >
                + {t('routines.addStep')}
              </Button>
            </div>
          )}
          {(routine.missingTemplateSteps?.length ?? 0) > 0 && (
            <div className="offered-steps" data-testid="offered-steps">
              <Heading level={3} data-size="2xs">
                {t('routines.offeredHeading')}
              </Heading>
              <Paragraph data-size="sm">{t('routines.offeredIntro')}</Paragraph>
              <ul>
                {routine.missingTemplateSteps.map((m) => (
                  <li key={m.kind}>
                    <strong>{m.title}</strong> –{' '}
                    {m.responsibleAgencyKind
                      ? AGENCY_KIND_LABELS[m.responsibleAgencyKind][locale]
                      : t('routines.centreItself')}
                    , {STEP_TIMING_LABELS[m.timing][locale].toLowerCase()} <span className="muted">({m.basis})</span>{' '}
                    {mayEdit && (
                      <Button
                        variant="secondary"
                        data-size="sm"
                        disabled={addStepState.fetching}
                        aria-label={t('routines.addOffered', { step: m.title })}
                        onClick={async () => {
                          const r = await addStep({
                            routineId: routine.id,
                            input: {
                              kind: m.kind,
                              title: m.title,
                              timing: m.timing,
                              responsibleAgencyKind: m.responsibleAgencyKind ?? null,
                            },
                            expectedVersion: routine.version,
                          });
                          if (!r.error) setNotice(t('routines.stepSaved'));
                          after(r.error);
                        }}
                      >
                        {t('routines.add')}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {!mayEdit && <PermissionNote />}
          <History entity="HandoverRoutine" entityId={routine.id} />
          <StepDialog
            ref={stepDialog}
            draft={stepDraft}
            steps={routine.steps}
            onSaved={() => {
              stepDialog.current?.close();
              setNotice(t('routines.stepSaved'));
              setProblem(null);
              refresh({ requestPolicy: 'network-only' });
            }}
          />
          <Dialog ref={removeDialog} closeButton={t('common.close')} aria-labelledby="remove-step-heading">
            <Dialog.Block>
              <Heading level={2} data-size="xs" id="remove-step-heading">
                {t('routines.remove')}
              </Heading>
              <Paragraph>{t('routines.removeConfirm', { step: removing?.title ?? '' })}</Paragraph>
              <div className="button-row">
                <Button
                  data-color="danger"
                  disabled={removeState.fetching || !removing}
                  onClick={async () => {
                    const r = await removeStep({ id: removing!.id, expectedVersion: routine.version });
                    removeDialog.current?.close();
                    after(r.error);
                    if (!r.error) setNotice(t('routines.stepRemoved'));
                    // The removed step's buttons are gone: focus goes on to «Nytt steg», not to the top of the page.
                    requestAnimationFrame(() => document.getElementById('add-step')?.focus());
                  }}
                >
                  {t('routines.confirmRemove')}
                </Button>
                <Button variant="secondary" onClick={() => removeDialog.current?.close()}>
                  {t('agreement.cancel')}
                </Button>
              </div>
            </Dialog.Block>
          </Dialog>
          <Dialog ref={confirm} closeButton={t('common.close')} aria-labelledby="adopt-heading">
            <Dialog.Block>
              <Heading level={2} data-size="xs" id="adopt-heading">
                {t('routines.adopt')}
              </Heading>
              <Paragraph>{t('routines.confirmAdopt')}</Paragraph>
              <div className="button-row">
                <Button
                  disabled={adoptState.fetching}
                  onClick={async () => {
                    const r = await adopt({ id: routine.id, expectedVersion: routine.version });
                    confirm.current?.close();
                    after(r.error);
                    if (!r.error) setNotice(t('routines.adopted'));
                  }}
                >
                  {t('agreement.confirm')}
                </Button>
                <Button variant="secondary" onClick={() => confirm.current?.close()}>
                  {t('agreement.cancel')}
                </Button>
              </div>
            </Dialog.Block>
          </Dialog>
        </article>
      )}
    </section>
  );
}
