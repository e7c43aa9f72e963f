/** Bokmål UI text. Every visible string lives in a message file. */
export const nb = {
  'app.title': 'Samordna',
  'app.tagline': 'Krisesentersamarbeid mellom kommuner',
  'app.skipToContent': 'Hopp til hovedinnhold',
  'nav.municipalities': 'Kommuner',
  'municipalities.heading': 'Kommuner og folketall',
  'municipalities.intro':
    'Velg et fylke for å se kommunene, folketallet og hvilket krisesentersamarbeid de er registrert i.',
  'municipalities.county': 'Fylke',
  'municipalities.chooseCounty': 'Velg fylke',
  'municipalities.search': 'Søk etter kommune',
  'municipalities.clearSearch': 'Tøm søkefeltet',
  'municipalities.col.number': 'Kommunenr.',
  'municipalities.col.name': 'Kommune',
  'municipalities.col.population': 'Folketall',
  'municipalities.col.centre': 'Krisesentersamarbeid',
  'municipalities.populationCaption': 'Folketall per 1. januar {year}. Kilde: SSB.',
  'municipalities.summary': '{count} kommuner, til sammen {population} innbyggere',
  'municipalities.summaryOne': '1 kommune med {population} innbyggere',
  'municipalities.loading': 'Henter kommuner …',
  'municipalities.empty': 'Ingen kommuner passer til søket.',
  'municipalities.noCounty': 'Velg et fylke for å se kommunene.',
  'municipalities.notRegistered': 'Ikke registrert',
  'municipalities.host': 'vertskommune',
  'municipalities.partner': 'samarbeidskommune',
  'error.heading': 'Noe gikk galt',
  'error.network': 'Får ikke kontakt med tjeneren. Sjekk at Samordna kjører, og prøv igjen.',
  'error.retry': 'Prøv igjen',
  'footer.sources':
    'Kilder: folketall fra Statistisk sentralbyrå (SSB); kommuneliste via aprestmo/norway-geodata (MIT); kommunegrenser © Kartverket (CC BY 4.0).',
} as const;

export type MessageKey = keyof typeof nb;
