// Summarises a V8 .cpuprofile (node --cpu-prof): self time per function and per file or package.

/** Where a call frame's code lives: the npm package, a file of the project, or a V8 / Node marker. */
export function locationOf(url) {
  if (!url) return '(native / V8)';
  const u = url.replace(/^file:\/\//, '');
  const nm = u.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = u.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (u.startsWith('node:')) return u;
  const i = u.search(/\/(server|packages|bench|infra)\//);
  return i >= 0 ? u.slice(i + 1) : u;
}

/**
 * @param {{nodes: {id: number, callFrame: {functionName: string, url: string, lineNumber: number}}[], samples: number[], timeDeltas: number[], startTime: number, endTime: number}} profile
 * @param {{ top?: number, window?: { fromEndUs: number, toEndUs: number } }} options `window`: only the samples
 *   taken between fromEndUs and toEndUs microseconds before the profile's end (e.g. while a load ran)
 * @returns {{ totalMs: number, idleMs: number, functions: {name: string, where: string, selfMs: number, share: number}[], locations: {where: string, selfMs: number, share: number}[] }}
 */
export function summariseProfile(profile, { top = 15, window = null } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  const from = window ? profile.endTime - window.fromEndUs : -Infinity;
  const to = window ? profile.endTime - window.toEndUs : Infinity;
  let t = profile.startTime ?? 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = Math.max(0, profile.timeDeltas[i] ?? 0);
    t += delta;
    if (t < from || t > to) continue;
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  }
  const functions = new Map();
  const locations = new Map();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame ?? { functionName: '?', url: '', lineNumber: -1 };
    const name = frame.functionName || '(anonymous)';
    if (name === '(idle)') {
      idle += us; // waiting (for PostgreSQL, for the network): not CPU
      continue;
    }
    const where = locationOf(frame.url);
    const key = `${name}\u0000${frame.url}:${frame.lineNumber}`;
    const f = functions.get(key) ?? { name, where: frame.url ? `${where}:${frame.lineNumber + 1}` : where, us: 0 };
    f.us += us;
    functions.set(key, f);
    locations.set(where, (locations.get(where) ?? 0) + us);
    total += us;
  }
  const share = (us) => (total > 0 ? us / total : 0);
  return {
    totalMs: total / 1000,
    idleMs: idle / 1000,
    functions: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, selfMs: f.us / 1000, share: share(f.us) })),
    locations: [...locations.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, us]) => ({ where, selfMs: us / 1000, share: share(us) })),
  };
}
