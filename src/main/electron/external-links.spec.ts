import { describe, expect, it } from 'vitest';
import { allowedExternalUrl } from './external-links';

describe('allowedExternalUrl', () => {
  it.each([
    ['https://988lifeline.org/', 'https://988lifeline.org/'],
    ['https://www.988lifeline.org/talk-to-someone-now/', 'https://www.988lifeline.org/talk-to-someone-now/'],
    ['https://www.samaritans.org/how-we-can-help/', 'https://www.samaritans.org/how-we-can-help/'],
    ['https://findahelpline.com/countries/gb', 'https://findahelpline.com/countries/gb'],
  ])('allows the helpline link %s', (raw, expected) => {
    expect(allowedExternalUrl(raw)).toBe(expected);
  });

  it.each([
    'http://988lifeline.org/',
    'https://988lifeline.org.evil.com/',
    'https://988Iifeline.org/',
    'https://evil-988lifeline.org/',
    'https://sub.988lifeline.org/',
    'https://988lifeline.org./',
    'https://988lifeline.org:8443/',
    'https://user:pw@988lifeline.org/',
    'https://evil.com@988lifeline.org/',
    'https://988lifeline.org@evil.com/',
    'https://app.evil.com/',
    'HTTPS://988lifeline.org/',
    ' https://988lifeline.org/',
    'https://988lifeline.org/\n',
    'https:\\\\988lifeline.org\\',
    'https://xn--988lifelne-f2a.org/',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    '%6Aavascript:alert(1)',
    'java\tscript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'app://dbt-coach/index.html',
    'about:blank',
    '//988lifeline.org/',
    '',
    `https://988lifeline.org/${'a'.repeat(3000)}`,
  ])('refuses %s', (raw) => {
    expect(allowedExternalUrl(raw)).toBeNull();
  });

  it.each([null, undefined, 42, {}, ['https://988lifeline.org/']])('refuses the non-string %j', (raw) => {
    expect(allowedExternalUrl(raw)).toBeNull();
  });
});
