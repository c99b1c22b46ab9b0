import type { CatalogPreview, CatalogPreviewRequest } from '@vitrina/contracts';
import { previewCatalogFiles } from '../../../domains/catalog/index.js';

/**
 * Catalogue files uploaded at head office, read by the catalogue domain's own parsers (no
 * database: head office keeps no catalogue). The console shows the preview and publishes its
 * products and prices as a `catalog` and a `prices` message (PublishService).
 */
export class CatalogFiles {
  preview(req: CatalogPreviewRequest): Promise<CatalogPreview> {
    const files = req.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') }));
    return previewCatalogFiles(req.format, files, req.retailPriceType ? { retailPriceType: req.retailPriceType } : {});
  }
}
