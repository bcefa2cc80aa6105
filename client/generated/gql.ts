/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query AgreementsBetween($between: [ID!]!) {\n  agreements(between: $between) {\n    id\n    title\n    date\n    status\n    parties {\n      id\n      name\n    }\n    signatories {\n      person {\n        name\n      }\n      onBehalfOf {\n        code\n      }\n    }\n    mediators {\n      role\n      actor {\n        __typename\n        id\n        name\n      }\n    }\n    sources {\n      publisher\n      date\n      title\n    }\n  }\n}": typeof types.AgreementsBetweenDocument,
    "query EmbassiesInCity($city: String!, $asOf: Date, $status: EmbassyStatus) {\n  embassies(city: $city, asOf: $asOf, status: $status) {\n    country {\n      code\n      name\n    }\n    status\n    since\n    sincePrecision\n    sources {\n      publisher\n      title\n      url\n    }\n  }\n}": typeof types.EmbassiesInCityDocument,
    "query NonRecognizers($of: ID!, $asOf: Date, $memberOf: ID) {\n  nonRecognizers(of: $of, asOf: $asOf, memberOf: $memberOf) {\n    code\n    name\n    region\n  }\n}\n\nquery RecognitionCounts($of: ID!, $asOf: Date) {\n  recognitionStatuses(of: $of, asOf: $asOf) {\n    total\n    counts {\n      recognizes\n      doesNotRecognize\n      withdrawalClaimed\n      unknown\n    }\n  }\n}\n\nquery RecognitionTimeline($of: ID!) {\n  recognitionTimeline(of: $of) {\n    undated\n    years {\n      year\n      recognitions\n      cumulative\n    }\n  }\n}": typeof types.NonRecognizersDocument,
};
const documents: Documents = {
    "query AgreementsBetween($between: [ID!]!) {\n  agreements(between: $between) {\n    id\n    title\n    date\n    status\n    parties {\n      id\n      name\n    }\n    signatories {\n      person {\n        name\n      }\n      onBehalfOf {\n        code\n      }\n    }\n    mediators {\n      role\n      actor {\n        __typename\n        id\n        name\n      }\n    }\n    sources {\n      publisher\n      date\n      title\n    }\n  }\n}": types.AgreementsBetweenDocument,
    "query EmbassiesInCity($city: String!, $asOf: Date, $status: EmbassyStatus) {\n  embassies(city: $city, asOf: $asOf, status: $status) {\n    country {\n      code\n      name\n    }\n    status\n    since\n    sincePrecision\n    sources {\n      publisher\n      title\n      url\n    }\n  }\n}": types.EmbassiesInCityDocument,
    "query NonRecognizers($of: ID!, $asOf: Date, $memberOf: ID) {\n  nonRecognizers(of: $of, asOf: $asOf, memberOf: $memberOf) {\n    code\n    name\n    region\n  }\n}\n\nquery RecognitionCounts($of: ID!, $asOf: Date) {\n  recognitionStatuses(of: $of, asOf: $asOf) {\n    total\n    counts {\n      recognizes\n      doesNotRecognize\n      withdrawalClaimed\n      unknown\n    }\n  }\n}\n\nquery RecognitionTimeline($of: ID!) {\n  recognitionTimeline(of: $of) {\n    undated\n    years {\n      year\n      recognitions\n      cumulative\n    }\n  }\n}": types.NonRecognizersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AgreementsBetween($between: [ID!]!) {\n  agreements(between: $between) {\n    id\n    title\n    date\n    status\n    parties {\n      id\n      name\n    }\n    signatories {\n      person {\n        name\n      }\n      onBehalfOf {\n        code\n      }\n    }\n    mediators {\n      role\n      actor {\n        __typename\n        id\n        name\n      }\n    }\n    sources {\n      publisher\n      date\n      title\n    }\n  }\n}"): (typeof documents)["query AgreementsBetween($between: [ID!]!) {\n  agreements(between: $between) {\n    id\n    title\n    date\n    status\n    parties {\n      id\n      name\n    }\n    signatories {\n      person {\n        name\n      }\n      onBehalfOf {\n        code\n      }\n    }\n    mediators {\n      role\n      actor {\n        __typename\n        id\n        name\n      }\n    }\n    sources {\n      publisher\n      date\n      title\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EmbassiesInCity($city: String!, $asOf: Date, $status: EmbassyStatus) {\n  embassies(city: $city, asOf: $asOf, status: $status) {\n    country {\n      code\n      name\n    }\n    status\n    since\n    sincePrecision\n    sources {\n      publisher\n      title\n      url\n    }\n  }\n}"): (typeof documents)["query EmbassiesInCity($city: String!, $asOf: Date, $status: EmbassyStatus) {\n  embassies(city: $city, asOf: $asOf, status: $status) {\n    country {\n      code\n      name\n    }\n    status\n    since\n    sincePrecision\n    sources {\n      publisher\n      title\n      url\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NonRecognizers($of: ID!, $asOf: Date, $memberOf: ID) {\n  nonRecognizers(of: $of, asOf: $asOf, memberOf: $memberOf) {\n    code\n    name\n    region\n  }\n}\n\nquery RecognitionCounts($of: ID!, $asOf: Date) {\n  recognitionStatuses(of: $of, asOf: $asOf) {\n    total\n    counts {\n      recognizes\n      doesNotRecognize\n      withdrawalClaimed\n      unknown\n    }\n  }\n}\n\nquery RecognitionTimeline($of: ID!) {\n  recognitionTimeline(of: $of) {\n    undated\n    years {\n      year\n      recognitions\n      cumulative\n    }\n  }\n}"): (typeof documents)["query NonRecognizers($of: ID!, $asOf: Date, $memberOf: ID) {\n  nonRecognizers(of: $of, asOf: $asOf, memberOf: $memberOf) {\n    code\n    name\n    region\n  }\n}\n\nquery RecognitionCounts($of: ID!, $asOf: Date) {\n  recognitionStatuses(of: $of, asOf: $asOf) {\n    total\n    counts {\n      recognizes\n      doesNotRecognize\n      withdrawalClaimed\n      unknown\n    }\n  }\n}\n\nquery RecognitionTimeline($of: ID!) {\n  recognitionTimeline(of: $of) {\n    undated\n    years {\n      year\n      recognitions\n      cumulative\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;