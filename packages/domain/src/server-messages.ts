/**
 * The one source of the bokmål texts of the server's errors about input and records
 * (BAD_USER_INPUT, CONFLICT, NOT_FOUND, PERSONAL_DATA_IN_FREE_TEXT). Each error carries
 * `extensions.messageKey` (a key below) and `extensions.params`; its `message` is the bokmål text
 * formatted here. The dashboard words the same keys in its own language (nb.ts takes these texts,
 * en.ts has the English), so a client may show either.
 *
 * Params named in LABEL_PARAMS hold keys of SERVER_LABELS (a field's or a record's name, a status),
 * or several such keys joined by «,»: a client words them too.
 */
export const SERVER_LABELS = {
  share: 'Andelen',
  otherIncome: 'Andre inntekter',
  days: 'Antall dager',
  months: 'Antall måneder',
  rooms: 'Antall rom',
  years: 'Antall år',
  archiveReference: 'Arkivreferanse',
  depreciationYears: 'Avskrivningstiden',
  endedOn: 'Avsluttet dato',
  distance: 'Avstanden',
  agreementDate: 'Avtaledato',
  reason: 'Begrunnelsen',
  verifiedBy: 'Bekreftet av',
  amount: 'Beløpet',
  description: 'Beskrivelse',
  payingBudget: 'Budsjettet som betaler',
  date: 'Dato',
  effectiveOn: 'Datoen endringen gjelder fra,',
  actualCosts: 'De faktiske kostnadene',
  operatingCost: 'Driftskostnaden',
  renewalPeriod: 'Fornyelsesperioden',
  baseAmount: 'Grunnbeløpet',
  validFrom: 'Gyldig fra',
  validTo: 'Gyldig til',
  joinedOn: 'Innmeldt dato',
  investmentAmount: 'Investeringen',
  source: 'Kilde',
  sourceDate: 'Kildens dato',
  note: 'Merknad',
  name: 'Navn',
  nextReview: 'Neste gjennomgang',
  noticeGivenOn: 'Oppsagt dato',
  noticeDate: 'Oppsigelsesdatoen',
  noticePeriod: 'Oppsigelsestiden',
  summary: 'Oppsummeringen',
  position: 'Plassering',
  ratePerInhabitant: 'Prisen per innbygger',
  legalBasis: 'Rettslig grunnlag',
  role: 'Rolle',
  caseNumber: 'Saksnummer',
  theCaseNumber: 'Saksnummeret',
  lastReviewed: 'Sist gjennomgått',
  lastDayAsMember: 'Siste dag som medlem',
  quote: 'Sitatet',
  stateFunding: 'Statstilskuddet',
  searchText: 'Søketekst',
  title: 'Tittel',
  leftOn: 'Utmeldt dato',
  decisionDate: 'Vedtaksdato',
  theDecisionDate: 'Vedtaksdatoen',
  decisionBody: 'Vedtaksorganet',
  adoptedOn: 'Vedtatt dato',
  usageWeight: 'Vekten for bruk',
  hostShare: 'Vertskommunens andel',
  hostRate: 'Vertskommunens pris',
  year: 'År',
  theYear: 'Året',
  // Records, as named inside a sentence («Ugyldig id for krisesenter», «endret avtalen»).
  agreementNoun: 'avtale',
  supersededAgreementNoun: 'avtalen den erstatter',
  userNoun: 'bruker',
  amendmentNoun: 'endringsforslag',
  agencyNoun: 'etat',
  investmentNoun: 'investering',
  invitationNoun: 'invitasjon',
  contactNoun: 'kontaktperson',
  centreNoun: 'krisesenter',
  partyNoun: 'part',
  routineNoun: 'rutine',
  stepNoun: 'steg',
  membershipLinkNoun: 'tilknytning',
  chargeNoun: 'tilleggskostnad',
  sessionNoun: 'økt',
  theAgreement: 'avtalen',
  theUser: 'brukeren',
  theBudget: 'budsjettet',
  theAgency: 'etaten',
  theAmendment: 'forslaget',
  theContact: 'kontaktpersonen',
  theCentre: 'krisesenteret',
  theMembership: 'medlemskapet',
  theParty: 'parten',
  theRoutine: 'rutinen',
  theDocumentedMembership: 'den kildebelagte tilknytningen',
  // The free-text columns of a contacts import («Navnet kan være høyst 200 tegn.»).
  agencyName: 'Navn på tjenesten',
  theName: 'Navnet',
  theFunction: 'Funksjonen',
  theNote: 'Merknaden',
  // What only an amendment changes («Vilkårene endres ved …»).
  theTerms: 'Vilkårene',
  theParties: 'Partene',
  theCostModel: 'Kostnadsmodellen',
  // Agreement statuses, as named inside a sentence.
  'status.DRAFT': 'utkast',
  'status.NEGOTIATING': 'under forhandling',
  'status.ACTIVE': 'aktiv',
  'status.NOTICE_GIVEN': 'oppsagt',
  'status.DISPUTED': 'omstridt',
  'status.ENDED': 'avsluttet',
} as const;
export type ServerLabelKey = keyof typeof SERVER_LABELS;
export type ServerLabelText = (typeof SERVER_LABELS)[ServerLabelKey];

