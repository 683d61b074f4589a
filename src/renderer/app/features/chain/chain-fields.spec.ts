import { describe, expect, it } from 'vitest';
import { cleanFields, emptyFields, move } from './chain-fields';

describe('chain analysis fields', () => {
  it('trims, drops empty links and points, and titles an untitled chain', () => {
    const f = cleanFields(
      {
        ...emptyFields(),
        problemBehaviour: '  Shouted at my brother\nand slammed the door ',
        links: [
          { kind: 'thought', text: ' he never listens ' },
          { kind: 'feeling', text: '   ' },
        ],
        skillPoints: [
          { skillIds: ['stop', 'stop'], text: '' },
          { skillIds: [], text: ' ' },
        ],
      },
      '2025-03-03',
    );
    expect(f.title).toBe('Shouted at my brother');
    expect(f.links).toEqual([{ kind: 'thought', text: 'he never listens' }]);
    expect(f.skillPoints).toEqual([{ skillIds: ['stop'], text: '' }]);
    expect(cleanFields(emptyFields(), '2025-03-03').title).toBe('Chain analysis 2025-03-03');
  });

  it('moves links within bounds only', () => {
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a'], 5, 1)).toEqual(['a']);
  });
});
