/** Geometry of the delegate card sheets: A4, two columns of four cards (95 × 62 mm), cut along the dashed lines. */
import { PAPER_SIZES, type Box } from './ballot-layout.ts';

export const CARD_COLUMNS = 2;
export const CARD_ROWS = 4;
export const CARDS_PER_PAGE = CARD_COLUMNS * CARD_ROWS;
const MM = 72 / 25.4;
export const CARD_WIDTH = 95 * MM;
export const CARD_HEIGHT = 62 * MM;

/** The box of the card at `slot` (0–7) on its page. */
export const cardBox = (slot: number): Box => {
  const { width, height } = PAPER_SIZES.A4;
  const left = (width - CARD_COLUMNS * CARD_WIDTH) / 2;
  const top = (height - CARD_ROWS * CARD_HEIGHT) / 2;
  const column = slot % CARD_COLUMNS;
  const row = Math.floor(slot / CARD_COLUMNS);
  return { x: left + column * CARD_WIDTH, y: top + row * CARD_HEIGHT, width: CARD_WIDTH, height: CARD_HEIGHT };
};
