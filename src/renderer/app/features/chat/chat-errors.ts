import type { ApiError } from '../../../../shared/api';

/** Calm words for failures; codes the person can act on get a hint. */
export function errorText(e: ApiError): string {
  switch (e.code) {
    case 'UNAVAILABLE':
      return `${e.message} You can import a model in Settings → Models or choose another provider.`;
    case 'BUSY':
      return 'A reply is still being written. Stop it or wait a moment.';
    case 'LOCKED':
      return 'Unlock your vault to chat.';
    case 'OFFLINE':
      return 'Offline mode is on, so nothing can leave this computer. Switch it off in Settings → Privacy to use a server.';
    default:
      return e.message;
  }
}
