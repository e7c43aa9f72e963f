import { allowedTransitions, AGREEMENT_STATUSES, canTransition, type AgreementStatus } from './agreement-status';
import { checklistCompleteness, CHECKLIST_KEYS, normaliseChecklist } from './checklist';
import { isContactStale, isPhoneNumber, isWorkEmail } from './contacts';
import {
  AGENCY_KINDS,
  AGENCY_KIND_LABELS,
  mayRemoveRoutineStep,
  missingTemplateSteps,
  ROUTINE_TEMPLATE,
  ROUTINE_STEP_KINDS,
} from './catalog';
import { isIsoDate, todayInNorway } from './dates';

describe('agreement status transitions', () => {
  it.each([
    ['DRAFT', 'NEGOTIATING', true],
    ['DRAFT', 'ACTIVE', true],
    ['DRAFT', 'NOTICE_GIVEN', false],
    ['NEGOTIATING', 'ACTIVE', true],
    ['ACTIVE', 'NOTICE_GIVEN', true],
    ['ACTIVE', 'DRAFT', false],
    ['ACTIVE', 'NEGOTIATING', false],
    ['NOTICE_GIVEN', 'ACTIVE', true], // notice withdrawn
    ['NOTICE_GIVEN', 'ENDED', true],
    ['DISPUTED', 'ACTIVE', true],
    ['ENDED', 'ACTIVE', false],
    ['ENDED', 'DRAFT', false],
    ['ACTIVE', 'ACTIVE', false],
  ] as const)('%s → %s: %p', (from, to, ok) => {
    expect(canTransition(from, to)).toBe(ok);
  });

  it('ENDED is final and every other status can end', () => {
    expect(allowedTransitions('ENDED')).toEqual([]);
    for (const s of AGREEMENT_STATUSES.filter((x) => x !== 'ENDED'))
      expect(canTransition(s as AgreementStatus, 'ENDED')).toBe(true);
  });
});

describe('checklist completeness', () => {
  it('counts n of 9; headings without an item are not covered', () => {
    expect(checklistCompleteness([])).toEqual({ covered: 0, total: 9, missing: [...CHECKLIST_KEYS] });
    const r = checklistCompleteness([
      { key: 'PURPOSE', covered: true, note: null },
      { key: 'HOUSING', covered: true, note: 'Pkt. 7' },
      { key: 'COMPETENCE', covered: false, note: null },
    ]);
    expect(r.covered).toBe(2);
    expect(r.missing).toHaveLength(7);
    expect(r.missing).toContain('COMPETENCE');
  });

  it('normalises to all nine headings in order', () => {
    const list = normaliseChecklist([{ key: 'HOUSING', covered: true, note: 'x' }]);
    expect(list.map((i) => i.key)).toEqual(CHECKLIST_KEYS);
    expect(list.find((i) => i.key === 'HOUSING')).toEqual({ key: 'HOUSING', covered: true, note: 'x' });
  });
});

describe('contact staleness', () => {
  const asOf = new Date('2026-11-21T10:00:00Z');
  it.each([
    [null, true],
    ['2026-05-21T10:00:00Z', true], // exactly 6 months
    ['2026-05-21T10:00:01Z', false], // one second short
    ['2026-05-22T00:00:00Z', false],
    ['2025-11-21T10:00:00Z', true],
    ['2026-11-21T09:00:00Z', false],
  ])('verified %p → stale %p', (verified, stale) => {
    expect(isContactStale(verified === null ? null : new Date(verified), asOf)).toBe(stale);
  });

  it('takes another threshold', () => {
    expect(isContactStale(new Date('2026-09-01T00:00:00Z'), asOf, 2)).toBe(true);
    expect(isContactStale(new Date('2026-09-01T00:00:00Z'), asOf, 3)).toBe(false);
  });

  it.each([
    ['post@bodo.kommune.example', true],
    ['a@b.no', true],
    ['no-at-sign', false],
    ['a@b', false],
  ])('email %p → %p', (v, ok) => expect(isWorkEmail(v)).toBe(ok));

  it.each([
    ['+47 75 55 50 00', true],
    ['75555000', true],
    ['755', false],
    ['call me', false],
  ])('phone %p → %p', (v, ok) => expect(isPhoneNumber(v)).toBe(ok));
});

