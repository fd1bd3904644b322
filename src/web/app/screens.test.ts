import { describe, expect, it } from 'vitest';
import { accountScreenOfPath, canOpen, landingPath, screenOfPath, screensFor } from './screens.ts';
import { meOf } from './me.ts';

describe('screens by role', () => {
  it('lands each role on its screen', () => {
    expect(landingPath(['admin'])).toBe('/console');
    expect(landingPath(['counting-board'])).toBe('/counting');
    expect(landingPath(['screen'])).toBe('/hall');
    expect(landingPath(['delegate'])).toBe('/delegate');
    expect(landingPath(['checkin'])).toBe('/checkin');
    expect(landingPath([])).toBe('/signin');
  });
  it('opens to each role the screens whose work the server lets it do', () => {
    expect(screensFor(['admin'])).toEqual(['console', 'counting', 'checkin', 'hall', 'roles', 'discussion', 'group']);
    expect(screensFor(['secretariat'])).toEqual(['console', 'checkin', 'hall', 'discussion', 'group']);
    expect(screensFor(['presidium'])).toEqual(['console', 'hall', 'discussion']);
    expect(screensFor(['counting-board'])).toEqual(['counting']);
    expect(screensFor(['technician'])).toEqual(['counting', 'checkin']);
    expect(screensFor(['checkin'])).toEqual(['checkin']);
    expect(screensFor(['screen'])).toEqual(['hall']);
    expect(screensFor(['delegate'])).toEqual(['delegate', 'read', 'group']);
    expect(screensFor(['presidium', 'counting-board'])).toEqual(['console', 'counting', 'hall', 'discussion']);
  });
  it('refuses screens of other roles', () => {
    expect(canOpen(['delegate'], 'console')).toBe(false);
    expect(canOpen(['screen'], 'counting')).toBe(false);
    expect(canOpen(['technician'], 'checkin')).toBe(true);
  });
  it('finds the screen of a path', () => {
    expect(screenOfPath('/console/elections')).toBe('console');
    expect(screenOfPath('/consoles')).toBeNull();
    expect(screenOfPath('/hall')).toBe('hall');
    expect(screenOfPath('/roles')).toBe('roles');
    expect(accountScreenOfPath('/accounts')).toBe('accounts');
    expect(accountScreenOfPath('/account/password')).toBe('password');
    expect(accountScreenOfPath('/accounts/x')).toBeNull();
  });
  it('opens the roles screen to a congress administrator only', () => {
    expect(canOpen(['admin'], 'roles')).toBe(true);
    for (const role of ['secretariat', 'presidium', 'counting-board', 'technician', 'checkin', 'screen', 'delegate'] as const) {
      expect(canOpen([role], 'roles')).toBe(false);
    }
  });
});

describe('me of a principal', () => {
  it('a delegate belongs to their congress', () => {
    expect(meOf({ kind: 'delegate', id: 5, congress: 'ls', fullName: 'Lê Văn Bình' }, null, null))
      .toMatchObject({ congress: 'ls', roles: ['delegate'], delegateId: 5 });
  });
  it('a user works where they hold roles; the wanted congress only if they hold one there', () => {
    const user = { kind: 'user' as const, id: 1, username: 'tk', displayName: 'Thư ký', isServerAdmin: false,
      roles: [{ congress: 'a', role: 'secretariat' as const, electionId: null }, { congress: 'b', role: 'presidium' as const, electionId: null }] };
    expect(meOf(user, null, null)).toMatchObject({ congress: 'a', roles: ['secretariat'] });
    expect(meOf(user, 'b', null)).toMatchObject({ congress: 'b', roles: ['presidium'] });
    expect(meOf(user, 'zzz', null)).toMatchObject({ congress: 'a' });
    expect(meOf({ ...user, roles: [] }, null, null)).toBeNull();
    expect(meOf({ ...user, roles: [], isServerAdmin: true }, null, 'c')).toMatchObject({ congress: 'c', roles: ['admin'] });
  });
});
