import { DOCUMENT, InjectionToken, inject } from '@angular/core';
import type { DbtCoachBridge } from '../../../../shared/transport';
import { WS_PATH } from '../../../../shared/transport';
import type { SocketFactory } from './websocket-transport';

/** The Electron preload bridge, or null in the browser shell. Tests provide a fake. */
export const DBT_COACH_BRIDGE = new InjectionToken<DbtCoachBridge | null>('DBT_COACH_BRIDGE', {
  providedIn: 'root',
  factory: () => inject(DOCUMENT).defaultView?.dbtCoach ?? null,
});

/** Creates the browser-shell socket. Tests provide a fake. */
export const SOCKET_FACTORY = new InjectionToken<SocketFactory>('SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => (url: string) => new WebSocket(url),
});

/** Same origin as the page, so the session cookie and the server's Origin check both apply. */
export const SOCKET_URL = new InjectionToken<string>('SOCKET_URL', {
  providedIn: 'root',
  factory: () => {
    const location = inject(DOCUMENT).location;
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${location.host}${WS_PATH}`;
  },
});
