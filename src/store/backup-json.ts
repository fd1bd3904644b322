/**
 * Candidate ids inside JSON columns (a round's count, the counting input log) are database ids written as
 * text: restore must remap them like any other reference. They sit in known places of the rules core's and the
 * counting core's shapes: `results[].id`, `elected`, `alternates`, `admitted`, `candidates` (a tie), a ballot's
 * `struck` and the keys of its `marks`, a write-in that names a candidate, and a scan review reason's `candidateId`. Nothing else is touched (batch
 * numbers, operators and terminals are also digit strings).
 */
const ID_ARRAYS = new Set(['elected', 'alternates', 'admitted', 'candidates', 'struck']);

export type CandidateIdMap = (oldId: string) => string | undefined;

const remapValue = (value: unknown, map: CandidateIdMap): unknown => {
  if (Array.isArray(value)) return value.map((v) => remapValue(v, map));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (ID_ARRAYS.has(key) && Array.isArray(v)) {
      out[key] = (v as unknown[]).map((x) => (typeof x === 'string' ? map(x) ?? x : remapValue(x, map)));
    } else if (key === 'results' && Array.isArray(v)) {
      out[key] = (v as unknown[]).map((r) => {
        if (r === null || typeof r !== 'object' || Array.isArray(r)) return r;
        const row = r as Record<string, unknown>;
        return typeof row['id'] === 'string' ? { ...row, id: map(row['id']) ?? row['id'] } : row;
      });
    } else if (key === 'marks' && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      out[key] = Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, m]) => [map(k) ?? k, m]));
    } else if ((key === 'writeIn' || key === 'candidateId') && typeof v === 'string') {
      out[key] = map(v) ?? v;
    } else {
      out[key] = remapValue(v, map);
    }
  }
  return out;
};

/** The JSON text with its candidate ids remapped; text that is not JSON is returned as it was. */
export const remapCandidateIdsInJson = (text: string, map: CandidateIdMap): string => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  return JSON.stringify(remapValue(parsed, map));
};
