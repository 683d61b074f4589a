import type { Skill } from './types';

// Skills for asking, saying no, keeping relationships and self-respect, and changing patterns between people.
export const INTERPERSONAL_SKILLS: readonly Skill[] = [
  {
    id: 'dear-man',
    module: 'interpersonal-effectiveness',
    name: 'DEAR MAN',
    short: 'Ask for what you want, or say no, clearly and calmly.',
    purpose: 'A simple structure that makes it more likely you get what you need while staying calm and respectful.',
    whenToUse: 'When you need to make a request, set a limit, say no, or raise a problem with someone.',
    steps: [
      'Describe the situation in plain facts.',
      'Express how you feel about it, using "I" statements.',
      'Assert: ask clearly for what you want, or say no clearly.',
      'Reinforce: say what is in it for them, or thank them.',
      'Mindful: stay on your point; repeat it calmly if the conversation wanders.',
      'Appear confident: steady voice, eye contact, upright posture.',
      'Negotiate: be willing to give a little to get a little.',
    ],
    practice:
      'Write a five-line script for one small request you have been putting off, one line each for Describe, Express, Assert, Reinforce and a possible compromise.',
    examples: [
      {
        situation: 'Your roommate never does their share of the cleaning.',
        usingTheSkill:
          '"The kitchen has been left for me the past three weeks. I feel frustrated. Could we split it on a rota? It would make living together easier for both of us."',
      },
      {
        situation: 'Your manager keeps adding tasks and you are overloaded.',
        usingTheSkill:
          'You describe your current workload, say you are stretched, ask which task can wait, and offer to take the new one next week.',
      },
    ],
    tags: ['ask', 'request', 'say no', 'boundary', 'boundaries', 'assertive', 'confront', 'roommate', 'boss', 'raise'],
  },
  {
    id: 'give',
    module: 'interpersonal-effectiveness',
    name: 'GIVE',
    short: 'Keep the relationship healthy while you talk: gentle, interested, validating, easy manner.',
    purpose:
      'How you say something matters as much as what you say. These keep people close while you handle something hard.',
    whenToUse: 'When the relationship matters to you and the conversation could get tense.',
    steps: [
      'Gentle: no attacks, threats or sarcasm.',
      'Interested: listen, and let the other person finish.',
      'Validate: show you understand their side, even if you disagree.',
      'Easy manner: a little warmth or lightness, a relaxed tone.',
    ],
    practice:
      'In your next conversation, ask one follow-up question and reflect back one thing the other person feels before giving your view.',
    examples: [
      {
        situation: 'Your friend is upset that you forgot her birthday.',
        usingTheSkill: 'You listen without defending yourself, say "I can see why that hurt", and apologise warmly.',
      },
      {
        situation: 'You disagree with your dad about politics over dinner.',
        usingTheSkill: 'You keep your tone light, ask what worries him, and tell him you get why he feels strongly.',
      },
    ],
    tags: ['relationship', 'friend', 'partner', 'argument', 'fight', 'listen', 'gentle', 'keep the peace'],
  },
  {
    id: 'fast',
    module: 'interpersonal-effectiveness',
    name: 'FAST',
    short: 'Keep your self-respect: be fair, do not over-apologise, stick to your values, be truthful.',
    purpose: 'Helps you come out of a conversation still liking yourself, without giving in on what matters to you.',
    whenToUse: 'When you tend to cave, people-please, over-apologise, or bend your values to avoid conflict.',
    steps: [
      'Fair: be fair to yourself and the other person.',
      'Apologies: do not apologise for having a need, an opinion or for saying no.',
      'Stick to your values: do not give them up to be liked.',
      'Truthful: do not lie, act helpless or exaggerate.',
    ],
    practice:
      'Notice how many times you say "sorry" today. Replace one unneeded sorry with "thank you" or with nothing.',
    examples: [
      {
        situation: 'A friend pressures you to lie to cover for them.',
        usingTheSkill: 'You say kindly that you will not lie for them, without apologising for it.',
      },
      {
        situation: 'You say sorry five times while asking for a day off.',
        usingTheSkill: 'You ask again simply: "I need Friday off for an appointment", with no apology.',
      },
    ],
    tags: [
      'self-respect',
      'people pleaser',
      'people-pleasing',
      'sorry',
      'apologise',
      'values',
      'guilt',
      'cave',
      'doormat',
    ],
  },
  {
    id: 'validation',
    module: 'interpersonal-effectiveness',
    name: 'Validation',
    short: 'Let someone (or yourself) know their feelings make sense.',
    purpose:
      'Feeling understood calms people down. Validating is not agreeing; it is showing you see why someone feels the way they do.',
    whenToUse:
      'When someone is upset with you or near you, or when you are being harsh with yourself about what you feel.',
    steps: [
      'Pay attention: put the phone down and listen.',
      'Reflect back what you heard, without judging.',
      'Guess at what they might be feeling, and check whether you are right.',
      'Show how it makes sense, given their history or the situation.',
      'Treat them as an equal, not as fragile or broken. Do the same for yourself.',
    ],
    practice:
      'Say one validating sentence to yourself about a feeling you had today: "It makes sense I felt ___ because ___."',
    examples: [
      {
        situation: 'Your partner comes home furious about their commute.',
        usingTheSkill:
          'Instead of fixing it, you say "two hours in traffic after a long day, no wonder you are fed up".',
      },
      {
        situation: 'You are angry at yourself for being anxious about a party.',
        usingTheSkill: 'You tell yourself: "It makes sense I am nervous; the last party was hard."',
      },
    ],
    tags: ['understand', 'understood', 'listen', 'empathy', 'invalidated', 'self-validation', 'makes sense'],
  },
  {
    id: 'walking-the-middle-path',
    module: 'interpersonal-effectiveness',
    name: 'Walking the Middle Path',
    short: 'Look for the truth on both sides and leave the all-or-nothing thinking behind.',
    purpose:
      'Black-and-white thinking makes conflicts worse. Holding two things as true at once opens up better solutions.',
    whenToUse:
      'When you think in "always" and "never", when you feel stuck in a tug-of-war with someone, or when you swing between extremes.',
    steps: [
      'Notice extreme words: always, never, everyone, completely.',
      'Ask: what is true on the other side?',
      'Use "and" instead of "but": "I love you and I am angry with you."',
      'Look for an option that respects both sides.',
    ],
    practice: 'Take one "always" or "never" thought you had today and rewrite it as a "both...and" sentence.',
    examples: [
      {
        situation: 'You and your teenager fight constantly about curfew.',
        usingTheSkill:
          'You see both their need for freedom and your need for safety, and agree on a later curfew with a check-in text.',
      },
      {
        situation: 'After one mistake you think "I always ruin everything".',
        usingTheSkill: 'You reframe it: "I made a mistake today, and I have also done many things well."',
      },
    ],
    tags: [
      'black and white',
      'all or nothing',
      'always',
      'never',
      'extreme',
      'both',
      'compromise',
      'dialectic',
      'teenager',
    ],
  },
  {
    id: 'behavior-change',
    module: 'interpersonal-effectiveness',
    name: 'Strategies for Changing Behavior',
    short: 'Encourage the behaviour you want to see, in others and yourself, with reward rather than punishment.',
    purpose:
      'People (including you) repeat what gets rewarded. Noticing and reinforcing the good works better than criticism.',
    whenToUse: 'When you want someone (or yourself) to do more of something, or less of something, over time.',
    steps: [
      'Describe the specific behaviour you want more or less of.',
      'Reinforce the wanted behaviour soon after it happens: thanks, praise, something nice.',
      'Stop rewarding the unwanted behaviour, for example by not giving in to nagging.',
      'Be patient: change takes repetition, and things may get worse before they get better.',
    ],
    practice: 'Catch someone doing something you appreciate today and thank them specifically for it.',
    examples: [
      {
        situation: 'Your partner rarely helps with dinner.',
        usingTheSkill: 'The first time they set the table, you thank them warmly and specifically, and keep doing so.',
      },
      {
        situation: 'You want to stop scrolling in bed.',
        usingTheSkill: 'You reward each phone-free night with ten minutes of your favourite book the next morning.',
      },
    ],
    tags: ['habit', 'change', 'reward', 'reinforce', 'nagging', 'encourage', 'behaviour', 'behavior'],
  },
];
