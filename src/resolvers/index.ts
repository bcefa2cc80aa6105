import { mergeResolvers } from '@graphql-tools/merge';
import type { Resolvers } from '../generated/graphql';
import { agreementResolvers } from './agreement';
import { countryResolvers } from './country';
import { embassyResolvers } from './embassy';
import { ingestResolvers } from './ingest';
import { missionResolvers } from './mission';
import { mutationResolvers } from './mutation';
import { personResolvers } from './person';
import { recognitionResolvers } from './recognition';
import { DateScalar, PartialDateScalar } from './scalars';
import { sourceResolvers } from './source';
import { subscriptionResolvers } from './subscription';

export const resolvers = mergeResolvers([
  { Date: DateScalar, PartialDate: PartialDateScalar },
  countryResolvers,
  recognitionResolvers,
  embassyResolvers,
  missionResolvers,
  agreementResolvers,
  personResolvers,
  sourceResolvers,
  mutationResolvers,
  ingestResolvers,
  subscriptionResolvers,
]) as Resolvers;
