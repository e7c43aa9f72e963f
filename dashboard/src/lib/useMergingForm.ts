import { useEffect, useState } from 'react';
import type { CombinedError } from 'urql';
import { mergeConflict, type ConflictMerge } from './conflict';
import { conflictCurrent } from './errors';

/**
 * Form state for editing a versioned record in a dialog. `settle(error)` after a save: on a CONFLICT it
 * takes in what only the other person changed (three-way merge against the version the form was opened
 * on), keeps what this user typed, and moves the form to the new version so the next save goes on top.
 * A page that keeps the record on screen (and reloads it) passes `base`, the record as shown now, to
 * merge against instead of the version the form was opened on.
 */
export function useMergingForm<T extends { version?: number }, R>(
  draft: T | null,
  keys: readonly (keyof T & string)[],
  fromRecord: (record: R) => T,
  options: { base?: T | null } = {},
) {
  const [form, setForm] = useState<T | null>(draft);
  const [base, setBase] = useState<T | null>(draft);
  const [conflict, setConflict] = useState<ConflictMerge<T> | null>(null);
  useEffect(() => {
    setForm(draft);
    setBase(draft);
    setConflict(null);
  }, [draft]);
  const settle = (error: CombinedError | undefined) => {
    setConflict(null);
    const now = conflictCurrent(error);
    const mergeBase = options.base !== undefined ? options.base : base;
    if (!now || !form || !mergeBase) return;
    const theirs = fromRecord(now as unknown as R);
    const merge = mergeConflict(mergeBase, form, theirs, keys);
    setForm({ ...merge.merged, version: theirs.version });
    setBase(theirs);
    setConflict(merge);
  };
  return { form, setForm, conflict, settle };
}
