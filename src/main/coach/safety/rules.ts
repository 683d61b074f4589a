/**
 * The safety rules, written in plain words against normalised text (see normalize.ts). In a pattern:
 * a space is a word boundary (the text is space-padded), `…` allows up to three filler words and `……`
 * up to six. Patterns are squashed like the text, so "better off" is written as such and still matches.
 *
 * Each rule may carry modifiers that only ever LOWER its level, and only to 'concern':
 * - negatable: a directly preceding "not / never / don't (really) (want to)" makes it concern;
 * - past: a past-time marker with no present-time marker in the same sentence makes it concern;
 * - urge: talk of an "urge" without intensity words makes it concern (diary card / skills talk);
 * - thirdParty: the subject is someone else (friend, sister, he/she) → concern;
 * - unless: context that makes the phrase ordinary (shaving, oven, climbing trip) → rule ignored.
 * Nothing lowers plans/means rules except `unless`, because a stated method is risk whatever the tense.
 */
export interface RuleDef {
  readonly id: string;
  readonly level: 'crisis' | 'concern';
  readonly patterns: readonly string[];
  readonly negatable?: boolean;
  readonly past?: boolean;
  readonly urge?: boolean;
  readonly thirdParty?: boolean;
  readonly unless?: readonly string[];
}

const INTENT =
  '(want|wish|ned|going|about|ready|plan|planing|decided|trying|try|gona|wil|would|should|might|hope|deserve|longing)';

export const RULES: readonly RuleDef[] = [
  // Suicide: explicit intent or ideation.
  {
    id: 'suicide.kill-self',
    level: 'crisis',
    patterns: [
      ' (kil|kiling|kiled|kils|hang|hanging|hanged|shoot|shot|drown|poison|suffocate|gas|stab|end) myself ',
      ' (to|going to|wil|should|just|gona|ready to) of myself ',
      ' (take|taking|took|end|ending|ended) (my|my own) (life|own life) ',
      ' (comit|comiting|comited) suicide ',
    ],
    negatable: true,
    past: true,
    urge: true,
    unless: [' shot myself in the fot ', ' of myself (for|on|that) '],
  },
  {
    id: 'suicide.wish-dead',
    level: 'crisis',
    patterns: [
      ` ${INTENT} (…)?(to )?(die|be dead|dead|stop existing|not exist|cease to exist|stop living|not be alive|not be here anymore) `,
      ' (wana|want to) die ',
      ' i (…)?(do not|can not|dont) (…)?(want to )?(live|be alive|exist|go on living|keep living) (anymore|any more|like this anymore)? ',
      ' (do not|no longer|not sure i) want to (live|be alive|exist|wake up|go on|keep going|continue living) ',
      ' do not want to be here (anymore|any more|on this earth|in this world) ',
      ' tired of (being alive|living|life) ',
      ' can not stop thinking about (dying|death|suicide|kiling myself|ending it) ',
    ],
    negatable: true,
    past: true,
    unless: [
      ' die (of|from|laughing|inside|if|when|for) ',
      ' to die for ',
      ' dead (set|tired|on my fet|end|line|serious) ',
      ' want (it|this|that|them|the \\w+) dead ',
    ],
  },
  {
    id: 'suicide.mention-self',
    level: 'crisis',
    patterns: [' suicid\\w* ', ' ctb ', ' kms ', ' unaliv\\w* '],
    negatable: true,
    past: true,
    urge: true,
    thirdParty: true,
    unless: [
      ' [0-9]+ kms ',
      ' (documentary|film|movie|bok|article|podcast|prevention|awarenes|hotline|research|lecture|song|show|news|charity|novel) ',
    ],
  },
  {
    id: 'suicide.kys-self',
    level: 'crisis',
    patterns: [' i (…)?(should|wil|want to|going to|might|just|gona|am going to|ned to) (just )?kys '],
  },
  {
    id: 'suicide.attempt',
    level: 'crisis',
    patterns: [
      ' (tried|try|trying|atempt|atempted|atempting) (to )?(kil|end|suicide) ',
      ' (took|taken|take) an overdose ',
      ' i (just )?(overdosed|od) ',
      ' atempted suicide ',
    ],
    past: true,
    thirdParty: true,
  },
  // Suicide: indirect statements.
  {
    id: 'suicide.indirect',
    level: 'crisis',
    patterns: [
      ' (better|happier|easier)( off)? (…)?without me ',
      ' (better|happier|easier)( off)? if i (was|were|had|just)? ?(gone|dead|died|not here|not around|never ben born|disapeared) ',
      ' (better|happier|easier)( off)? if i (was|were) not (here|around) ',
      ' burden (…)?(much longer|for long|soon) ',
      ' (wil not|would not) be a burden ',
      ' soon i (wil not|would not) be ',
      ' (wil not|would not) be (anyones|anyone s) problem ',
      ' (wil not|would not) be (around|here) (much longer|for long|next wek|anymore) ',
      ' do not think i (wil|would) be (here|around) ',
      ' (this is|saying) godbye ',
      ' godbye (leters|leter|note|notes|mesage|mesages) ',
      ' giving away (al )?my (things|stuf|belongings|posesions) ',
      ' (sleep|asleep) forever ',
      ` (hope|wish|pray|want) (……)?(never|not|do not|wil not|would not) wake up `,
      ' disapear (forever|for god|permanently) ',
      ' (stop|end|over) (permanently|forever) ',
      ' want out (for god|of life|permanently) ',
      ' (no|any|a|not any) (point|reason) (in |to |of )?(living|live|being alive|be alive|keep living|keep going with life|go on living|going on living) ',
      ' no reason to (live|stay alive|be alive) ',
      ' nothing (left )?to live for ',
      ' not worth living ',
      ' done with (life|living|being alive) ',
      ' (soon )?it wil al be over ',
      ' (nobody|no one) would (even )?(notice|care|mis me) if i (disapeared for god|died|was gone|were gone|was dead|kiled myself) ',
      ' wish i had never ben born ',
    ],
    negatable: true,
    unless: [' over for god (and|so) ', ' exam '],
  },
  {
    id: 'suicide.end-it',
    level: 'crisis',
    patterns: [
      ' end(ing)? it al ',
      ' (want to|going to|ready to|about to|wil|just want to) end it (now |tonight |today |soon )?$',
      ' (ending|end) things $',
      ' thinking about ending things ',
    ],
    negatable: true,
    past: true,
  },
];
