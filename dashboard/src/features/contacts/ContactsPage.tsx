import { useEffect, useMemo, useRef, useState } from 'react';
import { FilterSelect } from '../../components/FilterSelect';
import { useMutation, useQuery } from 'urql';
import { useSearchParams } from 'react-router';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { QueryError, QueryState } from '../../components/States';
import { AGENCY_KINDS, canManageMunicipalityContacts, type AgencyKind, type Grant } from '@samordna/domain';
import { Permission } from '../auth/Permission';
import { useI18n } from '../../i18n/i18n';
import { MunicipalityCombobox } from '../../components/MunicipalityCombobox';
import { fieldErrors, unplacedErrors } from '../../lib/errors';
import { useSearchParam } from '../../lib/useSearchParam';
import { ContactDialog, contactDraft, type ContactDraft } from './ContactDialog';
import { NewAgencyDialog, type NewAgencyDraft } from './NewAgencyDialog';
import { PrintHeader } from './PrintHeader';
import { CentreGaps } from './CentreGaps';
import { MunicipalityAgencies, type Agency } from './AgencyContacts';
import { StaleContacts, sortStale, type StaleSort } from './StaleContacts';
import { VerifyDialog } from './VerifyDialog';
import { contactsCsv, download } from './contactsCsv';
import {
  CentreContactsQuery,
  ContactOptionsQuery,
  MunicipalityContactsQuery as MunicipalityContacts,
  StaleContactsQuery,
  VerifyContactsMutation,
} from './contacts.graphql';
import { useOpenOnHome } from '../start/home';
import { useSession } from '../auth/session';
import { usePlural } from '../../i18n/plural';

