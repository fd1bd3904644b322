/**
 * The QR payload of a ballot page: congress, election, round, page and the layout hash. Never anything that
 * identifies a voter: every ballot of a round is identical. ASCII only, so every QR reader decodes it.
 */
import { err, ok, ruleError, type Result, type RuleError } from '../rules/index.ts';

export interface BallotQr {
  readonly congressId: string;
  readonly electionId: string;
  readonly round: number;
  /** From 1. */
  readonly page: number;
  readonly pages: number;
  readonly layoutHash: string;
}

const PREFIX = 'DHB1';
const ID = /^[A-Za-z0-9_.:-]{1,40}$/;

export const checkQrId = (value: string, field: string): Result<true, RuleError> =>
  ID.test(value)
    ? ok(true)
    : err(ruleError('ballot.qr-id', `Mã "${value}" không dùng được trên mã QR (chỉ chữ Latin không dấu, số, - _ . :, tối đa 40 ký tự).`,
      `"${value}" cannot go into the QR code (ASCII letters, digits, - _ . : only, at most 40).`, field));

/** "DHB1;c=dh-2020;e=bch;r=1;p=1/3;h=1a2b3c4d" */
export const encodeBallotQr = (q: BallotQr): string =>
  `${PREFIX};c=${q.congressId};e=${q.electionId};r=${q.round};p=${q.page}/${q.pages};h=${q.layoutHash}`;

const PATTERN = /^DHB1;c=([A-Za-z0-9_.:-]{1,40});e=([A-Za-z0-9_.:-]{1,40});r=([1-9]\d{0,2});p=([1-9]\d{0,2})\/([1-9]\d{0,2});h=([0-9a-f]{8})$/;

/** Strict: anything else than the exact format is refused (the scanner then asks a person). */
export const parseBallotQr = (text: string): Result<BallotQr, RuleError> => {
  const m = PATTERN.exec(text);
  if (m === null) {
    return err(ruleError('ballot.qr-format', 'Mã QR không phải của phiếu bầu Đại hội.', 'The QR code is not a congress ballot code.'));
  }
  const [, congressId, electionId, round, page, pages, layoutHash] = m as unknown as [string, string, string, string, string, string, string];
  if (Number(page) > Number(pages)) {
    return err(ruleError('ballot.qr-page', 'Số trang trên mã QR không hợp lệ.', 'The page number in the QR code is out of range.'));
  }
  return ok({ congressId, electionId, round: Number(round), page: Number(page), pages: Number(pages), layoutHash });
};
