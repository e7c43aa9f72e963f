import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DEFAULT_STALE_AFTER_MONTHS, isContactStale } from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { foundOrFail } from '../../app/loader-utils';
import { Paginated } from '../../app/pagination';
import { Municipality } from '../municipality/municipality.entity';
import { Agency } from './agency.entity';
import { ContactPerson } from './contact-person.entity';
import { AgencyFilter, AgencyInput, ContactFilter, ContactInput, NewAgencyInput } from './contact.inputs';
import {
  createAgency,
  createAgencyWithContact,
  createContact,
  deleteAgency,
  deleteContact,
  listAgencies,
  listContacts,
  updateAgency,
  updateContact,
  setSwitchboard,
  verifyContacts,
} from './contact.service';

const AgencyPage = Paginated(Agency, 'Agency');
const ContactPage = Paginated(ContactPerson, 'Contact');

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => AgencyPage, { description: 'Agencies by municipality, or for all current members of a centre.' })
  agencies(
    @Ctx() ctx: AppContext,
    @Arg('filter', () => AgencyFilter, { nullable: true }) filter?: AgencyFilter,
    @Arg('limit', () => Int, { nullable: true }) limit?: number,
    @Arg('offset', () => Int, { nullable: true }) offset?: number,
  ) {
    return listAgencies(ctx, filter, { limit, offset });
  }

  @Authorized()
  @Mutation(() => Agency)
  createAgency(@Ctx() ctx: AppContext, @Arg('input', () => AgencyInput) input: AgencyInput) {
    return createAgency(ctx, input);
  }

  @Authorized()
  @Mutation(() => ContactPerson, {
    description: '«Ny etat»: a new agency with its first contact person, saved together (same rights as contacts).',
  })
  createAgencyWithContact(@Ctx() ctx: AppContext, @Arg('input', () => NewAgencyInput) input: NewAgencyInput) {
    return createAgencyWithContact(ctx, input);
  }

  @Authorized()
  @Mutation(() => Agency)
  updateAgency(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AgencyInput) input: AgencyInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return updateAgency(ctx, id, input, expectedVersion);
  }

  @Authorized()
  @Mutation(() => ID, { description: 'Refused while the agency has contact persons; the error lists them.' })
  deleteAgency(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    return deleteAgency(ctx, id);
  }

  @Authorized()
  @Mutation(() => Municipality, {
    description: "Sets (or with phone null, erases) the municipality's switchboard: its director or an administrator.",
  })
  setMunicipalitySwitchboard(
    @Ctx() ctx: AppContext,
    @Arg('kommunenummer') kommunenummer: string,
    @Arg('phone', () => String, { nullable: true }) phone?: string | null,
    @Arg('source', () => String, {
      nullable: true,
      description: 'Where the number comes from; by default who registered it and when.',
    })
    source?: string | null,
  ) {
    return setSwitchboard(ctx, kommunenummer, phone, source);
  }

  @FieldResolver(() => Municipality)
  municipality(@Root() a: Agency, @Ctx() ctx: AppContext) {
    return foundOrFail(ctx.loaders.municipalityByNumber.load(a.kommunenummer), `municipality ${a.kommunenummer}`);
  }

  @FieldResolver(() => [ContactPerson], { description: 'Contact point first.' })
  contacts(
    @Root() a: Agency,
    @Ctx() ctx: AppContext,
    @Arg('includeInactive', () => Boolean, { nullable: true }) includeInactive?: boolean,
  ) {
    return ctx.loaders.contactsByAgency
      .load(a.id)
      .then((list) => (includeInactive ? list : list.filter((c) => c.active)));
  }
}

@Resolver(() => ContactPerson)
export class ContactResolver {
  @Query(() => ContactPage, {
    description: 'Contacts by municipality, centre, agency kind; stale: true for those needing verification.',
  })
  contacts(
    @Ctx() ctx: AppContext,
    @Arg('filter', () => ContactFilter, { nullable: true }) filter?: ContactFilter,
    @Arg('limit', () => Int, { nullable: true }) limit?: number,
    @Arg('offset', () => Int, { nullable: true }) offset?: number,
  ) {
    return listContacts(ctx, filter, { limit, offset });
  }

  @Authorized()
  @Mutation(() => ContactPerson)
  createContact(@Ctx() ctx: AppContext, @Arg('input', () => ContactInput) input: ContactInput) {
    return createContact(ctx, input);
  }

  @Authorized()
  @Mutation(() => ContactPerson)
  updateContact(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ContactInput) input: ContactInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return updateContact(ctx, id, input, expectedVersion);
  }

  @Authorized()
  @Mutation(() => ID, { description: 'Refused while the contact is linked to routine steps; the error lists them.' })
  deleteContact(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    return deleteContact(ctx, id);
  }

  @Authorized()
  @Mutation(() => [ContactPerson], { description: 'Marks one or many contacts verified now.' })
  verifyContacts(
    @Ctx() ctx: AppContext,
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('verifiedBy', { description: 'Who checked the details.' }) verifiedBy: string,
  ) {
    return verifyContacts(ctx, ids, verifiedBy);
  }

  @FieldResolver(() => Agency)
  agency(@Root() c: ContactPerson, @Ctx() ctx: AppContext) {
    return foundOrFail(ctx.loaders.agencyById.load(c.agencyId), `agency ${c.agencyId}`);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Work phone: only for signed-in users.' })
  phone(@Root() c: ContactPerson, @Ctx() ctx: AppContext): string | null {
    return ctx.auth ? c.phone : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Work e-mail: only for signed-in users.' })
  email(@Root() c: ContactPerson, @Ctx() ctx: AppContext): string | null {
    return ctx.auth ? c.email : null;
  }

  @FieldResolver(() => Boolean, { description: 'Not verified within staleAfterMonths (6 by default).' })
  stale(@Root() c: ContactPerson, @Arg('staleAfterMonths', () => Int, { nullable: true }) months?: number): boolean {
    return isContactStale(c.verifiedAt, new Date(), months ?? DEFAULT_STALE_AFTER_MONTHS);
  }
}
