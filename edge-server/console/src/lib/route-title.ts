import type { TFunction } from 'i18next';
import type { RouteDef } from '../routes';

/** A route's title in the user's language: `nav.<route id>` in the catalogues; routes.ts keeps the English one as the fallback. */
export function routeTitle(route: Pick<RouteDef, 'id' | 'title'>, t: TFunction): string {
  return t(`nav.${route.id}`, { defaultValue: route.title });
}
