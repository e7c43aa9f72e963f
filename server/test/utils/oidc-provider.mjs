// A real OpenID Connect provider (the npm `oidc-provider`) on loopback, for the tests: run as a child
// process (it is ESM-only, and Jest's runtime is CommonJS). Prints {"issuer": …} when it listens and
// stops when its standard input closes.
//   node oidc-provider.mjs --port N --redirect http://127.0.0.1:M/auth/oidc/callback --post-logout http://127.0.0.1:M/
// Accounts: any login is an account whose id and e-mail are that login; logins starting with
// «unverified» have an unverified e-mail. The login comes from the authorization request's login_hint,
// or from a one-field form (the browser test types it).
import Provider from 'oidc-provider';

const arg = (name) => process.argv[process.argv.indexOf(`--${name}`) + 1];
const port = Number(arg('port'));
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'samordna',
      client_secret: 'test-secret-not-for-production',
      redirect_uris: [arg('redirect')],
      post_logout_redirect_uris: [arg('post-logout')],
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  scopes: ['openid', 'email', 'profile'],
  cookies: { keys: ['oidc-test-cookie-key'] },
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      claims: async () => ({ sub: id, email: id, email_verified: !id.startsWith('unverified') }),
    };
  },
});

const page = (
  uid,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1><form method="post" action="/interaction/${uid}">
<label for="login">Username</label> <input id="login" name="login" autocomplete="username">
<button type="submit">Sign in at the test provider</button></form></main></body></html>`;

provider.use(async (ctx, next) => {
  const m = /^\/interaction\/([\w-]+)$/.exec(ctx.path);
  if (!m) return next();
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  const { prompt, params } = details;
  if (prompt.name === 'login') {
    let login = params.login_hint;
    if (!login && ctx.method === 'POST') {
      const body = await new Promise((resolve) => {
        let text = '';
        ctx.req.on('data', (c) => (text += c));
        ctx.req.on('end', () => resolve(text));
      });
      login = new URLSearchParams(body).get('login');
    }
    if (!login) {
      ctx.type = 'html';
      ctx.body = page(details.uid);
      return;
    }
    ctx.respond = false;
    await provider.interactionFinished(
      ctx.req,
      ctx.res,
      { login: { accountId: login.trim().toLowerCase() } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  const grant = new provider.Grant({ accountId: details.session.accountId, clientId: params.client_id });
  grant.addOIDCScope(params.scope);
  ctx.respond = false;
  await provider.interactionFinished(
    ctx.req,
    ctx.res,
    { consent: { grantId: await grant.save() } },
    { mergeWithLastSubmission: true },
  );
});

const server = provider.listen(port, '127.0.0.1', () => console.log(JSON.stringify({ issuer })));
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
