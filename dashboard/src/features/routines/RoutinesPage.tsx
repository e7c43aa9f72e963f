import { useEffect, useMemo, useRef, useState } from 'react';
import { FilterSelect } from '../../components/FilterSelect';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useSearchParams } from 'react-router';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Loading, QueryError } from '../../components/States';
import { canManageRoutine, todayInNorway } from '@samordna/domain';
import { History } from '../history/History';
import { Permission, PermissionNote } from '../auth/Permission';
import { useSession } from '../auth/session';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../lib/errors';
import { useSearchParam } from '../../lib/useSearchParam';
import { StepDialog, draftOfStep, newStepDraft, type StepDraft } from './StepDialog';
import { StepTable } from './StepTable';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { NoRoutine, OfferedSteps, RoutineNotices, RoutineSummary } from './RoutineParts';
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
  const { t } = useI18n();
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
      <RoutineNotices notice={notice} problem={problem} />
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
        <NoRoutine
          text={t('routines.none', { centre: centre?.name ?? '', municipality: municipalityName })}
          error={createState.error ? errorMessage(createState.error, t('error.network')) : null}
          busy={createState.fetching}
          disabled={createState.fetching || !chosen}
          mayCreate={(g) => canManageRoutine(g, { centreId, kommunenummer: chosen })}
          onCreate={async () => {
            const r = await create({ centreId, kommunenummer: chosen });
            if (!r.error) refresh({ requestPolicy: 'network-only' });
          }}
        />
      ) : (
        <article aria-labelledby="routine-heading" className="block">
          <RoutineSummary
            routine={routine}
            centreName={centre?.name}
            overdue={overdue}
            adoptButton={
              routine.status !== 'ADOPTED' && (
                <Permission allowed={(g) => canManageRoutine(g, { centreId, kommunenummer: chosen })}>
                  <Button onClick={() => confirm.current?.showModal()}>{t('routines.adopt')}</Button>
                </Permission>
              )
            }
          />
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
          <OfferedSteps
            steps={routine.missingTemplateSteps ?? []}
            mayEdit={mayEdit}
            busy={addStepState.fetching}
            onAdd={async (m) => {
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
          />
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
          <ConfirmDialog
            ref={removeDialog}
            id="remove-step-heading"
            title={t('routines.remove')}
            text={t('routines.removeConfirm', { step: removing?.title ?? '' })}
            confirmLabel={t('routines.confirmRemove')}
            danger
            disabled={removeState.fetching || !removing}
            onConfirm={async () => {
              const r = await removeStep({ id: removing!.id, expectedVersion: routine.version });
              removeDialog.current?.close();
              after(r.error);
              if (!r.error) setNotice(t('routines.stepRemoved'));
              // The removed step's buttons are gone: focus goes on to «Nytt steg», not to the top of the page.
              requestAnimationFrame(() => document.getElementById('add-step')?.focus());
            }}
            onCancel={() => removeDialog.current?.close()}
          />
          <ConfirmDialog
            ref={confirm}
            id="adopt-heading"
            title={t('routines.adopt')}
            text={t('routines.confirmAdopt')}
            confirmLabel={t('agreement.confirm')}
            disabled={adoptState.fetching}
            onConfirm={async () => {
              const r = await adopt({ id: routine.id, expectedVersion: routine.version });
              confirm.current?.close();
              after(r.error);
              if (!r.error) setNotice(t('routines.adopted'));
            }}
            onCancel={() => confirm.current?.close()}
          />
        </article>
      )}
    </section>
  );
}
