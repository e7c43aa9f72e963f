import { ConfigError, describeDatabaseUrl, loadConfig } from '../../src/config/env';

describe('loadConfig', () => {
  it('defaults to port 4000 and the embedded database', () => {
    const c = loadConfig({});
    expect(c.port).toBe(4000);
    expect(c.databaseUrl).toBeNull();
    expect(c.dataDir).toMatch(/\.data[/\\]postgres$/);
  });

  it('takes PORT, DATABASE_URL and SAMORDNA_DATA_DIR', () => {
    const c = loadConfig({ PORT: '4123', DATABASE_URL: 'postgres://u:p@db:5433/x', SAMORDNA_DATA_DIR: '/tmp/x' });
    expect(c).toMatchObject({ port: 4123, databaseUrl: 'postgres://u:p@db:5433/x', dataDir: '/tmp/x' });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '0' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://u@h/db' }, 'DATABASE_URL'],
  ])('refuses %p, naming %p', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (e) {
      expect((e as ConfigError).variable).toBe(variable);
    }
  });
});

it('describes a database URL without its password', () => {
  const text = describeDatabaseUrl('postgres://samordna:s3cret@db.example:6543/prod');
  expect(text).toBe('db.example:6543/prod as samordna');
  expect(text).not.toContain('s3cret');
});
