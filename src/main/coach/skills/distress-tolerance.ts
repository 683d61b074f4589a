import type { Skill } from './types';

// Skills for getting through a crisis moment without making it worse, and for accepting what cannot change.
export const DISTRESS_TOLERANCE_SKILLS: readonly Skill[] = [
  {
    id: 'stop',
    module: 'distress-tolerance',
    name: 'STOP',
    short: 'Freeze, step back, look around, then choose what to do.',
    purpose:
      'Gives you a few seconds between a strong urge and an action, so you act on purpose instead of on impulse.',
    whenToUse:
      'The instant you feel yourself about to snap, lash out, send the text, slam the door or do something you may regret.',
    steps: [
      'Stop: freeze where you are. Do not move or speak for a moment.',
      'Take a step back: breathe out slowly and give yourself some distance, physically if you can.',
      'Observe: notice what is happening inside you and around you, and what the facts are.',
      'Proceed mindfully: ask what you want from this situation, then choose the action that gets you there.',
    ],
    practice:
      'Next time you feel a small flash of irritation today, run through the four steps in your head, even if it only takes ten seconds.',
    examples: [
      {
        situation: 'Your teenager slams the door and you feel the urge to yell.',
        usingTheSkill:
          'You freeze, breathe out, notice your clenched fists, and decide to talk in an hour when you are both calmer.',
      },
      {
        situation: 'You are about to send an angry message to your ex.',
        usingTheSkill:
          'You put the phone face down, step away, notice how hurt you are, and save the draft instead of sending it.',
      },
    ],
    tags: ['impulse', 'urge', 'react', 'snap', 'pause', 'angry', 'lash out', 'text'],
  },
  {
    id: 'pros-and-cons',
    module: 'distress-tolerance',
    name: 'Pros and Cons',
    short: 'Weigh acting on an urge against riding it out, on paper.',
    purpose:
      'Helps you see, in a calm moment, what acting on an urge really costs you, so that knowledge is ready when the urge hits.',
    whenToUse:
      'When a strong urge keeps coming back (to drink, use, quit, binge, lash out), or when you are deciding whether to tolerate a hard situation.',
    steps: [
      'Draw four boxes: the good and the bad of acting on the urge, and the good and the bad of not acting on it.',
      'Fill each box honestly, including short-term and long-term effects.',
      'Look at which choice fits the life you want.',
      'Keep the list somewhere handy and read it when the urge returns.',
    ],
    practice: 'Pick one urge you had this week and fill in the four boxes. Star the item that matters most to you.',
    examples: [
      {
        situation: 'You have the urge to drink after a stressful day.',
        usingTheSkill:
          'Your list shows short relief versus a hangover, a broken promise to yourself and a bad morning. You make tea instead.',
      },
      {
        situation: "You want to skip your sister's birthday because you are anxious.",
        usingTheSkill:
          'Seeing the long-term cost to the relationship on paper helps you decide to go for a short visit.',
      },
    ],
    tags: ['urge', 'decision', 'craving', 'drink', 'relapse', 'temptation', 'consequences'],
  },
  {
    id: 'tipp',
    module: 'distress-tolerance',
    name: 'TIPP',
    short: 'Change your body chemistry fast: cold water, hard exercise, slow breathing, muscle release.',
    purpose:
      'When emotion is so high you cannot think, working through the body is quicker than reasoning. These bring the intensity down within minutes.',
    whenToUse:
      'When you are at a 9 or 10 out of 10, panicking, raging or overwhelmed, and nothing else can get through.',
    steps: [
      'Temperature: hold cold water or an ice pack on your face and eyes for 15 to 30 seconds while holding your breath briefly (skip if you have a heart condition).',
      'Intense exercise: move hard for a few minutes (run, jumping jacks, stairs) to burn off the surge.',
      'Paced breathing: breathe out longer than you breathe in, for example in for 4, out for 6, for a couple of minutes.',
      'Paired muscle relaxation: tense a muscle group as you breathe in, let it go as you breathe out, and notice the difference.',
    ],
    practice:
      'Try two minutes of paced breathing now: in for 4 seconds, out for 6. Notice your heart rate before and after.',
    examples: [
      {
        situation: 'You are shaking with panic in the bathroom at work.',
        usingTheSkill:
          'You splash cold water on your face, then breathe in for 4 and out for 6 until your breathing slows.',
      },
      {
        situation: 'You are so furious you cannot think after a family argument.',
        usingTheSkill: 'You go for a fast ten-minute run around the block and come back able to talk.',
      },
    ],
    tags: [
      'panic',
      'overwhelmed',
      'intense',
      'cold water',
      'ice',
      'breathing',
      'exercise',
      'calm down',
      'anxiety attack',
      'rage',
    ],
  },
  {
    id: 'accepts',
    module: 'distress-tolerance',
    name: 'Wise Mind ACCEPTS',
    short: 'Distract yourself on purpose until the wave passes.',
    purpose:
      'Gives your mind something else to hold for a while, so a painful moment can pass without you acting on it.',
    whenToUse:
      'When you cannot fix the problem right now and dwelling on it is making things worse, such as late at night or while waiting.',
    steps: [
      'Activities: do something absorbing, like a game, a walk, cleaning or a show.',
      'Contributing: do something kind for someone else.',
      'Comparisons: remember a time you coped with something hard.',
      'Emotions: bring on a different feeling, with a funny video or a moving song.',
      'Pushing away: put the problem in an imaginary box on a shelf for now.',
      'Thoughts: occupy your mind, such as counting, a puzzle or naming colours around you.',
      'Sensations: give yourself a strong, safe sensation, like a cold drink or a hot shower.',
    ],
    practice:
      'Make a list of one idea for each letter that works for you, and keep it on your phone for the next hard evening.',
    examples: [
      {
        situation: 'You are waiting for medical test results and cannot stop imagining the worst.',
        usingTheSkill:
          'You put the worry "on the shelf", call a friend to ask about their week, and then do a crossword.',
      },
      {
        situation: 'You cannot sleep because you keep replaying a breakup.',
        usingTheSkill: 'You get up, hold an ice cube, then listen to a comedy podcast until you feel sleepy.',
      },
    ],
    tags: ['distract', 'distraction', 'waiting', 'rumination', 'cannot stop thinking', 'get through', 'night'],
  },
  {
    id: 'self-soothe',
    module: 'distress-tolerance',
    name: 'Self-Soothe',
    short: 'Comfort yourself through your five senses.',
    purpose:
      'Treats you with the kindness you would offer a friend, using sight, sound, smell, taste and touch to calm your body.',
    whenToUse: 'When you feel raw, lonely, sad or on edge, and you need comfort more than a solution.',
    steps: [
      'Sight: look at something you find beautiful, like the sky, a photo or a candle.',
      'Sound: play calming music or listen to rain or birdsong.',
      'Smell: use a scent you love, such as coffee, soap or lavender.',
      'Taste: slowly enjoy something, like tea, chocolate or a mint.',
      'Touch: wrap up in a soft blanket, take a warm bath or pet an animal.',
    ],
    practice: 'Put together a small "comfort kit" with one thing for each sense and keep it where you can reach it.',
    examples: [
      {
        situation: 'You come home after a day of criticism at work and feel like crying.',
        usingTheSkill:
          'You take a warm shower with a scented soap, put on soft clothes and listen to your favourite album.',
      },
      {
        situation: 'Loneliness hits on a Sunday evening.',
        usingTheSkill: 'You make hot chocolate, light a candle and wrap up in a blanket with your cat.',
      },
    ],
    tags: ['comfort', 'soothe', 'lonely', 'sad', 'senses', 'kindness', 'calm', 'cry'],
  },
  {
    id: 'improve',
    module: 'distress-tolerance',
    name: 'IMPROVE the Moment',
    short: 'Make a hard moment a little more bearable, from the inside.',
    purpose:
      'When you cannot change what is happening, you can still change how you are meeting it, one small shift at a time.',
    whenToUse:
      'During a long stretch of pain, such as illness, grief, waiting or a situation you are stuck in for now.',
    steps: [
      'Imagery: picture a safe, calm place in detail.',
      'Meaning: look for any purpose or value you can find in this pain.',
      'Prayer or opening up: turn to something larger than you, in whatever way fits your beliefs.',
      'Relaxing: loosen your body with a bath, stretching or slow breaths.',
      'One thing in the moment: give all your attention to what you are doing right now.',
      'Vacation: take a short, planned break, even five minutes.',
      'Encouragement: talk to yourself like a coach: "I can get through this."',
    ],
    practice: 'Write one kind, encouraging sentence to yourself and say it aloud three times.',
    examples: [
      {
        situation: 'You are stuck in hospital with a long recovery ahead.',
        usingTheSkill:
          'Each afternoon you imagine walking your favourite beach and remind yourself "one day at a time".',
      },
      {
        situation: 'Caring for a sick parent leaves you exhausted.',
        usingTheSkill: 'You take a ten-minute "vacation" in the garden and remind yourself why you are doing this.',
      },
    ],
    tags: ['bearable', 'endure', 'grief', 'illness', 'stuck', 'meaning', 'encouragement', 'imagery'],
  },
  {
    id: 'radical-acceptance',
    module: 'distress-tolerance',
    name: 'Radical Acceptance',
    short: 'Stop fighting what you cannot change, with your whole self.',
    purpose:
      'Fighting reality turns pain into lasting suffering. Accepting what is true, without approving of it, frees energy for what you can do.',
    whenToUse:
      'When you keep thinking "this should not have happened", "it is not fair" or "why me" about something that cannot be undone.',
    steps: [
      'Notice that you are fighting reality ("this can\'t be", "it shouldn\'t be").',
      'Remind yourself that this is what happened, and it has causes, even if you do not like them.',
      'Let your body accept too: relax your face, open your hands, breathe.',
      'Allow the sadness or disappointment that comes with accepting.',
      'Ask: "Given that this is true, what do I want to do now?"',
    ],
    practice:
      'Pick one small thing you resist, such as the rain or a delayed train, and say: "It is what it is. I can still choose my next step."',
    examples: [
      {
        situation: 'You did not get into the course you hoped for.',
        usingTheSkill:
          'After a good cry you tell yourself "this is what happened", and start looking at other routes to the same goal.',
      },
      {
        situation: 'A relationship ended and you keep replaying how it should have gone.',
        usingTheSkill: 'You let yourself grieve that it is over, and stop arguing with the past about it.',
      },
    ],
    tags: [
      'accept',
      'acceptance',
      'unfair',
      'why me',
      'cannot change',
      'grief',
      'loss',
      'reality',
      'let go',
      'breakup',
    ],
  },
  {
    id: 'turning-the-mind',
    module: 'distress-tolerance',
    name: 'Turning the Mind',
    short: 'Choose acceptance again, each time you notice you have drifted from it.',
    purpose:
      'Acceptance is rarely a one-time thing. This is the habit of turning back toward it, like taking the right fork in a road, again and again.',
    whenToUse: 'When you accepted something yesterday and today you are back to fighting it.',
    steps: [
      'Notice you have slipped back into "no, not this".',
      'Make an inner commitment to accept again, just for now.',
      'Repeat it as often as you need, with patience for yourself.',
      'Plan what you will do the next time you notice the drift.',
    ],
    practice:
      'Choose a short phrase, such as "turning toward", and say it each time you catch yourself resisting today.',
    examples: [
      {
        situation: 'Weeks after a diagnosis, you wake up angry that it is true.',
        usingTheSkill: 'You notice the anger and gently recommit: "This is my reality, and I choose to face it today."',
      },
      {
        situation: "You keep checking your ex's social media.",
        usingTheSkill: 'Each time, you notice the pull, close the app and turn back to accepting that it is over.',
      },
    ],
    tags: ['acceptance', 'again', 'recommit', 'relapse', 'fork', 'choose'],
  },
  {
    id: 'willingness',
    module: 'distress-tolerance',
    name: 'Willingness',
    short: 'Say yes to doing what the situation needs, instead of digging in your heels.',
    purpose:
      'Willfulness (refusing, sulking, giving up) keeps you stuck. Willingness means showing up and doing what works, even when it is hard.',
    whenToUse:
      'When you notice yourself refusing, shutting down, giving up or saying "whatever", especially when something needs doing.',
    steps: [
      'Notice willfulness: the "no", the crossed arms, the urge to quit or refuse.',
      'Name it without judging it: "I am feeling willful right now."',
      'Ask what the situation actually needs from you.',
      'Open your body (unclench, open hands) and take one willing step.',
    ],
    practice:
      'Think of one task you are refusing to start. Open your hands, breathe out, and do the first two minutes of it.',
    examples: [
      {
        situation: 'After a setback you want to give up on your therapy homework.',
        usingTheSkill: 'You notice the "what\'s the point" and choose to do one small part of it anyway.',
      },
      {
        situation: 'Your partner asks to talk and you want to stonewall.',
        usingTheSkill: 'You notice your crossed arms, uncross them, and say "okay, I\'m listening".',
      },
    ],
    tags: ['willful', 'refuse', 'give up', 'stubborn', 'whatever', 'shut down', 'resist'],
  },
  {
    id: 'half-smile-willing-hands',
    module: 'distress-tolerance',
    name: 'Half-Smile and Willing Hands',
    short: 'Use your face and hands to help your mind soften and accept.',
    purpose:
      'Your body and mind talk to each other. Relaxing your face and opening your hands sends a signal of acceptance back to your mind.',
    whenToUse:
      'When you feel tense, resentful or braced against something, or while thinking about someone you are angry with.',
    steps: [
      'Relax your face from the forehead down to the jaw.',
      'Let the corners of your lips turn up just slightly, a calm half-smile, not a forced grin.',
      'Drop your arms, unclench your hands and turn your palms up or out.',
      'Breathe slowly and hold this for a minute while you think about the hard thing.',
    ],
    practice:
      'Sit for one minute with a half-smile and open palms on your knees while thinking of something mildly annoying.',
    examples: [
      {
        situation: 'You are stuck in a long queue and getting irritated.',
        usingTheSkill:
          'You unclench your jaw, soften into a half-smile and let your hands hang loose, and the irritation eases.',
      },
      {
        situation: 'Thinking about a coworker who hurt you makes your whole body tense.',
        usingTheSkill:
          'You practise willing hands while picturing them, and notice the edge coming off your resentment.',
      },
    ],
    tags: ['tense', 'body', 'resentment', 'face', 'hands', 'soften', 'clenched'],
  },
];
