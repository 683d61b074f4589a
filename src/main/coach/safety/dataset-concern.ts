import { samples, type SafetySample } from './dataset-types';

/**
 * Concern = check in gently and offer the safety plan, without the full-screen view.
 * Decision documented in safety/README.md: past risk, managed urges in skills practice, hopelessness
 * without intent, third-party worries and negated statements are concern, not crisis.
 */
export const CONCERN_SAMPLES: readonly SafetySample[] = samples('concern', 'concern', [
  'I used to cut myself in high school',
  'I attempted suicide two years ago',
  'My urge to self-harm was a 3 today but I used TIPP and it passed',
  'I had suicidal thoughts last year, things are better now',
  "I'm not suicidal, I'm just exhausted",
  "I don't want to die, I just want the pain to stop",
  'I feel like such a burden to everyone',
  'What is even the point of anything',
  'I feel hopeless about my future',
  'My friend told me she wants to kill herself, what do I do?',
  "I'm worried my brother might be suicidal",
  "It's been 90 days since I last self-harmed",
  'I had urges to cut today but I used ice instead',
  "I can't go on like this",
  'I feel worthless',
  'I want to disappear for a while',
  'Sometimes I think about death a lot',
  'I hate myself',
  'I feel empty and numb all the time',
  'I drank a whole bottle of wine alone again',
  'My therapist asked me about suicidal thoughts and I said I have them sometimes but no plan',
  'I punched the wall so hard my knuckles bled',
  "I've been starving myself",
  'I used to have a plan but I threw the pills away',
  'In group we talked about urges to self-harm and what to do instead',
  'I am scared I might relapse into cutting',
  'Nobody cares about me',
  'I feel trapped and I see no way out of this job',
  "My diary card: self-harm urge 2, suicide urge 1, didn't act",
  'I keep scratching my arms when I get anxious',
  'people at school keep telling me to kys',
  "I'd never actually kill myself but the thoughts scare me",
  "I'm not going to hurt myself, I promise, I just need to vent",
  'I feel like giving up',
  "Everything is falling apart and I can't cope",
  'My ex threatened to kill himself if I leave',
  'I wish I could just vanish',
  'Is it normal to think about what my funeral would be like?',
  'I relapsed on drinking last night',
  'I get so angry I want to hit someone, but I walk away',
]);
