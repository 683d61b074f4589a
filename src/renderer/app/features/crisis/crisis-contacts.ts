import type { z } from 'zod';
import type { countryContactsSchema } from '../../../../shared/api';

export type CountryContacts = z.infer<typeof countryContactsSchema>;
export type CrisisContact = CountryContacts['contacts'][number];

/** The region of the browser's language (en-GB → GB), the best offline guess at the user's country. */
export function guessCountry(languages: readonly string[] = navigator.languages ?? [navigator.language]): string {
  for (const tag of languages) {
    const region = /^[a-z]{2,3}[-_]([A-Z]{2})\b/i.exec(tag)?.[1];
    if (region) return region.toUpperCase();
  }
  return 'US';
}

/** A tel:/sms: link built only from digits and '+', so shipped data can never become another scheme. */
export function dialHref(kind: 'call' | 'text', number: string): string | null {
  const digits = number.replace(/[^\d+]/g, '');
  if (!/^\+?\d{2,15}$/.test(digits)) return null;
  return `${kind === 'call' ? 'tel' : 'sms'}:${digits}`;
}
