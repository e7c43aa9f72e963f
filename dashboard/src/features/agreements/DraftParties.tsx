import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { MunicipalityCombobox } from '../../components/MunicipalityCombobox';
import { fieldErrors, generalError } from '../../lib/errors';
import { AddPartyMutation, MunicipalityNamesQuery, RemovePartyMutation } from './agreements.graphql';

/**
 * The host's tools for the parties of a draft (or one under negotiation): add a partner with the day
 * it joins, or remove one registered by mistake. An agreement in force changes its parties by amendment.
 */
export function DraftParties({
  agreementId,
  parties,
  onChanged,
}: {
  agreementId: string;
  parties: { id: string; role: string; municipality: { kommunenummer: string; name: string } }[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [names] = useQuery({ query: MunicipalityNamesQuery });
  const [added, add] = useMutation(AddPartyMutation);
  const [removed, remove] = useMutation(RemovePartyMutation);
  const [kommunenummer, setKommunenummer] = useState('');
  const [joinedOn, setJoinedOn] = useState('');
  const errors = fieldErrors(added.error);
  const taken = new Set(parties.map((p) => p.municipality.kommunenummer));
  const collator = new Intl.Collator('nb');
  const candidates = (names.data?.municipalities ?? [])
    .filter((m) => !taken.has(m.kommunenummer))
    .sort((a, b) => collator.compare(a.name, b.name));

  return (
    <div className="draft-parties" data-testid="draft-parties">
      {(generalError(added.error, t('error.network')) || generalError(removed.error, t('error.network'))) && (
        <Alert data-color="danger">
          {generalError(added.error, t('error.network')) ?? generalError(removed.error, t('error.network'))}
        </Alert>
      )}
      <ul className="plain-list">
        {parties
          .filter((p) => p.role === 'PARTNER')
          .map((p) => (
            <li key={p.id}>
              {p.municipality.name}{' '}
              <Button
                variant="tertiary"
                data-size="sm"
                onClick={async () => {
                  const r = await remove({ id: p.id });
                  if (!r.error) onChanged();
                }}
              >
                {t('agreement.removeParty', { name: p.municipality.name })}
              </Button>
            </li>
          ))}
      </ul>
      <form
        noValidate
        className="form-grid"
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await add({ agreementId, input: { kommunenummer, role: 'PARTNER', joinedOn: joinedOn || null } });
          if (!r.error) {
            setKommunenummer('');
            onChanged();
          }
        }}
      >
        <div>
          <MunicipalityCombobox
            id="add-party"
            label={t('agreement.addPartyField')}
            municipalities={candidates}
            value={kommunenummer}
            onChange={setKommunenummer}
          />
          {errors.kommunenummer && <div className="field-error">{errors.kommunenummer}</div>}
        </div>
        <Textfield
          label={t('agreement.joined')}
          type="date"
          value={joinedOn}
          onChange={(e) => setJoinedOn(e.target.value)}
          error={errors.joinedOn}
        />
        <div>
          <Button type="submit" variant="secondary" disabled={!kommunenummer || added.fetching}>
            {t('agreement.addParty')}
          </Button>
        </div>
      </form>
    </div>
  );
}
