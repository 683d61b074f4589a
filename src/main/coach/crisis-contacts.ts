/**
 * Crisis contacts shipped with the app, so they work offline. Checked against public service pages at
 * the time of writing; people can add their own in the safety plan. Keep numbers as dialled locally.
 */
export interface CrisisContact {
  readonly name: string;
  /** As dialled locally; may be a short code. */
  readonly number: string;
  readonly kind: 'emergency' | 'crisis-line';
  readonly ways: readonly ('call' | 'text')[];
  readonly note?: string;
}

export interface CountryContacts {
  readonly country: string;
  readonly name: string;
  readonly contacts: readonly CrisisContact[];
}

const emergency = (number: string, note?: string): CrisisContact => ({
  name: 'Emergency services',
  number,
  kind: 'emergency',
  ways: ['call'],
  ...(note ? { note } : {}),
});

const EU_112 = emergency('112', 'EU-wide emergency number');

export const CRISIS_CONTACTS: readonly CountryContacts[] = [
  {
    country: 'US',
    name: 'United States',
    contacts: [
      {
        name: '988 Suicide & Crisis Lifeline',
        number: '988',
        kind: 'crisis-line',
        ways: ['call', 'text'],
        note: 'Call or text, 24/7',
      },
      emergency('911'),
    ],
  },
  {
    country: 'CA',
    name: 'Canada',
    contacts: [
      {
        name: '9-8-8 Suicide Crisis Helpline',
        number: '988',
        kind: 'crisis-line',
        ways: ['call', 'text'],
        note: 'Call or text, 24/7',
      },
      emergency('911'),
    ],
  },
  {
    country: 'GB',
    name: 'United Kingdom',
    contacts: [
      { name: 'Samaritans', number: '116 123', kind: 'crisis-line', ways: ['call'], note: 'Free, 24/7' },
      { name: 'Shout', number: '85258', kind: 'crisis-line', ways: ['text'], note: 'Text SHOUT, 24/7' },
      emergency('999'),
    ],
  },
  {
    country: 'IE',
    name: 'Ireland',
    contacts: [
      { name: 'Samaritans', number: '116 123', kind: 'crisis-line', ways: ['call'], note: 'Free, 24/7' },
      { name: 'Text About It', number: '50808', kind: 'crisis-line', ways: ['text'], note: 'Text HELLO, 24/7' },
      emergency('112'),
      emergency('999'),
    ],
  },
  {
    country: 'AU',
    name: 'Australia',
    contacts: [
      { name: 'Lifeline', number: '13 11 14', kind: 'crisis-line', ways: ['call', 'text'], note: 'Text 0477 13 11 14' },
      emergency('000'),
    ],
  },
  {
    country: 'NZ',
    name: 'New Zealand',
    contacts: [
      {
        name: 'Need to talk? 1737',
        number: '1737',
        kind: 'crisis-line',
        ways: ['call', 'text'],
        note: 'Free call or text, 24/7',
      },
      { name: 'Lifeline Aotearoa', number: '0800 543 354', kind: 'crisis-line', ways: ['call'] },
      emergency('111'),
    ],
  },
  {
    country: 'DE',
    name: 'Germany',
    contacts: [{ name: 'TelefonSeelsorge', number: '0800 111 0 111', kind: 'crisis-line', ways: ['call'] }, EU_112],
  },
  {
    country: 'FR',
    name: 'France',
    contacts: [{ name: '3114 (prévention du suicide)', number: '3114', kind: 'crisis-line', ways: ['call'] }, EU_112],
  },
  {
    country: 'NL',
    name: 'Netherlands',
    contacts: [
      { name: '113 Zelfmoordpreventie', number: '113', kind: 'crisis-line', ways: ['call'], note: 'Or 0800 0113' },
      EU_112,
    ],
  },
  {
    country: 'ES',
    name: 'Spain',
    contacts: [{ name: 'Línea 024', number: '024', kind: 'crisis-line', ways: ['call'] }, EU_112],
  },
  { country: 'EU', name: 'Other EU country', contacts: [EU_112] },
];

const BY_COUNTRY = new Map(CRISIS_CONTACTS.map((c) => [c.country, c]));

/**
 * Contacts for an ISO 3166-1 alpha-2 code ("UK" is accepted for GB). Unknown codes fall back to the
 * EU 112 entry plus a note in the UI to add a local number, rather than showing nothing.
 */
export function getCrisisContacts(country: string): CountryContacts {
  const code = country.trim().toUpperCase();
  return BY_COUNTRY.get(code === 'UK' ? 'GB' : code) ?? (BY_COUNTRY.get('EU') as CountryContacts);
}

export const CRISIS_COUNTRIES: readonly string[] = CRISIS_CONTACTS.map((c) => c.country);
