import { useApi } from '../app/api-context.tsx';
import { useMe } from '../app/session.tsx';
import { useLiveResource } from '../app/useLiveResource.ts';
import { DocumentList } from '../ui/DocumentList.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

/** The congress documents. */
export const DocumentsSection = () => {
  const api = useApi();
  const { congress } = useMe();
  const documents = useLiveResource(congress, () => api.documents(congress), ['documents']);
  return (
    <div>
      {documents.error !== null && <ErrorMessage error={documents.error} />}
      {documents.data !== null && <DocumentList documents={documents.data} congress={congress} />}
    </div>
  );
};
