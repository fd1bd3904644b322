/**
 * The new term's targets a resolution adopts (chỉ tiêu chủ yếu nhiệm kỳ mới): a name and the target with its
 * number ("Thu nhập bình quân đầu người đến năm 2030" — "65 triệu đồng/người/năm"). Not the ending term's
 * assessment (resolution_targets: target, result, met or not), which the hall shows.
 */

/** How many targets one resolution holds at most. */
export const RESOLUTION_TARGETS_MAX = 100;

/** A target is a number to reach: its text holds at least one digit ("65 triệu", "trên 90%"). */
export const hasNumber = (target: string): boolean => /\d/u.test(target);

/** The heading the printed resolution gives them, with the congress's term ("2025 – 2030"). */
export const resolutionTargetsHeading = (term: string): string => `Các chỉ tiêu chủ yếu nhiệm kỳ ${term}`;
