import { Button, Table } from '@digdir/designsystemet-react';
import { useSortedRows } from '../../components/SortHeader';
import { useI18n } from '../../i18n/i18n';
import { SEVERITY_RANK, type SeverityKey } from './severity';
import { ScrollTable } from '../../components/ScrollTable';

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

/** Worst first by default: severity, then the most critical and warning findings; ties go by name. */
function compareBy(column: Column, collator: Intl.Collator): (a: TableRow, b: TableRow) => number {
  const byName = (a: TableRow, b: TableRow) => collator.compare(a.name, b.name);
  switch (column) {
    case 'name':
      return byName;
    case 'county':
      return (a, b) => collator.compare(a.county, b.county) || byName(a, b);
    case 'severity':
      return (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        b.critical - a.critical ||
        b.warning - a.warning ||
        byName(a, b);
    default:
      return (a, b) => a[column] - b[column] || byName(a, b);
  }
}

/** The map's data as a sortable table: the accessible alternative to the map. */
export function CoverageTable({ rows, onSelect }: { rows: TableRow[]; onSelect(kommunenummer: string): void }) {
  const { t } = useI18n();
  const { sorted, header } = useSortedRows(rows, 'severity', compareBy);

  return (
    <ScrollTable label={t('map.table')}>
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
    </ScrollTable>
  );
}