describe('catalogues', () => {
  it('labels every agency kind in both languages', () => {
    for (const k of AGENCY_KINDS) {
      expect(AGENCY_KIND_LABELS[k].nb.length).toBeGreaterThan(1);
      expect(AGENCY_KIND_LABELS[k].en.length).toBeGreaterThan(1);
    }
  });

  it('the routine template has the 22 source-based steps once each, each with a known timing', () => {
    expect(ROUTINE_TEMPLATE).toHaveLength(22);
    expect(new Set(ROUTINE_TEMPLATE.map((s) => s.kind)).size).toBe(22);
    for (const s of ROUTINE_TEMPLATE) expect(ROUTINE_STEP_KINDS).toContain(s.kind);
    const order = ['ON_ARRIVAL', 'DURING_STAY', 'BEFORE_MOVING_OUT', 'AFTER_STAY'];
    expect(ROUTINE_TEMPLATE.map((s) => order.indexOf(s.timing))).not.toContain(-1);
  });

  it("today's date in Norway is an ISO date, and crosses midnight in Oslo's time zone", () => {
    expect(isIsoDate(todayInNorway())).toBe(true);
    expect(todayInNorway(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});

describe('the handover template as the sources name it (issue 12)', () => {
  it("the threat assessment is the centre's duty, not the police's", () => {
    const step = ROUTINE_TEMPLATE.find((s) => s.kind === 'THREAT_ASSESSMENT_SAFETY_PLAN')!;
    expect(step.responsibleAgencyKind).toBeNull();
    expect(step.basis).toContain('§ 4');
  });

  it.each([
    ['FAMILY_COUNSELLING', 'FAMILY_COUNSELLING', 'DURING_STAY'],
    ['GP_HEALTH', 'GP_EMERGENCY_CLINIC', 'DURING_STAY'],
    ['INTERPRETER', 'INTERPRETER_SERVICE', 'ON_ARRIVAL'],
    ['POLICE_REPORT_VICTIM_SUPPORT', 'POLICE', 'DURING_STAY'],
    ['UPDATE_SAFETY_PLAN', null, 'BEFORE_MOVING_OUT'],
    ['ADDRESS_CHANGE_CONFIDENTIAL', null, 'BEFORE_MOVING_OUT'],
    ['VOLUNTARY_ORGANISATIONS', 'VOLUNTARY_ORGANISATION', 'AFTER_STAY'],
    ['CHILD_COORDINATOR', 'OTHER', 'DURING_STAY'],
  ] as const)('%s: responsible %p, %s, with its basis', (kind, agency, timing) => {
    const step = ROUTINE_TEMPLATE.find((s) => s.kind === kind)!;
    expect([step.responsibleAgencyKind, step.timing]).toEqual([agency, timing]);
    expect(step.basis.length).toBeGreaterThan(5);
  });

  it('an existing routine keeps its steps; the new ones are offered in template order', () => {
    const old = ROUTINE_TEMPLATE.slice(0, 14).map((s) => s.kind);
    expect(missingTemplateSteps(old).map((s) => s.kind)).toEqual([
      'FAMILY_COUNSELLING',
      'GP_HEALTH',
      'INTERPRETER',
      'POLICE_REPORT_VICTIM_SUPPORT',
      'UPDATE_SAFETY_PLAN',
      'ADDRESS_CHANGE_CONFIDENTIAL',
      'VOLUNTARY_ORGANISATIONS',
      'CHILD_COORDINATOR',
    ]);
    expect(missingTemplateSteps(ROUTINE_TEMPLATE.map((s) => s.kind))).toEqual([]);
  });
});

describe('removing routine steps', () => {
  it('keeps at least one step; no template step is required as such', () => {
    expect(mayRemoveRoutineStep(2)).toBe(true);
    expect(mayRemoveRoutineStep(1)).toBe(false);
    expect(mayRemoveRoutineStep(0)).toBe(false);
  });
});
