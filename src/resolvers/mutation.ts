import { requireEditor, requireToken } from '../auth';
import type { Context } from '../context';
import { badInput, notFound } from '../errors';
import type { MutationEndRecognitionArgs, MutationRecordAgreementArgs, MutationRecordDiplomaticRelationsArgs, MutationRecordEmbassyEventArgs, MutationRecordOfficeArgs, MutationRecordNonRecognitionArgs, MutationRecordRecognitionArgs, MutationRecordSupportArgs, MutationRecordWithdrawalClaimArgs, MutationUpsertCountryArgs, MutationUpsertOrganizationArgs, MutationUpsertPersonArgs, Resolvers, SourceInput } from '../generated/graphql';
import { nameKeys, slug } from '../graph/names';
import type { Params } from '../graph/graph';
import { embassiesAsOf } from '../graph/temporal';
import { countryCode, organizationCode, page, text } from './args';

/** Everything is checked before any Cypher runs; user strings reach Cypher only as parameters. */

const MAX_NAME = 200;
const MAX_TEXT = 4_000;
const MAX_LIST = 50;

function optionalText(value: string | null | undefined, argument: string, max = MAX_TEXT): string | null {
  return value == null ? null : text(value, argument, max);
}

function names(values: readonly string[] | null | undefined, argument: string): string[] {
  const list = values ?? [];
  if (list.length > MAX_LIST) throw badInput(`${argument} takes at most ${MAX_LIST} entries; got ${list.length}.`, argument);
  return [...new Set(list.map((v) => text(v, argument, MAX_NAME)))];
}

function slugId(value: string, argument: string): string {
  if (!/^[a-z0-9][a-z0-9-]{0,79}$/.test(value)) throw badInput(`${argument} must be an id of lower-case letters, digits and dashes, such as "avdullah-hoti".`, argument);
  return value;
}

/** `id` is for internal callers (accepting a candidate cites the Source the article was stored as); clients cannot send it. */
export function source(input: SourceInput & { id?: string }) {
  const url = optionalText(input.url, 'source.url', 2_000);
  if (url !== null && !/^https?:\/\/\S+$/.test(url)) throw badInput('source.url must be an http(s) address.', 'source.url');
  return {
    id: input.id,
    publisher: text(input.publisher, 'source.publisher', MAX_NAME),
    title: text(input.title, 'source.title', 500),
    date: input.date ?? null,
    url,
  };
}

function interval(since: string | null | undefined, until: string | null | undefined): void {
  if (since && until && until <= since) throw badInput(`until (${until}) must be after since (${since}).`, 'until');
}

/** Runs one audited write; NOT_FOUND when something the write refers to is not in the graph. */
async function write(ctx: Context, mutation: string, query: string, params: Params, input: { source: SourceInput }, missing: string): Promise<string> {
  const actor = requireEditor(ctx.actor);
  const result = await ctx.repositories.writes.apply(mutation, query, params, actor.name, source(input.source));
  if (!result) throw notFound(missing);
  ctx.loaders.country.clearAll();
  ctx.loaders.person.clearAll();
  ctx.loaders.agreement.clearAll();
  return result.target;
}

async function upsertCountry(ctx: Context, input: MutationUpsertCountryArgs['input']) {
    requireEditor(ctx.actor);
    const code = countryCode(input.code, 'code');
    const name = text(input.name, 'name', MAX_NAME);
    const aliases = names(input.aliases, 'aliases');
    await write(
      ctx,
      'upsertCountry',
      'upsert-country',
      { code, name, aliases, nameKeys: nameKeys([name, ...aliases, code]), region: optionalText(input.region, 'region', 100) },
      input,
      `Country ${code} could not be written.`,
    );
    return (await ctx.loaders.country.load(code))!;
}

