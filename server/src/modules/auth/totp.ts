import { Secret, TOTP } from 'otpauth';

/** Codes from an authenticator app (TOTP, RFC 6238: 6 digits, 30-second steps, SHA-1), with otpauth. */
export const TOTP_ISSUER = 'Samordna';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

const totpFor = (secret: string, label = '') =>
  new TOTP({ issuer: TOTP_ISSUER, label, secret: Secret.fromBase32(secret) });

/** The otpauth:// link an authenticator app reads (as a QR code or pasted). */
export function totpUri(email: string, secret: string): string {
  return totpFor(secret, email).toString();
}

/** The code the app shows now (for tests and the browser test). */
export function currentTotp(secret: string, timestamp = Date.now()): string {
  return totpFor(secret).generate({ timestamp });
}

/**
 * The time step the code belongs to when it is right (one step of clock drift either way), or null.
 * A step at or before `lastStep` is refused: a code is never accepted twice.
 */
export async function verifyTotp(secret: string, code: string, lastStep: number | null): Promise<number | null> {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const delta = totpFor(secret).validate({ token, window: 1 });
    if (delta === null) return null;
    const step = TOTP.counter() + delta;
    return lastStep !== null && step <= lastStep ? null : step;
  } catch {
    return null;
  }
}
