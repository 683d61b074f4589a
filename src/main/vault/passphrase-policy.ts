import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { PASSPHRASE_MAX_CHARS, PASSPHRASE_MIN_CHARS, type PassphraseStrength } from '../../shared/api/vault';

/**
 * Passphrase policy after NIST SP 800-63B §3.1.1.2: length 15..256 characters after Unicode NFC, no
 * composition rules, refused when it is a known common password, trivially guessable (repeats, sequences,
 * keyboard walks: zxcvbn estimates fewer than 10^10 guesses), or contains the key label. zxcvbn runs here
 * in the main process so the renderer does not ship its dictionaries.
 */
const MIN_GUESSES_LOG10 = 10;
/** Labels shorter than this are not checked: a one-letter label would forbid most sentences. */
const MIN_LABEL_CHECK = 3;

let configured = false;
function configure(): void {
  if (configured) return;
  zxcvbnOptions.setOptions({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  });
  configured = true;
}

export const normalizePassphrase = (p: string): string => p.normalize('NFC');

/** Length in Unicode code points, so an emoji counts as one character, not two UTF-16 units. */
export const charCount = (s: string): number => [...s].length;

export function assessPassphrase(passphrase: string, label?: string): PassphraseStrength {
  const nfc = normalizePassphrase(passphrase);
  const length = charCount(nfc);
  const problems: PassphraseStrength['problems'] = [];
  if (length < PASSPHRASE_MIN_CHARS) problems.push('too-short');
  if (length > PASSPHRASE_MAX_CHARS) problems.push('too-long');
  const labelNorm = label?.normalize('NFC').trim().toLocaleLowerCase() ?? '';
  if (labelNorm.length >= MIN_LABEL_CHECK && nfc.toLocaleLowerCase().includes(labelNorm))
    problems.push('contains-label');
  if (length === 0 || length > PASSPHRASE_MAX_CHARS) {
    return { score: 0, acceptable: false, problems, warning: null, suggestions: [], length };
  }
  configure();
  const result = zxcvbn(nfc, labelNorm ? [labelNorm] : []);
  const whole = result.sequence.length === 1 ? result.sequence[0] : undefined;
  if (whole?.pattern === 'dictionary' && whole.dictionaryName === 'passwords') problems.push('common');
  else if (result.guessesLog10 < MIN_GUESSES_LOG10 && length >= PASSPHRASE_MIN_CHARS) problems.push('too-guessable');
  const suggestions = [...result.feedback.suggestions];
  if (problems.length > 0 || result.score < 3)
    suggestions.unshift('Use a sentence only you would write, like a line from a song you changed.');
  return {
    score: result.score,
    acceptable: problems.length === 0,
    problems,
    warning: result.feedback.warning || null,
    suggestions: [...new Set(suggestions)].slice(0, 4),
    length,
  };
}
