import type { Layout, LayoutTemplate, SignageBoards, Slide } from '@vitrina/contracts';
import type { LoopOptions } from '../../lib/use-loop';
import { RegionLoop } from '../region-loop';
import { Ticker } from '../ticker';
import styles from './style.module.css';

interface Props {
  layout: Layout;
  template: LayoutTemplate;
  boards: SignageBoards | null;
  /** Loop options for a region (cache check, proof-of-play callbacks). */
  loopFor: (regionId: string) => LoopOptions<Slide>;
}

/**
 * A layout on screen: each region of its template placed by its geometry (percent of the
 * screen), playing its own loop. The ticker region scrolls text; the others loop slides.
 */
export function LayoutView({ layout, template, boards, loopFor }: Props) {
  const slidesOf = new Map(layout.regions.map((r) => [r.regionId, r.slides]));
  return (
    <main class={styles.layout} data-testid="signage-loop" data-layout-id={layout.id} data-template={template.id}>
      {template.regions.map((region) => {
        const slides = slidesOf.get(region.id) ?? [];
        const g = region.geometry;
        const isTicker = region.accepts.length === 1 && region.accepts[0] === 'ticker';
        return (
          <div
            class={styles.region}
            key={`${layout.id}:${layout.version}:${region.id}`}
            data-testid="region"
            data-region-id={region.id}
            style={{ left: `${g.x}%`, top: `${g.y}%`, width: `${g.width}%`, height: `${g.height}%` }}
          >
            {isTicker ? <Ticker slides={slides} {...loopFor(region.id)} /> : <RegionLoop slides={slides} boards={boards} {...loopFor(region.id)} />}
          </div>
        );
      })}
    </main>
  );
}
