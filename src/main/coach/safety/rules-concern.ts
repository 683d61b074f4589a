import type { RuleDef } from './rules';

// Signals that deserve a gentle check-in but not the full-screen safety view.
export const CONCERN_RULES: readonly RuleDef[] = [
  {
    id: 'concern.hopeless',
    level: 'concern',
    patterns: [
      ' (hopeles|no hope) ',
      ' what is (even )?the point ',
      ' whats the point ',
      ' no way out ',
      ' (give|giving) up on (everything|life|myself) ',
      ' fel like giving up ',
      ' can not (go on|cope|take it anymore|take this anymore|do this anymore) ',
      ' (worthles|a failure|a burden|burden to) ',
      ' hate (myself|my life|being me) ',
      ' (nobody|no one) (cares|would care|loves me|would notice) ',
      ' (fel|feling|am) (so |realy |completely )?(empty|numb|traped) ',
      ' (want to|wish i could) (just )?(disapear|vanish) ',
      ' (think|thinking|thoughts) about (death|dying) ',
      ' my (own )?funeral ',
      ' want (the|this) pain to stop ',
    ],
  },
  {
    id: 'concern.substance',
    level: 'concern',
    patterns: [
      ' (drank|drinking|drink) (a )?(whole )?(bottle|botle) ',
      ' relapsed on (drinking|drugs|alcohol|using) ',
      ' relapsed ',
    ],
  },
];
