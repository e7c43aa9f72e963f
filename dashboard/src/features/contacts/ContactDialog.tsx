import { forwardRef } from 'react';
import { useMutation } from 'urql';
import { Alert, Button, Checkbox, Dialog, Heading, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { fieldErrors, generalError } from '../../lib/errors';
import { ConflictNotice } from '../auth/ConflictNotice';
import { useMergingForm } from '../../lib/useMergingForm';
import { CreateContactMutation, UpdateContactMutation } from './contacts.graphql';
import { History } from '../auth/History';

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

type ContactRecord = { id: string; version: number; agencyId: string; name: string; title?: string | null; phone?: string | null; email?: string | null; isContactPoint: boolean };
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

/** Create or edit a contact person: work details only; the server's field errors show at the fields. */
export const ContactDialog = forwardRef<HTMLDialogElement, { draft: ContactDraft | null; onSaved(): void }>(function ContactDialog({ draft, onSaved }, ref) {
  const { t } = useI18n();
  const { form, setForm, conflict, settle } = useMergingForm(draft, KEYS, contactDraft);
  const [updateState, update] = useMutation(UpdateContactMutation);
  const [createState, create] = useMutation(CreateContactMutation);
  const state = form?.id ? updateState : createState;
  const errors = fieldErrors(state.error);
  const general = generalError(state.error, t('error.network'));
  const labels = { name: t('contacts.col.name'), title: t('contacts.col.title'), phone: t('contacts.col.phone'), email: t('contacts.col.email'), isContactPoint: t('contacts.isContactPoint') };

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
              const input = { name: form.name, title: form.title || null, phone: form.phone || null, email: form.email || null, isContactPoint: form.isContactPoint };
              const r = form.id ? await update({ id: form.id, input, expectedVersion: form.version }) : await create({ input: { ...input, agencyId: form.agencyId } });
              settle(r.error);
              if (!r.error) onSaved();
            }}
          >
            {conflict ? (
              <ConflictNotice merge={conflict} labels={labels} />
            ) : (
              general && <Alert data-color="danger">{general}</Alert>
            )}
            <Textfield label={t('contacts.col.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={errors.name} />
            <Textfield label={t('contacts.col.title')} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} error={errors.title} />
            <Textfield label={t('contacts.col.phone')} type="tel" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} error={errors.phone} />
            <Textfield label={t('contacts.col.email')} type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={errors.email} />
            <Checkbox label={t('contacts.isContactPoint')} checked={form.isContactPoint} onChange={(e) => setForm({ ...form, isContactPoint: e.target.checked })} />
            <Button type="submit" disabled={state.fetching} aria-busy={state.fetching}>
              {state.fetching ? t('agreement.saving') : t('contacts.save')}
            </Button>
          </form>
        )}
        {form?.id && <History entity="ContactPerson" entityId={form.id} />}
      </Dialog.Block>
    </Dialog>
  );
});
