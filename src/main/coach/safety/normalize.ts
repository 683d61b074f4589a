/**
 * Text normalisation for the safety rules. The goal is that spelling games ("k1ll mys3lf", "diiiie",
 * "s u i c i d e", "kill my self") and common misspellings reach the same form as the plain phrase, so
 * the rules can be written once, in plain words.
 *
 * Runs of a repeated letter are squashed to one letter ("kill" → "kil", "diiie" → "die"); rule
 * patterns go through the same squash when they are compiled (see rules.ts), so they stay readable.
 */

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

// Whole-word rewrites after squashing: misspellings, contractions and chat shorthand.
const WORDS: Readonly<Record<string, string>> = {
  // suicide family (already squashed)
  sucide: 'suicide',
  suiside: 'suicide',
  suicde: 'suicide',
  sucicide: 'suicide',
  suacide: 'suicide',
  suicid: 'suicide',
  suicied: 'suicide',
  suiced: 'suicide',
  sewerslide: 'suicide',
  sewerside: 'suicide',
  suside: 'suicide',

  sucidal: 'suicidal',
  suicdal: 'suicidal',
  suisidal: 'suicidal',
  suicidle: 'suicidal',
  sucicidal: 'suicidal',
  suicidial: 'suicidal',
  sucidial: 'suicidal',
  myslef: 'myself',
  myslf: 'myself',
  mysef: 'myself',
  meself: 'myself',
  mysel: 'myself',
  myelf: 'myself',
  kil: 'kil',
  kms: 'kms',
  kys: 'kys',
  im: 'i am',
  iam: 'i am',
  ive: 'i have',
  il: 'i wil',
  id: 'i would',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  cant: 'can not',
  canot: 'can not',
  wont: 'wil not',
  wouldnt: 'would not',
  isnt: 'is not',
  wasnt: 'was not',
  werent: 'were not',
  havent: 'have not',
  hadnt: 'had not',
  shouldnt: 'should not',
  couldnt: 'could not',
  arent: 'are not',
  wana: 'want to',
  wanna: 'want to',
  gona: 'going to',
  gonna: 'going to',
  guna: 'going to',
  gunna: 'going to',
  ima: 'i am going to',
  imma: 'i am going to',
  tryna: 'trying to',
  gota: 'got to',
  gotta: 'got to',
  u: 'you',
  ur: 'your',
  r: 'are',
  rn: 'right now',
  tn: 'tonight',
  tonite: 'tonight',
  tmrw: 'tomorow',
  tmr: 'tomorow',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  abt: 'about',
  bout: 'about',
  thinkin: 'thinking',
  endin: 'ending',
  unalive: 'unalive',
  unaliving: 'unaliving',
  'un-alive': 'unalive',
  ctb: 'ctb',
  od: 'od',
  oding: 'od',
  die: 'die',
  ded: 'dead',
  wrists: 'wrist',
  selfharm: 'self harm',
  sh: 'sh',
};

/** Strips accents, folds compatibility forms, lowercases and removes zero-width and emoji noise. */
export function foldForSafety(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u200b-\u200f\u2060\ufeff]/g, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'");
}

/** Maps digits and symbols used as letters, but only inside words, so "50 pills" and "3am" survive. */
function unLeet(text: string): string {
  // Digits may end a word ("di3"); symbols only count between letters, so "hello!" keeps its "!".
  const map = (m: string): string => [...m].map((c) => LEET[c] ?? c).join('');
  return text.replace(/(?<=[a-z])[013457]+(?=[a-z]|[^a-z0-9]|$)/g, map).replace(/(?<=[a-z])[@$!|]+(?=[a-z])/g, map);
}

/** Joins letters spelled out one by one ("k i l l", "s.u.i.c.i.d.e") when there are at least three. */
function joinSpelled(text: string): string {
  return text.replace(/\b(?:[a-z][ .\-_*]){2,}[a-z]\b/g, (m) => m.replace(/[ .\-_*]/g, ''));
}

export function squash(text: string): string {
  return text.replace(/([a-z])\1+/g, '$1');
}

/**
 * The form every safety rule is matched against: folded, de-leeted, squashed, punctuation reduced to
 * single spaces (apostrophes dropped so "don't" → "dont" → "do not"), wrapped in spaces.
 */
export function normalizeForSafety(text: string): string {
  let t = foldForSafety(text);
  t = unLeet(t);
  t = t.replace(/([a-z])\*+([a-z])/g, '$1u$2'); // s*icide, k*ll
  t = joinSpelled(t);
  t = t.replace(/'/g, '');
  t = squash(t);
  t = t.replace(/[^a-z0-9]+/g, ' ');
  t = t
    .split(' ')
    .map((w) => (Object.prototype.hasOwnProperty.call(WORDS, w) ? WORDS[w] : w))
    .join(' ');
  t = t.replace(/ (want|going|ned|have|got|wana) 2 /g, ' $1 to ');
  t = t.replace(/\bmy self\b/g, 'myself').replace(/\bself harm(ed|ing)?\b/g, 'self harm$1');
  return ` ${t.replace(/\s+/g, ' ').trim()} `;
}
