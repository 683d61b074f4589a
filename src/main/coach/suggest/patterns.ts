/**
 * Suggester signals: each is a phrase pattern (over lowercased, accent-free text with single spaces)
 * and the skills it points to, with weights. Signals describe situations and feelings, not skills, so
 * one message can point to several skills and the ranking comes from their sum.
 */
export interface Signal {
  readonly id: string;
  readonly re: RegExp;
  readonly skills: Readonly<Record<string, number>>;
  /** Feelings can be negated ("not angry"); situations usually cannot. */
  readonly negatable?: boolean;
}

const s = (id: string, re: RegExp, skills: Record<string, number>, negatable = false): Signal => ({
  id,
  re,
  skills,
  negatable,
});

export const SIGNALS: readonly Signal[] = [
  s(
    'panic',
    /\b(panic\w*|can ?not breathe|cant breathe|heart is racing|shaking|hyperventilat\w*|explode|10 out of 10|ten out of ten|cannot think straight|cant think straight|calm down)\b/,
    { tipp: 3, stop: 1.5, accepts: 0.5 },
    true,
  ),
  s(
    'overwhelm',
    /\b(overwhelm\w*|too much|falling apart)\b/,
    { tipp: 2, stop: 1, 'self-soothe': 1, 'one-mindfully': 0.5 },
    true,
  ),
  s(
    'rage',
    /\b(furious|rage|livid|scream|punch|throw my phone|snap|snapped|so angry|pissed)\b/,
    { stop: 2.5, tipp: 2.5, 'opposite-action': 0.5 },
    true,
  ),
  s(
    'anger',
    /\b(angry|anger|mad at|annoyed|irritab\w*|resent\w*)\b/,
    { stop: 1, 'check-the-facts': 1, 'opposite-action': 0.8 },
    true,
  ),
  s('impulse', /\b(urge|urges|tempted|about to|want to (text|call|send|quit|tell \w+ off)|on the spot|right now)\b/, {
    stop: 2.5,
    'pros-and-cons': 1,
  }),
  s(
    'craving',
    /\b(drink|drinking|binge|craving|cigarette|smoke|use again|relapse|spend money|gamble|promised myself)\b/,
    { 'pros-and-cons': 3, stop: 1, please: 0.3 },
  ),
  s(
    'anxiety',
    /\b(anxious|anxiety|worried|worry|nervous|scared|terrified|afraid|fear)\b/,
    { 'check-the-facts': 1.5, tipp: 0.8, 'cope-ahead': 0.6, 'mindfulness-of-current-emotion': 0.6 },
    true,
  ),
  s(
    'assumption',
    /\b(must hate me|hates me|hate me|talking about me|ignoring me|going to leave me|probably|sure i am|i am sure|getting fired|assum\w*|cheating|the worst|interpretation\w*|everyone is going to|betrayed)\b/,
    { 'check-the-facts': 3, describe: 1 },
  ),
  s(
    'future-event',
    /\b(tomorrow|next (week|month)|on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|this weekend|interview|exam|dinner|wedding|party|anniversary|coming up|dread\w*|upcoming)\b/,
    { 'cope-ahead': 2.5, 'check-the-facts': 0.5 },
  ),
  s(
    'low',
    /\b(depress\w*|in bed all day|stay in bed|cancell?ing plans|don ?t want to see anyone|no energy)\b/,
    { 'opposite-action': 3, 'accumulate-positives': 1.5, 'build-mastery': 1 },
    true,
  ),
  s('avoid', /\b(avoid\w*|hide|hiding|withdraw\w*|isolat\w*|too ashamed|scared of driving)\b/, {
    'opposite-action': 3,
    'check-the-facts': 0.5,
  }),
  s(
    'shame',
    /\b(ashamed|shame|embarrass\w*|guilty|guilt)\b/,
    { 'opposite-action': 1.5, 'check-the-facts': 1.5, nonjudgmentally: 1 },
    true,
  ),
  s(
    'self-judgment',
    /\b(stupid|idiot|worthless|failure|pathetic|useless|hate myself|inner critic|calling myself|i ruin|ruin everything|mess things up|loser)\b/,
    { nonjudgmentally: 3, 'walking-the-middle-path': 0.8 },
  ),
  s(
    'all-or-nothing',
    /\b(always|never|either i|all or nothing|perfect or|everything|total failure|tug of war|black and white)\b/,
    { 'walking-the-middle-path': 1.5 },
  ),
  s(
    'loss',
    /\b(died|death|grie\w*|breakup|broke up|relationship ended|over between|divorce|diagnos\w*|chronic|lost my|passed away)\b/,
    { 'radical-acceptance': 2.5, 'self-soothe': 0.8, improve: 0.8 },
  ),
  s(
    'unfair',
    /\b(unfair|not fair|why me|why did this happen|shouldn ?t have happened|should not have happened|cannot accept|can ?t accept|cannot believe|can ?t believe|cannot change|can ?t change|never going to go away)\b/,
    { 'radical-acceptance': 3, effectively: 0.5, 'turning-the-mind': 0.5 },
  ),
  s('re-fighting', /\b(again|back and forth|fighting it|keep going back|accepted \w+ (last|yesterday))\b/, {
    'turning-the-mind': 1,
  }),
  s('accept-flip', /\b(accept\w*)\b.*\b(again|back and forth|refus\w*|fighting)\b|\b(back and forth|fighting it)\b/, {
    'turning-the-mind': 3,
  }),
  s(
    'willful',
    /\b(whatever|don ?t care anymore|refuse|refusing|what is the point|whats the point|give up|not doing)\b/,
    { willingness: 3 },
  ),
  s('tension', /\b(tense|clench\w*|resentment|braced|tight jaw|whole body is tense)\b/, {
    'half-smile-willing-hands': 3,
    tipp: 0.5,
  }),
  s(
    'rumination',
    /\b(can ?not stop thinking|can ?t stop thinking|keeps? replaying|ruminat\w*|going to the worst|mind keeps|over and over)\b/,
    { accepts: 2.5, 'one-mindfully': 1.5, observe: 0.5 },
  ),
  s('waiting-night', /\b(waiting|2am|3am|at night|tonight|this evening|can ?t sleep|cannot sleep|get through)\b/, {
    accepts: 1.5,
    'self-soothe': 0.8,
    improve: 0.5,
  }),
  s(
    'comfort',
    /\b(lonely|loneliness|comfort|raw|fragile|cry|crying|sad|terrible day|sunday evening\w*)\b/,
    { 'self-soothe': 2.5, 'accumulate-positives': 0.5 },
    true,
  ),
  s('endure', /\b(hospital|endless|for weeks|wearing me down|caring for|meaning|stuck in|another year)\b/, {
    improve: 2.5,
    'radical-acceptance': 1,
  }),
  s(
    'confused-feeling',
    /\b(don ?t know what i ?m feeling|dont know what i am feeling|do not know what i am feeling|just feel bad|numb|confused about my emotions|cannot tell|can ?t tell|out of nowhere|don ?t understand them|do not know why|don ?t know why)\b/,
    { 'name-emotions': 3, observe: 0.8 },
  ),
  s('half-smile', /\b(half[ -]smile|willing hands)\b/, { 'half-smile-willing-hands': 10 }),
  s('suppress', /\b(push it away|trying not to feel|fight it all the time|wave of|hit me|sit with)\b/, {
    'mindfulness-of-current-emotion': 3,
  }),
  s(
    'ask',
    /\b(ask (my|for|him|her|them)|how do i ask|need to ask|raise it|bring it up|set a boundary|boundar\w*|say no|tell my partner|request|second opinion)\b/,
    { 'dear-man': 3, fast: 0.8, 'cope-ahead': 0.3 },
  ),
  s(
    'self-respect',
    /\b(apologi[sz]e\w*|people pleas\w*|give in|giving in|lose myself|lie for|self-respect|self respect|doormat|guilty for saying no)\b/,
    { fast: 3, 'dear-man': 1 },
  ),
  s(
    'relationship',
    /\b(friendship|upset with me|angry at me|keep fighting|without it blowing up|make it right|listen to my|lecturing|partner|girlfriend|boyfriend|sister|mother|mom|mum)\b/,
    { give: 1.8, validation: 1, 'dear-man': 0.8 },
  ),
  s(
    'support-other',
    /\b(support (him|her|them)|came home stressed|nobody understands|invalidated|feelings are wrong|validate|silly for being upset)\b/,
    { validation: 3, give: 1 },
  ),
  s('habit', /\b(habit|help more|tantrum\w*|keep giving in|scrolling|nagging)\b/, { 'behavior-change': 3 }),
  s(
    'body',
    /\b(sleep\w*|tired|exhausted|hungover|hungry|skip meals|eaten|eating|sick|ill|exercis\w*|drinking more)\b/,
    { please: 2.2 },
  ),
  s(
    'problem',
    /\b(bills|money|deadline|too much work|landlord|neighbou?rs|noisy|broke down|fix|where to start|rent|debt)\b/,
    { 'problem-solving': 3, 'one-mindfully': 0.3 },
  ),
  s('no-joy', /\b(flat|bored|empty|no joy|more joy|enjoyed|fun|nothing to look forward)\b/, {
    'accumulate-positives': 3,
  }),
  s('helpless', /\b(useless|helpless|incompetent|confidence|rock bottom|lost my job|capable)\b/, {
    'build-mastery': 3,
  }),
  s('decision', /\b(decide|decision|torn|whether to|head says|heart says|autopilot|should i)\b/, {
    'wise-mind': 3,
    'pros-and-cons': 1.5,
  }),
  s('racing', /\b(racing|cannot settle|can ?t settle|present|notice|noticing)\b/, {
    observe: 2.5,
    'one-mindfully': 0.5,
  }),
  s('story', /\b(telling myself a story|story|facts from|interpretations?)\b/, { describe: 3, 'check-the-facts': 1 }),
  s(
    'disconnected',
    /\b(self-conscious|self conscious|disconnected|watching from outside|never join|join in|stand at the edge|how i look)\b/,
    { participate: 3 },
  ),
  s('scattered', /\b(to-do list|to do list|distracted|multitask\w*|scattered|cannot start|can ?t start|focus)\b/, {
    'one-mindfully': 3,
  }),
  s('fairness', /\b(not fair that|prove \w+ wrong|tell them off|even if it costs|be right|rude)\b/, { effectively: 3 }),
];
