import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the client asked for any of `fields` directly under this field, so a query can skip
 * fetching what nobody will read. Fragments are not followed: with one present, assume yes.
 */
export function selects(info: GraphQLResolveInfo, fields: string[]): boolean {
  const asked = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((s) => s.kind !== 'Field' || fields.includes(s.name.value));
  return info.fieldNodes.some((node) => asked(node.selectionSet));
}
