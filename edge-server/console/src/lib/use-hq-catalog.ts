import { ROUTES, type CatalogPreview, type CatalogPreviewRequest, type Publication, type PublishTarget } from '@vitrina/contracts';
import { api } from './api';
import { catalogRequests, fileBase64 } from './hq-publish';
import { useAction, useApi } from './use-api';

/** Head office's catalogue page: read files into a preview (nothing stored), publish it, list what was published. */
export function useHqCatalog() {
  const publications = useApi(ROUTES.headOffice.publications);
  const preview = useAction(async (format: CatalogPreviewRequest['format'], files: readonly File[]): Promise<CatalogPreview> => {
    const body: CatalogPreviewRequest = { format, files: await Promise.all(files.map(async (f) => ({ name: f.name, base64: await fileBase64(f) }))) };
    return api.call(ROUTES.headOffice.catalogPreview, { body });
  });
  const publish = useAction(async (target: PublishTarget, view: CatalogPreview): Promise<Publication[]> => {
    const { catalog, prices } = catalogRequests(target, view);
    const out: Publication[] = [];
    // One after another: a store applies them in this order, so prices find their products.
    for (const body of catalog) out.push(await api.call(ROUTES.headOffice.publishCatalog, { body }));
    for (const body of prices) out.push(await api.call(ROUTES.headOffice.publishPrices, { body }));
    publications.reload();
    return out;
  });
  return { publications, preview, publish };
}
