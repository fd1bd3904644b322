/** The floor: speakers (tham luận) and the current speaker, documents, the resolution's targets, the live channel. */
import { z } from 'zod';
import { CHAIR, EVERYONE, OFFICE } from '../access.ts';
import { CongressIdParams, CongressParams, Ok } from '../common.ts';
import { DocumentPatch, DocumentPatchView, DocumentView } from '../documents.ts';
import { endpoint, FILE, MULTIPART, SOCKET } from '../endpoint.ts';
import { CurrentSpeakerBody, CurrentSpeakerView, SpeakerBody, SpeakerPatch, SpeakerView, SpeechView } from '../speakers.ts';
import { TargetsBody, TargetsView } from '../targets.ts';

export const floorEndpoints = {
  listSpeakers: endpoint({ method: 'GET', path: '/api/congresses/:code/speakers', params: CongressParams, response: z.array(SpeakerView), access: EVERYONE }),
  /** Staff register anyone; a delegate registers themself. */
  registerSpeaker: endpoint({ method: 'POST', path: '/api/congresses/:code/speakers', params: CongressParams, body: SpeakerBody, response: SpeakerView, access: [...OFFICE, 'delegate'] }),
  /** A contribution's text: the presidium and the office at any time, its speaker, everyone once it has the floor. */
  speechText: endpoint({ method: 'GET', path: '/api/congresses/:code/speakers/:id/text', params: CongressIdParams, response: SpeechView, access: EVERYONE }),
  updateSpeaker: endpoint({ method: 'PATCH', path: '/api/congresses/:code/speakers/:id', params: CongressIdParams, body: SpeakerPatch, response: SpeakerView, access: CHAIR }),
  setCurrentSpeaker: endpoint({ method: 'PUT', path: '/api/congresses/:code/current-speaker', params: CongressParams, body: CurrentSpeakerBody, response: CurrentSpeakerView, access: CHAIR }),

  /** Each caller sees the documents of their visibility (public, delegates, staff). */
  listDocuments: endpoint({ method: 'GET', path: '/api/congresses/:code/documents', params: CongressParams, response: z.array(DocumentView), access: 'public' }),
  getDocument: endpoint({ method: 'GET', path: '/api/congresses/:code/documents/:id', params: CongressIdParams, response: FILE, access: 'public' }),
  uploadDocument: endpoint({ method: 'POST', path: '/api/congresses/:code/documents', params: CongressParams, body: MULTIPART, response: DocumentView, access: OFFICE }),
  updateDocument: endpoint({ method: 'PATCH', path: '/api/congresses/:code/documents/:id', params: CongressIdParams, body: DocumentPatch, response: DocumentPatchView, access: OFFICE }),
  deleteDocument: endpoint({ method: 'DELETE', path: '/api/congresses/:code/documents/:id', params: CongressIdParams, response: Ok, access: OFFICE }),

  getTargets: endpoint({ method: 'GET', path: '/api/congresses/:code/targets', params: CongressParams, response: TargetsView, access: EVERYONE }),
  saveTargets: endpoint({ method: 'PUT', path: '/api/congresses/:code/targets', params: CongressParams, body: TargetsBody, response: TargetsView, access: OFFICE }),

  live: endpoint({ method: 'GET', path: '/api/congresses/:code/live', params: CongressParams, response: SOCKET, access: EVERYONE }),
} as const;
