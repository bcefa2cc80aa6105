import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Parts } from '../graph/repositories/parts';

/** Field names a document selects anywhere (fragments included), by the type they are selected on. */
export type Selected = ReadonlyMap<string, ReadonlySet<string>>;

// Apollo reuses one parsed document per distinct query text, so the walk runs once per query text.
const walked = new WeakMap<DocumentNode, Selected>();

export function selectedFields(schema: GraphQLSchema, document: DocumentNode): Selected {
  const cached = walked.get(document);
  if (cached) return cached;
  const selected = new Map<string, Set<string>>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType()?.name;
        if (!parent) return;
        const fields = selected.get(parent) ?? new Set<string>();
        fields.add(node.name.value);
        selected.set(parent, fields);
      },
    }),
  );
  walked.set(document, selected);
  return selected;
}

/** Types whose `sources` (or withdrawal claim) come from a record's nested facts. */
const EVIDENCE: Record<string, string[]> = {
  Recognition: ['sources', 'withdrawalClaim'],
  WithdrawalClaim: ['sources'],
  NonRecognition: ['sources'],
  Membership: ['sources'],
  Embassy: ['sources'],
  EmbassyEvent: ['sources'],
  Office: ['sources'],
  Signatory: ['sources'],
  Mediator: ['sources'],
  Mission: ['sources'],
  DiplomaticRelation: ['sources'],
};

/** Fields that, selected on any type, make the reads fetch them: 'aliases' and 'note' are the bulky ones. */
const OPTIONAL = { aliases: 'aliases', note: 'notes' } as const;

/**
 * What a read fetches for a query: the lists (GraphQL field -> record list) the document selects on
 * `type`, then 'evidence' when it selects any nested fact's sources, 'aliases' and 'notes' when it
 * selects those fields anywhere. Undefined (everything) without a selection, as for mutations, which
 * read records back for themselves.
 */
function partsOf(selected: Selected | undefined, type: string, lists: Record<string, string> = {}): Parts | undefined {
  if (!selected) return undefined;
  const fields = selected.get(type) ?? new Set<string>();
  const parts = Object.entries(lists).filter(([field]) => fields.has(field)).map(([, list]) => list);
  if (Object.entries(EVIDENCE).some(([t, names]) => names.some((n) => selected.get(t)?.has(n)))) parts.push('evidence');
  const everywhere = [...selected.values()];
  for (const [field, part] of Object.entries(OPTIONAL)) if (everywhere.some((f) => f.has(field))) parts.push(part);
  return parts;
}

/** For reads of facts without lists of their own (recognitions, embassy events, non-recognizers). */
export const factParts = (selected: Selected | undefined) => partsOf(selected, '');

export const countryParts = (selected: Selected | undefined) =>
  partsOf(selected, 'Country', {
    memberships: 'memberships',
    unMembership: 'memberships',
    statehood: 'memberships',
    sources: 'sources',
    recognizes: 'recognizes',
    recognizedBy: 'recognizedBy',
    notRecognizedBy: 'notRecognizedBy',
    embassies: 'embassyEvents',
    officials: 'officials',
    agreements: 'agreements',
  });

export const agreementParts = (selected: Selected | undefined) =>
  partsOf(selected, 'Agreement', { parties: 'parties', signatories: 'signatories', mediators: 'mediators', sources: 'sources' });

export const missionParts = (selected: Selected | undefined) => partsOf(selected, 'Mission', { accreditedTo: 'accreditations', history: 'history' });
