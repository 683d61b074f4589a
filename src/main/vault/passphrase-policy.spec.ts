import { describe, expect, it } from 'vitest';
import { assessPassphrase } from './passphrase-policy';
import { newRecoveryCode, parseRecoveryCode } from './recovery-code';

describe('passphrase policy (NIST SP 800-63B)', () => {
  it.each([
    ['fourteen chars', 'abcdefghijklmn', 'too-short'],
    ['257 chars', 'ab cd '.repeat(43).slice(0, 257), 'too-long'],
    ['a common password padded by repetition', 'passwordpassword', 'too-guessable'],
    ['a keyboard walk', 'qwertyuiopasdfgh', 'too-guessable'],
    ['the label inside', 'my clinic laptop is where I write', 'contains-label'],
  ])('refuses %s', (_n, p, problem) => {
    const r = assessPassphrase(p, 'Clinic Laptop');
    expect(r.acceptable).toBe(false);
    expect(r.problems).toContain(problem);
  });

  it('refuses a password from the common list outright', () => {
    expect(assessPassphrase('password').problems).toContain('common');
  });

  it('accepts sentences without composition rules and counts characters after NFC', () => {
    expect(assessPassphrase('my cat eats toast at midnight').acceptable).toBe(true);
    const nfd = 'ééééé ççççç ààààà'.normalize('NFD');
    expect(assessPassphrase(nfd).length).toBe(17);
    expect(assessPassphrase('🙂'.repeat(15)).length).toBe(15);
  });

  it('gives feedback and the sentence hint', () => {
    const r = assessPassphrase('aaaaaaaaaaaaaaaa');
    expect(r.warning).toBeTruthy();
    expect(r.suggestions.join(' ')).toMatch(/sentence/);
  });
});

describe('recovery code', () => {
  it('round-trips and forgives case, spaces, dashes and look-alikes', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    const bytes = parseRecoveryCode(code);
    expect(parseRecoveryCode(code.toLowerCase().replace(/-/g, ' '))).toEqual(bytes);
    expect(parseRecoveryCode('O'.repeat(32))).toEqual(parseRecoveryCode('0'.repeat(32)));
    expect(parseRecoveryCode('I'.repeat(32))).toEqual(parseRecoveryCode('L'.repeat(32)));
  });
  it.each(['', 'short', 'U'.repeat(32), '0'.repeat(33)])('refuses %j', (code) => {
    expect(() => parseRecoveryCode(code)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
