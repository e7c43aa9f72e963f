export interface NamedMunicipality {
  kommunenummer: string;
  name: string;
  county?: { name: string } | null;
}

/**
 * Labels for a municipality select: the name, and the county after a name that more than one
 * municipality has («Herøy (Nordland)», «Herøy (Møre og Romsdal)»; also Våler).
 */
export function municipalityLabeller(list: readonly NamedMunicipality[]): (m: NamedMunicipality) => string {
  const counts = new Map<string, number>();
  for (const m of list) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  return (m) => ((counts.get(m.name) ?? 0) > 1 ? `${m.name} (${m.county?.name ?? m.kommunenummer})` : m.name);
}
