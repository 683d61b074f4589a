import { AppError } from './errors';
import type { ChatTurn } from './provider';

export interface FitOptions {
  readonly contextSize: number;
  /** Tokens kept free for the reply. */
  readonly reserve: number;
  readonly countTokens: (text: string) => number;
  /** Template tokens around each turn (role markers); an over-estimate is safe. */
  readonly perTurnOverhead?: number;
}

export interface Fitted {
  readonly system: string;
  readonly history: ChatTurn[];
  readonly dropped: number;
}

/**
 * Makes a conversation fit the model's context: the system prompt and the current message
 * always stay, then the newest turns, and a one-line summary stands in for older ones. The
 * current message is never cut: if it cannot fit, that is CONTEXT_OVERFLOW with a reason.
 */
export function fitToContext(system: string, history: readonly ChatTurn[], message: string, o: FitOptions): Fitted {
  const overhead = o.perTurnOverhead ?? 8;
  const cost = (t: string) => o.countTokens(t) + overhead;
  const fixed = cost(system) + cost(message) + o.reserve;
  if (fixed > o.contextSize) {
    const room = Math.max(0, o.contextSize - cost(system) - o.reserve - overhead);
    throw new AppError(
      'CONTEXT_OVERFLOW',
      `This message is too long for the model's memory (about ${room} tokens fit; it needs ${o.countTokens(message)}). ` +
        'Shorten it or split it into parts.',
    );
  }
  let budget = o.contextSize - fixed;
  const kept: ChatTurn[] = [];
  let i = history.length - 1;
  for (; i >= 0; i--) {
    const turn = history[i] as ChatTurn;
    const c = cost(turn.text);
    if (c > budget) break;
    budget -= c;
    kept.unshift(turn);
  }
  const older = history.slice(0, i + 1);
  if (older.length === 0) return { system, history: kept, dropped: 0 };
  // The summary needs room too: give up the oldest kept turns until it fits.
  let summary = summarize(older, budget, o.countTokens);
  while (summary === null && kept.length > 0) {
    const gone = kept.shift() as ChatTurn;
    older.push(gone);
    budget += cost(gone.text);
    summary = summarize(older, budget, o.countTokens);
  }
  const withSummary = summary ? `${system}\n\n${summary}` : system;
  return { system: withSummary, history: kept, dropped: older.length };
}

/** An extractive summary: the opening words of older user turns, shortened until it fits the budget. */
function summarize(older: readonly ChatTurn[], budget: number, count: (t: string) => number): string | null {
  const head = `(Earlier in this conversation, ${older.length} older messages are not shown.`;
  const topics = older
    .filter((t) => t.role === 'user')
    .map((t) => t.text.replace(/\s+/g, ' ').trim().split(' ').slice(0, 8).join(' '))
    .filter(Boolean);
  for (let n = Math.min(topics.length, 6); n >= 0; n--) {
    const picked = n > 0 ? topics.slice(-n) : [];
    const line = n > 0 ? `${head} The person had mentioned: ${picked.map((t) => `"${t}…"`).join('; ')}.)` : `${head})`;
    if (count(line) + 8 <= budget) return line;
  }
  return null;
}
