import { CHANGE_FLOWS } from './flows-change';
import { DISTRESS_FLOWS } from './flows-distress';
import type { PracticeFlow } from './types';

/**
 * Guided "practice now" flows as plain data: the renderer walks the steps, runs timers and breathing
 * pacers, collects fields and fills `{{key}}` placeholders in script templates. Nothing here is stored
 * unless the user saves it elsewhere.
 */
export const PRACTICE_FLOWS: readonly PracticeFlow[] = [...DISTRESS_FLOWS, ...CHANGE_FLOWS];

/** Fills `{{key}}` placeholders; missing or empty fields become "…" so the script still reads. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{([a-z0-9_-]+)\}\}/gi, (_m, key: string) => {
    const v = Object.prototype.hasOwnProperty.call(values, key) ? values[key]?.trim().replace(/[.!?]+$/, '') : '';
    return v ? v : '…';
  });
}
