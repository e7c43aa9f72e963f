import { msg, type ServerMessage } from '@samordna/domain';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/**
 * Password rules: 12 to 200 characters, and not guessable. Guessability is judged by zxcvbn-ts with its
 * common-password and name dictionaries (lists of leaked passwords, keyboard patterns, dates, repeats,
 * l33t speak), plus the user's own e-mail, name and the product's name; a score under 3 of 4 is refused.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
const MIN_SCORE = 3;

let factory: ZxcvbnFactory | null = null;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return factory;
}

/** The problem with a new password (bokmål), or null when it may be used. */
export function passwordProblem(
  password: string,
  about: { email?: string | null; name?: string | null } = {},
): ServerMessage | null {
  if (password.length < PASSWORD_MIN_LENGTH) return msg('password.tooShort', { min: PASSWORD_MIN_LENGTH });
  if (password.length > PASSWORD_MAX_LENGTH) return msg('password.tooLong', { max: PASSWORD_MAX_LENGTH });
  const own = [
    about.email,
    about.email?.split('@')[0],
    ...(about.name?.split(/\s+/) ?? []),
    'samordna',
    'krisesenter',
  ].filter((x): x is string => !!x && x.length > 2);
  const result = zxcvbn().check(password, own);
  if (result.score < MIN_SCORE) {
    return msg('password.tooGuessable');
  }
  return null;
}
