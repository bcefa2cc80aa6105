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

async function main(): Promise<void> {
  const examples = (await (await fetch('/playground/examples.json')).json()) as Example[];
  const fetcher = createGraphiQLFetcher({ url: '/graphql' });
  const root = createRoot(document.getElementById('playground')!);
  root.render(
    <GraphiQL
      fetcher={fetcher}
      defaultEditorToolsVisibility={false}
      defaultTabs={examples.map((e) => ({ query: `# ${e.title}\n${e.query}` }))}
    />,
  );
}

void main();
