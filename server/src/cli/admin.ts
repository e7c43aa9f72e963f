import { formatServerMessage } from '@samordna/domain';
import 'reflect-metadata';
import { isWorkEmail } from '@samordna/domain';
import { loadConfig } from '../config/env';
import { openDatabase, prepareDatabase } from '../database/runtime';
import { hashPassword } from '../modules/auth/auth.service';
import { passwordProblem } from '../modules/auth/password-policy';

const USAGE = `usage: pnpm admin:create -- --email <e-mail> --name "<full name>"

Creates a national administrator (the first one, or another) in the database Samordna uses
(DATABASE_URL, or the embedded data directory). The password is read from SAMORDNA_ADMIN_PASSWORD
when set, otherwise asked for twice without being shown. The administrator sets up an authenticator
app (TOTP) at the first sign-in. SAMORDNA_ADMIN_EMAIL and SAMORDNA_ADMIN_NAME may replace the flags.`;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Reads a line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    if (!stdin.isTTY) {
      reject(new Error('No terminal to ask for the password: set SAMORDNA_ADMIN_PASSWORD instead.'));
      return;
    }
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let text = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(text);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          process.stdout.write('\n');
          reject(new Error('Cancelled.'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') text = text.slice(0, -1);
        else text += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function main(): Promise<void> {
  const command = process.argv[2];
  if (command !== 'create') {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const email = (arg('email') ?? process.env.SAMORDNA_ADMIN_EMAIL ?? '').trim().toLowerCase();
  const name = (arg('name') ?? process.env.SAMORDNA_ADMIN_NAME ?? '').trim();
  if (!isWorkEmail(email) || !name) {
    console.error(`An e-mail address and a name are needed.\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  let password = process.env.SAMORDNA_ADMIN_PASSWORD ?? '';
  if (!password) {
    password = await askHidden(`Password for ${email}: `);
    const again = await askHidden('The same password again: ');
    if (again !== password) throw new Error('The two passwords differ. Nothing was created.');
  }
  const problem = passwordProblem(password, { email, name });
  if (problem) throw new Error(`${formatServerMessage(problem)} Nothing was created.`);
  const passwordHash = await hashPassword(password);

  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    const prepared = await prepareDatabase(db.url, { seed: false, dataFilesDir: config.dataFilesDir });
    try {
      await prepared.dataSource.transaction(async (em) => {
        if ((await em.query(`SELECT 1 FROM app_user WHERE email = $1`, [email])).length) {
          throw new Error(`A user with the e-mail address ${email} exists already. Nothing was created.`);
        }
        const [user] = await em.query(
          `INSERT INTO app_user (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id`,
          [email, name, passwordHash],
        );
        await em.query(`INSERT INTO user_role (user_id, role) VALUES ($1, 'ADMIN')`, [user.id]);
        await em.query(
          `INSERT INTO audit_log (user_id, user_label, operation, entity, entity_id, changes) VALUES (NULL, 'pnpm admin:create', 'CREATE', 'AppUser', $1, $2)`,
          [
            user.id,
            JSON.stringify({
              email: { before: null, after: email },
              name: { before: null, after: name },
              grants: { before: null, after: ['ADMIN'] },
            }),
          ],
        );
      });
      console.log(`Created the national administrator ${name} <${email}> in ${db.description}.`);
      console.log('Sign in on the dashboard; the first sign-in sets up an authenticator app (TOTP).');
    } finally {
      await prepared.dataSource.destroy();
    }
  } finally {
    await db.stop();
  }
}

main().catch((error) => {
  console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
