import { turnNotes } from './context/build-context';
import { CRISIS_REPLY, REPLY_BLOCKED } from './prompts/index';
import { classify } from './safety/classify';
import { screenReply } from './safety/screen-reply';
import type { SafetyLevel } from './safety/types';
import { suggest } from './suggest/suggest';

export interface ChatScreens {
  screenUserMessage(text: string): { level: SafetyLevel; reply?: string; systemNote?: string };
  screenReply(text: string): { level: SafetyLevel; replacement?: string };
}

export interface ChatScreensOptions {
  /** Today's diary card summary, only when the person allows it; undefined otherwise. */
  diaryToday?: () => string | undefined;
  /** Called with the level only (never the text), e.g. for the vault's audit trail. */
  onLevel?: (level: SafetyLevel, reasons: readonly string[]) => void;
}

/**
 * The two hooks the chat service calls for every message in every provider mode: the user's message is
 * classified before any provider sees it (crisis → the fixed reply, and the provider is never called);
 * each turn gets the suggested skills as a system note; every reply is screened before it is shown.
 */
export function createChatScreens(options: ChatScreensOptions = {}): ChatScreens {
  return {
    screenUserMessage: (text) => {
      const verdict = classify(text);
      options.onLevel?.(verdict.level, verdict.reasons);
      if (verdict.level === 'crisis') return { level: 'crisis', reply: CRISIS_REPLY };
      const note = turnNotes({
        suggestions: suggest(text, 3),
        diaryToday: options.diaryToday?.(),
        level: verdict.level,
      });
      return note ? { level: verdict.level, systemNote: note } : { level: verdict.level };
    },
    screenReply: (text) => {
      const r = screenReply(text);
      if (r.action === 'allow') return { level: 'none' };
      return { level: r.level, replacement: r.level === 'crisis' ? CRISIS_REPLY : REPLY_BLOCKED };
    },
  };
}
