/**
 * Small page helpers: copy the canonical link (of the page or of a section), the Web Share
 * button where supported, and language links that keep the current #section.
 */
function canonical(): string {
  return document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href.split('#')[0]!;
}

async function copy(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall through to the manual fallback */
  }
  return false;
}

export function initPageTools() {
  const bar = document.querySelector<HTMLElement>('.kb-share-bar');
  const status = document.querySelector<HTMLElement>('[data-kb-copy-status]');
  const say = (ok: boolean, url: string) => {
    if (!status || !bar) return;
    status.replaceChildren();
    if (ok) {
      status.textContent = `${bar.dataset.kbCopied ?? 'Link copied'}: ${url}`;
      return;
    }
    // Fallback: show the address, selected, so the reader can copy it by hand.
    status.textContent = bar.dataset.kbCopyFailed ?? 'Copy this link:';
    const field = document.createElement('input');
    field.type = 'text';
    field.readOnly = true;
    field.value = url;
    field.className = 'kb-copy-field';
    field.setAttribute('aria-label', bar.dataset.kbCopyFailed ?? 'Link');
    status.append(' ', field);
    field.focus();
    field.select();
  };
  const handle = async (url: string) => say(await copy(url), url);

  document.querySelector('[data-kb-copy]')?.addEventListener('click', () => void handle(canonical()));

  const share = document.querySelector<HTMLButtonElement>('[data-kb-share]');
  if (share && typeof navigator.share === 'function') {
    share.hidden = false;
    share.addEventListener('click', () => {
      void navigator.share({ title: document.title, url: canonical() }).catch(() => {});
    });
  }

  // A copy button beside every section heading of an article.
  if (bar) {
    const label = bar.dataset.kbCopyLabel ?? 'Copy link to this section';
    document.querySelectorAll<HTMLHeadingElement>('.sl-markdown-content h2[id]').forEach((h) => {
      if (h.closest('.kb-scam, .kb-sources, .kb-after')) return;
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'kb-copy kb-copy-section';
      b.dataset.kbCopySection = h.id;
      b.setAttribute('aria-label', `${label}: ${h.textContent ?? ''}`.trim());
      b.title = label;
      b.textContent = '#';
      b.addEventListener('click', () => void handle(`${canonical()}#${h.id}`));
      (h.closest('.sl-heading-wrapper') ?? h).append(b);
    });
  }

  // Language links keep the section the reader is looking at.
  const links = [...document.querySelectorAll<HTMLAnchorElement>('a[data-kb-lang-link]')];
  const sync = () => links.forEach((a) => (a.hash = location.hash));
  sync();
  window.addEventListener('hashchange', sync);
}
