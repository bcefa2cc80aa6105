import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Limits } from '../config';

/**
 * Depth, aliases and directives, limited by graphql-armor before any resolver runs, for HTTP (Apollo)
 * and WebSocket (graphql-ws) alike; tokens are graphql-js's parser's (400 rather than 500), cost is the
 * limits plugin's.
 */
export function queryArmor(limits: Pick<Limits, 'maxDepth' | 'maxAliases'>) {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    // Its replacement text would itself tell a near miss from a random name; formatError strips suggestions instead.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}
