/**
 * Three-way merge after a CONFLICT, on form values: `base` is the version the user opened, `mine` what
 * they typed, `theirs` the version someone else saved meanwhile (all in the form's shape).
 * A field only one side changed takes that side's value; a field both changed differently is a clash,
 * kept as the user typed it and listed so they can decide. Empty text and null count as the same.
 */
export interface ConflictMerge<T> {
  merged: T;
  /** Changed by both, differently: shown with both values. */
  clashes: { key: keyof T & string; theirs: string; mine: string }[];
  /** Changed only by the other person: taken into the form. */
  taken: (keyof T & string)[];
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export function mergeConflict<T extends object>(
  base: T,
  mine: T,
  theirs: T,
  keys: readonly (keyof T & string)[],
): ConflictMerge<T> {
  const merged = { ...mine };
  const clashes: ConflictMerge<T>['clashes'] = [];
  const taken: ConflictMerge<T>['taken'] = [];
  for (const key of keys) {
    const [b, m, t] = [text(base[key]), text(mine[key]), text(theirs[key])];
    if (t === b || t === m) continue;
    if (m === b) {
      merged[key] = theirs[key];
      taken.push(key);
    } else clashes.push({ key, theirs: t, mine: m });
  }
  return { merged, clashes, taken };
}
