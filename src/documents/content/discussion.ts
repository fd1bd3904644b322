/**
 * The discussion's documents: the report of synthesis, acceptance and explanation of opinions (báo cáo tổng hợp,
 * tiếp thu, giải trình ý kiến), a discussion group's minutes (biên bản thảo luận tổ) and the adopted resolution.
 * Plain data in, blocks out; counts and groups come from src/discussion.
 */
import { formatPercent } from '../../locale/vi.ts';
import { decideShowOfHands, ok, percentOf, type Result, type RuleError } from '../../rules/index.ts';
import { KIND_LABELS_VI, resolutionTargetsHeading, STATUS_LABELS_VI, type OpinionKind, type SynthesisStatus } from '../../discussion/index.ts';
import { congressName } from '../labels.ts';
import type { CongressHeader } from '../model.ts';
import { b, col, heading, i, p, table, type Block, type DocumentContent } from './blocks.ts';
import { n } from './count-sections.ts';
import { documentHeader } from './header.ts';

export interface ReportUnit {
  readonly cite: string;
  readonly text: string;
  readonly status: SynthesisStatus;
  readonly newText: string | null;
  readonly explanation: string | null;
  readonly clusters: readonly { readonly kind: OpinionKind; readonly representative: string; readonly supportText: string }[];
}

export interface DiscussionReportInput {
  readonly header: CongressHeader;
  readonly documentTitle: string;
  readonly versionNumber: number;
  /** `groupsReported` of `groups`: the groups that recorded any opinion, of all the congress's groups. */
  readonly totals: { readonly comments: number; readonly paper: number; readonly groupOpinions: number; readonly groupsReported: number; readonly groups: number };
  readonly units: readonly ReportUnit[];
  /** Opinions on paragraphs this version removed (carried from earlier versions): "Phiên bản 1, I. › đ3". */
  readonly removed?: readonly { readonly cite: string; readonly unitText: string; readonly kind: OpinionKind; readonly author: string; readonly text: string }[];
  /** Head of the secretariat; "" when none is named yet (a line to sign by hand). */
  readonly signedBy: string;
}

const answerBlock = (u: ReportUnit): Block => {
  switch (u.status) {
    case 'accepted': return p(b('Tiếp thu. '), 'Đề nghị sửa thành: ', i(`"${u.newText ?? ''}"`));
    case 'explained': return p(b('Giải trình: '), u.explanation ?? '');
    case 'not-accepted': return p(b('Không tiếp thu. '), u.explanation ?? '');
    case 'pending': return p(i('Đoàn Thư ký đang tổng hợp, chưa có hình thức xử lý.'));
  }
};

export const discussionReportContent = (input: DiscussionReportInput): DocumentContent => {
  const h = input.header;
  const t = input.totals;
  const blocks: Block[] = [
    // One run: a justified line made of bold and plain runs lost the space after a bold number ("1ý kiến").
    p(`Đoàn Thư ký Đại hội đã tổng hợp ý kiến góp ý vào ${input.documentTitle} (phiên bản số ${n(input.versionNumber)}): `
      + `${n(t.comments)} ý kiến của đại biểu (trong đó ${n(t.paper)} phiếu góp ý bằng giấy) và ${n(t.groupOpinions)} ý kiến của `
      + `${n(t.groupsReported)}/${n(t.groups)} tổ thảo luận, về ${n(input.units.length)} đoạn của dự thảo. Các ý kiến cùng nội dung được tổng hợp chung; số tổ và số đại `
      + 'biểu ghi kèm từng nội dung.'),
    heading('I. TỔNG HỢP Ý KIẾN VÀ TIẾP THU, GIẢI TRÌNH'),
  ];
  input.units.forEach((u, k) => {
    blocks.push(p(b(`${n(k + 1)}. ${u.cite}: `), i(`"${u.text}"`)));
    // The support text names the kind already ("… đề nghị sửa"): no "(sửa đổi)" after it.
    for (const c of u.clusters) blocks.push(p(`- ${c.supportText}: ${c.representative}`));
    blocks.push(answerBlock(u));
  });
  blocks.push(heading('II. BẢNG TỔNG HỢP'));
  blocks.push(table([col('STT', 7, 'center'), col('Đoạn', 23), col('Nội dung ý kiến', 40), col('Hình thức xử lý', 18, 'center')],
    input.units.map((u, k) => [n(k + 1), u.cite, `${u.clusters.map((c) => `${c.supportText}: ${c.representative.replace(/[\s.;]+$/u, '')}`).join('; ')}.`, STATUS_LABELS_VI[u.status]])));
  const removed = input.removed ?? [];
  if (removed.length > 0) {
    blocks.push(heading('III. Ý KIẾN VỀ CÁC ĐOẠN ĐÃ BỎ Ở PHIÊN BẢN NÀY'));
    removed.forEach((o, k) => blocks.push(p(b(`${n(k + 1)}. ${o.cite}: `), i(`"${o.unitText}"`), ` — ${o.author} (${KIND_LABELS_VI[o.kind].toLocaleLowerCase('vi')}): ${o.text}`)));
  }
  blocks.push({ kind: 'signatures', signers: [{ caption: ['TM. ĐOÀN THƯ KÝ', 'TRƯỞNG ĐOÀN'], name: input.signedBy }] });
  return {
    header: documentHeader(h, 'Đoàn Thư ký'),
    title: 'BÁO CÁO',
    // "Dự thảo Báo cáo chính trị trình Đại hội" is presented to the congress named on the next line: said once.
    subtitles: [`Tổng hợp, tiếp thu, giải trình ý kiến góp ý vào ${input.documentTitle.replace(/\s+trình Đại hội$/iu, '')}`, `trình ${congressName(h)}`],
    date: h.date,
    blocks,
  };
};

