import { municipalityLabeller } from '../municipalityLabel';

it('names the county only for the names that more than one municipality has', () => {
  const list = [
    { kommunenummer: '1515', name: 'Herøy', county: { name: 'Møre og Romsdal' } },
    { kommunenummer: '1818', name: 'Herøy', county: { name: 'Nordland' } },
    { kommunenummer: '3419', name: 'Våler', county: { name: 'Innlandet' } },
    { kommunenummer: '3110', name: 'Våler', county: { name: 'Østfold' } },
    { kommunenummer: '1841', name: 'Fauske', county: { name: 'Nordland' } },
  ];
  const label = municipalityLabeller(list);
  expect(list.map(label)).toEqual([
    'Herøy (Møre og Romsdal)',
    'Herøy (Nordland)',
    'Våler (Innlandet)',
    'Våler (Østfold)',
    'Fauske',
  ]);
});
