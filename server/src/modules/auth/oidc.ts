import express, { type Router } from 'express';
import type { DataSource } from 'typeorm';
import { createContext, type RuntimeSettings } from '../../app/context';
import { audit } from '../../app/audit';
import { createInvitedUser, invitationForEmail, openInvitation } from '../users/users.service';
import { needsSecondFactor, secondStep, startSession, userForSignIn } from './auth.service';
import { transaction } from '../../app/transaction';

/**
 * OpenID Connect sign-in (authorization code flow with PKCE, state and nonce) with openid-client,
 * for the identity providers municipalities use (Microsoft Entra ID; ID-porten for public-sector
 * employees). Configured by OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET (none: a public client).
 *
 * Nobody gets in without an invitation: an identity is matched by its stored subject; the first time,
 * by the invitation link it came through, or by a verified e-mail address that an open invitation or an
 * existing account (not yet linked) has. National administrators still give their authenticator code.
 */

const STATE_COOKIE = 'samordna_oidc';
const STATE_MINUTES = 10;

type Client = typeof import('openid-client', { with: { 'resolution-mode': 'import' } });

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  invitation: string | null;
}

const isLoopback = (u: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);

export async function createOidcRouter(ds: DataSource, settings: RuntimeSettings): Promise<Router> {
  const oidc = settings.oidc!;
  // openid-client is ESM-only: a real dynamic import (node16 module mode keeps it one).
  const client: Client = await import('openid-client');
  const issuerUrl = new URL(oidc.issuer);
  // Plain http only for a provider on this machine (the tests' provider); anything else must be https.
  const insecure = issuerUrl.protocol === 'http:' && isLoopback(issuerUrl);
  let config: Awaited<ReturnType<Client['discovery']>> | null = null;
  const configuration = async () => {
    config ??= await client.discovery(
      issuerUrl,
      oidc.clientId,
      undefined,
      oidc.clientSecret ? client.ClientSecretPost(oidc.clientSecret) : client.None(),
      insecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    return config;
  };
  const redirectUri = `${settings.publicUrl}/auth/oidc/callback`;
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: settings.production && process.env.SAMORDNA_INSECURE_COOKIES !== '1',
    path: '/auth/oidc',
  };
  const fail = (res: express.Response, reason: string) =>
    res.redirect(303, `/logg-inn?sso=${encodeURIComponent(reason)}`);

  const router = express.Router();

  router.get('/login', async (req, res) => {
    try {
      const cfg = await configuration();
      const pending: Pending = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
        invitation:
          typeof req.query.invitation === 'string' && req.query.invitation.length <= 100 ? req.query.invitation : null,
      };
      const params: Record<string, string> = {
        redirect_uri: redirectUri,
        scope: oidc.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      };
      if (typeof req.query.login_hint === 'string' && req.query.login_hint.length <= 200)
        params.login_hint = req.query.login_hint;
      res.cookie(STATE_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
        ...cookieOptions,
        maxAge: STATE_MINUTES * 60 * 1000,
      });
      res.redirect(303, client.buildAuthorizationUrl(cfg, params).href);
    } catch (error) {
      console.error(`[oidc] cannot start sign-in: ${error instanceof Error ? error.message : String(error)}`);
      fail(res, 'unavailable');
    }
  });

  router.get('/callback', async (req, res) => {
    const raw = req.headers.cookie
      ?.split(/;\s*/)
      .find((c) => c.startsWith(`${STATE_COOKIE}=`))
      ?.slice(STATE_COOKIE.length + 1);
    res.clearCookie(STATE_COOKIE, cookieOptions);
    let pending: Pending;
    try {
      pending = JSON.parse(Buffer.from(raw ?? '', 'base64url').toString('utf8')) as Pending;
      if (!pending.state || !pending.verifier) throw new Error('no state');
    } catch {
      fail(res, 'expired');
      return;
    }
    let identity: { issuer: string; subject: string; email: string | null; emailVerified: boolean };
    try {
      const cfg = await configuration();
      const current = new URL(req.originalUrl, settings.publicUrl);
      const tokens = await client.authorizationCodeGrant(cfg, current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims()!;
      let email = typeof claims.email === 'string' ? claims.email : null;
      let verified = claims.email_verified === true;
      if (!email && tokens.access_token) {
        const info = await client.fetchUserInfo(cfg, tokens.access_token, claims.sub);
        email = typeof info.email === 'string' ? info.email : null;
        verified = info.email_verified === true;
      }
      identity = {
        issuer: cfg.serverMetadata().issuer,
        subject: claims.sub,
        email: email?.trim().toLowerCase() ?? null,
        emailVerified: verified,
      };
    } catch (error) {
      console.error(`[oidc] sign-in refused by the checks: ${error instanceof Error ? error.message : String(error)}`);
      fail(res, 'failed');
      return;
    }

    const ctx = createContext(ds, {
      res,
      ip: req.ip ?? 'unknown',
      userAgent: req.headers['user-agent'] ?? null,
      settings,
    });
    try {
      const userId = await transaction(ctx, async (em): Promise<string | null> => {
        const [bySubject] = await em.query(
          `SELECT id FROM app_user WHERE external_issuer = $1 AND external_subject = $2 AND active AND (NOT is_example OR $3) FOR UPDATE`,
          [identity.issuer, identity.subject, settings.demoUsers],
        );
        if (bySubject) return bySubject.id;
        const link = {
          passwordHash: null,
          totpSecret: null,
          totpStep: null,
          issuer: identity.issuer,
          subject: identity.subject,
        };
        const invitation = pending.invitation ? await openInvitation(em, pending.invitation, true) : null;
        if (invitation) return createInvitedUser(em, ctx, invitation, link);
        if (!identity.email || !identity.emailVerified) return null;
        const [byEmail] = await em.query(
          `SELECT id, name, email FROM app_user WHERE email = $1 AND external_subject IS NULL AND active AND NOT is_example FOR UPDATE`,
          [identity.email],
        );
        if (byEmail) {
          await em.query(
            `UPDATE app_user SET external_issuer = $2, external_subject = $3, version = version + 1 WHERE id = $1`,
            [byEmail.id, identity.issuer, identity.subject],
          );
          await audit(
            em,
            { ...ctx, auth: { id: byEmail.id, email: byEmail.email, name: byEmail.name, grants: [] } },
            'LINK_IDENTITY',
            'AppUser',
            byEmail.id,
            { externalIdentity: false },
            { externalIdentity: true },
          );
          return byEmail.id;
        }
        const byInvitation = await invitationForEmail(em, identity.email);
        return byInvitation ? createInvitedUser(em, ctx, byInvitation, link) : null;
      });
      if (!userId) {
        fail(res, 'not-invited');
        return;
      }
      const user = await userForSignIn(ds, 'id', userId, settings.demoUsers);
      if (!user) {
        fail(res, 'not-invited');
        return;
      }
      if (needsSecondFactor(user)) {
        res.redirect(303, `/logg-inn#challenge=${await secondStep(ds, user, 'OIDC')}`);
        return;
      }
      await startSession(ctx, userId, 'OIDC');
      res.redirect(303, '/');
    } catch (error) {
      console.error(`[oidc] sign-in failed: ${error instanceof Error ? error.message : String(error)}`);
      fail(res, 'failed');
    }
  });

  /** After signing out here: the provider's own sign-out (RP-initiated logout), when it has one. */
  router.get('/logout', async (_req, res) => {
    try {
      const cfg = await configuration();
      if (!cfg.serverMetadata().end_session_endpoint) {
        res.redirect(303, '/');
        return;
      }
      res.redirect(
        303,
        client.buildEndSessionUrl(cfg, { client_id: oidc.clientId, post_logout_redirect_uri: `${settings.publicUrl}/` })
          .href,
      );
    } catch {
      res.redirect(303, '/');
    }
  });

  return router;
}
