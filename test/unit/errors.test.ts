import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { formatError } from '../../src/errors';

const silent = () => undefined;

describe('errors sent to clients', () => {
  it('keep the code and message of coded errors but never a stack trace', () => {
    const error = new GraphQLError('No country with code ZZ in the graph.', { extensions: { code: 'NOT_FOUND' } });
    const formatted = formatError({ message: error.message, extensions: { code: 'NOT_FOUND', stacktrace: ['at x'] } }, error, silent);
    expect(formatted).toEqual({ message: 'No country with code ZZ in the graph.', extensions: { code: 'NOT_FOUND' } });
  });

  it('turn an unavailable database into SERVICE_UNAVAILABLE without driver internals', () => {
    const error = new Neo4jError('Could not connect to bolt://10.0.0.1:7687 (secret detail)', 'ServiceUnavailable', 'gql', 'desc');
    const formatted = formatError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error, silent);
    expect(formatted.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(formatted.message).not.toMatch(/bolt|secret/);
  });

  it('hide unexpected errors behind a generic message and log them server-side', () => {
    const logged: unknown[] = [];
    const error = new TypeError("Cannot read properties of undefined (reading 'code')");
    const formatted = formatError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error, (e) => logged.push(e));
    expect(formatted).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(logged).toEqual([error]);
  });
});
