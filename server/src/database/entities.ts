import { County } from '../modules/municipality/county.entity';
import { Municipality } from '../modules/municipality/municipality.entity';
import { PopulationFigure } from '../modules/municipality/population.entity';
import { CrisisCentre } from '../modules/crisis-centre/crisis-centre.entity';
import { DocumentedMembership } from '../modules/national/documented-membership.entity';
import { Agreement } from '../modules/agreement/agreement.entity';
import { AgreementParty } from '../modules/agreement/agreement-party.entity';
import { AgreementAmendment, AmendmentApproval } from '../modules/agreement/amendment.entity';
import { Agency } from '../modules/contact/agency.entity';
import { ContactPerson } from '../modules/contact/contact-person.entity';
import { HandoverRoutine } from '../modules/handover/handover-routine.entity';
import { RoutineStep } from '../modules/handover/routine-step.entity';
import { SeedState } from './seeds/seed-state.entity';
import {
  AppUser,
  LoginAttempt,
  LoginChallenge,
  PasswordReset,
  UserInvitation,
  UserRole,
  UserSession,
} from '../modules/auth/auth.entities';
import { AuditEntry } from '../modules/audit/audit.entity';
import {
  CentreBudget,
  ExtraCharge,
  Investment,
  KostraCentreFigure,
  KostraNationalAverage,
  UsageStat,
} from '../modules/cost-sharing/cost.entities';

/** Every entity, passed as classes (not globs) so pnpm's layout and bundling cannot lose one. */
export const ENTITIES = [
  County,
  Municipality,
  PopulationFigure,
  CrisisCentre,
  DocumentedMembership,
  Agreement,
  AgreementParty,
  AgreementAmendment,
  AmendmentApproval,
  Agency,
  ContactPerson,
  HandoverRoutine,
  RoutineStep,
  SeedState,
  CentreBudget,
  ExtraCharge,
  Investment,
  KostraNationalAverage,
  KostraCentreFigure,
  UsageStat,
  AppUser,
  UserRole,
  UserSession,
  LoginAttempt,
  UserInvitation,
  PasswordReset,
  LoginChallenge,
  AuditEntry,
];
