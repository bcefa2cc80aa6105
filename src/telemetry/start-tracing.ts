import { readTraceSettings } from './trace-settings';
import { startTracing, type Tracing } from './tracing';

/**
 * Imported by src/index.ts before any other module, so that `http` and `graphql` are patched when
 * the service first requires them. Settings that do not validate start no tracing here: src/index.ts
 * reports them when it reads the configuration.
 */
const settings = readTraceSettings(process.env);

export const tracing: Tracing | undefined = settings ? startTracing(settings) : undefined;