async function upsertOrganization(ctx: Context, input: MutationUpsertOrganizationArgs['input']) {
    requireEditor(ctx.actor);
    const code = organizationCode(input.code, 'code');
    const name = text(input.name, 'name', MAX_NAME);
    const aliases = names(input.aliases, 'aliases');
    await write(ctx, 'upsertOrganization', 'upsert-organization', { code, name, aliases, nameKeys: nameKeys([name, ...aliases, code]) }, input, `Organization ${code} could not be written.`);
    return (await ctx.repositories.countries.organizations()).find((o) => o.code === code)!;
}

async function upsertPerson(ctx: Context, input: MutationUpsertPersonArgs['input']) {
    requireEditor(ctx.actor);
    const name = text(input.name, 'name', MAX_NAME);
    const id = input.id == null ? slug(name) : slugId(input.id, 'id');
    const aliases = names(input.aliases, 'aliases');
    await write(ctx, 'upsertPerson', 'upsert-person', { id, name, aliases, nameKeys: nameKeys([name, ...aliases]) }, input, `Person ${id} could not be written.`);
    return (await ctx.loaders.person.load(id))!;
}

async function recordRecognition(ctx: Context, input: MutationRecordRecognitionArgs['input']) {
    requireEditor(ctx.actor);
    const country = countryCode(input.country, 'country');
    const recognized = countryCode(input.recognized, 'recognized');
    if (country === recognized) throw badInput('A state cannot recognize itself.', 'recognized');
    const id = `rec-${country}-${recognized}`;
    const params = { id, country, recognized, since: input.since ?? null, precision: input.sincePrecision ?? 'DAY', until: null, note: optionalText(input.note, 'note') };
    const written = await write(ctx, 'recordRecognition', 'record-recognition', params, input, `No country with code ${country} or ${recognized} in the graph.`);
    return (await ctx.loaders.country.load(recognized))!.recognizedBy.find((r) => r.id === written)!;
}

async function endRecognition(ctx: Context, input: MutationEndRecognitionArgs['input']) {
    requireEditor(ctx.actor);
    const country = countryCode(input.country, 'country');
    const recognized = countryCode(input.recognized, 'recognized');
    const id = `rec-${country}-${recognized}`;
    // the standing recognition (a renewal is rec-X-Y-<since>), else the first one on file
    const onFile = (await ctx.loaders.country.load(recognized))?.recognizedBy.filter((r) => r.id === id || r.id.startsWith(`${id}-`)) ?? [];
    const current = onFile.filter((r) => !r.until).sort((a, b) => String(b.since).localeCompare(String(a.since)))[0] ?? onFile.find((r) => r.id === id);
    if (!current) throw notFound(`${country} has no recognition of ${recognized} on record to end.`);
    interval(current.since, input.until);
    const params = { id, country, recognized, since: null, precision: null, until: input.until, note: optionalText(input.note, 'note') };
    const written = await write(ctx, 'endRecognition', 'record-recognition', params, input, `${country} has no recognition of ${recognized} on record to end.`);
    return (await ctx.loaders.country.load(recognized))!.recognizedBy.find((r) => r.id === written)!;
}

async function recordDiplomaticRelations(ctx: Context, input: MutationRecordDiplomaticRelationsArgs['input']) {
    requireEditor(ctx.actor);
    const [a, b] = [countryCode(input.a, 'a'), countryCode(input.b, 'b')].sort() as [string, string];
    if (a === b) throw badInput('Diplomatic relations need two different states.', 'b');
    interval(input.since, input.until);
    const params = { id: `dipl-${a}-${b}`, a, b, since: input.since ?? null, precision: input.sincePrecision ?? 'DAY', until: input.until ?? null, note: optionalText(input.note, 'note') };
    await write(ctx, 'recordDiplomaticRelations', 'record-diplomatic-relations', params, input, `No country with code ${a} or ${b} in the graph.`);
    return (await ctx.loaders.country.load(countryCode(input.a, 'a')))!;
}

