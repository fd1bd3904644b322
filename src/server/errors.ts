/** The global error handler: no 500 for bad input — framework errors become `{ error: … }` with their status. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { ruleError } from '../rules/index.ts';
import { errorBody } from './problems.ts';
import { closeIfLargeUnread } from './unread-body.ts';

const KNOWN: Readonly<Record<string, [string, string]>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['Kiểu nội dung không được hỗ trợ (cần application/json).', 'Unsupported content type (application/json expected).'],
  FST_ERR_CTP_BODY_TOO_LARGE: ['Dữ liệu gửi lên quá lớn.', 'The request body is too large.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['Thiếu nội dung JSON.', 'The JSON body is empty.'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['Nội dung không phải JSON hợp lệ.', 'The body is not valid JSON.'],
  FST_ERR_CTP_TOO_DEEP: ['Dữ liệu JSON lồng quá nhiều tầng.', 'The JSON body nests too deeply.'],
  FST_REQ_FILE_TOO_LARGE: ['Tệp quá lớn.', 'The file is too large.'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: ['Cần gửi tệp dạng multipart/form-data.', 'A multipart/form-data upload is expected.'],
  FST_FILES_LIMIT: ['Chỉ được gửi một tệp.', 'Send one file only.'],
  FST_PARTS_LIMIT: ['Quá nhiều phần trong yêu cầu.', 'Too many parts in the request.'],
};

export const installErrorHandler = (app: FastifyInstance): void => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) {
      request.log.error({ err: error }, 'unexpected error');
      return reply.code(500).send(errorBody(ruleError('internal', 'Lỗi hệ thống; thao tác không được thực hiện.', 'Internal error; nothing was done.')));
    }
    const known = KNOWN[error.code];
    if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      const [vi, en] = KNOWN['FST_ERR_CTP_INVALID_JSON_BODY']!;
      return reply.code(400).send(errorBody(ruleError('bad-json', vi, en, 'body')));
    }
    const [vi, en] = known ?? ['Yêu cầu không hợp lệ.', `Bad request (${error.message}).`];
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') closeIfLargeUnread(request, reply);
    return reply.code(status).send(errorBody(ruleError(error.code, vi, en)));
  });
};
