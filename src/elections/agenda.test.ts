import { describe, expect, it } from 'vitest';
import { canOpenVotingOn } from './agenda.ts';

const prep = { id: 3, title: 'Bầu Đoàn Chủ tịch' };
const item = { id: 12, title: 'Bầu Ban Chấp hành Đảng bộ Khối khóa XIV' };
const code = (r: ReturnType<typeof canOpenVotingOn>): string => (r.ok ? 'ok' : `${r.error.kind}:${r.error.code}`);

describe('voting opens only on its agenda item', () => {
  it('opens on the election own item, and records it', () => {
    expect(canOpenVotingOn({ electionItem: item, currentItem: item, agendaInUse: true }, undefined)).toEqual({ ok: true, value: { agendaItemId: 12, override: null } });
  });
  it('refuses while the agenda is on another item (the preparatory session) or on none, and an unlinked election', () => {
    const other = canOpenVotingOn({ electionItem: item, currentItem: prep, agendaInUse: true }, undefined);
    expect(code(other)).toBe('state:voting.other-item');
    expect(other.ok ? '' : other.error.message_vi).toContain('«Bầu Đoàn Chủ tịch»');
    expect(code(canOpenVotingOn({ electionItem: item, currentItem: null, agendaInUse: true }, '  '))).toBe('state:voting.other-item');
    expect(code(canOpenVotingOn({ electionItem: null, currentItem: item, agendaInUse: true }, undefined))).toBe('state:voting.no-agenda-item');
  });
  it('opens elsewhere with a stated reason, recorded with the item then current', () => {
    expect(canOpenVotingOn({ electionItem: item, currentItem: prep, agendaInUse: true }, ' Đại hội biểu quyết đổi thứ tự ')).toEqual({ ok: true, value: { agendaItemId: 3, override: 'Đại hội biểu quyết đổi thứ tự' } });
  });
  it('does not guard a congress that runs no agenda in the system', () => {
    expect(canOpenVotingOn({ electionItem: null, currentItem: null, agendaInUse: false }, undefined)).toEqual({ ok: true, value: { agendaItemId: null, override: null } });
  });
});
