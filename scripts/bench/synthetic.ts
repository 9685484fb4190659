/**
 * Synthetic articles for the build-scaling bench: reasons, fixes and guides in every locale that
 * pass the project's content gate (src/model/gate.ts): same ids, same {#heading-ids} in the same
 * order, fixes that exist in every locale and are each used by a reason, translatedFrom on
 * translations, official source URLs, full-width punctuation in zh/ja, no glossary "avoid" words.
 * About 600 words (zh/ja: 600 two-character words) per article, mixed Markdown: paragraphs,
 * bulleted and numbered lists, a table, headings with {#ids}, links to other articles.
 * Deterministic: the same size always gives the same text.
 */
import { glossary } from '../../src/model/glossary.ts';
import { categories } from '../../src/model/schema.ts';
import { defaultLocale, localeKeys, type Locale } from '../../src/model/locales.ts';
import { revisionOf } from '../../src/model/revision.ts';

export interface GeneratedFile {
  /** path below content/, e.g. `zh/reasons/syn-reason-0001.mdx` */
  path: string;
  text: string;
}

interface Pool {
  /** words joined with a space (en, ko) or with nothing (zh, ja) */
  spaced: boolean;
  words: string[];
  /** characters/syllables to build rarer made-up words from (vocabulary grows like a real corpus) */
  syllables: string[];
  syllablesPerWord: [number, number];
  comma: string;
  stop: string;
  labels: Labels;
}

interface Labels {
  reason: string; fix: string; guide: string;
  whatYouSee: string; why: string; details: string; fixIt: string;
  steps: string; whyWorks: string; stillStuck: string; before: string; notes: string;
  cols: [string, string, string]; see: string; alsoRead: string; sourceTitle: string; colon: string;
}

const common = {
  en: 'the your photo document check verification account page upload name date light camera app review step support reason result screen phone passport card identity address letter bank statement issue country time again before after clear sharp edge corner frame glare shadow text line field form match spelling birth number expiry valid original copy screenshot colour flash window table surface background finger cover read software person team email notice message request limit hours days wait try open close tap select choose enter type write confirm submit send keep use need show see find make take hold move turn switch browser device network signal battery update version settings permission access allow status pending rejected approved complete partial missing wrong right same different official local language translation format order family given middle initial accent is are was can will should may not and or but so if when then with without from into onto for of to in on at by',
  zh: '证件 照片 账户 提交 审核 页面 上传 姓名 日期 光线 相机 应用 步骤 原因 结果 屏幕 手机 护照 身份证 地址 银行 对账单 国家 时间 重新 之前 之后 清楚 边角 画面 反光 阴影 文字 信息 表格 拼写 出生 号码 有效期 原件 截图 彩色 闪光灯 窗户 桌面 背景 手指 遮挡 读取 系统 人工 团队 邮件 通知 消息 请求 限制 小时 等待 尝试 打开 点击 选择 输入 确认 发送 保留 使用 需要 显示 查看 找到 拍摄 设备 浏览器 网络 信号 电量 更新 版本 设置 权限 状态 通过 拒绝 完成 缺少 错误 相同 不同 官方 语言 翻译 格式 顺序 如果 然后 可以 应该 没有 还是 已经 就是 因为 所以',
  ja: '書類 写真 アカウント 提出 審査 画面 アップロード 氏名 日付 明るさ カメラ アプリ 手順 理由 結果 スマートフォン パスポート 運転免許証 住所 銀行 国 時間 もう一度 前 後 はっきり 四隅 反射 影 文字 情報 入力 つづり 生年月日 番号 有効期限 原本 スクリーンショット カラー フラッシュ 窓 机 背景 指 確認 送信 使用 必要 表示 撮影 端末 ブラウザ ネットワーク 電波 更新 設定 許可 状態 完了 不足 誤り 同じ 違う 公式 言語 翻訳 形式 順番 を に は が で と の も から まで ください します できます',
  ko: '신분증 사진 계정 제출 심사 화면 업로드 이름 날짜 조명 카메라 앱 단계 이유 결과 휴대폰 여권 운전면허증 주소 은행 국가 시간 다시 전에 후에 선명하게 모서리 반사 그림자 글자 정보 입력 철자 생년월일 번호 유효기간 원본 스크린샷 컬러 플래시 창문 책상 배경 손가락 확인 전송 사용 필요 표시 촬영 기기 브라우저 네트워크 신호 업데이트 설정 권한 상태 완료 누락 오류 같은 다른 공식 언어 번역 형식 순서 하세요 합니다 있어요 됩니다 그리고 하지만 먼저 나중에',
};

