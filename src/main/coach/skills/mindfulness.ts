import type { Skill } from './types';

// Original wording throughout: plain and kind, no clinical language, nothing copied from manuals.
export const MINDFULNESS_SKILLS: readonly Skill[] = [
  {
    id: 'wise-mind',
    module: 'mindfulness',
    name: 'Wise Mind',
    short: 'Find the calm place inside that knows both what you feel and what makes sense.',
    purpose:
      'Helps you make choices from a steady place, where your feelings count and your good sense counts too, instead of being pulled only by one or the other.',
    whenToUse:
      'Before a decision, when you feel torn between "what I feel" and "what I think", or when you notice you are acting on autopilot.',
    steps: [
      'Pause and take a few slow breaths, letting your attention settle low in your belly.',
      'Notice what your feelings are saying right now, without arguing with them.',
      'Notice what the facts and your reasoning are saying.',
      'Ask quietly: "What do I know, deep down, is the wise thing here?" and wait for an answer.',
      'If nothing comes, that is fine; come back to the breath and ask again later.',
    ],
    practice:
      'Breathe in and silently say "wise", breathe out and say "mind". Do ten breaths, then ask one small question you are unsure about and notice what answer arrives.',
    examples: [
      {
        situation: 'You want to quit your job on the spot after a rough meeting.',
        usingTheSkill:
          'You step outside, breathe, and notice both the hurt and the rent due next week. Your wise mind says: do not quit today, talk to your manager on Monday.',
      },
      {
        situation: 'A friend invites you out and part of you wants to hide at home.',
        usingTheSkill:
          'You check in and find that you are tired but also lonely. You decide to go for one hour, which feels right to both sides of you.',
      },
    ],
    tags: ['decision', 'balance', 'intuition', 'center', 'calm', 'torn'],
  },
  {
    id: 'observe',
    module: 'mindfulness',
    name: 'Observe',
    short: 'Notice what is happening, inside and around you, without needing to change it.',
    purpose:
      'Builds the habit of simply noticing: sensations, sounds, thoughts and urges, so you have a moment of space before you react.',
    whenToUse:
      'When your mind is racing, when you feel swept away, or any time you want to come back to the present moment.',
    steps: [
      'Choose something to notice: your breath, a sound, your feet on the floor, or a thought passing through.',
      'Pay attention with curiosity, as if you were meeting it for the first time.',
      'Let thoughts come and go like cars passing, without getting in.',
      'When you drift away, gently notice that and return, without scolding yourself.',
    ],
    practice:
      'For one minute, listen to every sound you can hear, near and far. Do not name them; just let each one arrive and fade.',
    examples: [
      {
        situation: 'Your heart is pounding before a phone call.',
        usingTheSkill:
          'You notice the pounding, the warmth in your face, and the thought "this will go badly", and you let them be there without following them.',
      },
      {
        situation: 'You are eating lunch while scrolling and barely taste it.',
        usingTheSkill:
          'You put the phone down and notice the colour, smell and texture of each bite for a few minutes.',
      },
    ],
    tags: ['notice', 'awareness', 'present', 'racing thoughts', 'grounding', 'senses'],
  },
  {
    id: 'describe',
    module: 'mindfulness',
    name: 'Describe',
    short: 'Put plain words to what you notice: facts, not judgments or stories.',
    purpose:
      'Helps you separate what actually happened from the meaning your mind adds, which often lowers the heat of a feeling.',
    whenToUse:
      'When you are caught in a story ("they hate me"), when you need to explain a situation clearly, or when a feeling seems too big to name.',
    steps: [
      'Notice one thing: a sensation, a thought, an event.',
      'Put it into simple words, as if you were a reporter: "My chest feels tight." "I am having the thought that I failed."',
      'Stick to what you could see, hear or feel; leave out guesses about what others intend.',
      'If a judgment sneaks in, describe that too: "I notice I am judging this as awful."',
    ],
    practice:
      'Describe the room you are in using five plain sentences with no opinions in them. Then describe one feeling you have right now the same way.',
    examples: [
      {
        situation: 'Your partner did not reply to your message for three hours.',
        usingTheSkill:
          'Instead of "they are ignoring me", you say "I sent a message at noon; there is no reply yet; I feel anxious."',
      },
      {
        situation: 'You feel flooded and cannot say what is wrong.',
        usingTheSkill:
          'You write: "Shoulders tense. Thought: I cannot cope. Urge to cry." It feels a little more manageable.',
      },
    ],
    tags: ['words', 'label', 'facts', 'story', 'narrate', 'thoughts are not facts'],
  },
  {
    id: 'participate',
    module: 'mindfulness',
    name: 'Participate',
    short: 'Throw yourself fully into what you are doing, right now.',
    purpose:
      'Helps you feel part of your own life again by joining in completely, rather than watching yourself from the outside.',
    whenToUse:
      'When you feel self-conscious, disconnected, numb or stuck in your head, or when you are holding back from something you care about.',
    steps: [
      'Pick the activity in front of you: a conversation, a song, a walk, a chore.',
      'Let go of watching and grading yourself.',
      'Join in with your whole body and attention, as if nothing else exists for now.',
      'When self-consciousness returns, notice it and step back in.',
    ],
    practice:
      'Put on one song you like and move, hum or tap along for the whole song, without stopping to judge how it looks.',
    examples: [
      {
        situation: 'At a party you stand at the edge worrying about what people think.',
        usingTheSkill:
          'You join a game that is going on and focus on the game itself; after a while you forget to worry.',
      },
      {
        situation: 'You feel flat and far away from everything.',
        usingTheSkill:
          'You cook dinner with full attention to chopping, stirring and smelling, and feel a little more here.',
      },
    ],
    tags: ['engage', 'join', 'self-conscious', 'numb', 'disconnected', 'flow'],
  },
  {
    id: 'nonjudgmentally',
    module: 'mindfulness',
    name: 'Nonjudgmentally',
    short: 'See things as they are, without labelling them good or bad, and go easier on yourself.',
    purpose:
      'Judgments pour fuel on painful feelings. Dropping them, toward yourself and others, leaves you with the facts and what you want to do about them.',
    whenToUse:
      'When you catch yourself calling yourself stupid, worthless or a failure, or when anger at someone keeps growing with every thought.',
    steps: [
      'Notice the judging words: "stupid", "should", "terrible", "pathetic".',
      'Swap the judgment for a description of the facts and your feeling about them.',
      'Say what you want or value instead of what is "bad": "I wish this had gone differently."',
      'Do not judge yourself for judging; just notice and restate.',
    ],
    practice:
      'Write down three harsh things you said to yourself this week. Rewrite each one as a plain fact plus a feeling, the way a kind friend might.',
    examples: [
      {
        situation: 'You forgot an appointment and think "I am so useless".',
        usingTheSkill: 'You restate it: "I missed the appointment. I feel embarrassed. I will call to rebook."',
      },
      {
        situation: 'A coworker takes credit for your idea and you think "she is a horrible person".',
        usingTheSkill:
          'You say to yourself: "She presented my idea as hers. I feel angry, and I want credit for my work."',
      },
    ],
    tags: ['judgment', 'self-criticism', 'harsh', 'shame', 'should', 'worthless', 'failure', 'self-compassion'],
  },
  {
    id: 'one-mindfully',
    module: 'mindfulness',
    name: 'One-Mindfully',
    short: 'Do one thing at a time, with your whole attention.',
    purpose:
      'Spreading attention across worries, past and future makes everything harder. Doing one thing fully calms the mind and gets things done.',
    whenToUse:
      'When you feel scattered, overwhelmed by a long list, or keep replaying the past or rehearsing the future.',
    steps: [
      'Choose the single thing you are doing now.',
      'Put other things out of sight if you can (close tabs, turn the phone over).',
      'When your mind wanders to other tasks or worries, note "later" and come back.',
      'Finish or reach a natural pause before switching.',
    ],
    practice:
      'Wash one cup, slowly, noticing only the water, the soap and the cup. If other thoughts come, say "later" and return.',
    examples: [
      {
        situation: 'You are trying to study but keep thinking about an argument.',
        usingTheSkill:
          'You write the worry on a sticky note for later and give the next twenty minutes only to the page in front of you.',
      },
      {
        situation: 'Your to-do list feels so long that you cannot start anything.',
        usingTheSkill:
          'You pick one item, hide the rest of the list, and give it your full attention until it is done.',
      },
    ],
    tags: ['focus', 'scattered', 'overwhelmed', 'multitasking', 'rumination', 'concentrate', 'worry'],
  },
  {
    id: 'effectively',
    module: 'mindfulness',
    name: 'Effectively',
    short: 'Do what works toward your goal, even when it is not what feels fair or right.',
    purpose:
      'Helps you stay focused on what you actually want from a situation instead of on being right, proving a point or getting even.',
    whenToUse:
      'When you are stuck on "it is not fair", when pride is in the way, or when you notice you are about to cut off your nose to spite your face.',
    steps: [
      'Ask: "What is my goal here, really?"',
      'Look at the situation as it is, not as it should be.',
      'Choose the action that moves you toward the goal, even if it feels unfair.',
      'Let go of the need to be right for now; you can still believe you are.',
    ],
    practice:
      'Think of one situation this week where you are arguing about fairness. Write your real goal in one line, then one step that would serve it.',
    examples: [
      {
        situation: 'A clerk is unhelpful and you want to tell them off.',
        usingTheSkill:
          'You remember your goal is a refund, stay polite, and ask to speak to someone who can approve it.',
      },
      {
        situation: 'Your landlord is slow to fix the heating and you want to stop paying rent.',
        usingTheSkill: 'You keep paying, put the request in writing and follow up every few days, which gets it fixed.',
      },
    ],
    tags: ['goal', 'fair', 'unfair', 'pride', 'right', 'practical', 'what works'],
  },
];
