import { useSearchParams } from 'react-router';

export interface SearchParamOptions {
  /** Parameters removed whenever this one is written (a new centre forgets the municipality chosen in the old one). */
  clears?: readonly string[];
}

/**
 * One filter kept in the address (`?senter=…`), so a link or a bookmark opens the page as it was.
 * Returns the value, or `fallback` when the address has none, and a setter that writes it back
 * while keeping every other parameter: an empty value (or null) removes the parameter. The
 * history entry is replaced, so Back leaves the page instead of stepping through its filters.
 */
export function useSearchParam(
  key: string,
  fallback = '',
  options: SearchParamOptions = {},
): [string, (value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = (value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        for (const other of options.clears ?? []) next.delete(other);
        return next;
      },
      { replace: true },
    );
  return [params.get(key) ?? fallback, set];
}
