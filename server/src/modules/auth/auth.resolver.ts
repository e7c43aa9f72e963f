import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { ROLE_LABELS, type Role } from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { RoleEnum } from '../../app/enums';
import { login, logout } from './auth.service';

@ObjectType({ description: 'A role the user holds, with its scope.' })
export class GrantType {
  @Field(() => RoleEnum)
  role: Role;

  @Field(() => String, { nullable: true })
  kommunenummer: string | null;

  @Field(() => ID, { nullable: true })
  centreId: string | null;

  @Field({ description: 'The role in bokmål.' })
  label: string;
}

@ObjectType({ description: 'The signed-in user.' })
export class Me {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => [GrantType])
  grants: GrantType[];
}

const toMe = (a: NonNullable<AppContext['auth']>): Me => ({
  id: a.id,
  email: a.email,
  name: a.name,
  grants: a.grants.map((g) => ({ role: g.role, kommunenummer: g.kommunenummer ?? null, centreId: g.centreId ?? null, label: ROLE_LABELS[g.role].nb })),
});

@Resolver()
export class AuthResolver {
  @Query(() => Me, { nullable: true, description: 'The signed-in user, or null.' })
  me(@Ctx() ctx: AppContext): Me | null {
    return ctx.auth ? toMe(ctx.auth) : null;
  }

  @Mutation(() => Me, { description: 'Signs in with e-mail and password; sets an httpOnly session cookie.' })
  async login(@Ctx() ctx: AppContext, @Arg('email') email: string, @Arg('password') password: string): Promise<Me> {
    return toMe(await login(ctx, email, password));
  }

  @Mutation(() => Boolean, { description: 'Signs out: revokes the session.' })
  logout(@Ctx() ctx: AppContext): Promise<boolean> {
    return logout(ctx, ctx.res?.req.headers.cookie);
  }
}
