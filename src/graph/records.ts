import type { MissionTypeName } from './mission-types';

/**
 * What repositories return: plain objects (dates as YYYY-MM-DD strings), shaped like the GraphQL
 * types so that most fields resolve by name. A *Ref is the cheap part of an object, embedded in
 * other answers; the rest of it is loaded by id when a client asks for it.
 */

export type Precision = 'DAY' | 'MONTH' | 'YEAR';

export interface SourceRecord {
  id: string;
  publisher: string;
  date: string | null;
  /** How much of date is known; absent on sources stored before articles could be dated to a month (then DAY where date is set). */
  datePrecision?: string | null;
  title: string;
  url: string | null;
  credits: string[];
  /** Where in a data set the fact comes from (its rows' addresses); absent for a source that is one page. */
  origins?: string[] | null;
}

export interface CountryRef {
  code: string;
  name: string;
  aliases: string[];
}

export interface RecognitionRecord {
  id: string;
  country: CountryRef;
  recognized: CountryRef;
  since: string | null;
  sincePrecision: Precision | null;
  /** The end bound the "as of" rule uses; for a withdrawal the sources do not date (untilUnknown), not a date to show. */
  until: string | null;
  untilPrecision?: Precision | null;
  untilUnknown?: boolean;
  withdrawal?: 'WITHDRAWN' | 'FROZEN' | 'SUSPENDED' | null;
  inferred?: boolean;
  note: string | null;
  withdrawalClaim?: WithdrawalClaimRecord | null;
  sources: SourceRecord[];
}

export interface NonRecognitionRecord {
  id: string;
  country: CountryRef;
  since: string | null;
  sincePrecision: Precision | null;
  attestedOn: string[];
  inferred?: boolean;
  note: string | null;
  sources: SourceRecord[];
}

export interface CityRecord {
  id: string;
  name: string;
  aliases: string[];
}

export type EmbassyStatus = 'PLEDGED' | 'OPENED' | 'MOVED_BACK' | 'REOPENED' | 'PLEDGE_LAPSED' | 'DIPLOMATIC_OFFICE' | 'CLOSED';

export interface EmbassyEventRecord {
  id: string;
  status: EmbassyStatus;
  date: string | null;
  datePrecision: Precision | null;
  note: string | null;
  country: CountryRef;
  city: CityRecord;
  host: CountryRef | null;
  sources: SourceRecord[];
}

/** An embassy as it stood on a date: the latest event by then, with the whole history. */
export interface EmbassyRecord {
  country: CountryRef;
  city: CityRecord;
  host: CountryRef | null;
  status: EmbassyStatus;
  since: string | null;
  sincePrecision: Precision | null;
  note: string | null;
  sources: SourceRecord[];
  history: EmbassyEventRecord[];
}

export interface PersonRef {
  id: string;
  name: string;
  aliases: string[];
}

export interface OfficeRecord {
  person: PersonRef;
  country: CountryRef;
  role: string;
  since: string | null;
  sincePrecision: Precision | null;
  until: string | null;
  attestedOn: string[];
  note: string | null;
  sources: SourceRecord[];
  /** The end is the successor's start, not the sources' word (queries that do not say: false). */
  untilInferred?: boolean;
  /** A data set row's origins (the Wikidata item's page). */
  origins?: string[];
}

export interface AgreementRef {
  id: string;
  title: string;
  date: string | null;
  datePrecision: Precision | null;
  kind: string;
  status: string;
  place: string | null;
  summary: string;
  topics: string[];
}

/** A state, organization or person as a party or mediator. */
export interface ActorRef {
  id: string;
  code: string | null;
  name: string;
  aliases: string[];
  label: 'Country' | 'Organization' | 'Person';
}

export interface SignatoryRecord {
  person: PersonRef;
  onBehalfOf: CountryRef | null;
  role: string | null;
  date: string | null;
  sources: SourceRecord[];
}

export interface MediatorRecord {
  actor: ActorRef;
  role: string | null;
  sources: SourceRecord[];
}

export interface AgreementRecord extends AgreementRef {
  sources: SourceRecord[];
  parties: ActorRef[];
  signatories: SignatoryRecord[];
  mediators: MediatorRecord[];
}

export interface CountryRecord extends CountryRef {
  officialName: string | null;
  iso3: string | null;
  isoNumeric: string | null;
  region: string | null;
  subregion: string | null;
  demonyms: string[];
  /** Stored only where a source marks it (PARTIALLY_RECOGNIZED); the resolver derives the rest from UN membership. */
  statehood: 'PARTIALLY_RECOGNIZED' | null;
  memberships: MembershipRecord[];
  sources: SourceRecord[];
  recognizes: RecognitionRecord[];
  recognizedBy: RecognitionRecord[];
  notRecognizedBy: NonRecognitionRecord[];
  embassyEvents: EmbassyEventRecord[];
  officials: OfficeRecord[];
  agreements: AgreementRef[];
}

