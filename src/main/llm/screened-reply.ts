import type { ReplyScreen } from './chat-types';

/** How long streamed text may wait for the reply screen: one display frame, so nobody sees the delay. */
export const SCREEN_EVERY_MS = 16;

export interface ScreenedReplyOptions {
  readonly screen?: (text: string) => ReplyScreen | Promise<ReplyScreen>;
  /** Shows a screened piece (or, when blocked, the replacement that takes the whole reply's place). */
  readonly show: (piece: { text: string; replace?: true; level?: Exclude<ReplyScreen['level'], 'none'> }) => void;
  readonly everyMs?: number;
  readonly now?: () => number;
}

/**
 * The model's reply on its way to the screen. Nothing is shown before the reply screen has seen it,
 * but a fast model (hundreds of tokens a second) must not pay a full screen of the growing reply per
 * token: pieces are gathered and screened together at most once a frame. A slow model — any real one
 * on a laptop — still has every token screened and shown as it arrives.
 */
export class ScreenedReply {
  /** What has been screened and shown so far (the replacement once blocked). */
  text = '';
  blocked = false;
  private pending = '';
  private lastScreen = Number.NEGATIVE_INFINITY;

  constructor(private readonly o: ScreenedReplyOptions) {}

  /** Adds a streamed piece. Resolves false once the reply is blocked: stop generating then. */
  async push(piece: string): Promise<boolean> {
    if (this.blocked) return false;
    this.pending += piece;
    const now = (this.o.now ?? Date.now)();
    if (now - this.lastScreen < (this.o.everyMs ?? SCREEN_EVERY_MS)) return true;
    return this.flush();
  }

  /** Screens and shows whatever is still waiting (call at the end of the stream, and on stop). */
  async flush(): Promise<boolean> {
    if (this.blocked) return false;
    if (!this.pending) return true;
    const candidate = this.text + this.pending;
    const verdict = this.o.screen ? await this.o.screen(candidate) : null;
    this.lastScreen = (this.o.now ?? Date.now)();
    if (verdict?.replacement !== undefined) {
      this.blocked = true;
      this.pending = '';
      this.text = verdict.replacement;
      const level = verdict.level;
      this.o.show({ text: this.text, replace: true, ...(level === 'none' ? {} : { level }) });
      return false;
    }
    const piece = this.pending;
    this.pending = '';
    this.text = candidate;
    this.o.show({ text: piece });
    return true;
  }
}
