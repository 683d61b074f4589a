import type { SafetyLevel } from './types';

/** Sub-kinds let the test report recall per kind (explicit statements must all be caught). */
export type SampleKind =
  'explicit' | 'indirect' | 'slang' | 'plan' | 'self-harm' | 'others' | 'concern' | 'idiom' | 'dbt' | 'everyday';

export interface SafetySample {
  readonly text: string;
  readonly level: SafetyLevel;
  readonly kind: SampleKind;
}

export const samples = (level: SafetyLevel, kind: SampleKind, texts: readonly string[]): SafetySample[] =>
  texts.map((text) => ({ text, level, kind }));
