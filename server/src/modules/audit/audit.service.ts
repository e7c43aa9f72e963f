import { DocumentedMembership } from '../national/documented-membership.entity';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import {
  canActForMunicipality,
  canAdministerAgreement,
  canManageCentre,
  canManageFinance,
  canManageMunicipalityContacts,
  canManageRoutine,
  canReadAgreementHistory,
  isAdmin,
  type Grant,
} from '@samordna/domain';
import { forbidden, requireUser } from '../../app/auth';
import type { AppContext } from '../../app/context';
import { badInput } from '../../app/errors';
import { parsePaging, parseInput } from '../../app/validation';
import { AgreementParty } from '../agreement/agreement-party.entity';
import { Agreement } from '../agreement/agreement.entity';
import { AgreementAmendment, AmendmentApproval } from '../agreement/amendment.entity';
import { centresOfMunicipality } from '../agreement/membership';
import { Agency } from '../contact/agency.entity';
import { ContactPerson } from '../contact/contact-person.entity';
import { CentreBudget, ExtraCharge, Investment } from '../cost-sharing/cost.entities';
import { CrisisCentre } from '../crisis-centre/crisis-centre.entity';
import { HandoverRoutine } from '../handover/handover-routine.entity';
import { RoutineStep } from '../handover/routine-step.entity';
import { AuditEntry } from './audit.entity';
import { auditFilterSchema } from './audit.inputs';

const TARGETS: Record<string, EntityTarget<ObjectLiteral>> = {
  Agreement,
  AgreementParty,
  AgreementAmendment,
  AmendmentApproval,
  Agency,
  ContactPerson,
  CrisisCentre,
  HandoverRoutine,
  RoutineStep,
  CentreBudget,
  ExtraCharge,
  Investment,
  DocumentedMembership,
};

/**
 * A record as it is, or, once deleted, as its audit trail last knew it (each field's latest known
 * value). Erased contacts have no values left: their scope is unknown, so only administrators see them.
 */
async function stateOf(em: EntityManager, entity: string, id: string): Promise<Record<string, unknown> | null> {
  const target = TARGETS[entity];
  if (!target) return null;
  if (/^[0-9a-f-]{36}$/i.test(id)) {
    const row = await em.getRepository(target).findOneBy({ id });
    if (row) return row as Record<string, unknown>;
  }
  const trail: { changes: Record<string, { before: unknown; after: unknown }> }[] = await em.query(
    `SELECT changes FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY id`,
    [entity, id],
  );
  const state: Record<string, unknown> = {};
  for (const { changes } of trail)
    for (const [k, c] of Object.entries(changes)) state[k] = c.after ?? c.before ?? state[k] ?? null;
  return Object.keys(state).length ? state : null;
}

const str = (x: unknown) => (typeof x === 'string' ? x : null);

async function hostOfCentre(em: EntityManager, centreId: unknown): Promise<string | null> {
  const s = str(centreId) ? await stateOf(em, 'CrisisCentre', str(centreId)!) : null;
  return str(s?.hostKommunenummer);
}

/** Every municipality that is or was a party to the agreement (live parties and those in the trail). */
async function partiesEver(em: EntityManager, agreementId: string): Promise<string[]> {
  const rows: { k: string | null }[] = await em.query(
    `SELECT kommunenummer AS k FROM agreement_party WHERE agreement_id::text = $1
     UNION SELECT coalesce(changes->'kommunenummer'->>'after', changes->'kommunenummer'->>'before') FROM audit_log
     WHERE entity = 'AgreementParty' AND parent_entity = 'Agreement' AND parent_id = $1`,
    [agreementId],
  );
  return rows.map((r) => r.k).filter((k): k is string => !!k);
}

/**
 * Whether the user may read a record's history: the same people who may read its protected fields
 * (those who administer it or act for a party to it). Parts (parties, steps, amendments, approvals)
 * follow their record.
 */
