import { Kind, parse, print, visit, type ArgumentNode, type FieldNode, type ValueNode } from 'graphql';
import type { DataSource } from 'typeorm';

/**
 * Updates must send the version the client saw (`expectedVersion`). Most tests are about something
 * else, so the test app plays the part of a client that has just read the record: for a mutation
 * below without `expectedVersion`, it reads the record's current version and adds it. Tests of the
 * version rule itself pass `expectedVersion` (or ask for `{ rawVersion: true }`) and are untouched.
 */
const VERSION_OF: Record<string, { arg: string; sql: string }> = {
  updateAgreement: { arg: 'id', sql: `SELECT version FROM agreement WHERE id::text = $1` },
  changeAgreementStatus: { arg: 'id', sql: `SELECT version FROM agreement WHERE id::text = $1` },
  setAgreementCostTerms: { arg: 'agreementId', sql: `SELECT version FROM agreement WHERE id::text = $1` },
  proposeAmendment: { arg: 'agreementId', sql: `SELECT version FROM agreement WHERE id::text = $1` },
  updateAgreementParty: { arg: 'id', sql: `SELECT version FROM agreement_party WHERE id::text = $1` },
  giveNotice: { arg: 'partyId', sql: `SELECT version FROM agreement_party WHERE id::text = $1` },
  recordMembershipDecision: { arg: 'partyId', sql: `SELECT version FROM agreement_party WHERE id::text = $1` },
  reviseAmendment: { arg: 'id', sql: `SELECT version FROM agreement_amendment WHERE id::text = $1` },
  withdrawAmendment: { arg: 'id', sql: `SELECT version FROM agreement_amendment WHERE id::text = $1` },
  approveAmendment: { arg: 'id', sql: `SELECT version FROM agreement_amendment WHERE id::text = $1` },
  rejectAmendment: { arg: 'id', sql: `SELECT version FROM agreement_amendment WHERE id::text = $1` },
  setUserGrants: { arg: 'id', sql: `SELECT version FROM app_user WHERE id::text = $1` },
  deactivateUser: { arg: 'id', sql: `SELECT version FROM app_user WHERE id::text = $1` },
  reactivateUser: { arg: 'id', sql: `SELECT version FROM app_user WHERE id::text = $1` },
  updateCrisisCentre: { arg: 'id', sql: `SELECT version FROM crisis_centre WHERE id::text = $1` },
  updateAgency: { arg: 'id', sql: `SELECT version FROM agency WHERE id::text = $1` },
  updateContact: { arg: 'id', sql: `SELECT version FROM contact_person WHERE id::text = $1` },
  updateRoutine: { arg: 'id', sql: `SELECT version FROM handover_routine WHERE id::text = $1` },
  addRoutineStep: { arg: 'routineId', sql: `SELECT version FROM handover_routine WHERE id::text = $1` },
  reorderRoutineSteps: { arg: 'routineId', sql: `SELECT version FROM handover_routine WHERE id::text = $1` },
  updateRoutineStep: {
    arg: 'id',
    sql: `SELECT r.version FROM handover_routine r JOIN routine_step s ON s.routine_id = r.id WHERE s.id::text = $1`,
  },
  removeRoutineStep: {
    arg: 'id',
    sql: `SELECT r.version FROM handover_routine r JOIN routine_step s ON s.routine_id = r.id WHERE s.id::text = $1`,
  },
};

function literal(value: ValueNode, variables: Record<string, unknown>): unknown {
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  if (value.kind === Kind.STRING) return value.value;
  return undefined;
}

/** The query with `expectedVersion` filled in where a versioned update leaves it out. */
export async function withCurrentVersions(
  ds: DataSource,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<string> {
  if (!/^\s*mutation/.test(query)) return query;
  const doc = parse(query);
  const wanted = new Map<FieldNode, number>();
  const fields: FieldNode[] = [];
  visit(doc, { Field: (f) => void fields.push(f) });
  for (const f of fields) {
    const spec = VERSION_OF[f.name.value];
    if (!spec || f.arguments?.some((a) => a.name.value === 'expectedVersion')) continue;
    const idArg = f.arguments?.find((a) => a.name.value === spec.arg);
    const id = idArg ? literal(idArg.value, variables) : undefined;
    let version: number | undefined;
    if (f.name.value === 'setCentreBudget') continue;
    if (typeof id === 'string') version = (await ds.query(spec.sql, [id]))[0]?.version;
    if (version !== undefined) wanted.set(f, version);
  }
  // setCentreBudget: the version of the year's budget, when one exists.
  for (const f of fields) {
    if (f.name.value !== 'setCentreBudget' || f.arguments?.some((a) => a.name.value === 'expectedVersion')) continue;
    const centre = f.arguments?.find((a) => a.name.value === 'centreId');
    const year = f.arguments?.find((a) => a.name.value === 'year');
    const c = centre ? literal(centre.value, variables) : undefined;
    const y = year
      ? year.value.kind === Kind.INT
        ? Number(year.value.value)
        : literal(year.value, variables)
      : undefined;
    if (typeof c !== 'string' || typeof y !== 'number') continue;
    const version = (
      await ds.query(`SELECT version FROM centre_budget WHERE centre_id::text = $1 AND year = $2`, [c, y])
    )[0]?.version;
    if (version !== undefined) wanted.set(f, version);
  }
  if (wanted.size === 0) return query;
  return print(
    visit(doc, {
      Field(f) {
        const version = wanted.get(f);
        if (version === undefined) return undefined;
        const arg: ArgumentNode = {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: 'expectedVersion' },
          value: { kind: Kind.INT, value: String(version) },
        };
        return { ...f, arguments: [...(f.arguments ?? []), arg] };
      },
    }),
  );
}
