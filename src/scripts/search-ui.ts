/**
 * The search box: opens the dialog (button, Ctrl/⌘+K, "/"), loads the search engine on first
 * intent, and renders results with DOM text nodes only (reader input and index text are never
 * parsed as HTML). Also drives the shareable search page (/<locale>/search/?q=…).
 */
import type { Locale } from '../model/locales';
import type { Hit } from '../search/engine';
import { excerptRuns } from '../search/excerpt';

interface Strings {
  empty: string; noResults: string; results: string; matchedIn: string; loading: string; failed: string;
  kinds: Record<string, string>; languages: Record<string, string>;
}

let engine: Promise<typeof import('./search-engine')> | undefined;
/** Load the engine (and warm up the current language's index) — called on first intent. */
function loadEngine(locale: Locale) {
  engine ??= import('./search-engine').then((m) => {
    void m.warm(locale);
    return m;
  });
  return engine;
}

function renderResults(list: HTMLOListElement, status: HTMLElement, hits: Hit[], s: Strings, current: Locale) {
  list.replaceChildren();
  for (const h of hits) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.className = 'kb-result';
    a.href = h.href;
    const kind = document.createElement('span');
    kind.className = `kb-result-kind kind-${h.kind}`;
    kind.textContent = s.kinds[h.kind] ?? h.kind;
    const title = document.createElement('span');
    title.className = 'kb-result-title';
    title.textContent = h.title;
    a.append(kind, title);
    if (h.matchedIn !== current) {
      const lang = document.createElement('span');
      lang.className = 'kb-result-lang';
      lang.textContent = s.matchedIn.replace('{lang}', s.languages[h.matchedIn] ?? h.matchedIn);
      a.append(lang);
    }
    const excerpt = document.createElement('span');
    excerpt.className = 'kb-result-excerpt';
    for (const run of excerptRuns(h.excerpt)) {
      if (run.mark) {
        const m = document.createElement('mark');
        m.textContent = run.text;
        excerpt.append(m);
      } else excerpt.append(document.createTextNode(run.text));
    }
    a.append(excerpt);
    li.append(a);
    list.append(li);
  }
  status.textContent = hits.length ? s.results.replace('{n}', String(hits.length)) : s.noResults;
}

/** Wire a query box to a result list; returns the function that runs a query. */
function bind(input: HTMLInputElement, list: HTMLOListElement, status: HTMLElement, s: Strings, locale: Locale, onQuery?: (q: string) => void) {
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async (q: string) => {
    const mine = ++seq;
    onQuery?.(q);
    if (!q.trim()) {
      list.replaceChildren();
      status.textContent = s.empty;
      return;
    }
    if (!/[\p{L}\p{N}]/u.test(q)) {
      // Only symbols or binary garbage: nothing to search for.
      list.replaceChildren();
      status.textContent = s.noResults;
      return;
    }
    status.textContent = s.loading;
    try {
      const m = await loadEngine(locale);
      const hits = await m.run(q, locale);
      if (mine === seq) renderResults(list, status, hits, s, locale);
    } catch (e) {
      console.error('search failed:', e instanceof Error ? e.message : e);
      if (mine === seq) status.textContent = s.failed;
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), 150);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      const first = list.querySelector<HTMLAnchorElement>('a.kb-result');
      if (first) {
        e.preventDefault();
        first.focus();
      }
    }
  });
  list.addEventListener('keydown', (e) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a.kb-result')];
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (i < 0) return;
    if (e.key === 'ArrowDown' && links[i + 1]) (e.preventDefault(), links[i + 1]!.focus());
    if (e.key === 'ArrowUp') (e.preventDefault(), (links[i - 1] ?? input).focus());
  });
  return run;
}

export function initSearchDialog() {
  const dialog = document.getElementById('kb-search') as HTMLDialogElement | null;
  const input = document.getElementById('kb-search-input') as HTMLInputElement | null;
  const list = document.getElementById('kb-search-results') as HTMLOListElement | null;
  const status = document.getElementById('kb-search-status');
  const more = document.getElementById('kb-search-page-link') as HTMLAnchorElement | null;
  if (!dialog || !input || !list || !status) return;
  const locale = (dialog.dataset.locale ?? 'en') as Locale;
  const s = JSON.parse(dialog.dataset.strings ?? '{}') as Strings;
  const intent = () => void loadEngine(locale);
  bind(input, list, status, s, locale, (q) => {
    if (!more) return;
    more.href = `/${locale}/search/?q=${encodeURIComponent(q.trim())}`;
    more.parentElement!.hidden = !q.trim();
  });
  const open = () => {
    intent();
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
  };
  document.querySelectorAll<HTMLButtonElement>('[data-kb-search-open]').forEach((b) => {
    b.addEventListener('click', open);
    b.addEventListener('pointerenter', intent, { once: true });
    b.addEventListener('focus', intent, { once: true });
  });
  dialog.querySelector('[data-kb-search-close]')?.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close(); // click on the backdrop
  });
  dialog.querySelector('form')?.addEventListener('submit', (e) => {
    // Enter in the box opens the first result when there is one; otherwise the search page.
    const first = list.querySelector<HTMLAnchorElement>('a.kb-result');
    if (first) {
      e.preventDefault();
      first.click();
    }
  });
  window.addEventListener('keydown', (e) => {
    const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName));
    if ((e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      open();
    } else if (e.key === '/' && !typing && !dialog.open) {
      e.preventDefault();
      open();
    }
  });
}

/** The shareable search page: reads ?q= (as text only) and shows its results. */
export function initSearchPage() {
  const form = document.getElementById('kb-search-page') as HTMLFormElement | null;
  const input = document.getElementById('kb-search-page-input') as HTMLInputElement | null;
  const list = document.getElementById('kb-search-page-results') as HTMLOListElement | null;
  const status = document.getElementById('kb-search-page-status');
  if (!form || !input || !list || !status) return;
  const locale = (form.dataset.locale ?? 'en') as Locale;
  const s = JSON.parse(form.dataset.strings ?? '{}') as Strings;
  const run = bind(input, list, status, s, locale, (q) => {
    const url = new URL(location.href);
    if (q.trim()) url.searchParams.set('q', q.trim());
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(input.value);
  });
  let q = '';
  try {
    q = new URLSearchParams(location.search).get('q') ?? '';
  } catch {
    q = '';
  }
  input.value = q.slice(0, 500);
  void run(input.value);
}