async function mayReadHistory(
  em: EntityManager,
  grants: readonly Grant[],
  entity: string,
  id: string,
  depth = 0,
): Promise<boolean> {
  if (isAdmin(grants)) return true;
  if (depth > 3) return false;
  const state = await stateOf(em, entity, id);
  if (!state) return false;
  switch (entity) {
    case 'Agreement': {
      const host = await hostOfCentre(em, state.centreId);
      return (
        !!host &&
        canReadAgreementHistory(grants, { hostKommunenummer: host, partyKommunenummer: await partiesEver(em, id) })
      );
    }
    case 'AgreementParty':
    case 'AgreementAmendment':
      return !!str(state.agreementId) && mayReadHistory(em, grants, 'Agreement', str(state.agreementId)!, depth + 1);
    case 'AmendmentApproval':
      return (
        !!str(state.amendmentId) && mayReadHistory(em, grants, 'AgreementAmendment', str(state.amendmentId)!, depth + 1)
      );
    case 'RoutineStep':
      return !!str(state.routineId) && mayReadHistory(em, grants, 'HandoverRoutine', str(state.routineId)!, depth + 1);
    case 'HandoverRoutine':
      return (
        !!str(state.centreId) &&
        !!str(state.kommunenummer) &&
        canManageRoutine(grants, { centreId: str(state.centreId)!, kommunenummer: str(state.kommunenummer)! })
      );
    case 'ContactPerson': {
      const agency = str(state.agencyId) ? await stateOf(em, 'Agency', str(state.agencyId)!) : null;
      const knr = str(agency?.kommunenummer);
      return !!knr && canManageMunicipalityContacts(grants, knr, await centresOfMunicipality(em, knr));
    }
    case 'DocumentedMembership': {
      // Who may review the fact may read its history: the municipality's director (or an administrator).
      const knr = str(state.kommunenummer);
      return !!knr && canActForMunicipality(grants, knr);
    }
    case 'Agency': {
      const knr = str(state.kommunenummer);
      return !!knr && canManageMunicipalityContacts(grants, knr, await centresOfMunicipality(em, knr));
    }
    case 'CrisisCentre': {
      const host = str(state.hostKommunenummer);
      return !!host && (canManageCentre(grants, { id, hostKommunenummer: host }) || canManageFinance(grants, host));
    }
    case 'CentreBudget':
    case 'ExtraCharge':
    case 'Investment': {
      const host = await hostOfCentre(em, state.centreId);
      return !!host && (canManageFinance(grants, host) || canAdministerAgreement(grants, { hostKommunenummer: host }));
    }
    default:
      return false;
  }
}

/**
 * The audit trail: administrators see all of it; others the history of one record (with its parts),
 * and only of a record whose protected fields they may read (FORBIDDEN otherwise, whether or not it exists).
 */
export async function listAuditLog(
  ctx: AppContext,
  filterInput: unknown,
  pageInput: { limit?: number | null; offset?: number | null },
) {
  const user = requireUser(ctx);
  const filter = parseInput(auditFilterSchema, filterInput ?? {}, 'filter');
  const page = parsePaging(pageInput);
  if (!isAdmin(user.grants)) {
    if (!(filter.entity && filter.entityId)) {
      throw badInput('filter.entityId', 'audit.chooseRecord');
    }
    if (!(await mayReadHistory(ctx.dataSource.manager, user.grants, filter.entity, filter.entityId))) throw forbidden();
  }
  const qb = ctx.dataSource.getRepository(AuditEntry).createQueryBuilder('l');
  if (filter.entity && filter.entityId) {
    // A record's history includes its parts (a routine's steps, an agreement's parties and amendments).
    qb.andWhere('((l.entity = :e AND l.entity_id = :i) OR (l.parent_entity = :e AND l.parent_id = :i))', {
      e: filter.entity,
      i: filter.entityId,
    });
  } else {
    if (filter.entity) qb.andWhere('l.entity = :e', { e: filter.entity });
    if (filter.entityId) qb.andWhere('l.entity_id = :i', { i: filter.entityId });
  }
  if (filter.userId) qb.andWhere('l.user_id = :u', { u: filter.userId });
  const [items, totalCount] = await qb.orderBy('l.id', 'DESC').offset(page.offset).limit(page.limit).getManyAndCount();
  return { items, totalCount };
}
