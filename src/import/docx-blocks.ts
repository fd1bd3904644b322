/**
 * A .docx as the blocks of a draft: read from its XML (docx-xml.ts), or, when that finds no paragraph, by mammoth
 * (HTML with headings and lists kept, src/discussion/html.ts).
 */
import mammoth from 'mammoth';
import { blocksFromHtml, type SourceBlock } from '../discussion/index.ts';
import { err, ok, ruleError, type Result, type RuleError } from '../rules/index.ts';
import { docxXmlBlocks } from './docx-xml.ts';

/** Images are dropped: the discussion is about the text. */
const NO_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

const tooLong = (max: number): RuleError =>
  ruleError('discussion.docx-too-long', `Tệp có hơn ${max} đoạn.`, `The file has more than ${max} paragraphs.`, 'file');

export const readDocxBlocks = async (data: Uint8Array, maxBlocks: number): Promise<Result<SourceBlock[], RuleError>> => {
  let fast: SourceBlock[] | null = null;
  try {
    fast = docxXmlBlocks(data);
  } catch {
    fast = null;
  }
  if (fast !== null && fast.length > 0) return fast.length > maxBlocks ? err(tooLong(maxBlocks)) : ok(fast);
  let html: string;
  try {
    const r = await mammoth.convertToHtml({ buffer: Buffer.from(data) }, { convertImage: NO_IMAGES, externalFileAccess: false, ignoreEmptyParagraphs: true });
    html = r.value;
  } catch {
    return err(ruleError('discussion.docx-unreadable', 'Không đọc được tệp Word (.docx) này.', 'This Word (.docx) file cannot be read.', 'file'));
  }
  const blocks = blocksFromHtml(html);
  if (blocks.length === 0) return err(ruleError('discussion.docx-empty', 'Tệp Word không có đoạn văn nào.', 'The Word file has no paragraph.', 'file'));
  return blocks.length > maxBlocks ? err(tooLong(maxBlocks)) : ok(blocks);
};
