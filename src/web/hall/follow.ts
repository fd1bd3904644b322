/**
 * What the hall screen shows: the view the operator panel holds, or — following the agenda — what the current
 * item calls for: an election item its election's published result (else the item), a show-of-hands item the
 * last vote recorded under it (else the item), a speaker while someone speaks, a discussion item the discussion's
 * numbers (when there is a document to discuss). A result of an item the agenda has
 * left is never shown by following; a voided vote never. Pure: the screen and its tests call the same function.
 */
import type { HallState, PublishedResult, VoteView } from '../api/types.ts';

export type HallScene =
  | { readonly kind: 'item' }
  | { readonly kind: 'speaker' }
  | { readonly kind: 'attendance' }
  | { readonly kind: 'vote'; readonly vote: VoteView }
  | { readonly kind: 'election'; readonly result: PublishedResult }
  | { readonly kind: 'targets' }
  | { readonly kind: 'discussion' };

type Facts = Pick<HallState, 'currentItem' | 'currentSpeaker' | 'published' | 'publishedBy' | 'electionOfItem' | 'votes' | 'targets' | 'discussion' | 'view'>;

const inForce = (votes: readonly VoteView[]): VoteView[] => votes.filter((v) => v.voided === null);
const latest = (votes: readonly VoteView[]): VoteView | null => votes.reduce<VoteView | null>((best, v) => (best === null || v.id > best.id ? v : best), null);

const following = (s: Facts): HallScene => {
  const item = s.currentItem;
  if (item !== null && item.kind === 'election') {
    const electionId = s.electionOfItem.get(item.id);
    const result = electionId === undefined ? undefined : s.publishedBy.get(electionId);
    if (result !== undefined) return { kind: 'election', result };
  }
  if (item !== null) {
    const vote = latest(inForce(s.votes).filter((v) => v.agendaItemId === item.id));
    if (vote !== null) return { kind: 'vote', vote };
  }
  if (s.currentSpeaker !== null) return { kind: 'speaker' };
  if (item !== null && item.kind === 'discussion' && s.discussion.length > 0) return { kind: 'discussion' };
  return { kind: 'item' };
};

export const hallScene = (s: Facts): HallScene => {
  const v = s.view;
  if (v.mode === 'follow') return following(s);
  switch (v.show) {
    case 'item':
    case 'speaker':
    case 'attendance':
      return { kind: v.show };
    case 'targets':
      return s.targets !== null && s.targets.targets.length > 0 ? { kind: 'targets' } : { kind: 'item' };
    case 'discussion':
      return s.discussion.length > 0 ? { kind: 'discussion' } : { kind: 'item' };
    case 'vote': {
      const vote = v.voteId === null ? latest(inForce(s.votes)) : s.votes.find((x) => x.id === v.voteId) ?? null;
      return vote === null ? { kind: 'item' } : { kind: 'vote', vote };
    }
    case 'election': {
      const result = v.electionId === null ? s.published : s.publishedBy.get(v.electionId) ?? null;
      return result === null ? { kind: 'item' } : { kind: 'election', result };
    }
  }
};

/** The term a congress's targets review: the term that ends as the new one begins (2020–2025 reviews 2015–2020). */
export const reviewedTerm = (start: number, end: number): string => `${start - (end - start)}–${start}`;
