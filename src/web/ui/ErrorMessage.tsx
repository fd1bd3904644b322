import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/types.ts';

/** A server or rules error in the reader's language (Vietnamese first). */
export const ErrorMessage = ({ error }: { readonly error: Pick<ApiError, 'message_vi' | 'message_en'> }) => {
  const { i18n } = useTranslation();
  return <p className="error" role="alert">{i18n.language === 'en' ? error.message_en : error.message_vi}</p>;
};
