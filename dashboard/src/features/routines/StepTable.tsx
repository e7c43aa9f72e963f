import { Button, Table } from '@digdir/designsystemet-react';
import { AGENCY_KIND_LABELS, mayRemoveRoutineStep, STEP_TIMING_LABELS } from '@samordna/domain';
import { ScrollTable } from '../../components/ScrollTable';
import type { CentreRoutinesQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';

type Step = CentreRoutinesQuery['handoverRoutines']['items'][number]['steps'][number];

/** A routine's steps in order; with `mayEdit`, buttons to move, edit and remove each one. */
export function StepTable({
  steps,
  mayEdit,
  onMove,
  onEdit,
  onRemove,
}: {
  steps: readonly Step[];
  mayEdit: boolean;
  onMove: (index: number, by: -1 | 1) => void;
  onEdit: (step: Step) => void;
  onRemove: (step: Step) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <ScrollTable label={t('routines.steps')}>
      <Table zebra border data-size="sm" data-testid="step-table">
        <caption className="visually-hidden">{t('routines.steps')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('routines.col.order')}</Table.HeaderCell>
            <Table.HeaderCell>{t('routines.col.step')}</Table.HeaderCell>
            <Table.HeaderCell>{t('routines.col.responsible')}</Table.HeaderCell>
            <Table.HeaderCell>{t('routines.col.timing')}</Table.HeaderCell>
            <Table.HeaderCell>{t('routines.col.contact')}</Table.HeaderCell>
            {mayEdit && <Table.HeaderCell>{t('routines.col.edit')}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {steps.map((s, i) => (
            <Table.Row key={s.id} data-step={s.id}>
              <Table.Cell>{i + 1}</Table.Cell>
              <Table.Cell>{s.title}</Table.Cell>
              <Table.Cell>
                {s.responsibleAgencyKind
                  ? AGENCY_KIND_LABELS[s.responsibleAgencyKind][locale]
                  : t('routines.centreItself')}
              </Table.Cell>
              <Table.Cell>{STEP_TIMING_LABELS[s.timing][locale]}</Table.Cell>
              <Table.Cell>
                {s.contact ? (
                  <>
                    {s.contact.name}
                    {s.contact.phone && (
                      <>
                        , <span className="nowrap">{s.contact.phone}</span>
                      </>
                    )}
                  </>
                ) : (
                  '–'
                )}
              </Table.Cell>
              {mayEdit && (
                <Table.Cell>
                  <span className="move-buttons">
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      data-dir="up"
                      disabled={i === 0}
                      aria-label={t('routines.moveUp', { step: s.title })}
                      onClick={() => onMove(i, -1)}
                    >
                      ↑
                    </Button>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      data-dir="down"
                      disabled={i === steps.length - 1}
                      aria-label={t('routines.moveDown', { step: s.title })}
                      onClick={() => onMove(i, 1)}
                    >
                      ↓
                    </Button>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('routines.editStepNamed', { step: s.title })}
                      onClick={() => onEdit(s)}
                    >
                      {t('agreement.edit')}
                    </Button>
                    {/* The last step stays (the domain's rule; the server refuses it too): delete the routine instead. */}
                    {mayRemoveRoutineStep(steps.length) && (
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        data-color="danger"
                        aria-label={t('routines.removeStep', { step: s.title })}
                        onClick={() => onRemove(s)}
                      >
                        {t('routines.remove')}
                      </Button>
                    )}
                  </span>
                </Table.Cell>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollTable>
  );
}
