/**
 * Searches Pagefind's index files directly: the per-language meta file and the word chunks a
 * query needs, ranked with Pagefind's BM25 formula. Pagefind still builds the index (its HTML
 * reading, CJK segmentation, weights and meta fields); only its browser runtime (pagefind.js and
 * ~60 KB of WebAssembly per first search) is replaced by this reader, so a first search downloads
 * the index chunks and little else. Shared by the browser and the Node tests; I/O is injected.
 *
 * Index format (Pagefind 1.6, files gzip-compressed, then "pagefind_dcd" + CBOR):
 *   meta:  [version, pages: [hash, wordCount, …][], chunks: [from, to, hash][], filters, sorts, metaFields: string[]]
 *   chunk: [words: [word, pages: [pageDelta, locs, metaLocs][], variants: [spelling, pages][]][]]
 *   locs:  positions, delta-encoded; a negative number -(w+1) sets the weight (w/24) of the
 *          positions after it and restarts the deltas; metaLocs: -(f+1) selects metaFields[f].
 * `checkIndexVersion` refuses any other major.minor version, so a Pagefind upgrade that changes the
 * format fails the build and the tests with a clear message instead of searching garbage.
 */

export const SUPPORTED_PAGEFIND = '1.6';

/**
 * Pagefind 1.6 weights meta fields (title, description …) more than their published weights
 * suggest; its source we could read does not show how. Counting each meta-field occurrence at
 * metaWeights × 8 reproduces Pagefind's best page for most words (tests/search-reader.test.ts
 * prints the agreement: 86–92 % of words with 8×, 80–86 % with 1×).
 */
const META_SCALE = 8;

export interface RankingOptions {
  termFrequency: number;
  pageLength: number;
  termSaturation: number;
  termSimilarity: number;
  metaWeights: Record<string, number>;
}

/** Fetches a file under the Pagefind bundle (e.g. `pagefind-entry.json`, `index/en_123.pf_index`). */
export type BundleLoader = (path: string) => Promise<Uint8Array>;
export type Stemmer = (word: string) => string;

/** The name Pagefind gives a language's index: the page's <html lang>, lowercased (zh-CN → zh-cn). */
export const indexLang = (htmlLang: string) => htmlLang.toLowerCase();

export interface PageHit {
  page: number; // Pagefind's page number in this language's index
  score: number;
}

// ---------- bytes → values ----------

/** A minimal CBOR decoder: the subset Pagefind writes (ints, strings, arrays, maps, bool/null). */
export function decodeCbor(buf: Uint8Array): unknown {
  let i = 0;
  const text = new TextDecoder();
  const uint = (n: number) => {
    let v = 0;
    for (let k = 0; k < n; k++) v = v * 256 + buf[i++]!;
    return v;
  };
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return uint(1);
    if (info === 25) return uint(2);
    if (info === 26) return uint(4);
    if (info === 27) return uint(8);
    if (info === 31) return -1;
    throw new Error(`CBOR: unsupported length ${info}`);
  };
  const item = (): unknown => {
    if (i >= buf.length) throw new Error('CBOR: unexpected end of data');
    const b = buf[i++]!;
    const major = b >> 5;
    const info = b & 31;
    switch (major) {
      case 0:
        return length(info);
      case 1:
        return -1 - length(info);
      case 2:
      case 3: {
        const n = length(info);
        const bytes = buf.subarray(i, i + n);
        i += n;
        return major === 3 ? text.decode(bytes) : bytes;
      }
      case 4: {
        const n = length(info);
        const out: unknown[] = [];
        if (n < 0) {
          while (buf[i] !== 0xff) out.push(item());
          i++;
        } else for (let k = 0; k < n; k++) out.push(item());
        return out;
      }
      case 5: {
        const n = length(info);
        const out: Record<string, unknown> = {};
        for (let k = 0; k < n; k++) out[String(item())] = item();
        return out;
      }
      case 7:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
    }
    throw new Error(`CBOR: unsupported item 0x${b.toString(16)}`);
  };
  return item();
}

