import type { FactRecord, SourceRef } from './status';

/**
 * The dashboard's only way to the data: the public GraphQL API at /graphql, anonymously. Three
 * named operations: one per entity (the picker, every state's facts about it, optionally its
 * agreements), one per selected state (its network and leaders), and the next page of a state's
 * missions. Their cost is under the anonymous limits (test/unit/cost.test.ts weighs them).
 */

export class ApiError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
  }
}

/** Every request the page made, for the tests to count ("first view from at most two"). */
export const requestLog: string[] = [];

async function graphql<T>(operationName: string, query: string, variables: Record<string, unknown>): Promise<T> {
  requestLog.push(operationName);
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ operationName, query, variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '), body.errors[0]?.extensions?.code);
  return body.data as T;
}

const AGREEMENTS_QUERY = `query DashboardAgreements($of: ID!) {
  agreements(party: $of, first: 20) {
    id title date
    parties(first: 10) { __typename id name }
    signatories(first: 10) { person { id name } sources { id publisher title date url } }
    mediators(first: 10) { role actor { __typename id name } sources { id publisher title date url } }
    sources { id publisher title date url }
  }
}`;

export const ENTITY_QUERY = `query DashboardEntity($of: ID!, $withAgreements: Boolean!) {
  entity: country(code: $of) { code name }
  contestedStates { country { code name } }
  recognitionStatuses(of: $of, first: 300) {
    total
    items {
      country { code name isoNumeric region }
      recognition { id since sincePrecision until withdrawal inferred note sources { id publisher title date url } }
      refusal { id since inferred note sources { id publisher title date url } }
      withdrawalClaim { id since claimedBy { code name } note sources { id publisher title date url } }
    }
  }
  agreements(party: $of, first: 20) @include(if: $withAgreements) {
    id title date
    parties(first: 10) { __typename id name }
    signatories(first: 10) { person { id name } sources { id publisher title date url } }
    mediators(first: 10) { role actor { __typename id name } sources { id publisher title date url } }
    sources { id publisher title date url }
  }
}`;

export const STATE_QUERY = `query DashboardState($code: ID!) {
  country(code: $code) {
    code name
    diplomaticNetwork { rank total embassies consulates otherPosts honoraryConsulates hostStates accreditedStates }
    missions(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { ...DashboardMission } }
    hostedMissions(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { ...DashboardMission } }
  }
  leaders(of: $code, first: 100) {
    role since until untilInferred
    person { id name wikidata }
    origins
    sources { id publisher title date url }
  }
}
fragment DashboardMission on Mission {
  id wikidata type typeLabel
  sender { __typename id name }
  host { code name }
  city { name }
  location { latitude longitude }
  sources { id publisher title date url }
}`;

const MORE_LEADERS_QUERY = `query DashboardMoreLeaders($code: ID!, $offset: Int!) {
  leaders(of: $code, first: 100, offset: $offset) {
    role since until untilInferred
    person { id name wikidata }
    origins
    sources { id publisher title date url }
  }
}`;

const MORE_MISSIONS_QUERY = `query DashboardMoreMissions($code: ID!, $after: String, $hosted: Boolean!) {
  country(code: $code) {
    missions(first: 300, after: $after) @skip(if: $hosted) { totalCount pageInfo { hasNextPage endCursor } nodes { ...DashboardMission } }
    hostedMissions(first: 300, after: $after) @include(if: $hosted) { totalCount pageInfo { hasNextPage endCursor } nodes { ...DashboardMission } }
  }
}
fragment DashboardMission on Mission {
  id wikidata type typeLabel
  sender { __typename id name }
  host { code name }
  city { name }
  location { latitude longitude }
  sources { id publisher title date url }
}`;

export interface Agreement {
  id: string;
  title: string;
  date: string | null;
  parties: { __typename: string; id: string; name: string }[];
  signatories: { person: { id: string; name: string }; sources: SourceRef[] }[];
  mediators: { role: string | null; actor: { __typename: string; id: string; name: string }; sources: SourceRef[] }[];
  sources: SourceRef[];
}

export interface EntityData {
  entity: { code: string; name: string };
  contestedStates: { country: { code: string; name: string } }[];
  recognitionStatuses: { total: number; items: FactRecord[] };
  agreements?: Agreement[];
}

export type MissionType =
  | 'EMBASSY' | 'HIGH_COMMISSION' | 'APOSTOLIC_NUNCIATURE' | 'CONSULATE_GENERAL' | 'CONSULATE' | 'HONORARY_CONSULATE'
  | 'DE_FACTO_EMBASSY' | 'DE_FACTO_CONSULATE' | 'LIAISON_OFFICE' | 'INTERESTS_SECTION' | 'APOSTOLIC_DELEGATION'
  | 'PERMANENT_MISSION' | 'TRADE_OFFICE' | 'GOVERNMENT_OFFICE' | 'OTHER';

export interface Mission {
  id: string;
  wikidata: string;
  type: MissionType;
  typeLabel: string;
  sender: { __typename: string; id: string; name: string };
  host: { code: string; name: string } | null;
  city: { name: string } | null;
  location: { latitude: number; longitude: number } | null;
  sources: SourceRef[];
}

export interface MissionPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Mission[];
}

export interface Network {
  rank: number;
  total: number;
  embassies: number;
  consulates: number;
  otherPosts: number;
  honoraryConsulates: number;
  hostStates: number;
  accreditedStates: number;
}

export interface Term {
  role: string;
  since: string | null;
  until: string | null;
  untilInferred: boolean;
  person: { id: string; name: string; wikidata: string | null };
  origins: string[];
  sources: SourceRef[];
}

export interface StateData {
  country: { code: string; name: string; diplomaticNetwork: Network; missions: MissionPage; hostedMissions: MissionPage };
  leaders: Term[];
}

export function loadEntity(of: string, withAgreements: boolean): Promise<EntityData> {
  return graphql<EntityData>('DashboardEntity', ENTITY_QUERY, { of, withAgreements });
}

export async function loadAgreements(of: string): Promise<Agreement[]> {
  return (await graphql<{ agreements: Agreement[] }>('DashboardAgreements', AGREEMENTS_QUERY, { of })).agreements;
}

export function loadState(code: string): Promise<StateData> {
  return graphql<StateData>('DashboardState', STATE_QUERY, { code });
}

/** Page size of a state's missions and leaders: most states have fewer, and a query is weighed by its pages (see README, Limits). */
export const PAGE = 100;

export async function loadMoreLeaders(code: string, offset: number): Promise<Term[]> {
  return (await graphql<{ leaders: Term[] }>('DashboardMoreLeaders', MORE_LEADERS_QUERY, { code, offset })).leaders;
}

export async function loadMoreMissions(code: string, after: string, hosted: boolean): Promise<MissionPage> {
  const data = await graphql<{ country: { missions?: MissionPage; hostedMissions?: MissionPage } }>('DashboardMoreMissions', MORE_MISSIONS_QUERY, { code, after, hosted });
  return (hosted ? data.country.hostedMissions : data.country.missions)!;
}
