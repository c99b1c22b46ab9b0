import { ROUTES, type PublishSignageRequest } from '@vitrina/contracts';
import { api } from './api';
import { useAction, useApi } from './use-api';
import { useMediaUpload } from './use-media-upload';

/** Head office's content page: its media library (upload, pick), the signage publication, what was published. */
export function useHqContent() {
  const library = useApi(ROUTES.media.list, { query: {} });
  const publications = useApi(ROUTES.headOffice.publications);
  const upload = useMediaUpload();
  const uploadFiles = async (files: readonly File[]) => {
    const stored = await upload.run(files);
    library.reload();
    return stored;
  };
  const publish = useAction(async (body: PublishSignageRequest) => {
    const p = await api.call(ROUTES.headOffice.publishSignage, { body });
    publications.reload();
    return p;
  });
  return { library, publications, upload, uploadFiles, publish };
}
