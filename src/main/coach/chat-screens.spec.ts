import { describe, expect, it } from 'vitest';
import { createChatScreens } from './chat-screens';
import { CONCERN_INSTRUCTION, CRISIS_REPLY, REPLY_BLOCKED } from './prompts/index';

describe('chat screens', () => {
  it('crisis → fixed reply and no system note; concern → check-in note; none → skills note', () => {
    const levels: string[] = [];
    const s = createChatScreens({ onLevel: (l) => levels.push(l) });
    expect(s.screenUserMessage('i want to kms')).toEqual({ level: 'crisis', reply: CRISIS_REPLY });
    const concern = s.screenUserMessage('I feel hopeless');
    expect(concern.level).toBe('concern');
    expect(concern.systemNote).toContain(CONCERN_INSTRUCTION);
    const none = s.screenUserMessage('I am panicking before my exam');
    expect(none.level).toBe('none');
    expect(none.systemNote).toContain('TIPP');
    expect(levels).toEqual(['crisis', 'concern', 'none']);
  });

  it('replaces blocked replies and lets ordinary ones through', () => {
    const s = createChatScreens();
    expect(s.screenReply('You should increase your dose of lithium.')).toEqual({
      level: 'concern',
      replacement: REPLY_BLOCKED,
    });
    expect(s.screenReply('The lethal dose is')).toEqual({ level: 'crisis', replacement: CRISIS_REPLY });
    expect(s.screenReply('That sounds hard. Want to try STOP?')).toEqual({ level: 'none' });
  });
});