async function recordEmbassyEvent(ctx: Context, input: MutationRecordEmbassyEventArgs['input']) {
    requireEditor(ctx.actor);
    const country = countryCode(input.country, 'country');
    const host = countryCode(input.host, 'host');
    const cityName = text(input.city, 'city', MAX_NAME);
    const cityId = slug(cityName);
    const params = {
      id: `embassy-${country}-${cityId}-${input.status}`,
      country,
      host,
      cityId,
      cityName,
      cityKeys: nameKeys([cityName]),
      status: input.status,
      date: input.date ?? null,
      precision: input.datePrecision ?? 'DAY',
      note: optionalText(input.note, 'note'),
    };
    await write(ctx, 'recordEmbassyEvent', 'record-embassy-event', params, input, `No country with code ${country} or ${host} in the graph.`);
    const events = (await ctx.loaders.country.load(country))!.embassyEvents.filter((e) => e.city.id === cityId);
    return embassiesAsOf(events, '9999-12-31')[0]!;
}

async function recordAgreement(ctx: Context, input: MutationRecordAgreementArgs['input']) {
    requireEditor(ctx.actor);
    const title = text(input.title, 'title', 500);
    const id = input.id == null ? slug(`${title} ${input.date ?? ''}`) : slugId(input.id, 'id');
    if (input.parties.length < 2 || input.parties.length > MAX_LIST) throw badInput(`parties takes 2 to ${MAX_LIST} codes.`, 'parties');
    const parties = [...new Set(input.parties.map((p) => organizationCode(p, 'parties')))];
    const signatories = (input.signatories ?? []).map((s) => ({
      person: slugId(s.person, 'signatories.person'),
      onBehalfOf: s.onBehalfOf == null ? null : countryCode(s.onBehalfOf, 'signatories.onBehalfOf'),
      role: optionalText(s.role, 'signatories.role', MAX_NAME),
      date: s.date ?? null,
    }));
    const mediators = (input.mediators ?? []).map((m) => ({
      actor: /^[A-Za-z0-9]{2,12}$/.test(m.actor) ? m.actor.toUpperCase() : slugId(m.actor, 'mediators.actor'),
      role: optionalText(m.role, 'mediators.role', MAX_NAME),
    }));
    if (signatories.length > MAX_LIST || mediators.length > MAX_LIST) throw badInput(`At most ${MAX_LIST} signatories and mediators.`, 'signatories');
    const params = {
      id,
      title,
      date: input.date ?? null,
      precision: input.datePrecision ?? 'DAY',
      kind: input.kind,
      status: input.status,
      place: optionalText(input.place, 'place', MAX_NAME),
      summary: text(input.summary, 'summary', MAX_TEXT),
      topics: names(input.topics, 'topics'),
      parties,
      signatories,
      mediators,
    };
    await write(ctx, 'recordAgreement', 'record-agreement', params, input, 'A party, signatory or mediator named is not in the graph.');
    return (await ctx.loaders.agreement.load(id))!;
}

async function recordOffice(ctx: Context, input: MutationRecordOfficeArgs['input']) {
    requireEditor(ctx.actor);
    const person = slugId(input.person, 'person');
    const country = countryCode(input.country, 'country');
    const role = text(input.role, 'role', MAX_NAME);
    interval(input.since, input.until);
    const params = {
      id: `office-${person}-${country.toLowerCase()}-${slug(role)}`,
      person,
      country,
      role,
      since: input.since ?? null,
      precision: input.sincePrecision ?? 'DAY',
      until: input.until ?? null,
      note: optionalText(input.note, 'note'),
    };
    await write(ctx, 'recordOffice', 'record-office', params, input, `No person ${person} or country ${country} in the graph.`);
    return (await ctx.loaders.person.load(person))!.offices.find((o) => o.country.code === country && o.role === role)!;
}

