import { useMemo, useState } from 'react';
import { Table } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/i18n';

export interface Sort<C extends string> {
  column: C;
  descending: boolean;
}

/**
 * A column header that sorts by its column, ascending first; aria-sort tells which one sorts now.
 * The one indicator is Designsystemet's (its table CSS draws it after a button in a th[aria-sort]:
 * ↕ for a sortable column, ▲/▼ for the sorted one); no arrow of our own beside it.
 */
export function SortHeader<C extends string>({
  column,
  label,
  sort,
  onSort,
  numeric = false,
}: {
  column: C;
  label: string;
  sort: Sort<C>;
  onSort(column: C): void;
  numeric?: boolean;
}) {
  const { t } = useI18n();
  const active = sort.column === column;
  return (
    <Table.HeaderCell
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      style={numeric ? { textAlign: 'right' } : undefined}
    >
      <button type="button" aria-label={t('common.sortBy', { column: label })} onClick={() => onSort(column)}>
        {label}
      </button>
    </Table.HeaderCell>
  );
}

/**
 * Rows sorted by a chosen column: `compare(column, collator)` orders them ascending (the collator
 * follows the UI language); choosing the same column again reverses. `header` draws a SortHeader.
 */
export function useSortedRows<T, C extends string>(
  rows: readonly T[],
  initial: NoInfer<C>,
  compare: (column: C, collator: Intl.Collator) => (a: T, b: T) => number,
) {
  const { locale } = useI18n();
  const [sort, setSort] = useState<Sort<C>>({ column: initial, descending: false });
  const sorted = useMemo(() => {
    const list = [...rows].sort(compare(sort.column, new Intl.Collator(locale === 'nb' ? 'nb' : 'en')));
    return sort.descending ? list.reverse() : list;
  }, [rows, sort, locale, compare]);
  const onSort = (column: C) => setSort((s) => ({ column, descending: s.column === column ? !s.descending : false }));
  const header = (column: C, label: string, numeric = false) => (
    <SortHeader column={column} label={label} sort={sort} onSort={onSort} numeric={numeric} />
  );
  return { sorted, header };
}
