import { AgreementsBetweenDocument, EmbassiesInCityDocument, NonRecognizersDocument, type NonRecognizersQuery } from '../../client/generated/graphql';
import { TestApi } from '../helpers';

/** The generated client documents run against the real server, and their result types fit the answers. */
let api: TestApi;
beforeAll(async () => {
  api = await new TestApi().start();
});
afterAll(() => api.stop());

async function run<TResult, TVariables extends Record<string, unknown>>(
  document: import('@graphql-typed-document-node/core').TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const response = await api.server.executeOperation<TResult, TVariables>({ query: document, variables }, { contextValue: api.context() });
  if (response.body.kind !== 'single' || response.body.singleResult.errors) throw new Error(JSON.stringify(response.body));
  return response.body.singleResult.data as TResult;
}

describe('the typed client documents', () => {
  it('NonRecognizers returns typed countries', async () => {
    const data: NonRecognizersQuery = await run(NonRecognizersDocument, { of: 'XK', memberOf: 'EU' });
    const codes: string[] = data.nonRecognizers.map((c) => c.code);
    expect(codes).toEqual(['CY', 'GR', 'RO', 'SK', 'ES']);
  });

  it('EmbassiesInCity and AgreementsBetween answer with their sources', async () => {
    const embassies = await run(EmbassiesInCityDocument, { city: 'Jerusalem', status: 'OPENED' });
    expect(embassies.embassies.every((e) => e.sources.length > 0)).toBe(true);
    const agreements = await run(AgreementsBetweenDocument, { between: ['RS', 'XK'] });
    expect(agreements.agreements[0]!.signatories.map((s) => s.person.name)).toEqual(['Aleksandar Vučić', 'Avdullah Hoti']);
  });
});
