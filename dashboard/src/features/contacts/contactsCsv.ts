import { toCsv } from '@samordna/domain';
import type { useI18n } from '../../i18n/i18n';
import { formatOsloDate } from '../../lib/format';
import type { Agency } from './AgencyContacts';

/** A municipality's contacts as CSV, one row a person, with the page's column names. */
export function contactsCsv(
  t: ReturnType<typeof useI18n>['t'],
  municipality: string,
  agencies: readonly Agency[],
): string {
  return toCsv([
    [
      t('contacts.municipality'),
      t('contacts.col.agency'),
      t('contacts.col.name'),
      t('contacts.col.title'),
      t('contacts.col.phone'),
      t('contacts.col.email'),
      t('contacts.contactPoint'),
      t('contacts.col.verified'),
    ],
    ...agencies.flatMap((a) =>
      a.contacts.map((c) => [
        municipality,
        a.name,
        c.name,
        c.title ?? '',
        c.phone ?? '',
        c.email ?? '',
        c.isContactPoint ? t('common.yes') : t('common.no'),
        c.verifiedAt ? formatOsloDate(c.verifiedAt) : '',
      ]),
    ),
  ]);
}

/** Saves `text` as a CSV file through the browser. */
export function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}
