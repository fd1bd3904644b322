import { z } from 'zod';
import { Text } from './common.ts';

export const Assessment = z.enum(['exceeded', 'met', 'not-met']);
export const TargetInput = z.object({
  name: Text(300), target: Text(300), result: Text(300), assessment: Assessment,
}).strict();
export const TargetsBody = z.object({ targets: z.array(TargetInput).max(200) }).strict();
export const TargetsView = z.object({
  targets: z.array(TargetInput.extend({ id: z.number(), position: z.number() })),
  /** "8/8 chỉ tiêu đạt và vượt, 5 vượt" */
  summary: z.object({ total: z.number(), metOrExceeded: z.number(), exceeded: z.number(), notMet: z.number(), text_vi: z.string() }),
});