const SIGNATURE = 'pagefind_dcd';

/** Pagefind files are gzip-compressed; a host may already have decompressed them. */
export async function unpack(bytes: Uint8Array): Promise<unknown> {
  let data = bytes;
  if (data[0] === 0x1f && data[1] === 0x8b) {
    const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
    data = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  const head = new TextDecoder().decode(data.subarray(0, SIGNATURE.length));
  if (head !== SIGNATURE) throw new Error('not a Pagefind index file (missing "pagefind_dcd" signature)');
  return decodeCbor(data.subarray(SIGNATURE.length));
}

export function checkIndexVersion(version: unknown, where: string): void {
  const v = String(version);
  if (!v.startsWith(SUPPORTED_PAGEFIND + '.')) {
    throw new Error(`${where}: Pagefind index version ${v}, but src/search/index-reader.ts reads ${SUPPORTED_PAGEFIND}.x. Pin pagefind to ${SUPPORTED_PAGEFIND}.x in package.json, or update the reader to the new format and run the search tests.`);
  }
}

// ---------- the index ----------

interface Posting {
  page: number;
  /** [weight × 24, position] pairs of the body */
  locs: [number, number][];
  /** [field index, position] pairs of the meta fields */
  meta: [number, number][];
}

interface Chunk {
  from: string;
  hash: string;
}

export interface LanguageIndex {
  search(term: string): Promise<PageHit[]>;
  /** Pages containing the words of `phrase` next to each other (a pasted message). */
  phrase(phrase: string): Promise<PageHit[]>;
  pageCount: number;
  /** page number → the page's fragment hash (its file in fragment/) */
  pageHashes: string[];
}

/**
 * A query word as Pagefind's indexer wrote it: punctuation removed, NFD with combining marks
 * stripped (so Hangul is stored as jamo), kana voicing marks recomposed (pagefind.js does the same).
 */
export function normalizeWord(word: string): string {
  const stripped = word.replace(/\p{P}/gu, '').normalize('NFD').replace(/(?![\u3099\u309A])\p{M}/gu, '');
  return /[\u3099\u309A]/.test(stripped) ? stripped.normalize('NFC') : stripped;
}

/**
 * Delta-encoded positions in groups: a negative number -(g+1) starts group g (a weight × 24 for
 * body positions, a field index for meta positions) and restarts the deltas. → [group, position][]
 */
function decodeGroups(raw: number[], first: number): [number, number][] {
  const out: [number, number][] = [];
  let group = first;
  let pos = 0;
  for (const n of raw) {
    if (n < 0) {
      group = -n - 1;
      pos = 0;
    } else {
      pos += n;
      out.push([group, pos]);
    }
  }
  return out;
}

/**
 * Opens one language's index (`lang` as Pagefind names it: en, zh-cn, ja, ko). Chunks are
 * fetched on demand and kept. `stem` must be the stemmer Pagefind used when indexing (English
 * Snowball for en, none for the CJK languages).
 */
export async function openIndex(load: BundleLoader, lang: string, ranking: RankingOptions, stem: Stemmer = (w) => w): Promise<LanguageIndex> {
  const entry = JSON.parse(new TextDecoder().decode(await load('pagefind-entry.json'))) as { version: string; languages: Record<string, { hash: string }> };
  checkIndexVersion(entry.version, 'pagefind-entry.json');
  const language = entry.languages[lang];
  if (!language) throw new Error(`pagefind-entry.json has no index for language "${lang}" — did Pagefind see pages with <html lang="${lang}">?`);
  const meta = (await unpack(await load(`pagefind.${language.hash}.pf_meta`))) as [string, [string, number][], [string, string, string][], unknown, unknown, string[]];
  checkIndexVersion(meta[0], `pagefind.${language.hash}.pf_meta`);
  const wordCounts = meta[1].map((p) => p[1]);
  const average = wordCounts.reduce((a, b) => a + b, 0) / Math.max(wordCounts.length, 1);
  const chunks: Chunk[] = meta[2].map(([from, , hash], i) => ({ from: i === 0 ? '' : from, hash }));
  const metaFields = meta[5] ?? [];
  const metaWeight = metaFields.map((f) => (ranking.metaWeights[f] ?? 0) * 24 * META_SCALE);
  const words = new Map<string, Posting[]>();
  const loaded = new Map<string, Promise<void>>();

  const loadChunk = (c: Chunk) => {
    let p = loaded.get(c.hash);
    if (!p) {
      p = load(`index/${c.hash}.pf_index`)
        .then(unpack)
        .then((decoded) => {
          type RawPages = [number, number[], number[]][];
          for (const [word, pages, variants] of (decoded as [[string, RawPages, [string, RawPages][]][]])[0]) {
            // A word is stored normalised (see normalizeWord); its original spellings, when they
            // differ (Hangul, accents), carry their own pages: all of them count for the word.
            const byPage = new Map<number, Posting>();
            for (const list of [pages, ...(variants ?? []).map(([, v]) => v)]) {
              let page = 0;
              for (const [delta, locs, metaLocs] of list) {
                page += delta;
                const prev = byPage.get(page);
                const next = { page, locs: decodeGroups(locs, 24), meta: decodeGroups(metaLocs ?? [], 0) };
                if (prev) {
                  prev.locs.push(...next.locs);
                  prev.meta.push(...next.meta);
                } else byPage.set(page, next);
              }
            }
            words.set(word, [...byPage.values()]);
          }
        })
        .catch((error: unknown) => {
          loaded.delete(c.hash); // a failed download can be retried by the next search
          throw error;
        });
      loaded.set(c.hash, p);
    }
    return p;
  };

  // The chunks holding the words that start with `term`, and the chunk where `term` itself would
  // sort (for the longest indexed prefix of a term that has no extension). Chunk boundaries are
  // word prefixes in Rust's byte order, which equals JavaScript's string order for every
  // character outside the astral planes (emoji, rare CJK), where a boundary can be off by one chunk.
  const chunksFor = (term: string) =>
    chunks.filter((c, i) => {
      const next = chunks[i + 1]?.from;
      return c.from <= term + '\uffff' && (next === undefined || next > term);
    });

  const prepare = (query: string) => {
    const terms = query.toLowerCase().split(/\s+/).map(normalizeWord).filter(Boolean).map(stem);
    return Promise.all(terms.flatMap((t) => chunksFor(t).map(loadChunk))).then(() => terms);
  };

  // Pagefind's matching: a term matches every indexed word it starts; if none, its longest indexed prefix.
  const extensions = (term: string): [string, Posting[]][] => {
    const out: [string, Posting[]][] = [];
    let longest: string | undefined;
    for (const [word, postings] of words) {
      if (word.startsWith(term)) out.push([word, postings]);
      else if (term.startsWith(word) && word.length > (longest?.length ?? 0)) longest = word;
    }
    if (out.length === 0 && longest) out.push([longest, words.get(longest)!]);
    return out;
  };

  // Like Pagefind, lengths in UTF-8 bytes (a CJK character or a Hangul jamo counts 3).
  const utf8 = new TextEncoder();
  const lengthBonus = (word: string, term: string) => {
    const diff = Math.min(Math.abs(utf8.encode(word).length - utf8.encode(term).length) + 1, 255);
    const base = Math.exp((-0.5 * diff * diff) / 4);
    return Math.exp(base * ranking.termSimilarity) / Math.exp(ranking.termSimilarity);
  };

  // Pagefind's BM25 variant (pagefind_core_search): per matched word, weighted term frequency
  // (body weights + meta field weights), the length bonus, saturation and page length.
  const wordScore = (weighted: number, bonus: number, pagesWithWord: number, pageWords: number) => {
    const total = wordCounts.length;
    const k1 = ranking.termSaturation;
    const b = ranking.pageLength;
    const tf = (weighted / 24) * bonus;
    const idf = Math.log((total - pagesWithWord + 0.5) / (pagesWithWord + 0.5) + 1);
    const bm25 = ((k1 + 1) * tf) / (k1 * (1 - b + b * (pageWords / average)) + tf);
    const raw = Math.min(tf / (average / 5), k1 + 1);
    return idf * ((1 - ranking.termFrequency) * raw + ranking.termFrequency * bm25);
  };

  return {
    pageCount: wordCounts.length,
    pageHashes: meta[1].map(([hash]) => hash),
    async search(query) {
      const terms = await prepare(query);
      if (terms.length === 0) return [];
      let pages: Set<number> | undefined;
      const matched: { word: string; postings: Posting[]; bonus: number }[] = [];
      for (const term of terms) {
        const found = new Set<number>();
        for (const [word, postings] of extensions(term)) {
          matched.push({ word, postings, bonus: lengthBonus(word, term) });
          for (const p of postings) found.add(p.page);
        }
        pages = pages ? new Set([...pages].filter((p) => found.has(p))) : found;
      }
      const hits: PageHit[] = [];
      for (const page of pages ?? []) {
        // Every matched location on the page; a location matched by several words (a compound, or
        // overlapping CJK segments) counts once, as Pagefind does: lowest weight wins, equal weights add.
        const at: { word: string; weight: number; loc: number }[] = [];
        for (const { word, postings } of matched) {
          const p = postings.find((x) => x.page === page);
          if (!p) continue;
          for (const [weight, loc] of p.locs) at.push({ word, weight, loc });
          for (const [field, pos] of p.meta) if (metaWeight[field]) at.push({ word, weight: metaWeight[field]!, loc: -1 - field * 1e6 - pos });
        }
        at.sort((x, y) => x.loc - y.loc);
        const weighted = new Map<string, number>();
        for (let k = 0; k < at.length; ) {
          const working = { ...at[k]! };
          for (k++; k < at.length && at[k]!.loc === working.loc; k++) {
            if (at[k]!.weight < working.weight) working.weight = at[k]!.weight;
            else if (at[k]!.weight === working.weight) working.weight += at[k]!.weight;
          }
          weighted.set(working.word, (weighted.get(working.word) ?? 0) + working.weight);
        }
        let score = 0;
        for (const [word, w] of weighted) {
          const m = matched.find((x) => x.word === word)!;
          score += wordScore(w, m.bonus, m.postings.length, wordCounts[page] ?? average);
        }
        hits.push({ page, score });
      }
      return hits.sort((a, b) => b.score - a.score);
    },
    async phrase(query) {
      const terms = await prepare(query);
      if (terms.length === 0) return [];
      // Korean attaches particles and endings to words (제출하는), so a Hangul term matches the
      // words it begins; other terms match exactly, as in Pagefind's quoted search.
      const lists = terms.map((t) => {
        if (!/[\u1100-\u11ff]/.test(t)) return words.get(t);
        const merged = new Map<number, Posting>();
        for (const [, postings] of extensions(t)) {
          for (const p of postings) {
            const prev = merged.get(p.page);
            merged.set(p.page, prev ? { ...prev, locs: [...prev.locs, ...p.locs] } : p);
          }
        }
        return merged.size ? [...merged.values()] : undefined;
      });
      if (lists.some((l) => !l)) return [];
      const hits: PageHit[] = [];
      for (const first of lists[0]!) {
        const rest = lists.slice(1).map((l) => l!.find((p) => p.page === first.page));
        if (rest.some((r) => !r)) continue;
        const has = rest.map((r) => new Set(r!.locs.map(([, pos]) => pos)));
        if (first.locs.some(([, pos]) => has.every((set, k) => set.has(pos + k + 1)))) hits.push({ page: first.page, score: 1 });
      }
      return hits;
    },
  };
}