/** Params whose values are SERVER_LABELS keys (or several joined by «,»), worded by the reader. */
export const LABEL_PARAMS = ['label', 'entity', 'what', 'from', 'to', 'allowed'] as const;

export const SERVER_MESSAGES = {
  // Generic checks of a field (zod schemas in the server).
  'field.required': '{label} må fylles ut.',
  'field.tooLong': '{label} kan være høyst {max} tegn.',
  'field.date': '{label} må være en gyldig dato (ÅÅÅÅ-MM-DD) fra {min} til {max}.',
  'field.id': 'Ugyldig id for {entity}.',
  'field.integer': '{label} må være et helt tall.',
  'field.min': '{label} må være minst {min}.',
  'field.max': '{label} kan være høyst {max}.',
  'field.ore': '{label} må være et ikke-negativt helt antall øre.',
  'field.oreMax': '{label} kan være høyst {max}.',
  'field.email': 'E-postadressen er ikke gyldig.',
  'field.phone': 'Telefonnummeret må ha 8–15 sifre.',
  'field.unstorableNul': 'Feltet inneholder et NUL-tegn (\\u0000), som ikke kan lagres.',
  'field.unstorableSurrogate': 'Feltet inneholder et ugyldig Unicode-tegn (et halvt surrogatpar).',
  'field.enterEmail': 'Skriv inn e-postadressen.',
  'field.enterPassword': 'Skriv inn passordet.',
  'field.servicesUnique': 'Hvert tilbud kan bare stå én gang.',
  'field.capabilitiesUnique': 'Hver tilpasning kan bare stå én gang.',
  'field.countyNumber': 'Fylkesnummer må være to sifre.',
  'field.emailTooLong': 'E-postadressen kan være høyst 200 tegn.',
  'field.totpSecret': 'Ugyldig hemmelighet for autentiseringsappen.',
  'field.grantsMin': 'Gi minst én rolle (eller deaktiver brukeren).',
  'field.grantsMax': 'Høyst 10 roller.',
  'field.checklistUnique': 'Hvert punkt i sjekklisten kan bare stå én gang.',
  'field.newAgreementStatus': 'En ny avtale kan være utkast, under forhandling eller aktiv.',
  'field.sourceUrl': 'Kilden må være en lenke som begynner med http:// eller https://.',
  'paging.limitMin': 'limit må være minst 1.',
  'paging.limitMax': 'limit kan være høyst 500.',
  'paging.offsetMin': 'offset kan ikke være negativ.',
  // zod's own checks, when a schema gives no message of its own.
  'field.invalidType': 'Feltet har feil type (ventet {expected}).',
  'field.tooSmall': 'Verdien er for liten (minst {min}).',
  'field.tooBig': 'Verdien er for stor (høyst {max}).',
  'field.invalidValue': 'Verdien er ikke et av de tillatte valgene.',
  'field.invalid': 'Verdien er ikke gyldig.',
  'field.coercion': 'Verdien har feil type eller form.',
  // The personal data a free-text field must not hold (PERSONAL_DATA_IN_FREE_TEXT).
  'personalData.NATIONAL_ID':
    '{label} ser ut til å inneholde et fødselsnummer. Personnummer skal aldri lagres i Samordna.',
  'personalData.D_NUMBER': '{label} ser ut til å inneholde et D-nummer. Personnummer skal aldri lagres i Samordna.',
  'personalData.PHONE':
    '{label} ser ut til å inneholde et telefonnummer. Telefonnumre hører hjemme i kontaktfeltene, som bare innloggede ser.',
  'personalData.EMAIL':
    '{label} ser ut til å inneholde en e-postadresse. E-postadresser hører hjemme i kontaktfeltene, som bare innloggede ser.',
  'personalData.STREET_ADDRESS':
    '{label} ser ut til å inneholde en gateadresse. Feltet kan leses av alle, og adresser (aldri et krisesenters) skal ikke stå her.',
  // Kommunenummer (packages/domain kommunenummer.ts).
  'kommunenummer.EMPTY': 'Kommunenummer mangler.',
  'kommunenummer.FORMAT': 'Kommunenummer må være nøyaktig fire sifre, for eksempel «0301».',
  'kommunenummer.UNKNOWN_COUNTY': 'Kommunenummeret begynner ikke med et gyldig fylkesnummer (2024-strukturen).',
  'kommunenummer.notFound': 'Fant ingen kommune med kommunenummer {kommunenummer}.',
  'municipality.countyNumber': 'Fylkesnummer må være to sifre, for eksempel «18», ikke «{countyNumber}».',
  'municipality.searchTooLong': 'Søketeksten kan være høyst {max} tegn.',
  'municipality.yearRange': 'Årstallet må være mellom 1900 og 2200, ikke {year}.',
  'municipality.notMemberOfCentre':
    'Kommunen {kommunenummer} er ikke medlem av krisesenteret; en overføringsrutine gjelder et senter og en av medlemskommunene.',
  // Records that are not there.
  'notFound.agreement': 'Fant ikke avtalen.',
  'notFound.amendment': 'Fant ikke endringsforslaget.',
  'notFound.amendmentOfAgreement': 'Fant ikke endringsforslaget for denne avtalen.',
  'notFound.party': 'Fant ikke parten.',
  'notFound.centre': 'Fant ikke krisesenteret.',
  'notFound.agency': 'Fant ikke etaten.',
  'notFound.contact': 'Fant ikke kontaktpersonen.',
  'notFound.user': 'Fant ikke brukeren.',
  'notFound.invitation': 'Fant ikke invitasjonen.',
  'notFound.session': 'Fant ikke økten.',
  'notFound.routine': 'Fant ikke rutinen.',
  'notFound.step': 'Fant ikke steget.',
  'notFound.charge': 'Fant ikke tilleggskostnaden.',
  'notFound.investment': 'Fant ikke investeringen.',
  'notFound.documentedMembership': 'Fant ikke den kildebelagte tilknytningen.',
  // Versions and uniqueness (CONFLICT).
  'version.missing':
    'Send med versjonen av {entity} du så (expectedVersion), så ingen andres endring blir overskrevet.',
  'version.stale':
    'Noen andre har endret {entity} etter at du åpnet den (versjon {expected}, nå {current}). Se endringene og prøv igjen.',
  'unique.centreName': 'Det finnes allerede et krisesenter med dette navnet (store og små bokstaver regnes som like).',
  'unique.centreNameExisting': 'Det finnes allerede et krisesenter som heter «{name}».',
  'unique.routine': 'Det finnes allerede en rutine for dette senteret og denne kommunen.',
  'unique.contactPoint': 'Kommunen har allerede et kontaktpunkt. Prøv igjen.',
  'unique.other': 'Det finnes allerede en slik oppføring. Last inn på nytt og prøv igjen.',
  // Agreements.
  'agreement.amendmentRequired':
    'Avtalen er i kraft. {what} endres ved et endringsforslag som de berørte partene godkjenner.',
  'agreement.validToBeforeFrom': 'Gyldig til kan ikke være før gyldig fra.',
  'agreement.supersedesSelf': 'En avtale kan ikke erstatte seg selv.',
  'agreement.supersededMissing': 'Avtalen som skal erstattes, finnes ikke.',
  'agreement.supersededOtherCentre': 'Avtalen som erstattes, må gjelde samme krisesenter.',
  'agreement.supersedesCycle': 'Versjonskjeden kan ikke gå i ring.',
  'agreement.leftBeforeJoined': 'Utmeldt dato kan ikke være før innmeldt dato.',
  'agreement.overlappingParty':
    '{municipality} er allerede part i «{title}» med dette krisesenteret i samme periode. Sett utmeldt dato der først, eller velg datoer som ikke overlapper.',
  'agreement.hostTaken': 'Avtalen har allerede en vertskommune i denne perioden.',
  'agreement.hostUnknown': 'Vertskommunen for {centre} er ikke kjent; registrer den på krisesenteret først.',
  'agreement.hostMismatch':
    'Vertskommunen for {centre} er {kommunenummer}; en annen kommune kan ikke være vertskommune i avtalen.',
  'agreement.activeNeedsDecisions':
    'En avtale med samarbeidskommuner blir aktiv når hver av dem har registrert sitt vedtak. Lag den som utkast eller under forhandling.',
  'agreement.statusTransition':
    'En avtale med status «{from}» kan ikke få status «{to}». Mulige neste steg: {allowed}.',
  'agreement.statusTransitionEnded':
    'En avtale med status «{from}» kan ikke få status «{to}». Avtalen er avsluttet; lag en ny avtale som erstatter den.',
  'agreement.decisionsMissing':
    'Avtalen blir aktiv når alle samarbeidskommunene har registrert vedtaket sitt. Mangler: {names}.',
  'agreement.endInFuture': 'En avtale kan ikke avsluttes fram i tid; gi oppsigelse i stedet.',
  'agreement.endBeforeStart': 'Avsluttet dato kan ikke være før avtalen gjaldt fra.',
  'agreement.deleteInForce':
    'Avtalen er i kraft og kan ikke slettes. Avslutt den, eller foreslå en endring som partene godkjenner.',
  'agreement.deleteSuperseded': 'Avtalen kan ikke slettes fordi en nyere avtale erstatter den: {titles}.',
  'agreement.deleteSupersededMany': 'Avtalen kan ikke slettes fordi {count} nyere avtaler erstatter den: {titles}.',
  'agreement.endedNoParties': 'Avtalen er avsluttet; parter kan ikke legges til.',
  'agreement.noticeInFuture': 'Oppsigelsen kan ikke dateres fram i tid.',
  'agreement.hostNotice': 'Vertskommunen sier ikke opp sitt eget medlemskap; den kan si opp hele avtalen.',
  'agreement.noticeNotInForce':
    'Bare en avtale som er i kraft, kan sies opp. En avtale under arbeid endres av vertskommunen.',
  'agreement.noticeAlreadyGiven': 'Kommunen sa opp medlemskapet {date}.',
  'agreement.alreadyLeft': 'Kommunen er allerede ute av avtalen.',
  'agreement.leavesTooEarly': 'Etter avtalens oppsigelsesvilkår kan medlemskapet tidligst slutte {date}.',
  'agreement.leavesBeforeNotice': 'Sluttdatoen kan ikke være før oppsigelsen.',
  'agreement.periodEnded': 'Avtaleperioden er allerede utløpt.',
  'agreement.noNoticePeriod': 'Avtalen har ingen registrert oppsigelsestid; oppgi datoen medlemskapet slutter.',
  'agreement.decisionInFuture': 'Vedtaksdatoen kan ikke være fram i tid.',
  'agreement.noDocumentedMembers': 'Ingen kildebelagte medlemmer er registrert for {centre}.',
  // Amendments.
  'amendment.notInForce':
    'Bare en avtale som er i kraft, endres ved forslag og godkjenning. En avtale under arbeid endrer vertskommunen direkte.',
  'amendment.effectivePassed': 'En endring kan ikke gjelde fra en dato som er passert.',
  'amendment.effectiveBeforeStart': 'Endringen må gjelde fra en dato etter at avtalen trådte i kraft ({date}).',
  'amendment.effectiveAfterEnd': 'Avtalen gjelder bare til {date}; en endring kan ikke gjelde fra senere.',
  'amendment.validToBeforeEffective': 'Gyldig til kan ikke være før endringen gjelder fra.',
  'amendment.alreadyParty': '{kommunenummer} er allerede part i avtalen.',
  'amendment.listedTwice': '{kommunenummer} står to ganger.',
  'amendment.notPartner': '{kommunenummer} er ikke samarbeidskommune i avtalen når endringen gjelder.',
  'amendment.joinsLater': '{kommunenummer} blir ikke med før endringen gjelder; fjern den fra utkastet i stedet.',
  'amendment.joinAndLeave': '{kommunenummer} kan ikke både bli med og gå ut.',
  'amendment.changesNothing': 'Forslaget endrer ingenting i avtalen.',
  'amendment.alreadyOpen': 'Avtalen har allerede et åpent endringsforslag. Revider eller trekk det først.',
  'amendment.closed': 'Forslaget er ikke lenger til behandling ({status}).',
  'amendment.chooseMunicipality': 'Velg hvilken kommune du svarer for.',
  // Centres, contacts, routines.
  // In use: one key per singular/plural (bokmål and English both use the singular for 1 alone).
  'centre.inUse.agreement': 'Krisesenteret kan ikke slettes fordi det har 1 avtale. Slett eller flytt dem først.',
  'centre.inUse.agreements':
    'Krisesenteret kan ikke slettes fordi det har {agreements} avtaler. Slett eller flytt dem først.',
  'centre.inUse.routine':
    'Krisesenteret kan ikke slettes fordi det har 1 overgangsrutine. Slett eller flytt dem først.',
  'centre.inUse.routines':
    'Krisesenteret kan ikke slettes fordi det har {routines} overgangsrutiner. Slett eller flytt dem først.',
  'centre.inUse.agreement.routine':
    'Krisesenteret kan ikke slettes fordi det har 1 avtale og 1 overgangsrutine. Slett eller flytt dem først.',
  'centre.inUse.agreement.routines':
    'Krisesenteret kan ikke slettes fordi det har 1 avtale og {routines} overgangsrutiner. Slett eller flytt dem først.',
  'centre.inUse.agreements.routine':
    'Krisesenteret kan ikke slettes fordi det har {agreements} avtaler og 1 overgangsrutine. Slett eller flytt dem først.',
  'centre.inUse.agreements.routines':
    'Krisesenteret kan ikke slettes fordi det har {agreements} avtaler og {routines} overgangsrutiner. Slett eller flytt dem først.',
  'contact.agencyMoved': 'En etat kan ikke flyttes til en annen kommune; opprett en ny.',
  'contact.agencyInUseOne': 'Etaten kan ikke slettes fordi den har 1 kontaktperson: {names}.',
  'contact.agencyInUse': 'Etaten kan ikke slettes fordi den har {count} kontaktpersoner: {names}.',
  'contact.inRoutinesOne':
    '{name} er koblet til 1 steg i overgangsrutiner ({steps}). Fjern koblingen først, eller marker personen som inaktiv.',
  'contact.inRoutines':
    '{name} er koblet til {count} steg i overgangsrutiner ({steps}). Fjern koblingen først, eller marker personen som inaktiv.',
  'contact.someMissing': 'Fant ikke {count} av kontaktpersonene: {ids}.',
  'contact.switchboardSourceWithoutPhone':
    'En kilde kan bare oppgis sammen med et nummer. Send uten kilde for å fjerne nummeret.',
  'routine.reviewBeforeAdopted': 'Sist gjennomgått kan ikke være før rutinen ble vedtatt.',
  'routine.contactOtherMunicipality': 'Kontaktpersonen må høre til en etat i kommunen rutinen gjelder.',
  'routine.lastStep':
    '«{title}» er rutinens eneste steg. En rutine må ha minst ett steg; legg til et nytt først, eller slett rutinen.',
  'routine.order': 'Rekkefølgen må inneholde hvert av rutinens {count} steg nøyaktig én gang.',
  'audit.chooseRecord': 'Velg en post (entity og entityId) for å se historikken; hele loggen er for administratorer.',
  // Users, sign-in and passwords.
  'user.emailTaken':
    'Det finnes allerede en bruker med e-postadressen {email}. Endre tilgangen hennes eller hans i stedet.',
  'user.emailTakenShort': 'Det finnes allerede en bruker med e-postadressen {email}.',
  'user.invitationUsed': 'Invitasjonen er allerede tatt i bruk eller trukket tilbake.',
  'user.linkInvalid': 'Lenken er ugyldig, allerede brukt eller utløpt. Be om en ny.',
  'user.setUpTotpFirst': 'Sett opp autentiseringsappen først.',
  'user.totpWrong': 'Koden stemmer ikke. Skriv inn koden autentiseringsappen viser nå.',
  'user.totpWrongShort': 'Koden stemmer ikke.',
  'user.startTotpFirst': 'Start oppsettet av autentiseringsappen først.',
  'user.lastAdmin': 'Dette er den siste aktive nasjonale administratoren. Gi en annen rollen først.',
  'user.deactivated': 'Brukeren er deaktivert. Aktiver brukeren først.',
  'user.currentPasswordWrong': 'Nåværende passord stemmer ikke.',
  'user.adminsNeedTotp': 'Nasjonale administratorer må bruke autentiseringsapp.',
  'password.tooShort': 'Passordet må ha minst {min} tegn.',
  'password.tooLong': 'Passordet kan ha høyst {max} tegn.',
  'password.tooGuessable':
    'Passordet er for lett å gjette (vanlige passord, navn, datoer, tastaturmønstre og gjentakelser avvises). Bruk gjerne flere tilfeldige ord.',
  // Role grants (packages/domain delegation.ts).
  'grant.adminUnscoped': 'En nasjonal administrator har ikke noe avgrenset område.',
  'grant.chooseMunicipality': 'Velg kommunen rollen gjelder for.',
  'grant.chooseCentre': 'Velg krisesenteret rollen gjelder for.',
  'grant.municipalityRole': 'Denne rollen gjelder en kommune, ikke et krisesenter.',
  'grant.centreRole': 'En krisesenterleder gjelder et krisesenter, ikke en kommune.',
  // Costs.
  'cost.toBeforeFrom': 'Til-året kan ikke være før fra-året.',
  'cost.maxYears': 'Velg høyst 50 år om gangen.',
  'cost.alreadyParty': '{name} er allerede part.',
  'cost.noBudget': 'Det er ikke registrert noe budsjett for {centre} i {year}.',
  'cost.noAgreement': '{centre} har ingen avtale som gjelder for {year}.',
  'cost.hostUnknown': 'Vertskommunen for {centre} er ikke kjent, så kostnadene kan ikke fordeles.',
  'cost.noModel': 'Avtalen «{title}» har ingen registrert kostnadsmodell.',
  'cost.noPopulation': 'Folketall mangler for kommune {kommunenummer}.',
  'cost.fundingAboveCost': 'Tilskuddene og de andre inntektene kan ikke være større enn driftskostnaden.',
  'cost.actualBelowFunding': 'De faktiske kostnadene kan ikke være mindre enn tilskuddene og de andre inntektene.',
  'cost.chargeNotMember':
    '{kommunenummer} er ikke medlem av {centre} i {year}; tilleggskostnader kan bare føres på medlemmer.',
  'cost.investmentNotMember': '{kommunenummer} er ikke vertskommune eller medlem av {centre} i {year}.',
  'cost.budgetNegative': 'Budsjettet må være et ikke-negativt beløp i hele øre.',
  'cost.oneHost': 'Kostnadsfordelingen trenger nøyaktig én vertskommune.',
  'cost.partyTwice': '{name} står to ganger.',
  'cost.populationInvalid': 'Folketallet for {name} må være et helt, ikke-negativt tall.',
  'cost.rateNegative': 'Prisen per innbygger må være et ikke-negativt beløp.',
  'cost.hostRateOrShare': 'Oppgi enten en egen pris per innbygger eller en egen andel for vertskommunen, ikke begge.',
  'cost.hostRateOrShareMissing':
    'Oppgi vertskommunens egen pris per innbygger (kr) eller dens andel av budsjettet (%).',
  'cost.hostShareRange': 'Vertskommunens andel må være mellom 0 og 100 %.',
  'cost.hostRateNegative': 'Vertskommunens pris per innbygger må være et ikke-negativt beløp.',
  'cost.hostAboveBudget': 'Vertskommunens beløp er større enn budsjettet.',
  'cost.noPartners': 'Uten samarbeidskommuner er det ingen som kan dekke resten av budsjettet.',
  'cost.baseNegative': 'Grunnbeløpet må være et ikke-negativt beløp.',
  'cost.basesAboveBudget': 'Grunnbeløpene ({bases}) er større enn budsjettet ({budget}).',
  'cost.shareForNonParty': 'Andel oppgitt for en kommune som ikke er part: {kommunenummer}.',
  'cost.shareEach': 'Hver part må ha en andel (0–100 %).',
  'cost.sharesTotal': 'Andelene må til sammen bli 100 %, ikke {total} %.',
  'cost.lumpSumForNonParty': 'Beløp oppgitt for en kommune som ikke er part: {kommunenummer}.',
  'cost.lumpSumHost': 'Vertskommunen betaler resten og har ikke et fast beløp.',
  'cost.lumpSumMissing': '{name} mangler et fast beløp.',
  'cost.usageWeightRange': 'Vekten for bruk må være mellom 0 og 100 %.',
  'cost.nightsNegative': 'Overnattingstall må være ikke-negative.',
  'cost.requiredRate': 'Oppgi prisen per innbygger i kroner.',
  'cost.requiredBase': 'Oppgi grunnbeløpet per kommune i kroner.',
  'cost.requiredUsageWeight': 'Oppgi hvor stor del av budsjettet som skal følge overnattingene (%).',
  'cost.requiredShares': 'Oppgi en andel for hver kommune.',
  'cost.requiredLumpSums': 'Oppgi et fast beløp for hver samarbeidskommune.',
  'cost.required': 'Oppgi {param}.',
  'cost.removeNotParty': '{kommunenummer} er ikke part i avtalen det året.',
  'cost.removeHost': 'Vertskommunen kan ikke tas ut av sin egen avtale i en simulering.',
  'cost.netBudgetNegative': 'Nettobudsjettet for {year} er negativt ({amount}); sjekk tilskuddene.',
  // Imports.
  'import.notXlsx': 'Filen kan ikke leses som et Excel-regneark (XLSX).',
  'import.noSheet': 'Regnearket har ingen ark.',
  'import.checksum': 'Filen er ikke den samme som ble forhåndsvist. Forhåndsvis den på nytt.',
  'import.empty': 'Filen er tom.',
  'import.tooLarge': 'Filen er for stor (høyst {max} tegn). Last ned bare kommunene og årene du trenger.',
  'import.rowErrorsOne': 'Filen har 1 feil; ingenting er lagret. Rett filen og forhåndsvis den på nytt.',
  'import.rowErrors': 'Filen har {count} feil; ingenting er lagret. Rett filen og forhåndsvis den på nytt.',
  // Row errors of an imported file (ImportRowError: line, column, and one of these).
  'import.missingColumns': 'Overskriftsraden mangler kolonnene {columns}.',
  'import.notKommunenummer': '«{value}» er ikke et kommunenummer (fire sifre).',
  'import.unknownKommunenummer':
    'Ukjent kommunenummer {kommunenummer} i dagens kommunestruktur (sammenslått, delt eller nytt nummer?).',
  'import.populationNoHeader':
    'Fant ikke overskriftsraden (første kolonne «region»). Last ned tabell 07459 fra SSB som CSV (semikolonseparert).',
  'import.populationNoYears': 'Fant verken en kolonne «år» eller kolonner med årstall i overskriften.',
  'import.notRegion': '«{value}» er ikke en region med kommunenummer (som «1804 Bodø»).',
  'import.notYear': '«{value}» er ikke et årstall.',
  'import.notPopulation': '«{value}» er ikke et helt, ikke-negativt folketall.',
  'import.populationTwice': '{kommunenummer} {name} har allerede et tall for {year} (linje {line}).',
  'import.noPopulation': 'Filen har ingen folketall for kommuner.',
  'import.unknownMunicipality': 'Ukjent kommunenummer {kommunenummer} ({name}) i dagens kommunestruktur.',
  'import.formerMunicipality':
    '{kommunenummer} {name} hører til en tidligere kommunestruktur (fylke {county} finnes ikke fra 2024): kommunen er slått sammen, delt eller har fått nytt nummer. Bruk tall for dagens kommuner.',
  'import.unknownAgencyKind': '«{value}» er ikke en kjent tjeneste (for eksempel NAV, Barnevern, Politi, Boligkontor).',
  'import.agencyKindMissing': 'Tjenesten mangler.',
  'import.agencyMissing': 'Navnet på tjenesten mangler.',
  'import.contactMissing': 'Kontaktpersonen mangler.',
  'import.notYesNo': '«{value}» er ikke ja eller nei.',
  'import.contactTwice': '{name} i {agency} står allerede på linje {line}.',
  'import.contactPointTwice':
    'Kommune {kommunenummer} har allerede kontaktpunktet på linje {line}; en kommune har ett kontaktpunkt.',
  'import.otherNote': '{agency} har en annen merknad på linje {line}.',
  'import.contactsOutOfScope': 'Du kan ikke endre kontakter i {municipality} ({kommunenummer}).',
  'import.centreMissing': 'Senteret mangler.',
  'import.notRole': '«{value}» er ikke en rolle (vertskommune eller samarbeidskommune).',
  'import.notDate': '«{value}» er ikke en dato (åååå-mm-dd eller dd.mm.åååå).',
  'import.leftBeforeJoined': 'Ut-datoen er før inn-datoen.',
  'import.membershipTwice': '{kommunenummer} står allerede for {centre} (linje {line}).',
  'import.unknownCentre': 'Ukjent krisesenter «{centre}».',
  'import.notHost': '{municipality} er ikke vertskommunen for {centre}.',
  'import.isHost': '{municipality} er vertskommunen for {centre}, ikke samarbeidskommune.',
  'import.centreWithoutAgreement': '{centre} har ingen avtale å registrere medlemskapet i. Opprett avtalen først.',
} as const;
export type ServerMessageKey = keyof typeof SERVER_MESSAGES;
export type MessageParams = Record<string, string | number>;

/** A message by key: what an error's messageKey and params say. */
export interface ServerMessage {
  key: ServerMessageKey;
  params: MessageParams;
}

export const msg = (key: ServerMessageKey, params: MessageParams = {}): ServerMessage => ({ key, params });

/** A label param's value in bokmål: each key (joined by «,») looked up; an unknown value as it is. */
function labelText(value: string): string {
  return value
    .split(',')
    .map((k) => (SERVER_LABELS as Record<string, string>)[k] ?? k)
    .join(', ');
}

/** The bokmål text of a message: its template with the params filled in. */
export function formatServerMessage(m: ServerMessage): string {
  return SERVER_MESSAGES[m.key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = m.params[name];
    if (value === undefined) return whole;
    return (LABEL_PARAMS as readonly string[]).includes(name) ? labelText(String(value)) : String(value);
  });
}

/** The SERVER_LABELS key of a bokmål label (labels are unique). */
export function labelKeyOf(text: ServerLabelText): ServerLabelKey {
  return (Object.keys(SERVER_LABELS) as ServerLabelKey[]).find((k) => SERVER_LABELS[k] === text)!;
}
