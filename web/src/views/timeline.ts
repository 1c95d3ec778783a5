import { h } from '../dom';
import { dayOf, formatDate, isoOf } from '../format';
import { t } from '../i18n';

/** Step of "play": a week per frame, the way weekly reports move. */
const PLAY_STEP_DAYS = 7;
const FRAME_MS = 120;

/** A date slider over the days with data, with a play button that steps through time. */
export class Timeline {
  readonly el = h('div', { class: 'timeline' });
  private readonly slider = h('input', { type: 'range', min: 0, max: 0, step: 1, 'aria-label': t('explorer.timeline.date') });
  private readonly label = h('output', { class: 'date-label' });
  private readonly play = h('button', { type: 'button', class: 'play', 'aria-label': t('explorer.timeline.play') }, '▶');
  private first: string | null = null;
  private playing = false;

  constructor(private readonly onDate: (date: string, replace: boolean) => Promise<void>) {
    this.slider.addEventListener('input', () => {
      const d = this.dateAt(Number(this.slider.value));
      this.label.textContent = formatDate(d);
      void this.onDate(d, true);
    });
    this.play.addEventListener('click', () => void (this.playing ? this.stop() : this.start()));
    this.el.append(this.play, this.slider, this.label);
  }

  set(first: string | null, last: string | null, date: string | null): void {
    this.first = first;
    this.slider.max = String(first && last ? dayOf(last) - dayOf(first) : 0);
    this.slider.value = String(first && date ? dayOf(date) - dayOf(first) : 0);
    this.slider.disabled = !first;
    this.label.textContent = formatDate(date);
  }

  private dateAt(i: number): string {
    return isoOf(dayOf(this.first!) + i);
  }

  private async start(): Promise<void> {
    if (!this.first) return;
    this.playing = true;
    this.play.textContent = '⏸';
    this.play.setAttribute('aria-label', t('explorer.timeline.pause'));
    let i = Number(this.slider.value);
    if (i >= Number(this.slider.max)) i = 0;
    while (this.playing && i <= Number(this.slider.max)) {
      const started = performance.now();
      await this.onDate(this.dateAt(i), true);
      const wait = FRAME_MS - (performance.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (i === Number(this.slider.max)) break;
      i = Math.min(i + PLAY_STEP_DAYS, Number(this.slider.max));
    }
    this.stop();
  }

  private stop(): void {
    this.playing = false;
    this.play.textContent = '▶';
    this.play.setAttribute('aria-label', t('explorer.timeline.play'));
  }
}
