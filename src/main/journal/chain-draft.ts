import { CHAIN_LINK_KINDS, chainFieldsSchema, type ChainFields } from '../../shared/api/journal';
import { SKILL_IDS, classify, screenReply } from '../coach/index';
import type { Complete } from './deps';
import { JournalError } from './errors';

/** Bump when the wording changes, so drafts can be traced to the prompt that made them. */
export const CHAIN_DRAFT_PROMPT_VERSION = 1;
const TRANSCRIPT_MAX_CHARS = 12_000;
const FIELD_MAX = 4000;
const SKILLS = new Set<string>(SKILL_IDS);

export interface DraftMessage {
  readonly role: 'user' | 'assistant' | 'system';
  readonly content: string;
}

const SYSTEM = `You help a person fill in a DBT chain analysis worksheet from a conversation they had with their skills coach.
Use only what the conversation says; leave a field as an empty string or empty list when it does not say.
Write in the person's own voice ("I..."), briefly. Do not diagnose and do not give medical advice.
Reply with ONE JSON object and nothing else, with exactly these keys:
{"title": string, "problemBehaviour": string, "promptingEvent": string, "vulnerabilityFactors": string,
 "links": [{"kind": "thought"|"feeling"|"body"|"action"|"event", "text": string}],
 "consequences": {"shortTerm": string, "longTerm": string},
 "skillPoints": [{"skillIds": [string], "text": string}],
 "repair": string}
Links are the chain from the prompting event to the problem behaviour, in order.
skillIds use these ids only: ${SKILL_IDS.join(', ')}.`;

/**
 * Builds the drafting request. Messages the safety layer rates as crisis are left out: they never
 * went to a model in chat, and they must not go to one here either.
 */
export function buildChainDraftPrompt(messages: readonly DraftMessage[]): {
  system: string;
  message: string;
  omitted: number;
} {
  let omitted = 0;
  const lines: string[] = [];
  for (const m of messages) {
    if (m.role === 'system' || !m.content.trim()) continue;
    if (m.role === 'user' && classify(m.content).level === 'crisis') {
      omitted++;
      continue;
    }
    lines.push(`${m.role === 'user' ? 'Me' : 'Coach'}: ${m.content.trim()}`);
  }
  // Keep the most recent part of a long conversation: the chain is usually discussed last.
  let transcript = lines.join('\n\n');
  if (transcript.length > TRANSCRIPT_MAX_CHARS) transcript = transcript.slice(-TRANSCRIPT_MAX_CHARS);
  if (!transcript.trim()) throw new JournalError('INVALID_INPUT', 'This conversation has nothing to draft from.');
  return {
    system: SYSTEM,
    message: `Conversation:\n"""\n${transcript}\n"""\n\nFill in the chain analysis as JSON.`,
    omitted,
  };
}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : {});
const str = (v: unknown, max = FIELD_MAX): string => (typeof v === 'string' ? v.trim().slice(0, max) : '');
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Extracts the first JSON object from a model reply (it may be wrapped in prose or a code fence). */
function extractJson(reply: string): Loose | null {
  const start = reply.indexOf('{');
  const end = reply.lastIndexOf('}');
  if (start < 0 || end <= start) return null;
  try {
    const v: unknown = JSON.parse(reply.slice(start, end + 1));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : null;
  } catch {
    return null;
  }
}

/**
 * Lenient on purpose: a small model's JSON is often half right, so keep what is usable and drop the
 * rest (unknown link kinds, unknown skill ids, empty items); the result is then validated strictly.
 */
export function parseChainDraft(reply: string): ChainFields {
  const d = extractJson(reply);
  const failed = new JournalError(
    'PROVIDER_ERROR',
    'The coach could not draft this chain analysis. Try again or fill it in yourself.',
  );
  if (!d) throw failed;
  const kinds = new Set<string>(CHAIN_LINK_KINDS);
  const consequences = obj(d.consequences);
  const draft = {
    title: str(d.title, 200),
    problemBehaviour: str(d.problemBehaviour),
    promptingEvent: str(d.promptingEvent),
    vulnerabilityFactors: str(d.vulnerabilityFactors),
    links: arr(d.links)
      .map(obj)
      .filter((l) => typeof l.kind === 'string' && kinds.has(l.kind) && str(l.text))
      .slice(0, 60)
      .map((l) => ({ kind: l.kind, text: str(l.text) })),
    consequences: { shortTerm: str(consequences.shortTerm), longTerm: str(consequences.longTerm) },
    skillPoints: arr(d.skillPoints)
      .map(obj)
      .filter((p) => str(p.text))
      .slice(0, 30)
      .map((p) => ({
        skillIds: [
          ...new Set(arr(p.skillIds).filter((id): id is string => typeof id === 'string' && SKILLS.has(id))),
        ].slice(0, 10),
        text: str(p.text),
      })),
    repair: str(d.repair),
  };
  const parsed = chainFieldsSchema.safeParse(draft);
  if (!parsed.success) throw failed;
  return parsed.data;
}

/** Prompt → completion → screened, parsed fields. The reply is screened like any coach reply. */
export async function draftChain(
  messages: readonly DraftMessage[],
  complete: Complete | undefined,
): Promise<{ fields: ChainFields; omittedMessages: number }> {
  if (!complete) throw new JournalError('UNAVAILABLE', 'Drafting with the coach is not available yet.');
  const prompt = buildChainDraftPrompt(messages);
  const reply = await complete({ system: prompt.system, message: prompt.message, maxTokens: 1200 });
  if (screenReply(reply).action === 'block') {
    throw new JournalError(
      'POLICY_DENIED',
      'The coach’s draft was held back by the safety check. Please fill it in yourself.',
    );
  }
  return { fields: parseChainDraft(reply), omittedMessages: prompt.omitted };
}