const syllables = {
  en: 'ba ko ri ten mo sa lu ver dan pi go nel ra shi to mar fe lo qui zen ap or ex un del tor vin cam bel sor'.split(' '),
  zh: [...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现加量都体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各新内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研'],
  ja: [...'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン'],
  ko: [...'가나다라마바사아자차카타파하고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후기니디리미비시이지치키티피히'],
};

const labels: Record<string, Labels> = {
  en: {
    reason: 'Synthetic reason', fix: 'Synthetic fix', guide: 'Synthetic guide',
    whatYouSee: 'What you see', why: 'Why it happens', details: 'In more detail', fixIt: 'How to fix it',
    steps: 'Steps', whyWorks: 'Why this works', stillStuck: 'If it still fails', before: 'Before you start', notes: 'Good to know',
    cols: ['Check', 'What fails', 'What to do'], see: 'See', alsoRead: 'Also read', sourceTitle: 'Binance — How to complete identity verification', colon: ': ',
  },
  zh: {
    reason: '合成原因', fix: '合成解决办法', guide: '合成指南',
    whatYouSee: '你可能看到的提示', why: '为什么会这样', details: '更多细节', fixIt: '怎么解决',
    steps: '步骤', whyWorks: '为什么有效', stillStuck: '如果还是不行', before: '开始之前', notes: '注意事项',
    cols: ['检查项', '问题', '怎么做'], see: '参见', alsoRead: '另请阅读', sourceTitle: '币安：如何完成个人账户身份认证', colon: '：',
  },
  ja: {
    reason: '合成の原因', fix: '合成の対処法', guide: '合成のガイド',
    whatYouSee: '画面に表示される内容', why: '原因', details: '詳しく', fixIt: '対処法',
    steps: '手順', whyWorks: 'これで解決する理由', stillStuck: 'それでも通らないとき', before: '始める前に', notes: '知っておきたいこと',
    cols: ['確認項目', '問題', '対処'], see: '参照：', alsoRead: 'あわせて読む：', sourceTitle: 'Binance — 個人アカウントの本人確認を完了する方法', colon: '：',
  },
  ko: {
    reason: '합성 원인', fix: '합성 해결 방법', guide: '합성 가이드',
    whatYouSee: '화면에 보이는 내용', why: '원인', details: '자세히', fixIt: '해결 방법',
    steps: '단계', whyWorks: '이렇게 하면 되는 이유', stillStuck: '그래도 안 되면', before: '시작하기 전에', notes: '알아 두기',
    cols: ['확인 항목', '문제', '할 일'], see: '참고:', alsoRead: '함께 읽기:', sourceTitle: '바이낸스 — 개인 계정 신원 인증 완료 방법', colon: ': ',
  },
};

const sourceUrl = 'https://www.binance.com/en/support/faq/how-to-complete-identity-verification-for-a-personal-account-360027287111';

function poolOf(locale: Locale): Pool {
  const words = (common as Record<string, string>)[locale];
  const syl = (syllables as Record<string, string[]>)[locale];
  const lab = labels[locale];
  if (!words || !syl || !lab) {
    throw new Error(`scripts/bench/synthetic.ts has no word pool for locale "${locale}" (added in src/model/locales.ts): add one to \`common\`, \`syllables\` and \`labels\`.`);
  }
  // Never build a glossary "avoid" term by accident: drop every character the avoid terms use.
  const avoidChars = new Set(glossary[locale].flatMap((t) => t.avoid.flatMap((a) => [...a])));
  const cjk = locale === 'zh' || locale === 'ja';
  return {
    spaced: !cjk,
    words: words.split(' '),
    syllables: locale === 'en' ? syl : syl.filter((c) => !avoidChars.has(c)),
    syllablesPerWord: [2, 3],
    comma: locale === 'zh' ? '，' : locale === 'ja' ? '、' : ',',
    stop: cjk ? '。' : '.',
    labels: lab,
  };
}

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Writer {
  words = 0;
  rand: () => number;
  pool: Pool;
  locale: Locale;
  constructor(pool: Pool, locale: Locale, seed: number) {
    this.pool = pool;
    this.locale = locale;
    this.rand = rng(seed);
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)]!;
  }
  /** A made-up word: log-uniform over a large vocabulary, so a few are frequent and most are rare. */
  madeUp(): string {
    const { syllables: syl, syllablesPerWord: [lo, hi] } = this.pool;
    const vocab = Math.min(20_000, syl.length ** hi);
    let n = Math.floor(Math.exp(this.rand() * Math.log(vocab)));
    const len = n < syl.length ** lo ? lo : hi;
    let w = '';
    for (let i = 0; i < len; i++) {
      w += syl[n % syl.length];
      n = Math.floor(n / syl.length) + i * 7;
    }
    return w;
  }
  word(): string {
    this.words++;
    return this.rand() < 0.72 ? this.pick(this.pool.words) : this.madeUp();
  }
  /** `n` words, no final punctuation. */
  phrase(n: number): string {
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      parts.push(this.word());
      if (i > 2 && i < n - 2 && this.rand() < 0.12) parts.push(this.pool.comma);
    }
    let text = this.pool.spaced ? parts.join(' ').replace(/ ,/g, ',') : parts.join('');
    if (this.pool.spaced && this.locale === 'en') text = text[0]!.toUpperCase() + text.slice(1);
    return sanitize(text, this.locale);
  }
  sentence(min = 8, max = 18): string {
    return this.phrase(min + Math.floor(this.rand() * (max - min + 1))) + this.pool.stop;
  }
  paragraph(sentences = 4): string {
    const out: string[] = [];
    for (let i = 0; i < sentences; i++) out.push(this.sentence());
    return out.join(this.pool.spaced ? ' ' : '');
  }
  list(items: number, ordered = false): string {
    const out: string[] = [];
    for (let i = 0; i < items; i++) out.push(`${ordered ? `${i + 1}.` : '-'} ${this.sentence(6, 14)}`);
    return out.join('\n');
  }
  table(rows: number): string {
    const [a, b, c] = this.pool.labels.cols;
    const out = [`| ${a} | ${b} | ${c} |`, '|---|---|---|'];
    for (let i = 0; i < rows; i++) out.push(`| ${this.phrase(2)} | ${this.phrase(4)} | ${this.phrase(4)} |`);
    return out.join('\n');
  }
}

