/** The hall screen's operator panel: what the projector shows, or that it follows the agenda. */
import { CHAIR, HALL } from '../access.ts';
import { CongressParams } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { HallView } from '../hall.ts';

export const hallEndpoints = {
  getHallView: endpoint({ method: 'GET', path: '/api/congresses/:code/hall-view', params: CongressParams, response: HallView, access: HALL }),
  setHallView: endpoint({ method: 'PUT', path: '/api/congresses/:code/hall-view', params: CongressParams, body: HallView, response: HallView, access: CHAIR }),
} as const;
