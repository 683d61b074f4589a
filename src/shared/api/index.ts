import type { z } from 'zod';
import { appMethods } from './app';
import { vaultMethods } from './vault';
import { chatMethods } from './chat';
import { modelsMethods } from './models';
import { coachMethods } from './coach';
import { historyMethods } from './history';
import { journalMethods } from './journal';
import { policyMethods } from './policy';
import { bundlesMethods } from './bundles';
import { relaySyncMethods } from './relay-sync';

export * from './errors';
export * from './events';
export * from './limits';
export * from './method';
export * from './app';
export * from './vault';
export * from './chat';
export * from './models';
export * from './coach';
export * from './history';
export * from './journal';
export * from './policy';
export * from './bundles';
export * from './relay-sync';

/**
 * The one contract between renderer and main process. Every transport (Electron IPC,
 * browser-shell WebSocket, CLI) calls exactly these methods through the one dispatcher.
 * Each domain keeps its methods in its own file and is merged here.
 */
export const methods = {
  ...appMethods,
  ...vaultMethods,
  ...modelsMethods,
  ...chatMethods,
  ...coachMethods,
  ...historyMethods,
  ...journalMethods,
  ...policyMethods,
  ...bundlesMethods,
  ...relaySyncMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.infer<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<Methods[M]['output']>;
export const METHOD_NAMES = Object.keys(methods) as MethodName[];

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
