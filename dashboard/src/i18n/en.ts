import type { MessageKey } from './nb';

/** English, the second UI language. */
export const en: Record<MessageKey, string> = {
  'app.title': 'Samordna',
  'app.tagline': 'Crisis-centre cooperation between municipalities',
  'app.skipToContent': 'Skip to main content',
  'nav.municipalities': 'Municipalities',
  'municipalities.heading': 'Municipalities and population',
  'municipalities.intro':
    'Choose a county to see its municipalities, their population and the crisis-centre cooperation they are registered in.',
  'municipalities.county': 'County',
  'municipalities.chooseCounty': 'Choose county',
  'municipalities.search': 'Search for a municipality',
  'municipalities.clearSearch': 'Clear the search field',
  'municipalities.col.number': 'Municipality no.',
  'municipalities.col.name': 'Municipality',
  'municipalities.col.population': 'Population',
  'municipalities.col.centre': 'Crisis-centre cooperation',
  'municipalities.populationCaption': 'Population on 1 January {year}. Source: Statistics Norway (SSB).',
  'municipalities.summary': '{count} municipalities, {population} inhabitants in all',
  'municipalities.summaryOne': '1 municipality with {population} inhabitants',
  'municipalities.loading': 'Loading municipalities …',
  'municipalities.empty': 'No municipality matches the search.',
  'municipalities.noCounty': 'Choose a county to see its municipalities.',
  'municipalities.notRegistered': 'Not registered',
  'municipalities.host': 'host municipality',
  'municipalities.partner': 'partner municipality',
  'error.heading': 'Something went wrong',
  'error.network': 'Cannot reach the server. Check that Samordna is running and try again.',
  'error.retry': 'Try again',
  'footer.sources':
    'Sources: population from Statistics Norway (SSB); municipality list via aprestmo/norway-geodata (MIT); boundaries © Kartverket (CC BY 4.0).',
};
