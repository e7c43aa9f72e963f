import { useEffect, useMemo, useRef, useState } from 'react';
import { FilterSelect } from '../../components/FilterSelect';
import { useMutation, useQuery } from 'urql';
import { Link as RouterLink, useSearchParams } from 'react-router';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { ExampleTag } from '../../components/ExampleTag';
import { Loading, QueryError } from '../../components/States';
import {
  AGENCY_KIND_LABELS,
  AGENCY_KINDS,
  canManageMunicipalityContacts,
  toCsv,
  type AgencyKind,
  type Grant,
} from '@samordna/domain';
import { Permission } from '../auth/Permission';
import type { MunicipalityContactsQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { MunicipalityCombobox } from '../../components/MunicipalityCombobox';
import { fieldErrors, unplacedErrors } from '../../lib/errors';
import { formatOsloDate } from '../../lib/format';
import { useSearchParam } from '../../lib/useSearchParam';
import { ContactDialog, contactDraft, type ContactDraft } from './ContactDialog';
import { NewAgencyDialog, type NewAgencyDraft } from './NewAgencyDialog';
import { PrintHeader } from './PrintHeader';
import { CentreGaps } from './CentreGaps';
import {
  CentreContactsQuery,
  ContactOptionsQuery,
  MunicipalityContactsQuery as MunicipalityContacts,
  StaleContactsQuery,
  VerifyContactsMutation,
} from './contacts.graphql';
import { ScrollTable } from '../../components/ScrollTable';
import { useOpenOnHome } from '../start/home';
import { useSession } from '../auth/session';
import { usePlural } from '../../i18n/plural';

type Agency = MunicipalityContactsQuery['agencies']['items'][number];
const monthsSince = (iso: string) => Math.floor((Date.now() - new Date(iso).getTime()) / (30.44 * 24 * 3600 * 1000));

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

export default function ContactsPage() {
  const { t, locale } = useI18n();
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
  const [staleSort, setStaleSort] = useState<'verified' | 'name' | 'municipality'>('verified');
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
  const staleItems = useMemo(() => {
    const items = [...(stale.data?.contacts.items ?? [])];
    const by = {
      // Never verified first, then the oldest verification.
      verified: (a: (typeof items)[number], b: (typeof items)[number]) =>
        (a.verifiedAt ?? '').localeCompare(b.verifiedAt ?? ''),
      name: (a: (typeof items)[number], b: (typeof items)[number]) => a.name.localeCompare(b.name, 'nb'),
      municipality: (a: (typeof items)[number], b: (typeof items)[number]) =>
        a.agency.municipality.name.localeCompare(b.agency.municipality.name, 'nb') ||
        a.name.localeCompare(b.name, 'nb'),
    }[staleSort];
    return items.sort(by);
  }, [stale.data, staleSort]);
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

      {showStale &&
        (stale.error ? (
          <QueryError error={stale.error} onRetry={() => refreshStale({ requestPolicy: 'network-only' })} />
        ) : !stale.data ? (
          <Loading />
        ) : (
          <section aria-labelledby="stale-heading">
            <Heading level={2} data-size="sm" id="stale-heading">
              {t('contacts.staleList')}
            </Heading>
            <Paragraph role="status">
              {plural(stale.data.contacts.totalCount, 'contacts.staleCountOne', 'contacts.staleCount')}
            </Paragraph>
            {ownCentreId && <Paragraph data-size="sm">{t('contacts.staleOwnCentre')}</Paragraph>}
            {staleItems.length > 0 && (
              <>
                <div className="button-row no-print">
                  <Permission allowed={mayVerifyStale}>{verifyRows}</Permission>
                  <Field>
                    <Label htmlFor="stale-sort">{t('contacts.sortBy')}</Label>
                    <Select
                      id="stale-sort"
                      value={staleSort}
                      onChange={(e) => setStaleSort(e.target.value as typeof staleSort)}
                    >
                      <Select.Option value="verified">{t('contacts.sort.verified')}</Select.Option>
                      <Select.Option value="name">{t('contacts.sort.name')}</Select.Option>
                      <Select.Option value="municipality">{t('contacts.sort.municipality')}</Select.Option>
                    </Select>
                  </Field>
                </div>
                <ScrollTable label={t('contacts.staleList')}>
                  <Table zebra border data-size="sm" data-testid="stale-table">
                    <caption className="visually-hidden">{t('contacts.staleList')}</caption>
                    <Table.Head>
                      <Table.Row>
                        <Table.HeaderCell>
                          <Checkbox
                            aria-label={t('contacts.selectAll')}
                            checked={staleItems.length > 0 && staleItems.every((c) => selected.includes(c.id))}
                            onChange={(e) => setSelected(e.target.checked ? staleItems.map((c) => c.id) : [])}
                          />
                        </Table.HeaderCell>
                        <Table.HeaderCell>{t('contacts.col.name')}</Table.HeaderCell>
                        <Table.HeaderCell>{t('contacts.municipality')}</Table.HeaderCell>
                        <Table.HeaderCell>{t('contacts.col.verified')}</Table.HeaderCell>
                      </Table.Row>
                    </Table.Head>
                    <Table.Body>
                      {staleItems.map((c) => (
                        <Table.Row key={c.id}>
                          <Table.Cell>
                            <Checkbox
                              aria-label={t('contacts.select', { name: c.name })}
                              checked={selected.includes(c.id)}
                              onChange={(e) => toggle(c.id, e.target.checked)}
                            />
                          </Table.Cell>
                          <Table.Cell>
                            {c.name} <span className="muted">({c.agency.name})</span>
                          </Table.Cell>
                          <Table.Cell>
                            <RouterLink to={`/kontakter?kommune=${c.agency.municipality.kommunenummer}`}>
                              {c.agency.municipality.name}
                            </RouterLink>
                          </Table.Cell>
                          <Table.Cell>{c.verifiedAt ? formatOsloDate(c.verifiedAt) : t('contacts.never')}</Table.Cell>
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                </ScrollTable>
              </>
            )}
          </section>
        ))}

      {centreId &&
        (centre.error ? (
          <QueryError error={centre.error} onRetry={() => refreshCentre({ requestPolicy: 'network-only' })} />
        ) : !centre.data ? (
          <Loading />
        ) : (
          <CentreGaps coverage={centre.data.centreCoverage} centreId={centreId} grants={grants} />
        ))}

      {kommunenummer &&
        (contacts.error ? (
          <QueryError error={contacts.error} onRetry={() => refresh({ requestPolicy: 'network-only' })} />
        ) : !contacts.data ? (
          <Loading />
        ) : agencies.length === 0 ? (
          <>
            <Paragraph role="status">{t('contacts.noAgencies', { name })}</Paragraph>
            <div className="button-row no-print">
              <Permission allowed={mayEdit}>
                <Button variant="secondary" onClick={() => openNewAgency()}>
                  + {t('contacts.newAgency')}
                </Button>
              </Permission>
            </div>
          </>
        ) : (
          <>
            <div className="button-row no-print">
              <Permission allowed={mayEdit}>
                {verifyRows}
                <Button variant="secondary" onClick={() => openNewAgency()}>
                  + {t('contacts.newAgency')}
                </Button>
              </Permission>
              <Button
                variant="tertiary"
                onClick={() =>
                  download(
                    `kontakter-${kommunenummer}.csv`,
                    toCsv([
                      [
                        t('contacts.municipality'),
                        t('contacts.col.agency'),
                        t('contacts.col.name'),
                        t('contacts.col.title'),
                        t('contacts.col.phone'),
                        t('contacts.col.email'),
                        t('contacts.contactPoint'),
                        t('contacts.col.verified'),
                      ],
                      ...agencies.flatMap((a) =>
                        a.contacts.map((c) => [
                          name,
                          a.name,
                          c.name,
                          c.title ?? '',
                          c.phone ?? '',
                          c.email ?? '',
                          c.isContactPoint ? t('common.yes') : t('common.no'),
                          c.verifiedAt ? formatOsloDate(c.verifiedAt) : '',
                        ]),
                      ),
                    ]),
                  )
                }
              >
                {t('contacts.exportCsv')}
              </Button>
              <Button variant="tertiary" onClick={() => window.print()}>
                {t('contacts.print')}
              </Button>
            </div>
            {agencies.map((a) => (
              <section key={a.id} aria-labelledby={`agency-${a.id}`} className="agency-block">
                <Heading level={2} data-size="xs" id={`agency-${a.id}`}>
                  {a.name} <span className="muted">· {AGENCY_KIND_LABELS[a.kind][locale]}</span>
                  <ExampleTag show={a.isExample} />
                </Heading>
                <Paragraph data-size="sm" className={a.writtenAgreement ? '' : 'muted'}>
                  {a.writtenAgreement ? t('contacts.writtenAgreement') : t('contacts.noWrittenAgreement')}
                </Paragraph>
                <ScrollTable label={a.name}>
                  <Table zebra border data-size="sm" data-testid="contact-table">
                    <caption className="visually-hidden">{a.name}</caption>
                    <Table.Head>
                      <Table.Row>
                        <Table.HeaderCell className="no-print">{t('contacts.col.select')}</Table.HeaderCell>
                        <Table.HeaderCell>{t('contacts.col.name')}</Table.HeaderCell>
                        <Table.HeaderCell>{t('contacts.col.title')}</Table.HeaderCell>
                        <Table.HeaderCell>{t('contacts.col.phone')}</Table.HeaderCell>
                        <Table.HeaderCell>{t('contacts.col.email')}</Table.HeaderCell>
                        <Table.HeaderCell>{t('contacts.col.verified')}</Table.HeaderCell>
                        <Table.HeaderCell className="no-print">{t('contacts.col.actions')}</Table.HeaderCell>
                      </Table.Row>
                    </Table.Head>
                    <Table.Body>
                      {a.contacts.map((c) => (
                        <Table.Row key={c.id}>
                          <Table.Cell className="no-print">
                            <Checkbox
                              aria-label={t('contacts.select', { name: c.name })}
                              checked={selected.includes(c.id)}
                              onChange={(e) => toggle(c.id, e.target.checked)}
                            />
                          </Table.Cell>
                          <Table.Cell>
                            {c.name}
                            {c.isContactPoint && (
                              <Tag data-size="sm" data-color="accent" className="example-tag">
                                {t('contacts.contactPoint')}
                              </Tag>
                            )}
                          </Table.Cell>
                          <Table.Cell>{c.title ?? ''}</Table.Cell>
                          <Table.Cell className="nowrap">{c.phone ?? ''}</Table.Cell>
                          <Table.Cell>{c.email ?? ''}</Table.Cell>
                          <Table.Cell data-testid="verified-cell">
                            {c.verifiedAt
                              ? `${formatOsloDate(c.verifiedAt)} (${t('contacts.monthsAgo', { months: monthsSince(c.verifiedAt) })})`
                              : t('contacts.never')}
                            {c.stale && (
                              <Tag data-size="sm" data-color="warning" className="example-tag">
                                {t('contacts.stale')}
                              </Tag>
                            )}
                          </Table.Cell>
                          <Table.Cell className="no-print">
                            <Permission allowed={mayEdit}>
                              <Button
                                variant="tertiary"
                                data-size="sm"
                                aria-label={t('contacts.edit', { name: c.name })}
                                onClick={() => {
                                  setDraft(contactDraft({ ...c, agencyId: a.id }));
                                  contactDialog.current?.showModal();
                                }}
                              >
                                {t('agreement.edit')}
                              </Button>
                            </Permission>
                          </Table.Cell>
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                </ScrollTable>
                <Permission allowed={mayEdit}>
                  <Button variant="tertiary" data-size="sm" className="no-print" onClick={() => newContact(a.id)}>
                    + {t('contacts.add')}
                  </Button>
                </Permission>
              </section>
            ))}
          </>
        ))}

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
      <Dialog ref={verifyDialog} closeButton={t('common.close')} aria-labelledby="verify-heading">
        <Dialog.Block>
          <Heading level={2} data-size="xs" id="verify-heading">
            {t('contacts.verifyTitle')}
          </Heading>
          <form
            noValidate
            className="dialog-form"
            onSubmit={async (e) => {
              e.preventDefault();
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
          >
            {verifyProblems.length > 0 && <Alert data-color="danger">{verifyProblems.join(' ')}</Alert>}
            <Paragraph>{plural(selected.length, 'contacts.verifyTextOne', 'contacts.verifyText')}</Paragraph>
            <Textfield
              label={t('contacts.verifiedBy')}
              value={verifiedBy}
              onChange={(e) => setVerifiedBy(e.target.value)}
              error={fieldErrors(verifyState.error).verifiedBy}
            />
            <Button type="submit" disabled={verifyState.fetching} aria-busy={verifyState.fetching}>
              {t('contacts.verify')}
            </Button>
          </form>
        </Dialog.Block>
      </Dialog>
    </section>
  );
}
