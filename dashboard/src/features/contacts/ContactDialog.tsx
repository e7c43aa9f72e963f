import { forwardRef, useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { Alert, Button, Checkbox, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { SaveButton } from '../../components/SaveButton';
import { fieldErrors, generalError } from '../../lib/errors';
import { ConflictNotice } from '../history/ConflictNotice';
import { useMergingForm } from '../../lib/useMergingForm';
import {
  CreateContactMutation,
  EndContactMutation,
  EraseContactMutation,
  UpdateContactMutation,
} from './contacts.graphql';
import { History } from '../history/History';

export interface ContactDraft {
  id?: string;
  version?: number;
  agencyId: string;
  name: string;
  title: string;
  phone: string;
  email: string;
  isContactPoint: boolean;
}

type ContactRecord = {
  id: string;
  version: number;
  agencyId: string;
  name: string;
  title?: string | null;
  phone?: string | null;
  email?: string | null;
  isContactPoint: boolean;
};
/** A saved contact as form values; also applied to the record a CONFLICT sends back. */
export const contactDraft = (c: ContactRecord): ContactDraft => ({
  id: c.id,
  version: c.version,
  agencyId: c.agencyId,
  name: c.name,
  title: c.title ?? '',
  phone: c.phone ?? '',
  email: c.email ?? '',
  isContactPoint: c.isContactPoint,
});
const KEYS = ['name', 'title', 'phone', 'email', 'isContactPoint'] as const;

type ContactFieldValues = Pick<ContactDraft, 'name' | 'title' | 'phone' | 'email' | 'isContactPoint'>;

/** A contact person's work details as form fields, each with the server's error for it (also in «Ny etat»). */
export function ContactFields<T extends ContactFieldValues>({
  form,
  onChange,
  errors,
}: {
  form: T;
  onChange(next: T): void;
  errors: Record<string, string | undefined>;
}) {
  const { t } = useI18n();
  return (
    <>
      <Textfield
        label={t('contacts.col.name')}
        value={form.name}
        onChange={(e) => onChange({ ...form, name: e.target.value })}
        error={errors.name}
      />
      <Textfield
        label={t('contacts.col.title')}
        value={form.title}
        onChange={(e) => onChange({ ...form, title: e.target.value })}
        error={errors.title}
      />
      <Textfield
        label={t('contacts.col.phone')}
        type="tel"
        value={form.phone}
        onChange={(e) => onChange({ ...form, phone: e.target.value })}
        error={errors.phone}
      />
      <Textfield
        label={t('contacts.col.email')}
        type="email"
        value={form.email}
        onChange={(e) => onChange({ ...form, email: e.target.value })}
        error={errors.email}
      />
      <Checkbox
        label={t('contacts.isContactPoint')}
        checked={form.isContactPoint}
        onChange={(e) => onChange({ ...form, isContactPoint: e.target.checked })}
      />
    </>
  );
}

/** The work details as the server takes them: empty optional fields become null. */
export const contactInput = (f: ContactFieldValues) => ({
  name: f.name,
  title: f.title || null,
  phone: f.phone || null,
  email: f.email || null,
  isContactPoint: f.isContactPoint,
});

/** Create or edit a contact person: work details only; the server's field errors show at the fields. */
export type ContactOutcome = 'saved' | 'ended' | 'erased';

export const ContactDialog = forwardRef<
  HTMLDialogElement,
  { draft: ContactDraft | null; onSaved(outcome: ContactOutcome): void }
>(function ContactDialog({ draft, onSaved }, ref) {
  const { t } = useI18n();
  const { form, setForm, conflict, settle } = useMergingForm(draft, KEYS, contactDraft);
  const [updateState, update] = useMutation(UpdateContactMutation);
  const [createState, create] = useMutation(CreateContactMutation);
  const [endState, end] = useMutation(EndContactMutation);
  const [eraseState, erase] = useMutation(EraseContactMutation);
  // A contact who has left: end (inactive, history kept) or erase, each after a confirmation.
  const [confirming, setConfirming] = useState<'end' | 'erase' | null>(null);
  useEffect(() => setConfirming(null), [draft]);
  const state = form?.id ? updateState : createState;
  const errors = fieldErrors(state.error);
  const general = generalError(state.error, t('error.network'));
  const leaveError = generalError(confirming === 'erase' ? eraseState.error : endState.error, t('error.network'));
  const labels = {
    name: t('contacts.col.name'),
    title: t('contacts.col.title'),
    phone: t('contacts.col.phone'),
    email: t('contacts.col.email'),
    isContactPoint: t('contacts.isContactPoint'),
  };

  return (
    <Dialog ref={ref} closeButton={t('common.close')} aria-labelledby="contact-dialog-heading">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="contact-dialog-heading">
          {t('contacts.editTitle')}
        </Heading>
        {form && (
          <form
            noValidate
            className="dialog-form"
            onSubmit={async (e) => {
              e.preventDefault();
              const input = contactInput(form);
              const r = form.id
                ? await update({ id: form.id, input, expectedVersion: form.version })
                : await create({ input: { ...input, agencyId: form.agencyId } });
              settle(r.error);
              if (!r.error) onSaved('saved');
            }}
          >
            {conflict ? (
              <ConflictNotice merge={conflict} labels={labels} />
            ) : (
              general && <Alert data-color="danger">{general}</Alert>
            )}
            <ContactFields<ContactDraft> form={form} onChange={setForm} errors={errors} />
            <SaveButton busy={state.fetching} />
          </form>
        )}
        {form?.id && (
          <section aria-labelledby="contact-left-heading" className="contact-left">
            <Heading level={3} data-size="2xs" id="contact-left-heading">
              {t('contacts.leftHeading')}
            </Heading>
            {confirming ? (
              <div role="group" aria-labelledby="contact-left-heading">
                <Paragraph>
                  {t(confirming === 'end' ? 'contacts.endConfirm' : 'contacts.eraseConfirm', { name: form.name })}
                </Paragraph>
                {leaveError && <Alert data-color="danger">{leaveError}</Alert>}
                <div className="button-row">
                  <Button
                    data-color="danger"
                    disabled={endState.fetching || eraseState.fetching}
                    onClick={async () => {
                      const r =
                        confirming === 'end'
                          ? await end({ id: form.id!, expectedVersion: form.version })
                          : await erase({ id: form.id! });
                      if (!r.error) {
                        setConfirming(null);
                        onSaved(confirming === 'end' ? 'ended' : 'erased');
                      }
                    }}
                  >
                    {t(confirming === 'end' ? 'contacts.confirmEnd' : 'contacts.confirmErase')}
                  </Button>
                  <Button variant="secondary" onClick={() => setConfirming(null)}>
                    {t('contacts.cancel')}
                  </Button>
                </div>
              </div>
            ) : (
              <div className="button-row">
                <Button variant="secondary" onClick={() => setConfirming('end')}>
                  {t('contacts.end')}
                </Button>
                <Button variant="tertiary" data-color="danger" onClick={() => setConfirming('erase')}>
                  {t('contacts.erase')}
                </Button>
              </div>
            )}
          </section>
        )}
        {form?.id && <History entity="ContactPerson" entityId={form.id} />}
      </Dialog.Block>
    </Dialog>
  );
});