/** Replace any glossary "avoid" variant (never written on purpose, but made-up words could form one). */
function sanitize(text: string, locale: Locale): string {
  let out = text;
  for (const term of glossary[locale]) for (const bad of term.avoid) out = out.split(bad).join(' ');
  // the gate rejects invented numeric error codes such as "E123"
  return out.replace(/\b(E\d{3})\b/gi, 'E');
}

const pad = (n: number) => String(n).padStart(4, '0');
const q = (s: string) => JSON.stringify(s);

export interface SyntheticPlan {
  perLocale: number;
  reasons: number;
  fixes: number;
  guides: number;
}

/**
 * How `perLocale` articles split into kinds: guides stay a handful (the sidebar lists them on every
 * page, as in the real site), about a fifth are fixes, the rest are reasons.
 */
export function planOf(perLocale: number): SyntheticPlan {
  const guides = Math.min(5, Math.max(1, Math.round(perLocale * 0.08)));
  const fixes = Math.max(1, Math.round(perLocale * 0.22));
  const reasons = perLocale - guides - fixes;
  if (reasons < 1) throw new Error(`--sizes: ${perLocale} articles per locale is too few (need at least 3)`);
  return { perLocale, reasons, fixes, guides };
}

/** Every synthetic article of every locale, English first (translations record its revision). */
export function generateArticles(perLocale: number): GeneratedFile[] {
  const plan = planOf(perLocale);
  const files: GeneratedFile[] = [];
  const enRaw = new Map<string, string>();
  const ordered = [defaultLocale, ...localeKeys.filter((l) => l !== defaultLocale)];
  for (const locale of ordered) {
    const pool = poolOf(locale);
    const L = pool.labels;
    const translatedFrom = (key: string) => (locale === defaultLocale ? '' : `translatedFrom: "${revisionOf(enRaw.get(key)!)}"\n`);
    const head = (key: string, kind: string, title: string, w: Writer, extra = '') =>
      `---\ntitle: ${q(title)}\ndescription: ${q(w.sentence(8, 14).slice(0, 200))}\n${translatedFrom(key)}kind: ${kind}\n${extra}reviewed: 2026-11-25\nsources:\n  - title: ${q(L.sourceTitle)}\n    url: ${sourceUrl}\n---\n`;
    const emit = (key: string, text: string) => {
      if (locale === defaultLocale) enRaw.set(key, text);
      files.push({ path: `${locale}/${key}.mdx`, text });
    };
    const seedOf = (kind: number, i: number) => (kind * 1_000_003 + i * 7919 + localeKeys.indexOf(locale) * 104_729) >>> 0;

    for (let i = 1; i <= plan.reasons; i++) {
      const id = `syn-reason-${pad(i)}`;
      const key = `reasons/${id}`;
      const w = new Writer(pool, locale, seedOf(1, i));
      const fixA = `syn-fix-${pad(((i - 1) % plan.fixes) + 1)}`;
      const fixB = `syn-fix-${pad(((i * 7 + 2) % plan.fixes) + 1)}`;
      const fixes = fixA === fixB ? [fixA] : [fixA, fixB];
      const related = plan.reasons > 1 ? [`syn-reason-${pad((i % plan.reasons) + 1)}`] : [];
      const title = `${L.reason} ${i}${L.colon}${w.phrase(5)}`;
      const extra = `category: ${categories[i % categories.length]}\nsymptom: ${q(w.sentence(8, 14))}\nmessages:\n  - text: ${q(w.sentence(8, 14))}\n    lang: ${locale}\n  - text: ${q(w.sentence(8, 14))}\n    lang: ${locale}\nfixes: [${fixes.join(', ')}]\nrelated: [${related.join(', ')}]\n`;
      const fm = head(key, 'reason', title, w, extra);
      w.words = 0;
      const parts = [
        `import { Messages, FixList } from '~/components/article';`,
        `## ${L.whatYouSee} {#what-you-see}`, w.paragraph(3), '<Messages />',
        `## ${L.why} {#why}`, w.paragraph(4), w.list(5), w.table(4),
        `### ${L.details} {#details}`,
      ];
      const fixPart = [
        `## ${L.fixIt} {#fix}`,
        w.list(3, true),
        `${L.see} [${fixA}](../../fixes/${fixA}/#steps)${pool.stop}`,
        '<FixList />',
        related.length ? `${L.alsoRead} [${related[0]}](../../reasons/${related[0]}/#why)${pool.stop}` : '',
      ];
      while (w.words < 560) parts.push(w.paragraph(3));
      emit(key, `${fm}${[...parts, ...fixPart].filter(Boolean).join('\n\n')}\n`);
    }

    for (let i = 1; i <= plan.fixes; i++) {
      const id = `syn-fix-${pad(i)}`;
      const key = `fixes/${id}`;
      const w = new Writer(pool, locale, seedOf(2, i));
      const guide = `syn-guide-${pad(((i - 1) % plan.guides) + 1)}`;
      const fm = head(key, 'fix', `${L.fix} ${i}${L.colon}${w.phrase(5)}`, w);
      w.words = 0;
      const parts = [`## ${L.steps} {#steps}`, w.list(6, true), w.paragraph(3), w.table(4), `## ${L.whyWorks} {#why-it-works}`, w.paragraph(4), w.list(4)];
      const tail = [`## ${L.stillStuck} {#still-stuck}`, w.paragraph(2), `${L.see} [${guide}](../../guides/${guide}/)${pool.stop}`];
      while (w.words < 560) parts.push(w.paragraph(3));
      emit(key, `${fm}${[...parts, ...tail].join('\n\n')}\n`);
    }

    for (let i = 1; i <= plan.guides; i++) {
      const id = `syn-guide-${pad(i)}`;
      const key = `guides/${id}`;
      const w = new Writer(pool, locale, seedOf(3, i));
      const fm = head(key, 'guide', `${L.guide} ${i}${L.colon}${w.phrase(5)}`, w);
      w.words = 0;
      const parts = [`## ${L.before} {#before}`, w.paragraph(3), w.list(5), `## ${L.steps} {#steps}`, w.list(6, true), w.table(5), `## ${L.notes} {#notes}`];
      while (w.words < 580) parts.push(w.paragraph(3));
      emit(key, `${fm}${parts.join('\n\n')}\n`);
    }
  }
  return files;
}
