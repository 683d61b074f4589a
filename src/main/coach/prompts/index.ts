import { COACH_SYSTEM_PROMPT_V1 } from './coach-system.v1';
import { CONCERN_INSTRUCTION_V1 } from './concern-checkin.v1';
import { CRISIS_REPLY_V1 } from './crisis-reply.v1';

/**
 * Versioned prompt texts. They are TypeScript strings rather than Markdown files so the Electron
 * bundle carries them without a file loader; the version is in the file name and recorded with a
 * conversation, so old wording stays reviewable.
 */
export const PROMPT_VERSION = 'v1';
export const COACH_SYSTEM_PROMPT = COACH_SYSTEM_PROMPT_V1;
export const CONCERN_INSTRUCTION = CONCERN_INSTRUCTION_V1;
/** Shown instead of any model text when a message is classified as crisis. */
export const CRISIS_REPLY = CRISIS_REPLY_V1;
/** Replaces a model reply the reply screen blocked (diagnosis, medication advice, therapist claims, harm). */
export const REPLY_BLOCKED =
  "I'm sorry, I can't help with that part. I'm not a therapist or a doctor, so I can't diagnose or advise on " +
  'medication. I can help you practise a DBT skill, or you could bring this to your therapist or doctor.';
