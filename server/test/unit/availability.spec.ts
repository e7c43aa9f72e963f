import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { availabilityCode, formattedUnavailable } from '../../src/wiring/availability';
import { formatError } from '../../src/app/errors';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('which errors mean the database is away', () => {
  it.each([
    [
      'connection refused',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      'DATABASE_UNAVAILABLE',
    ],
    [
      'both addresses refused (AggregateError)',
      Object.assign(new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })], ''), {}),
      'DATABASE_UNAVAILABLE',
    ],
    ['connection reset', pgError('ECONNRESET'), 'DATABASE_UNAVAILABLE'],
    ['broken connection (node-postgres)', new Error('Connection terminated unexpectedly'), 'DATABASE_UNAVAILABLE'],
    ['pool connect timeout', new Error('timeout exceeded when trying to connect'), 'DATABASE_UNAVAILABLE'],
    [
      'admin shutdown 57P01',
      pgError('57P01', 'terminating connection due to administrator command'),
      'DATABASE_UNAVAILABLE',
    ],
    ['starting up 57P03', pgError('57P03', 'the database system is starting up'), 'DATABASE_UNAVAILABLE'],
    [
      'inside a TypeORM QueryFailedError',
      new QueryFailedError('SELECT 1', [], pgError('08006')),
      'DATABASE_UNAVAILABLE',
    ],
    [
      'inside a GraphQLError',
      new GraphQLError('x', { originalError: pgError('ECONNREFUSED') }),
      'DATABASE_UNAVAILABLE',
    ],
    [
      'TypeORM after the connection broke inside a transaction',
      new Error('Query runner already released. Cannot run queries anymore.'),
      'DATABASE_UNAVAILABLE',
    ],
    ['a unique violation', new QueryFailedError('INSERT', [], pgError('23505', 'duplicate key')), null],
    ['a statement cancelled while not stopping', pgError('57014', 'canceling statement due to user request'), null],
    ['a bug', new TypeError('x is undefined'), null],
  ])('%s', (_name, error, expected) => {
    expect(availabilityCode(error)).toBe(expected);
  });

  it('formatError answers DATABASE_UNAVAILABLE, retryable, where it would otherwise mask an internal error', () => {
    const error = new GraphQLError('connect ECONNREFUSED', {
      path: ['counties'],
      originalError: pgError('ECONNREFUSED'),
    });
    const formatted = formatError(
      { message: error.message, path: ['counties'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      error,
    );
    expect(formatted).toEqual(formattedUnavailable('DATABASE_UNAVAILABLE', { path: ['counties'] }));
    expect(formatted.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE', retryable: true });
  });
});
