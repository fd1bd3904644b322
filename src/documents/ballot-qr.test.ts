import { describe, expect, it } from 'vitest';
import { encodeBallotQr, parseBallotQr, type BallotQr } from './ballot-qr.ts';

const Q: BallotQr = { congressId: 'dh-2020', electionId: 'bch', round: 2, page: 1, pages: 3, layoutHash: '0badcafe' };

describe('ballot QR payload', () => {
  it('round-trips exactly and carries nothing else', () => {
    const text = encodeBallotQr(Q);
    expect(text).toBe('DHB1;c=dh-2020;e=bch;r=2;p=1/3;h=0badcafe');
    expect(parseBallotQr(text)).toEqual({ ok: true, value: Q });
  });

  it('refuses anything that is not exactly a ballot code', () => {
    for (const bad of ['', 'DHB1;c=a;e=b;r=1;p=1/1', 'DHB1;c=a;e=b;r=1;p=2/1;h=0badcafe', 'DHB1;c=a;e=b;r=1;p=1/1;h=0badcafe;v=7',
      'DHB2;c=a;e=b;r=1;p=1/1;h=0badcafe', 'DHB1;c=ă;e=b;r=1;p=1/1;h=0badcafe']) {
      expect(parseBallotQr(bad).ok).toBe(false);
    }
  });
});
