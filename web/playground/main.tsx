import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';

/**
 * The offline playground: GraphiQL bundled from npm (no CDN), opened with one tab per example
 * query of the README, which the service serves at /playground/examples.json.
 */
interface Example {
  title: string;
  query: string;
}

/** GraphiQL titles a tab by its operation's name, so each example gets one made from its title. */
function named(example: Example): string {
  const name = example.title
    .replace(/[^A-Za-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  return example.query.replace(/^(query|mutation)?\s*\{/, (_, kind: string | undefined) => `${kind ?? 'query'} ${name} {`);
}

async function main(): Promise<void> {
  const examples = (await (await fetch('/playground/examples.json')).json()) as Example[];
  const fetcher = createGraphiQLFetcher({ url: '/graphql' });
  const root = createRoot(document.getElementById('playground')!);
  root.render(
    <GraphiQL
      fetcher={fetcher}
      defaultEditorToolsVisibility={false}
      defaultTabs={examples.map((e) => ({ query: `# ${e.title}\n${named(e)}` }))}
    />,
  );
}

void main();
