import { parseState, serializeState, type ViewState } from './state';

/**
 * The one source of truth for what is shown: the URL. `set` changes the state, writes it to the
 * address bar (a new history entry, or replacing the current one for slider moves) and renders.
 */
export type Render = (s: ViewState, prev: ViewState | null) => Promise<void>;

export class Store {
  state: ViewState;
  private render: Render = async () => {};
  /** The state last rendered (null before the first render). */
  private rendered: ViewState | null = null;
  private loop: Promise<void> | null = null;

  constructor() {
    this.state = parseState(location.search);
    addEventListener('popstate', () => {
      this.state = parseState(location.search);
      void this.run();
    });
  }

  start(render: Render): Promise<void> {
    this.render = render;
    return this.run();
  }

  set(patch: Partial<ViewState>, opts: { replace?: boolean } = {}): Promise<void> {
    this.state = { ...this.state, ...patch };
    const url = `${location.pathname}${serializeState(this.state)}`;
    if (url !== `${location.pathname}${location.search}`) history[opts.replace ? 'replaceState' : 'pushState'](null, '', url);
    return this.run();
  }

  /**
   * One render at a time; changes made meanwhile (a slider dragged fast) are coalesced into one
   * more render of the newest state. Resolves when the newest state is on screen.
   */
  private run(): Promise<void> {
    this.loop ??= (async () => {
      while (this.rendered !== this.state) {
        const next = this.state;
        try {
          await this.render(next, this.rendered);
        } catch (err) {
          console.error(err);
        }
        this.rendered = next;
      }
      this.loop = null;
    })();
    return this.loop;
  }
}
