// nb-NO formats come from the domain package, so the server's exports and the UI agree.
export { formatInteger, formatKroner, formatDate, formatDecimal } from '@samordna/domain';
