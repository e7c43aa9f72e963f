import { Foundation1763750000000 } from './1763750000000-foundation';
import { DomainModel1763760000000 } from './1763760000000-domain-model';
import { CostSharing1763770000000 } from './1763770000000-cost-sharing';
import { AccessAudit1763780000000 } from './1763780000000-access-audit';
import { AuditParent1763790000000 } from './1763790000000-audit-parent';
import { AgreementContracts1765000000000 } from './1765000000000-agreement-contracts';
import { UsersSignIn1765300000000 } from './1765300000000-users-sign-in';
import { IntegrityRaces1765400000000 } from './1765400000000-integrity-races';
import { NationalPicture1765600000000 } from './1765600000000-national-picture';
import { FinanceWorkspace1765700000000 } from './1765700000000-finance-workspace';
import { Reminders1765800000000 } from './1765800000000-reminders';
import { DataVersion1765920000000 } from './1765920000000-data-version';
import { MunicipalitySwitchboard1765930000000 } from './1765930000000-municipality-switchboard';
import { UserLanguage1765970000000 } from './1765970000000-user-language';

/** In order. A new migration is appended here; none is ever edited after it has landed. */
export const MIGRATIONS = [
  Foundation1763750000000,
  DomainModel1763760000000,
  CostSharing1763770000000,
  AccessAudit1763780000000,
  AuditParent1763790000000,
  AgreementContracts1765000000000,
  UsersSignIn1765300000000,
  IntegrityRaces1765400000000,
  NationalPicture1765600000000,
  FinanceWorkspace1765700000000,
  Reminders1765800000000,
  DataVersion1765920000000,
  MunicipalitySwitchboard1765930000000,
  UserLanguage1765970000000,
];