async function recordNonRecognition(ctx: Context, input: MutationRecordNonRecognitionArgs['input']) {
  requireEditor(ctx.actor);
  const country = countryCode(input.country, 'country');
  const recognized = countryCode(input.recognized, 'recognized');
  if (country === recognized) throw badInput('A state cannot refuse to recognize itself.', 'recognized');
  const params = { id: `nonrec-${country}-${recognized}`, country, recognized, attestedOn: input.attestedOn, note: optionalText(input.note, 'note') };
  await write(ctx, 'recordNonRecognition', 'record-non-recognition', params, input, `No country with code ${country} or ${recognized} in the graph.`);
  return (await ctx.loaders.country.load(country))!;
}

async function recordWithdrawalClaim(ctx: Context, input: MutationRecordWithdrawalClaimArgs['input']) {
  requireEditor(ctx.actor);
  const country = countryCode(input.country, 'country');
  const recognized = countryCode(input.recognized, 'recognized');
  if (country === recognized) throw badInput('A state cannot withdraw a recognition of itself.', 'recognized');
  const claimedBy = input.claimedBy == null ? null : countryCode(input.claimedBy, 'claimedBy');
  const params = { id: `withdrawal-claim-${country}-${recognized}`, country, recognized, claimedBy, since: input.since ?? null, precision: input.sincePrecision ?? 'DAY', note: optionalText(input.note, 'note') };
  await write(ctx, 'recordWithdrawalClaim', 'record-withdrawal-claim', params, input, `No country with code ${country} or ${recognized} in the graph.`);
  return (await ctx.loaders.country.load(country))!;
}

async function recordSupport(ctx: Context, input: MutationRecordSupportArgs['input']) {
  requireEditor(ctx.actor);
  const country = countryCode(input.country, 'country');
  const supported = countryCode(input.supported, 'supported');
  if (country === supported) throw badInput('A state backing itself is not a relation.', 'supported');
  const position = optionalText(input.position, 'position', MAX_NAME);
  const params = { id: `supports-${country}-${supported}${position ? `-${slug(position)}` : ''}`, country, supported, position, attestedOn: input.attestedOn, note: optionalText(input.note, 'note') };
  await write(ctx, 'recordSupport', 'record-support', params, input, `No country with code ${country} or ${supported} in the graph.`);
  return (await ctx.loaders.country.load(country))!;
}

/** The write behind each record* mutation; accepting a reviewed candidate goes through the same ones. */
export const record = { upsertCountry, upsertOrganization, upsertPerson, recordRecognition, endRecognition, recordDiplomaticRelations, recordEmbassyEvent, recordAgreement, recordOffice, recordNonRecognition, recordWithdrawalClaim, recordSupport };

export const mutationResolvers: Resolvers = {
  Mutation: {
    upsertCountry: (_, { input }, ctx) => record.upsertCountry(ctx, input),
    upsertOrganization: (_, { input }, ctx) => record.upsertOrganization(ctx, input),
    upsertPerson: (_, { input }, ctx) => record.upsertPerson(ctx, input),
    recordRecognition: (_, { input }, ctx) => record.recordRecognition(ctx, input),
    endRecognition: (_, { input }, ctx) => record.endRecognition(ctx, input),
    recordDiplomaticRelations: (_, { input }, ctx) => record.recordDiplomaticRelations(ctx, input),
    recordEmbassyEvent: (_, { input }, ctx) => record.recordEmbassyEvent(ctx, input),
    recordAgreement: (_, { input }, ctx) => record.recordAgreement(ctx, input),
    recordOffice: (_, { input }, ctx) => record.recordOffice(ctx, input),
    recordNonRecognition: (_, { input }, ctx) => record.recordNonRecognition(ctx, input),
    recordWithdrawalClaim: (_, { input }, ctx) => record.recordWithdrawalClaim(ctx, input),
    recordSupport: (_, { input }, ctx) => record.recordSupport(ctx, input),
  },
  Query: {
    history: (_, { of, first, offset }, ctx) => {
      requireToken(ctx.actor, 'The audit trail');
      return ctx.repositories.writes.history(text(of, 'of', MAX_NAME), page(first, offset));
    },
  },
};