export interface GroupMinutesInput {
  readonly header: CongressHeader;
  readonly groupName: string;
  readonly documentTitle: string;
  readonly members: number;
  readonly leader: string;
  readonly secretary: string;
  readonly opinions: readonly { readonly cite: string; readonly kind: OpinionKind; readonly text: string; readonly proposed: string | null; readonly speaker: string; readonly agree: number }[];
}

export const groupMinutesContent = (input: GroupMinutesInput): DocumentContent => ({
  header: documentHeader(input.header, input.groupName),
  title: 'BIÊN BẢN THẢO LUẬN TỔ',
  subtitles: [`Về ${input.documentTitle}`],
  date: input.header.date,
  blocks: [
    p(`${input.groupName} gồm `, b(n(input.members)), ` đại biểu; tổ trưởng: `, b(input.leader || '…'), `; thư ký: `, b(input.secretary || '…'), '.'),
    p(`Tổ đã thảo luận và thống nhất ghi nhận `, b(n(input.opinions.length)), ` ý kiến sau:`),
    table([col('STT', 7, 'center'), col('Đoạn', 18), col('Loại', 10), col('Nội dung ý kiến', 39), col('Người phát biểu', 14), col('Số tán thành', 10, 'right')],
      input.opinions.map((o, k) => [n(k + 1), o.cite, KIND_LABELS_VI[o.kind], o.proposed === null ? o.text : `${o.text} Đề nghị: "${o.proposed}"`, o.speaker, n(o.agree)])),
    p('Biên bản lập xong cùng ngày, đã đọc lại cho tổ nghe và thống nhất.'),
    { kind: 'signatures', signers: [{ caption: ['THƯ KÝ'], name: input.secretary }, { caption: ['TỔ TRƯỞNG'], name: input.leader }] },
  ],
});

export interface ResolutionInput {
  readonly header: CongressHeader;
  readonly units: readonly { readonly kind: 'heading' | 'paragraph'; readonly text: string }[];
  /** The new term's targets the resolution adopts (not the ending term's assessment), under the congress's term. */
  readonly targets: readonly { readonly name: string; readonly target: string }[];
  /** The vote on the whole, as recorded. */
  readonly vote: { readonly agree: number; readonly disagree: number; readonly other: number; readonly base: number; readonly present: number } | null;
  readonly signedBy: string;
}

export const resolutionContent = (input: ResolutionInput): Result<DocumentContent, RuleError> => {
  const h = input.header;
  const blocks: Block[] = [
    p(i(`${congressName(h)} đã thảo luận và thống nhất`), ','),
    heading('QUYẾT NGHỊ'),
    ...input.units.map((u): Block => (u.kind === 'heading' ? heading(u.text) : p(u.text))),
  ];
  if (input.targets.length > 0) {
    blocks.push(heading(resolutionTargetsHeading(h.term)));
    blocks.push(table([col('STT', 8, 'center'), col('Chỉ tiêu', 52), col('Mục tiêu', 40)], input.targets.map((t, k) => [n(k + 1), t.name, t.target])));
  }
  if (input.vote !== null) {
    const d = decideShowOfHands(input.vote, input.vote.base, input.vote.present);
    if (!d.ok) return d;
    blocks.push(p(`Nghị quyết được Đại hội biểu quyết ${d.value.passed ? 'thông qua' : 'nhưng không được thông qua'} với `, b(n(d.value.agree)), ` đại biểu tán thành trên tổng số `,
      b(n(d.value.base)), ` đại biểu làm căn cứ, đạt `, b(formatPercent(percentOf(d.value.agree, d.value.base))), '.'));
  }
  blocks.push({ kind: 'signatures', signers: [{ caption: ['TM. ĐOÀN CHỦ TỊCH'], name: input.signedBy }] });
  return ok({
    header: documentHeader(h, null),
    title: 'NGHỊ QUYẾT',
    subtitles: [congressName(h)],
    date: h.date,
    blocks,
  });
};
