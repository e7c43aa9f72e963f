import { forwardRef, useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { Alert, Dialog, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { AGENCY_KINDS, AGENCY_KIND_LABELS, type AgencyKind } from '@samordna/domain';
import { useI18n } from '../../i18n/i18n';
import { SaveButton } from '../../components/SaveButton';
import { fieldErrors, unplacedErrors } from '../../lib/errors';
import { ContactFields, contactInput } from './ContactDialog';
import { CreateAgencyWithContactMutation } from './contacts.graphql';
import './contacts.css';

/** What «Ny etat» opens with: the municipality, and the agency kind a gap named (or the first kind). */
export interface NewAgencyDraft {
  kommunenummer: string;
  municipality: string;
  kind: AgencyKind;
}

const EMPTY_CONTACT = { name: '', title: '', phone: '', email: '', isContactPoint: false };
const SHOWN = ['name', 'contact.name', 'contact.title', 'contact.phone', 'contact.email'];

/**
 * «Ny etat»: an agency the municipality has no entry for yet (agencies are rows of a kind, so a
 * second NAV office is possible), with its first contact person; the server saves both or neither.
 */
export const NewAgencyDialog = forwardRef<HTMLDialogElement, { draft: NewAgencyDraft | null; onSaved(): void }>(
  function NewAgencyDialog({ draft, onSaved }, ref) {
    const { t, locale } = useI18n();
    const [kind, setKind] = useState<AgencyKind>('NAV');
    // The name follows the kind («NAV Fauske») until the user writes one of their own.
    const [name, setName] = useState<string | null>(null);
    const [contact, setContact] = useState(EMPTY_CONTACT);
    const [state, create] = useMutation(CreateAgencyWithContactMutation);
    useEffect(() => {
      if (!draft) return;
      setKind(draft.kind);
      setName(null);
      setContact(EMPTY_CONTACT);
    }, [draft]);
    const suggested = draft ? `${AGENCY_KIND_LABELS[kind][locale]} ${draft.municipality}` : '';
    const errors = fieldErrors(state.error);
    const contactErrors = Object.fromEntries(
      Object.entries(errors)
        .filter(([k]) => k.startsWith('contact.'))
        .map(([k, v]) => [k.slice('contact.'.length), v]),
    );
    const problems = unplacedErrors(state.error, t('error.network'), SHOWN);

    return (
      <Dialog ref={ref} closeButton={t('common.close')} aria-labelledby="new-agency-heading">
        <Dialog.Block>
          <Heading level={2} data-size="xs" id="new-agency-heading">
            {t('contacts.newAgencyTitle')}
          </Heading>
          {draft && (
            <form
              noValidate
              className="dialog-form"
              data-testid="new-agency-form"
              onSubmit={async (e) => {
                e.preventDefault();
                const r = await create({
                  input: {
                    kommunenummer: draft.kommunenummer,
                    kind,
                    name: name ?? suggested,
                    contact: contactInput(contact),
                  },
                });
                if (!r.error) onSaved();
              }}
            >
              <Paragraph data-size="sm">{t('contacts.newAgencyIntro', { name: draft.municipality })}</Paragraph>
              {problems.length > 0 && <Alert data-color="danger">{problems.join(' ')}</Alert>}
              <Field>
                <Label htmlFor="new-agency-kind">{t('contacts.agencyKind')}</Label>
                <Select id="new-agency-kind" value={kind} onChange={(e) => setKind(e.target.value as AgencyKind)}>
                  {AGENCY_KINDS.map((k) => (
                    <Select.Option key={k} value={k}>
                      {AGENCY_KIND_LABELS[k][locale]}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Textfield
                label={t('contacts.agencyName')}
                value={name ?? suggested}
                onChange={(e) => setName(e.target.value)}
                error={errors.name}
              />
              <fieldset className="plain-fieldset">
                <legend>{t('contacts.firstContact')}</legend>
                <ContactFields form={contact} onChange={setContact} errors={contactErrors} />
              </fieldset>
              <SaveButton busy={state.fetching} />
            </form>
          )}
        </Dialog.Block>
      </Dialog>
    );
  },
);
