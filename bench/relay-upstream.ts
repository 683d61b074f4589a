// Child process of bench/relay.ts: the fake OpenAI-compatible upstream in its own process, so it does not
// share the relay's event loop. Prints its URL as the first stdout line.
import { startFakeUpstream } from '../src/relay/testing/fake-upstream';

const up = await startFakeUpstream();
process.stdout.write(`${up.url}\n`);
process.on('SIGTERM', () => void up.close().then(() => process.exit(0)));
