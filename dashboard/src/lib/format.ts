import { formatDate, todayInNorway } from '@samordna/domain';

// nb-NO formats come from the domain package, so the server's exports and the UI agree.
export { formatInteger, formatKroner, formatDate, formatDecimal, formatOre } from '@samordna/domain';

/** A moment from the server (ISO timestamp) as the date it was in Norway: 2024-12-31T23:30:00Z → "01.01.2025". */
export function formatOsloDate(timestamp: string): string {
  return formatDate(todayInNorway(new Date(timestamp)));
}
