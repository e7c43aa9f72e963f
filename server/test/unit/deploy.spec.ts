import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/env';

// Docker cannot build or pull here; what can be checked without it: the production image copies
// files that exist and starts programs the build makes, and the compose file and proxy use the
// server's real probes. (`docker-compose config` validates the compose file where it is installed.)
const deploy = (file: string) => readFileSync(path.join(REPO_ROOT, 'infra', 'deploy', file), 'utf8');

describe('infra/deploy', () => {
  const dockerfile = deploy('Dockerfile');

  it('copies only files that exist into the build from the repository', () => {
    const sources = dockerfile
      .split('\n')
      .filter((l) => /^COPY\s/.test(l) && !l.includes('--from='))
      .flatMap((l) => l.trim().split(/\s+/).slice(1, -1))
      .filter((s) => s !== '.');
    expect(sources.length).toBeGreaterThan(5);
    for (const s of sources) {
      if (s.includes('*')) expect(existsSync(path.join(REPO_ROOT, path.dirname(s)))).toBe(true);
      else expect(existsSync(path.join(REPO_ROOT, s))).toBe(true);
    }
  });

  it('runs programs the build produces (server, migration CLI) and probes /healthz', () => {
    const compose = deploy('compose.yaml');
    for (const program of ['server/src/main.ts', 'server/src/cli/db.ts'])
      expect(existsSync(path.join(REPO_ROOT, program))).toBe(true);
    expect(dockerfile).toContain('CMD ["node", "server/dist/main.js"]');
    expect(dockerfile).toContain('/healthz');
    expect(compose).toContain('command: ["node", "server/dist/cli/db.js", "migrate"]');
    // The replicas wait for the migration job; the proxy only sends traffic to ready replicas.
    expect(compose).toMatch(/migrate:\s+condition: service_completed_successfully/);
    expect(deploy('Caddyfile')).toMatch(/reverse_proxy api1:4000 api2:4000[\s\S]*health_uri \/readyz/);
  });

  it('keeps secrets out of git and out of the image', () => {
    expect(deploy('.gitignore')).toMatch(/^\.env$/m);
    expect(deploy('.gitignore')).toMatch(/^secrets\/$/m);
    expect(deploy('Dockerfile.dockerignore')).toMatch(/^\.env$/m);
  });
});
