// Process entry for the container image: `node --import tsx src/relay/main.ts relay serve`.
import { main } from './cli';

process.exitCode = await main(process.argv.slice(2));
