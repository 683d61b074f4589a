export type SafetyLevel = 'none' | 'concern' | 'crisis';

export interface SafetyResult {
  readonly level: SafetyLevel;
  /** Stable rule ids (e.g. "suicide.intent"), never the user's words. */
  readonly reasons: string[];
}

export interface ReplyScreenResult {
  /** 'block' means the reply must not be shown; the caller substitutes a safe message. */
  readonly action: 'allow' | 'block';
  readonly level: SafetyLevel;
  readonly flags: string[];
}
