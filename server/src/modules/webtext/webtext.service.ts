import {
  municipalityWebText,
  todayInNorway,
  type IsoDate,
  type WebText,
  type WebTextLanguage,
  msg,
} from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { notFound } from '../../app/errors';
import { parseInput, rules } from '../../app/validation';
import { centresOfMunicipality, membersOfCentre } from '../agreement/membership';

/** «Krisesentertilbudet i X kommune» from the data: the centre it belongs to on `asOf`, its offer and the municipality's contact point. */
export async function webTextFor(
  ctx: AppContext,
  kommunenummerInput: string,
  language: WebTextLanguage | null | undefined,
  asOf: IsoDate,
): Promise<WebText> {
  const knr = parseInput(rules.kommunenummer(), kommunenummerInput, 'kommunenummer');
  const ds = ctx.dataSource;
  const [m] = await ds.query(`SELECT name, language_form FROM municipality WHERE kommunenummer = $1`, [knr]);
  if (!m) throw notFound('Municipality', knr, msg('kommunenummer.notFound', { kommunenummer: knr }));
  const changed: Date[] = [];
  let centre = null;
  const centreIds = await centresOfMunicipality(ds.manager, knr, asOf);
  if (centreIds.length) {
    const [c] = await ds.query(
      `SELECT c.id, c.name, c.host_kommunenummer, h.name AS host_name, c.services, c.capabilities, c.updated_at,
              (SELECT max(a.updated_at) FROM agreement a WHERE a.centre_id = c.id) AS agreement_updated_at
       FROM crisis_centre c JOIN municipality h ON h.kommunenummer = c.host_kommunenummer
       WHERE c.id = ANY($1) ORDER BY (c.host_kommunenummer = $2) DESC, c.name LIMIT 1`,
      [centreIds, knr],
    );
    changed.push(c.updated_at, ...(c.agreement_updated_at ? [c.agreement_updated_at] : []));
    centre = {
      name: c.name,
      hostName: c.host_name,
      isHost: c.host_kommunenummer === knr,
      memberCount: (await membersOfCentre(ds.manager, c.id, asOf)).length,
      services: c.services,
      capabilities: c.capabilities,
    };
  }
  const [cp] = await ds.query(
    `SELECT g.name AS agency, c.title, c.updated_at FROM contact_person c JOIN agency g ON g.id = c.agency_id
     WHERE g.kommunenummer = $1 AND c.is_contact_point AND c.active ORDER BY c.updated_at DESC LIMIT 1`,
    [knr],
  );
  if (cp) changed.push(cp.updated_at);
  const latest = changed.length ? new Date(Math.max(...changed.map((d) => new Date(d).getTime()))) : null;
  return municipalityWebText(
    {
      municipality: m.name,
      languageForm: m.language_form,
      centre,
      contactPoint: cp ? { agency: cp.agency, title: cp.title } : null,
      updatedOn: latest ? todayInNorway(latest) : asOf,
    },
    language ?? undefined,
  );
}