export default function ContactsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  // Opens on the user's own municipality, or a centre leader's centre (a link that names one wins).
  useOpenOnHome(['kommune', 'senter', 'ubekreftet'], (h): Record<string, string> | null =>
    h.isCentre && h.centreId ? { senter: h.centreId } : h.kommunenummer ? { kommune: h.kommunenummer } : null,
  );
  const kommunenummer = params.get('kommune') ?? '';
  const centreId = params.get('senter') ?? '';
  const showStale = params.get('ubekreftet') === '1';
  const [options, refreshOptions] = useQuery({ query: ContactOptionsQuery });
  // A new or changed contact or agency (also «Ny etat») refetches the lists and the centre's gaps.
  const context = useMemo(() => ({ additionalTypenames: ['ContactPerson', 'Agency'] }), []);
  const [contacts, refresh] = useQuery({
    query: MunicipalityContacts,
    variables: { kommunenummer },
    pause: !kommunenummer,
    context,
  });
  const [centre, refreshCentre] = useQuery({
    query: CentreContactsQuery,
    variables: { centreId },
    pause: !centreId,
    context,
  });
  // A centre leader's stale list is their own centre's members; others see every contact they may read.
  const { me, grants, loading: sessionLoading } = useSession();
  const ownCentreId = grants.find((g) => g.role === 'CENTRE_LEADER' && g.centreId)?.centreId ?? null;
  const [stale, refreshStale] = useQuery({
    query: StaleContactsQuery,
    variables: { centreId: ownCentreId },
    pause: !showStale || sessionLoading,
    context,
  });
  const [staleSort, setStaleSort] = useState<StaleSort>('verified');
  const [verifyState, verify] = useMutation(VerifyContactsMutation);
  const [selected, setSelected] = useState<string[]>([]);
  const [verifiedBy, setVerifiedBy] = useState('');
  const plural = usePlural();
  // «Bekreftet av» is the signed-in user unless they write another name.
  useEffect(() => {
    if (me) setVerifiedBy((v) => v || me.name);
  }, [me]);
  const [notice, setNotice] = useState<string | null>(null);
  const [draft, setDraft] = useState<ContactDraft | null>(null);
  const verifyDialog = useRef<HTMLDialogElement>(null);
  const contactDialog = useRef<HTMLDialogElement>(null);
  const newAgencyDialog = useRef<HTMLDialogElement>(null);
  const [newAgency, setNewAgency] = useState<NewAgencyDraft | null>(null);
  const name = options.data?.municipalities.find((m) => m.kommunenummer === kommunenummer)?.name ?? kommunenummer;

  const choose = (key: 'kommune' | 'senter', value: string) => {
    setSelected([]);
    setNotice(null);
    setParams(value ? { [key]: value } : {}, { replace: true });
  };
  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));
  const agencies: Agency[] = contacts.data?.agencies.items ?? [];
  const memberOf = (contacts.data?.municipality.centreMemberships ?? [])
    .filter((m) => m.isCurrent)
    .map((m) => m.centre.id);
  const mayEdit = (g: Grant[]) => canManageMunicipalityContacts(g, kommunenummer, memberOf);
  const newContact = (agencyId: string) => {
    setDraft({ agencyId, name: '', title: '', phone: '', email: '', isContactPoint: false });
    contactDialog.current?.showModal();
  };
  const openNewAgency = (kind: AgencyKind = 'NAV') => {
    setNewAgency({ kommunenummer, municipality: name, kind });
    newAgencyDialog.current?.showModal();
  };
  // A gap tag's link (?ny=NAV) opens a new contact at that kind of agency: at the agency when the
  // municipality has one (without contacts), else «Ny etat» with the kind chosen.
  const [wanted, setWanted] = useSearchParam('ny');
  useEffect(() => {
    if (!wanted || !contacts.data || !options.data || sessionLoading) return;
    setWanted(null);
    if (!(AGENCY_KINDS as readonly string[]).includes(wanted) || !mayEdit(grants)) return;
    const existing = contacts.data.agencies.items.find((a) => a.kind === wanted);
    if (existing) newContact(existing.id);
    else openNewAgency(wanted as AgencyKind);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted, contacts.data, options.data, sessionLoading]);
  const staleItems = useMemo(() => sortStale(stale.data?.contacts.items ?? [], staleSort), [stale.data, staleSort]);
  // The list spans municipalities and does not say which centres they belong to: offer the button to whoever
  // may manage some of these contacts (a centre leader may, for its members); the server checks each one.
  const mayVerifyStale = (g: Grant[]) =>
    g.some((x) => x.role === 'CENTRE_LEADER') ||
    staleItems.some((c) => canManageMunicipalityContacts(g, c.agency.municipality.kommunenummer, []));
  const verifyProblems = unplacedErrors(verifyState.error, t('error.network'), ['verifiedBy']);

  const verifyRows = (
    <Button variant="secondary" disabled={selected.length === 0} onClick={() => verifyDialog.current?.showModal()}>
      {t('contacts.verifySelected', { count: selected.length })}
    </Button>
  );

  return (
    <section aria-labelledby="contacts-heading" className="contacts-page">
      {kommunenummer && <PrintHeader what={t('print.contacts')} municipality={name} />}
      <Heading level={1} data-size="lg" id="contacts-heading">
        {t('contacts.heading')}
      </Heading>
      <Paragraph>{t('contacts.intro')}</Paragraph>
      <Paragraph data-size="sm" className="muted">
        {t('contacts.workOnly')}
      </Paragraph>
      <div className="filters no-print">
        <MunicipalityCombobox
          id="k-municipality"
          label={t('contacts.municipality')}
          municipalities={options.data?.municipalities ?? []}
          value={kommunenummer}
          onChange={(k) => choose('kommune', k)}
        />
        <FilterSelect
          id="k-centre"
          label={t('contacts.centre')}
          value={centreId}
          onChange={(v) => choose('senter', v)}
          empty={t('contacts.choose')}
          options={(options.data?.crisisCentres.items ?? []).map((c) => [c.id, c.name] as const)}
        />
      </div>
      {options.error && (
        <QueryError error={options.error} onRetry={() => refreshOptions({ requestPolicy: 'network-only' })} />
      )}
      {notice && (
        <Alert data-color="success" role="status">
          {notice}
        </Alert>
      )}

      {!kommunenummer && !centreId && !showStale && <Paragraph>{t('contacts.chooseHint')}</Paragraph>}

      {showStale && (
        <QueryState result={stale} reexecute={refreshStale}>
          {(data) => (
            <StaleContacts
              items={staleItems}
              totalCount={data.contacts.totalCount}
              ownCentre={!!ownCentreId}
              sort={staleSort}
              onSort={setStaleSort}
              selected={selected}
              onToggle={toggle}
              onSelectAll={setSelected}
              verifyButton={<Permission allowed={mayVerifyStale}>{verifyRows}</Permission>}
            />
          )}
        </QueryState>
      )}

      {centreId && (
        <QueryState result={centre} reexecute={refreshCentre}>
          {(data) => <CentreGaps coverage={data.centreCoverage} centreId={centreId} grants={grants} />}
        </QueryState>
      )}

      {kommunenummer && (
        <QueryState result={contacts} reexecute={refresh}>
          {() => (
            <MunicipalityAgencies
              name={name}
              agencies={agencies}
              mayEdit={mayEdit}
              verifyButton={verifyRows}
              onNewAgency={() => openNewAgency()}
              onExport={() => download(`kontakter-${kommunenummer}.csv`, contactsCsv(t, name, agencies))}
              selected={selected}
              onToggle={toggle}
              onEdit={(agencyId, c) => {
                setDraft(contactDraft({ ...c, agencyId }));
                contactDialog.current?.showModal();
              }}
              onAdd={newContact}
            />
          )}
        </QueryState>
      )}

      <ContactDialog
        ref={contactDialog}
        draft={draft}
        onSaved={(outcome) => {
          contactDialog.current?.close();
          setNotice(
            t(outcome === 'ended' ? 'contacts.ended' : outcome === 'erased' ? 'contacts.erased' : 'contacts.saved'),
          );
          refresh({ requestPolicy: 'network-only' });
        }}
      />
      <NewAgencyDialog
        ref={newAgencyDialog}
        draft={newAgency}
        onSaved={() => {
          newAgencyDialog.current?.close();
          setNotice(t('contacts.agencySaved'));
          refresh({ requestPolicy: 'network-only' });
        }}
      />
      <VerifyDialog
        ref={verifyDialog}
        count={selected.length}
        verifiedBy={verifiedBy}
        onVerifiedBy={setVerifiedBy}
        problems={verifyProblems}
        verifiedByError={fieldErrors(verifyState.error).verifiedBy}
        busy={verifyState.fetching}
        onSubmit={async () => {
          const r = await verify({ ids: selected, verifiedBy });
          if (!r.error) {
            verifyDialog.current?.close();
            setNotice(plural(selected.length, 'contacts.verifiedOne', 'contacts.verified'));
            setSelected([]);
            // Only the lists on screen: a paused query would run with an empty variable.
            if (kommunenummer) refresh({ requestPolicy: 'network-only' });
            if (showStale) refreshStale({ requestPolicy: 'network-only' });
          }
        }}
      />
    </section>
  );
}
