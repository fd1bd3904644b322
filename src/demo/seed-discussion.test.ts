import { describe, expect, it } from 'vitest';
import { blocksFromText, splitDocument } from '../discussion/index.ts';
import { NewTermTarget } from '../api/discussion.ts';
import { DEMO_DISCUSSION_DOCUMENTS, DEMO_POLITICAL_REPORT, DEMO_RESOLUTION } from './seed-discussion.ts';
import { resolutionParts } from '../discussion/resolution.ts';

describe('the seed congress\'s drafts', () => {
  it('the political report has 40 paragraphs under Phần, I./II., 1./2. headings', () => {
    const units = splitDocument(blocksFromText(DEMO_POLITICAL_REPORT));
    const paragraphs = units.filter((u) => u.kind === 'paragraph');
    expect(paragraphs).toHaveLength(40);
    expect(units.filter((u) => u.kind === 'heading' && u.level === 1).map((u) => u.label)).toEqual(['PHẦN THỨ NHẤT', 'PHẦN THỨ HAI']);
    expect(paragraphs.find((p) => p.number === 16)!.ref).toBe('PHẦN THỨ NHẤT › II. › 1. › đ1');
  });
  it('the resolution has a preamble and four parts', () => {
    expect(resolutionParts(splitDocument(blocksFromText(DEMO_RESOLUTION))).map((p) => p.ref)).toEqual(['', 'I.', 'II.', 'III.', 'IV.']);
  });
  it('the draft resolution proposes new-term targets the API would take (a name, a target with its number)', () => {
    const draft = DEMO_DISCUSSION_DOCUMENTS.find((d) => d.kind === 'draft-resolution')!;
    expect(draft.targets?.length).toBeGreaterThanOrEqual(3);
    for (const x of draft.targets ?? []) expect(NewTermTarget.safeParse(x).success, x.name).toBe(true);
  });
});
