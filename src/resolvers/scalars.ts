import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';

/** The schema's Date: graphql-scalars' validated LocalDate (YYYY-MM-DD, a real calendar day), under our name. */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
});

/** YYYY-MM-DD (a real calendar day), YYYY-MM or YYYY: an article's date line, known to the day, month or year. */
export function partialDate(value: unknown): string {
  const day = (v: string) => {
    const [y, m, d] = v.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  };
  if (typeof value === 'string' && (/^\d{4}$/.test(value) || (/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) || (/^\d{4}-\d{2}-\d{2}$/.test(value) && day(value)))) return value;
  throw new GraphQLError(`PartialDate must be YYYY-MM-DD, YYYY-MM or YYYY; got ${JSON.stringify(value)}.`);
}

export const PartialDateScalar = new GraphQLScalarType<string, string>({
  name: 'PartialDate',
  description: 'A date known to the day (YYYY-MM-DD), the month (YYYY-MM) or the year (YYYY).',
  serialize: partialDate,
  parseValue: partialDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('PartialDate must be a string: YYYY-MM-DD, YYYY-MM or YYYY.', { nodes: ast });
    return partialDate(ast.value);
  },
});
