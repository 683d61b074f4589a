import { APP_VERSION } from '../../platform/index';
import type { AppContext } from '../app-context';
import type { Handlers } from '../dispatcher';

type AppHandlers = Pick<Handlers, 'app.info' | 'app.ping'>;

export function createAppHandlers(ctx: AppContext): AppHandlers {
  return {
    'app.info': async (_input, call) => ({
      name: 'DBT Coach',
      version: APP_VERSION,
      transport: call.transport,
      platform: ctx.platform,
    }),
    'app.ping': async ({ echo }) => ({ echo }),
  };
}
