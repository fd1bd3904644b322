import { describe, expect, it } from 'vitest';
import { defaultCongressSettings, defaultCountSettings, describeCountSettings } from './settings.ts';

describe('[open] items are named settings with the docs/rules.md defaults', () => {
  it('count settings: every invalid-ballot reason of §5 on, alternates from the same ballot on', () => {
    expect(defaultCountSettings).toEqual({
      alternatesFromSameBallot: true,
      writeInInvalid: true,
      identifyingMarkInvalid: true,
      singleCandidateBothOrNoneInvalid: true,
      unstampedIsNotIssued: true,
    });
  });
  it('congress settings: no quorum, floor rounding, no delegation maximum, revote on a tie, secretary poll on', () => {
    expect(defaultCongressSettings).toMatchObject({
      quorum: null, surplusRounding: 'floor', delegationMaxSurplus: null, tieResolution: 'revote', secretaryPoll: true,
      count: defaultCountSettings,
    });
  });
  it('the minutes print every count setting, in Vietnamese and English, with its value', () => {
    const lines = describeCountSettings({ ...defaultCountSettings, writeInInvalid: false });
    expect(lines.map((l) => l.key).sort()).toEqual(Object.keys(defaultCountSettings).sort());
    expect(lines.find((l) => l.key === 'writeInInvalid')).toMatchObject({ value_vi: 'Không', value_en: 'No' });
    expect(lines.find((l) => l.key === 'identifyingMarkInvalid')).toMatchObject({ value_vi: 'Có', value_en: 'Yes' });
    for (const l of lines) expect(l.label_vi.length * l.label_en.length).toBeGreaterThan(0);
  });
});
