/** A .docx as the blocks of a draft (src/discussion/html.ts): mammoth makes HTML of it, headings and lists kept. */
import mammoth from 'mammoth';
import { blocksFromHtml, type SourceBlock } from '../discussion/index.ts';
import { err, ok, ruleError, type Result, type RuleError } from '../rules/index.ts';

/** Images are dropped: the discussion is about the text. */
const NO_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

export const readDocxBlocks = async (data: Uint8Array, maxBlocks: number): Promise<Result<SourceBlock[], RuleError>> => {
  let html: string;
  try {
    const r = await mammoth.convertToHtml({ buffer: Buffer.from(data) }, { convertImage: NO_IMAGES, externalFileAccess: false, ignoreEmptyParagraphs: true });
    html = r.value;
  } catch {
    return err(ruleError('discussion.docx-unreadable', 'Không đọc được tệp Word (.docx) này.', 'This Word (.docx) file cannot be read.', 'file'));
  }
  const blocks = blocksFromHtml(html);
  if (blocks.length === 0) return err(ruleError('discussion.docx-empty', 'Tệp Word không có đoạn văn nào.', 'The Word file has no paragraph.', 'file'));
  if (blocks.length > maxBlocks) {
    return err(ruleError('discussion.docx-too-long', `Tệp có hơn ${maxBlocks} đoạn.`, `The file has more than ${maxBlocks} paragraphs.`, 'file'));
  }
  return ok(blocks);
};
