/** A Pagefind excerpt as text runs, the highlighted ones marked — never HTML (shared by the engine and the search box). */
export function excerptRuns(excerpt: string): { text: string; mark: boolean }[] {
  const decode = (s: string) => s.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const runs: { text: string; mark: boolean }[] = [];
  for (const part of excerpt.split(/(<mark>[\s\S]*?<\/mark>)/g)) {
    if (!part) continue;
    const m = /^<mark>([\s\S]*)<\/mark>$/.exec(part);
    const text = decode(m ? m[1]! : part);
    if (text) runs.push({ text, mark: Boolean(m) });
  }
  return runs;
}
