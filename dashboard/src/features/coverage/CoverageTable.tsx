import { useMemo, useState } from 'react';
import { Button, Table } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { SEVERITY_RANK, type SeverityKey } from './severity';

export interface TableRow {
  kommunenummer: string;
  name: string;
  county: string;
  severity: SeverityKey;
  critical: number;
  warning: number;
  info: number;
}

type Column = 'name' | 'county' | 'severity' | 'critical' | 'warning' | 'info';

/** The map's data as a sortable table: the accessible alternative to the map. */
export function CoverageTable({ rows, onSelect }: { rows: TableRow[]; onSelect(kommunenummer: string): void }) {
  const { t, locale } = useI18n();
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'severity', descending: false });
  const sorted = useMemo(() => {
    const collator = new Intl.Collator(locale === 'nb' ? 'nb' : 'en');
    const cmp = (a: TableRow, b: TableRow) => {
      switch (sort.column) {
        case 'name':
          return collator.compare(a.name, b.name);
        case 'county':
          return collator.compare(a.county, b.county) || collator.compare(a.name, b.name);
        case 'severity':
          return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.critical - a.critical || b.warning - a.warning || collator.compare(a.name, b.name);
        default:
          return a[sort.column] - b[sort.column] || collator.compare(a.name, b.name);
      }
    };
    const list = [...rows].sort(cmp);
    return sort.descending ? list.reverse() : list;
  }, [rows, sort, locale]);

  const header = (column: Column, label: string, numeric = false) => (
    <Table.HeaderCell
      aria-sort={sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      style={numeric ? { textAlign: 'right' } : undefined}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => setSort((s) => ({ column, descending: s.column === column ? !s.descending : false }))}
        aria-label={t('map.sortBy', { column: label })}
      >
        {label}
        <span aria-hidden="true">{sort.column === column ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </Table.HeaderCell>
  );

  return (
    <Table zebra border data-testid="coverage-table">
      <caption>{t('map.table')}</caption>
      <Table.Head>
        <Table.Row>
          {header('name', t('map.col.municipality'))}
          {header('county', t('map.col.county'))}
          {header('severity', t('map.col.worst'))}
          {header('critical', t('map.col.critical'), true)}
          {header('warning', t('map.col.warning'), true)}
          {header('info', t('map.col.info'), true)}
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {sorted.map((r) => (
          <Table.Row key={r.kommunenummer}>
            <Table.Cell>
              <Button variant="tertiary" data-size="sm" onClick={() => onSelect(r.kommunenummer)}>
                {r.name}
              </Button>
            </Table.Cell>
            <Table.Cell>{r.county}</Table.Cell>
            <Table.Cell>
              <span className={`sev-dot sev-${r.severity}`} aria-hidden="true" /> {t(`severity.${r.severity}`)}
            </Table.Cell>
            <Table.Cell style={{ textAlign: 'right' }}>{r.critical}</Table.Cell>
            <Table.Cell style={{ textAlign: 'right' }}>{r.warning}</Table.Cell>
            <Table.Cell style={{ textAlign: 'right' }}>{r.info}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
