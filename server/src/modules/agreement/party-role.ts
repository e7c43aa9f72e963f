import { registerEnumType } from 'type-graphql';
import { registerZodEnum } from '../../app/zod-input';

/**
 * A municipality's part in an agreement. In a file of its own, imported by nothing of ours, so the
 * cost types and the national data can use it without importing the agreement entities (which
 * import the cost types: a cycle).
 */
export enum PartyRole {
  HOST = 'host',
  PARTNER = 'partner',
}

registerEnumType(PartyRole, {
  name: 'PartyRole',
  description: 'HOST = vertskommune, PARTNER = samarbeidskommune.',
});
registerZodEnum(Object.values(PartyRole), PartyRole);
