import { useEffect, useRef } from 'preact/hooks';
import {
  BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartData, type ChartOptions, type ChartType,
} from 'chart.js';
import style from './style.module.css';

// Only what the console draws (line and bar charts): Chart.js tree-shakes the rest away.
Chart.register(LineController, BarController, LineElement, BarElement, PointElement, CategoryScale, LinearScale, Filler, Legend, Tooltip);

interface Props<T extends 'line' | 'bar'> {
  type: T;
  data: ChartData<T>;
  options?: ChartOptions<T>;
  /** What the chart shows, for screen readers (the canvas is an image to them). */
  label: string;
  /** The same figures as text: rendered inside the canvas, where assistive technology reads it. */
  fallback?: preact.ComponentChildren;
  /** Test id of the wrapper. */
  testId?: string;
  height?: string;
}

/**
 * A Chart.js chart as a Preact component: created on mount, updated in place when `data` or
 * `options` change (no flicker, no leak), destroyed on unmount. Responsive to its box.
 */
export function ChartView<T extends 'line' | 'bar'>({ type, data, options, label, fallback, testId, height = '18rem' }: Props<T>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<ChartType> | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const c = new Chart(canvas.current, { type, data, options: { responsive: true, maintainAspectRatio: false, ...options } } as never);
    chart.current = c as unknown as Chart<ChartType>;
    return () => {
      c.destroy();
      chart.current = null;
    };
    // The chart is rebuilt only when its kind changes; data and options are updated below.
  }, [type]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data = data as ChartData<ChartType>;
    if (options) c.options = { responsive: true, maintainAspectRatio: false, ...options } as ChartOptions<ChartType>;
    c.update();
  }, [data, options]);

  return (
    <div class={style.box} style={{ height }} data-testid={testId}>
      <canvas ref={canvas} role="img" aria-label={label}>
        {fallback}
      </canvas>
    </div>
  );
}
