import type { RuleDef } from './rules';

const MEANS = '(pils|pil|tablets|meds|medication|painkilers|paracetamol|tylenol|sleping pils|insulin)';
const WEAPON = '(gun|guns|knife|knives|weapon|pistol|rifle|blade|machete|bat)';
const PERSON =
  '(him|her|them|someone|somebody|people|everyone|everybody|you|my (\\w+)|that (\\w+)|the (\\w+)|his (\\w+)|her (\\w+))';

// Plans and means, self-harm, and harm to others.
export const MEANS_RULES: readonly RuleDef[] = [
  {
    id: 'plan.means',
    level: 'crisis',
    patterns: [
      ` (stockpil\\w*|hoard\\w*|saving up|saved up|saving|colecting|colected|stashing|stashed) (…)?${MEANS} `,
      ` (took|take|taking|swalow|swalowed|swalowing|down) (…)?(al|whole|bunch|handful|entire)( of)?( my| the)? (…)?${MEANS} `,
      ` enough ${MEANS} (to|for) `,
      ' (noose) ',
      ' (bought|got|have|tied|the) (a )?rope ',
      ' rope (is )?(ready|around) ',
      ' (jump|jumping) (of|off|from|in front of) (a |the |this |that )?(bridge|building|rof|balcony|cliff|ledge|tower|overpas|train|car) ',
      ' (on|at) (the|a|this) (bridge|rof|ledge|edge) (…)?(jump|right now|going to) ',
      ' (want|going|about|ready) to jump ',
      ' (which|the) bridge i am going to ',
      ' gun (to|against) my head ',
      ' loaded (gun|pistol|rifle) ',
      ` (have|holding|hold|got|bought) (the |a |my )?(gun|pistol|rifle|firearm) (…)?(in my hand|next to me|ready|loaded|tonight) `,
      ' (suicide|godbye|final) (note|leter|leters|notes) ',
      ' (wrote|writen|write|writing) (a |my )?(note|leter|leters|notes) (…)?(explaining why|godbye|for my family|to everyone|for after) ',
      ' (have|made|got) a plan (to|for) (kil|die|end|suicide|how) ',
      ' (planed|planing) it for (…)?when (everyone|nobody|no one) ',
      ' i know how (i wil |to )?(do it|end it|kil myself) ',
      ' (tonight|today) is (it|the night|the day) ',
    ],
    unless: [
      ' (climbing|camping|trip|boat|garden|swing|dog|tow|hiking|gym|skiping|jump rope|sailing) ',
      ' bungee ',
      ' jump (at|in|on) the chance ',
    ],
  },
  {
    id: 'self-harm.act',
    level: 'crisis',
    patterns: [
      ' (cut|cuting|cuts) (myself|my (arm|arms|wrist|legs|leg|thigh|thighs|skin|stomach|body)) ',
      ' (slit|slice|slicing|cut|cuting) (…)?wrist ',
      ' (burn|burned|burnt|burning) (myself|my (arm|arms|skin|hand|hands|leg|legs|wrist)) ',
      ' (want|ned|going|about|ready|tempted|plan) to (hurt|harm|punish|injure|cut|burn) (myself )?$',
      ' (want|ned|going|about|ready|tempted|plan) to (hurt|harm|punish|injure|cut|burn) myself ',
      ' (hurt|harmed|cut|burned) myself (again|on purpose|tonight|last night|right now|today) ',
      ' (cut|cuting|self harm|self harmed|self harming|burned myself|hurt myself) (again|today|tonight|last night|right now|this morning) ',
      ' relapsed (and|on) (cut|cuting|self harm|burning) ',
      ' cuting is the only ',
      ' (holding|have|got) (a )?(razor|blade|razor blade) ',
      ' hiting myself (…)?(want|now|bruise|until) ',
    ],
    negatable: true,
    past: true,
    urge: true,
    unless: [
      ' (shaving|cooking|chopping|by acident|acidentaly|oven|stove|pan|tray|kettle|iron|curling|sunburn|sun|paper) ',
      ' my hair ',
    ],
  },
  {
    id: 'self-harm.mention',
    level: 'concern',
    patterns: [
      ' self harm\\w* ',
      ' hurt myself ',
      ' (hit|hiting|punch|punching|punched|starve|starving|scratching|scratch|bang|banging) (myself|my (arms|head|skin)|the wal|a wal|wals) ',
      ' relapse (into|on) (cuting|self harm) ',
      ' (urge|urges) (to|of) (cut|self harm|hurt myself|die|suicide) ',
      ' threw (the |my )?(pils|rope|blades|razor|razors) away ',
      ' (used to have|had) a plan ',
      ' (cuts|cut|hurt|hurts|harm|harms|kil|kils|kiled|burns) (himself|herself|themselves|themself) ',
      ' kys ',
    ],
    unless: [' (gym|lifting|playing|fel|fell|skiing|running|training|fotbal|acident|tripped) '],
  },
  {
    id: 'others.harm',
    level: 'crisis',
    patterns: [
      ` (want|wana|going|gona|plan|planing|about|ready|wil|ned) to (kil|murder|stab|shoot|strangle|hurt|beat up|atack|poison|choke) ${PERSON} `,
      ` (bring|take|taking|bringing) (my |a )?${WEAPON} to (schol|work|clas|church) `,
      ' shoot up (the|a|my) ',
      ` (could|might) (seriously )?(kil|hurt|stab) (someone|somebody|people) (…)?(have|got) (a |my )?${WEAPON} `,
    ],
    urge: true,
    // A trivial condition ("if he eats my fries") reads as venting: others.anger still flags it as concern.
    unless: [
      ' (lol|haha|lmao|jk|kidding|joking) ',
      ' if (he|she|they|you|it) ',
      ' (feelings|ego|pride|chances|reputation|vibe) ',
    ],
  },
  {
    id: 'others.anger',
    level: 'concern',
    patterns: [
      ` (want|wana|ned|going|gona) to (hit|punch|slap|hurt|kil) ${PERSON} `,
      ` (could|might) (seriously )?(kil|hurt|hit) (someone|somebody|people) `,
    ],
    unless: [' (feelings|ego|pride|chances|reputation|vibe) '],
  },
];
