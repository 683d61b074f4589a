import type { Skill } from './types';

// Skills for understanding feelings, changing the ones that do not fit, and becoming less vulnerable to them.
export const EMOTION_REGULATION_SKILLS: readonly Skill[] = [
  {
    id: 'name-emotions',
    module: 'emotion-regulation',
    name: 'Understanding and Naming Emotions',
    short: 'Work out what you are feeling, what set it off, and what it is urging you to do.',
    purpose:
      'A feeling you can name is easier to handle. Knowing what emotions do for you also makes them less frightening.',
    whenToUse:
      'When you feel "bad" or "off" but cannot say how, when feelings seem to come from nowhere, or when several are tangled together.',
    steps: [
      'Notice what happened just before the feeling started.',
      'Notice how you read that event: what you told yourself about it.',
      'Notice your body: tightness, heat, heaviness, energy.',
      'Notice the urge: to hide, attack, cry, run, reach out.',
      'Put a name to it (sad, ashamed, jealous, scared, angry, guilty, lonely) and rate how strong it is from 0 to 10.',
    ],
    practice:
      'Three times today, stop and finish the sentence: "Right now I feel ___, about a ___ out of 10, and it makes me want to ___."',
    examples: [
      {
        situation: 'You feel awful after lunch with friends but do not know why.',
        usingTheSkill:
          'You trace it back to a joke about your job, notice heat in your face and an urge to hide, and name it: embarrassment, 6 out of 10.',
      },
      {
        situation: 'You snap at your partner over dishes.',
        usingTheSkill: 'Looking closer, you notice it is not really anger but hurt that they forgot your news earlier.',
      },
    ],
    tags: ['feelings', 'emotion', 'confused', 'numb', 'what am i feeling', 'label', 'identify'],
  },
  {
    id: 'check-the-facts',
    module: 'emotion-regulation',
    name: 'Check the Facts',
    short: 'Ask whether your feeling, and how strong it is, fits what actually happened.',
    purpose:
      'Many painful feelings are driven by guesses and worst-case thinking. Checking the facts can shrink a feeling, or confirm that it makes sense.',
    whenToUse:
      'When you are assuming what others think, expecting disaster, or your reaction feels bigger than the event.',
    steps: [
      'Name the emotion and how strong it is.',
      'Describe the event that set it off, sticking to what a camera would record.',
      'List your interpretations and assumptions; think of other possible explanations.',
      'Ask: is there a real threat here, and how likely is it? What is the worst that could realistically happen, and could I cope?',
      'Ask: does my feeling, and its strength, fit the facts? If not, what would?',
    ],
    practice:
      'Take one worry from today, write the facts in one column and the assumptions in another, and list two other explanations.',
    examples: [
      {
        situation: 'Your boss says "can we talk tomorrow?" and you are sure you are getting fired.',
        usingTheSkill:
          'Facts: one short message, no tone. Other explanations: a new project, a schedule change. Your fear drops from 9 to 5.',
      },
      {
        situation: 'A friend cancels plans and you feel rejected.',
        usingTheSkill:
          'You notice she said she was sick and has cancelled with others too; it probably is not about you.',
      },
    ],
    tags: [
      'assume',
      'assumption',
      'catastrophizing',
      'worst case',
      'overreact',
      'interpretation',
      'rejected',
      'hate me',
      'evidence',
    ],
  },
  {
    id: 'opposite-action',
    module: 'emotion-regulation',
    name: 'Opposite Action',
    short: 'When a feeling does not fit the facts, act the opposite of its urge.',
    purpose:
      'Feelings push us toward actions that keep them going. Doing the opposite, fully, lets an unhelpful feeling shrink.',
    whenToUse:
      'When you have checked the facts and the feeling does not fit, or acting on it would not help, such as hiding when ashamed or withdrawing when down.',
    steps: [
      'Name the emotion and the urge that comes with it.',
      'Check whether the feeling fits the facts, or whether acting on it would help.',
      'If not, pick the opposite action: approach instead of avoid, be gentle instead of attacking, get active instead of withdrawing.',
      'Do it all the way, including your posture, face and tone of voice.',
      'Keep going until the feeling shifts; it often takes more than one try.',
    ],
    practice:
      'Pick one small avoidance from this week and do the opposite for five minutes today, such as replying to that message or going outside.',
    examples: [
      {
        situation: 'You feel too low to leave bed and want to stay in all day.',
        usingTheSkill:
          'You get up, open the curtains, shower and walk to the corner shop, standing tall, and feel slightly better.',
      },
      {
        situation: 'You are anxious about a class and want to skip it, though it is safe.',
        usingTheSkill: 'You go, sit near the front, and make yourself ask one question.',
      },
    ],
    tags: [
      'avoid',
      'avoidance',
      'withdraw',
      'hide',
      'isolate',
      'depressed',
      'stay in bed',
      'fear',
      'shame',
      'opposite',
    ],
  },
  {
    id: 'problem-solving',
    module: 'emotion-regulation',
    name: 'Problem Solving',
    short: 'When the feeling fits the facts, change the situation causing it.',
    purpose:
      'Sometimes the feeling is right: the problem is real. Then the best way to feel better is to deal with the problem, step by step.',
    whenToUse: 'When a real, fixable problem (money, work, housing, a conflict) is behind your distress.',
    steps: [
      'Describe the problem in a sentence or two, with the facts.',
      'Decide on a realistic goal: what would "better" look like?',
      'Brainstorm as many solutions as you can without judging them.',
      'Pick one or two that seem most likely to work and plan the first step.',
      'Do it, then look at how it went and adjust.',
    ],
    practice:
      'Take one problem that keeps worrying you, write five possible solutions in five minutes, and circle the first small step.',
    examples: [
      {
        situation: 'You are stressed because bills are piling up.',
        usingTheSkill:
          'You list the bills, set a goal to call two companies, brainstorm options, and set up a payment plan for the largest one.',
      },
      {
        situation: 'A noisy neighbour is ruining your sleep.',
        usingTheSkill:
          'You brainstorm earplugs, a note, a conversation and the landlord, and start with a friendly note.',
      },
    ],
    tags: ['problem', 'fix', 'solution', 'bills', 'money', 'practical', 'plan', 'stress', 'work'],
  },
  {
    id: 'accumulate-positives',
    module: 'emotion-regulation',
    name: 'Accumulate Positive Emotions',
    short: 'Add small good moments each day, and build toward a life that matters to you.',
    purpose: 'A life with more enjoyable moments and meaning is less easily knocked over by painful feelings.',
    whenToUse:
      'When life feels flat, joyless or all about coping, or when you cannot remember the last time you enjoyed something.',
    steps: [
      'Short term: plan one pleasant thing each day, however small.',
      'Be present for it, and notice when worry tries to pull you away.',
      'Long term: name one value (family, creativity, health) and one small step toward it this week.',
      'Avoid avoiding: keep going toward the things that matter, even when it is hard.',
    ],
    practice: 'Write a list of ten small things you enjoy and schedule one of them for today.',
    examples: [
      {
        situation: 'Weeks of just getting through the day leave you feeling empty.',
        usingTheSkill:
          "You schedule a coffee in the park each morning and start a beginner's drawing class on Saturdays.",
      },
      {
        situation: 'You value friendship but have drifted from everyone.',
        usingTheSkill: 'You message one old friend this week and suggest a short walk.',
      },
    ],
    tags: ['joy', 'pleasant', 'fun', 'values', 'empty', 'flat', 'bored', 'meaning', 'happy'],
  },
  {
    id: 'build-mastery',
    module: 'emotion-regulation',
    name: 'Build Mastery',
    short: 'Do one thing each day that is a little challenging, to feel capable.',
    purpose:
      'Feeling competent is a strong buffer against helplessness and low mood. Small, regular challenges build it.',
    whenToUse: 'When you feel useless, stuck or helpless, or when your confidence has slipped.',
    steps: [
      'Choose something a bit hard but doable, such as a recipe, a walk, or a form you have been putting off.',
      'Plan it so you are likely to succeed, and break it into small pieces if needed.',
      'Do it, and notice the sense of "I did that".',
      'Step up the challenge gradually over time.',
    ],
    practice: 'Choose one five-minute task you have been avoiding, do it now, and write down how it felt afterwards.',
    examples: [
      {
        situation: 'After losing your job you feel useless.',
        usingTheSkill: 'You learn one new spreadsheet skill a day from free videos and track your progress.',
      },
      {
        situation: 'Depression has stopped you cooking.',
        usingTheSkill: 'You make toast with eggs today, and plan a slightly harder recipe for next week.',
      },
    ],
    tags: ['useless', 'helpless', 'confidence', 'capable', 'achievement', 'competent', 'stuck'],
  },
  {
    id: 'cope-ahead',
    module: 'emotion-regulation',
    name: 'Cope Ahead',
    short: 'Rehearse, in your mind, how you will handle a hard situation before it comes.',
    purpose:
      'Planning and picturing yourself coping makes you more likely to use your skills when the real moment arrives.',
    whenToUse:
      'Before an event you are dreading, such as a family gathering, an interview, a hard conversation or an anniversary.',
    steps: [
      'Describe the situation you expect and the feelings it will likely bring.',
      'Decide which skills you will use.',
      'Imagine the situation as vividly as you can, in the present tense.',
      'Picture yourself using the skills and coping well, including with the hardest part.',
      'Finish with a few slow breaths to relax.',
    ],
    practice:
      'Think of something hard coming up this month. Spend three minutes picturing yourself handling its worst moment well.',
    examples: [
      {
        situation: 'Your family always criticises your weight at holiday dinners.',
        usingTheSkill: 'You rehearse a calm reply and a plan to step outside for air, and imagine doing both.',
      },
      {
        situation: 'You have a job interview on Friday and dread freezing up.',
        usingTheSkill:
          'You picture the hardest question, see yourself pausing, breathing and answering, and practise it aloud.',
      },
    ],
    tags: [
      'prepare',
      'upcoming',
      'dread',
      'tomorrow',
      'interview',
      'event',
      'rehearse',
      'anticipate',
      'nervous',
      'exam',
    ],
  },
  {
    id: 'please',
    module: 'emotion-regulation',
    name: 'PLEASE',
    short: 'Look after your body so your emotions are less raw.',
    purpose:
      'Hunger, poor sleep, illness and substances make everyone more emotionally fragile. Caring for your body is caring for your mood.',
    whenToUse: 'When you notice you are more irritable or tearful than usual, and on an ongoing basis as a foundation.',
    steps: [
      'Physical illness: treat it and see a doctor when you need to.',
      'Eating: eat regular, balanced meals, not too much or too little.',
      'Avoid mood-altering substances: cut back on alcohol and non-prescribed drugs.',
      'Sleep: aim for a regular, enough amount of sleep.',
      'Exercise: move your body most days, even a short walk.',
    ],
    practice:
      'Check yourself against the five areas today and pick the weakest one to improve by one small step tomorrow.',
    examples: [
      {
        situation: 'You are snapping at everyone and realise you have slept five hours a night all week.',
        usingTheSkill: 'You set a phone-off time of 10:30 pm and an alarm for the same time every day.',
      },
      {
        situation: 'You skip breakfast and crash emotionally every afternoon.',
        usingTheSkill: 'You start eating something small each morning and notice the afternoon crashes ease.',
      },
    ],
    tags: [
      'sleep',
      'tired',
      'insomnia',
      'eat',
      'food',
      'exercise',
      'sick',
      'alcohol',
      'hungover',
      'self-care',
      'body',
      'exhausted',
    ],
  },
  {
    id: 'mindfulness-of-current-emotion',
    module: 'emotion-regulation',
    name: 'Mindfulness of Current Emotion',
    short: 'Let a feeling be there, like a wave, without pushing it away or holding on.',
    purpose:
      'Feelings pass faster when we stop fighting them. Riding the wave teaches you that you can feel something strongly and still be okay.',
    whenToUse: 'When you are trying hard not to feel something, or when a feeling is scary but not dangerous.',
    steps: [
      'Notice the feeling and where it lives in your body.',
      'Step back and watch it as it rises, peaks and falls, like a wave.',
      'Do not push it away, and do not feed it with more thoughts.',
      'Remind yourself: "I am not my feeling. I do not have to act on it."',
      'Stay with it, with curiosity, until it shifts.',
    ],
    practice:
      'When a feeling shows up today, set a two-minute timer and just watch it in your body, describing how it changes.',
    examples: [
      {
        situation: 'A wave of grief hits while you are driving home.',
        usingTheSkill: 'You pull over, let yourself feel the heaviness in your chest, and watch it slowly ease.',
      },
      {
        situation: 'Anxiety rises before bed and you try to distract yourself from it.',
        usingTheSkill: 'Instead you lie still, notice the flutter in your stomach and let it be, and it passes sooner.',
      },
    ],
    tags: ['wave', 'ride', 'sit with', 'feelings', 'suppress', 'anxiety', 'grief', 'allow', 'urge surfing'],
  },
];
