import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../app/context';
import { challengeInfo, completeLogin, login, logout } from './auth.service';
import { LoginChallengeInfo, SignInOptions } from '../users/users.types';
import { GrantType, grantType } from './auth.types';

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

export const toMe = (a: NonNullable<AppContext['auth']>): Me => ({
  id: a.id,
  email: a.email,
  name: a.name,
  grants: a.grants.map(grantType),
});

@Resolver()
export class AuthResolver {
  @Query(() => Me, { nullable: true, description: 'The signed-in user, or null.' })
  me(@Ctx() ctx: AppContext): Me | null {
    return ctx.auth ? toMe(ctx.auth) : null;
  }

  @Query(() => SignInOptions, {
    description: 'How one may sign in here (password, and the identity provider when configured).',
  })
  signInOptions(@Ctx() ctx: AppContext): SignInOptions {
    const oidc = ctx.settings.oidc;
    return {
      oidcName: oidc?.displayName ?? null,
      oidcLoginUrl: oidc ? '/auth/oidc/login' : null,
      mailConfigured: ctx.settings.mail !== null,
      demoUsers: ctx.settings.demoUsers,
    };
  }

  @Mutation(() => Me, {
    description:
      'Signs in with e-mail and password; sets an httpOnly session cookie. When a code from an authenticator app is due, ' +
      'the answer is the error TOTP_REQUIRED with `challenge`: see loginChallenge and completeLogin.',
  })
  async login(@Ctx() ctx: AppContext, @Arg('email') email: string, @Arg('password') password: string): Promise<Me> {
    return toMe(await login(ctx, email, password));
  }

  @Query(() => LoginChallengeInfo, {
    description: 'The second sign-in step: for a first-time set-up, the authenticator secret to add.',
  })
  loginChallenge(@Ctx() ctx: AppContext, @Arg('challenge') challenge: string) {
    return challengeInfo(ctx, challenge);
  }

  @Mutation(() => Me, {
    description: 'The second sign-in step: the code from the authenticator app. Sets the session cookie.',
  })
  async completeLogin(
    @Ctx() ctx: AppContext,
    @Arg('challenge') challenge: string,
    @Arg('code') code: string,
  ): Promise<Me> {
    return toMe(await completeLogin(ctx, challenge, code));
  }

  @Mutation(() => Boolean, { description: 'Signs out: revokes the session.' })
  logout(@Ctx() ctx: AppContext): Promise<boolean> {
    return logout(ctx, ctx.res?.req.headers.cookie);
  }
}