export interface PersonRecord extends PersonRef {
  /** The Wikidata item id, where a data set gave it. */
  wikidata?: string | null;
  sources: SourceRecord[];
  offices: OfficeRecord[];
  signed: AgreementRef[];
  mediated: AgreementRef[];
}

/** A country, agreement or person as it reaches a resolver: the full record from its own root query, or a ref. */
export type CountryParent = CountryRef & Partial<CountryRecord>;
export type AgreementParent = AgreementRef & Partial<AgreementRecord>;
export type PersonParent = PersonRef & Partial<PersonRecord>;

export type RecognitionStatus = 'RECOGNIZES' | 'DOES_NOT_RECOGNIZE' | 'WITHDRAWAL_CLAIMED' | 'UNKNOWN';

export interface WithdrawalClaimRecord {
  id: string;
  claimedBy: CountryRef;
  since: string | null;
  sincePrecision: Precision | null;
  note: string | null;
  sources: SourceRecord[];
}

export interface MembershipRecord {
  organization: ActorRef;
  status: string;
  since: string | null;
  sincePrecision: Precision | null;
  until: string | null;
  note: string | null;
  sources: SourceRecord[];
}

export interface StandingCountry extends CountryRef {
  region: string | null;
  subregion: string | null;
  isoNumeric: string | null;
}

/** Where one state stands towards another on a date; the recognition/refusal lack the parts the standing already names. */
export interface RecognitionStandingRecord {
  country: StandingCountry;
  status: RecognitionStatus;
  withdrawn: boolean;
  inferred: boolean;
  organizations: string[];
  recognition: RecognitionRecord | null;
  refusal: NonRecognitionRecord | null;
  withdrawalClaim: WithdrawalClaimRecord | null;
}

export interface RecognitionCountsRecord {
  recognizes: number;
  doesNotRecognize: number;
  withdrawalClaimed: number;
  unknown: number;
  withdrawn: number;
  inferred: number;
}

export interface RecognitionStatusPageRecord {
  total: number;
  counts: RecognitionCountsRecord;
  items: RecognitionStandingRecord[];
}

export interface ContestedStateRecord {
  country: CountryRef;
  counts: RecognitionCountsRecord;
}

export interface RecognitionChangeRecord {
  change: 'STARTED' | 'STOPPED';
  date: string | null;
  datePrecision: Precision | null;
  country: CountryRef;
  recognition: RecognitionRecord;
}

export interface RecognitionTimelineRecord {
  undated: number;
  years: { year: number; recognitions: number; cumulative: number; withdrawalClaims: number; withdrawals: number }[];
}

export interface CountryGroupRecord {
  key: string;
  count: number;
  countries: CountryRef[];
}

export interface ChangeRecord {
  id: string;
  at: string;
  actor: string;
  mutation: string;
  target: string;
  before: string | null;
  after: string;
  source: SourceRecord | null;
}

/** A mission's sender: a state, or an organization (`label`). */
export interface SenderRef {
  code: string;
  name: string;
  aliases: string[] | null;
  label?: 'Organization' | null;
}

export interface MissionRecord {
  id: string;
  type: MissionTypeName;
  typeLabel: string | null;
  address: string | null;
  website: string | null;
  created: string | null;
  latitude: number | null;
  longitude: number | null;
  distanceKm: number | null;
  otherJurisdictions: string[];
  unlistedSince: string | null;
  evidenceOfRelations: boolean;
  sender: SenderRef;
  host: CountryRef | null;
  city: CityRecord | null;
  accreditedTo: CountryRef[];
  history: EmbassyEventRecord[];
  sources: SourceRecord[];
}

/** One page of missions, with where it starts in the whole list. */
export interface MissionPageRecord {
  totalCount: number;
  skip: number;
  items: MissionRecord[];
}

export interface DiplomaticNetworkRecord {
  country: CountryRef;
  rank: number;
  total: number;
  embassies: number;
  consulates: number;
  otherPosts: number;
  honoraryConsulates: number;
  hostStates: number;
  accreditedStates: number;
}

export interface DiplomaticRelationRecord {
  id: string;
  country: CountryRef;
  since: string | null;
  sincePrecision: Precision | null;
  until: string | null;
  note: string | null;
  inferred: boolean;
  evidenceMissions: string[];
  sources: SourceRecord[];
}
