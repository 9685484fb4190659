/**
 * Interface text the site adds around articles, per language. Article text lives in content/.
 */
import { locales, type Locale } from './locales.ts';
import type { Category, Kind } from './schema.ts';

export interface UiStrings {
  kind: Record<Kind, string>;
  category: Record<Category, string>;
  verbatim: string;
  paraphrase: string;
  verbatimHelp: string;
  englishOnScreen: string;
  fixesHeading: string;
  solvesHeading: string;
  relatedHeading: string;
  sourcesHeading: string;
  reviewed: string;
  independent: string;
  scamTitle: string;
  scamBody: string[];
  triageSymptom: string;
  triageReason: string;
  triageFirstFix: string;
  commonReasons: string;
  allReasons: string;
  guides: string;
  landingIntro: string;
  searchHint: string;
  search: {
    button: string;
    label: string;
    placeholder: string;
    close: string;
    empty: string;
    noResults: string;
    results: string; // "{n} results"
    matchedIn: string; // "Found in {lang}"
    loading: string;
    failed: string;
    pageLink: string;
  };
  copyLink: string;
  copySection: string;
  copied: string;
  copyFailed: string;
  share: string;
  otherLanguages: string;
  notFoundTitle: string;
  notFoundText: string;
}

export const ui: Record<Locale, UiStrings> = {
  en: {
    kind: { reason: 'Reason', fix: 'Fix', guide: 'Guide', hub: 'Overview' },
    category: {
      document: 'Your document',
      'personal-details': 'Your personal details',
      'face-and-camera': 'Face check and camera',
      'account-status': 'Account status, waiting and limits',
    },
    verbatim: 'Exact on-screen text',
    paraphrase: 'Paraphrase',
    verbatimHelp: '“Exact” means an official source quotes these words; a paraphrase describes the message — Binance’s wording may differ.',
    englishOnScreen: 'English on screen',
    fixesHeading: 'How to fix it',
    solvesHeading: 'This fixes',
    relatedHeading: 'Similar problems',
    sourcesHeading: 'Sources',
    reviewed: 'Last checked against its sources',
    independent: 'This is an independent help site. It is not run by, affiliated with or endorsed by Binance. Only the Binance app and binance.com can change your verification.',
    scamTitle: 'Watch out for fake support',
    scamBody: [
      'Scammers look for people whose verification failed or whose withdrawals are on hold. They reply to posts, send messages on Telegram, WhatsApp or social media, or call, and offer to “unlock” or “speed up” your verification.',
      'Real Binance Support never asks for your password, 2FA codes or backup keys, never asks you to send crypto to any address, and never asks you to change API settings or scan a QR code someone sent you.',
      'Contact Binance only from inside the Binance app or binance.com. Check any link, email address or account with Binance Verify first.',
    ],
    triageSymptom: 'What you notice',
    triageReason: 'Likely reason',
    triageFirstFix: 'Start with',
    commonReasons: 'Most common problems',
    allReasons: 'See every problem, by what you notice',
    guides: 'Guides',
    landingIntro: 'Your identity verification (KYC) on Binance was rejected or is stuck? Paste the message you saw into the search box, or find your problem below.',
    searchHint: 'Tip: paste the exact message from the verification screen.',
    search: {
      button: 'Search',
      label: 'Search the help articles',
      placeholder: 'Paste the message you saw, or describe the problem',
      close: 'Close',
      empty: 'Type or paste a message to search.',
      noResults: 'Nothing found. Try fewer words, or pick your problem from the list of reasons.',
      results: '{n} results',
      matchedIn: 'Found in {lang}',
      loading: 'Searching…',
      failed: 'Search could not load. Use the list of reasons instead.',
      pageLink: 'Open these results as a link you can share',
    },
    copyLink: 'Copy link',
    copySection: 'Copy link to this section',
    copied: 'Link copied',
    copyFailed: 'Could not copy. Select the address below and copy it:',
    share: 'Share',
    otherLanguages: 'This page in other languages',
    notFoundTitle: 'Page not found',
    notFoundText: 'This address does not exist (any more). Search for your problem, or start from the list of reasons.',
  },
  zh: {
    kind: { reason: '原因', fix: '解决方法', guide: '指南', hub: '总览' },
    category: {
      document: '证件问题',
      'personal-details': '个人信息问题',
      'face-and-camera': '人脸验证与摄像头',
      'account-status': '账户状态、等待与限制',
    },
    verbatim: '界面原文',
    paraphrase: '大意',
    verbatimHelp: '“界面原文”表示有官方资料引用了这句话；“大意”只是描述提示的意思，币安实际显示的措辞可能不同。',
    englishOnScreen: '界面英文原文',
    fixesHeading: '解决方法',
    solvesHeading: '适用于以下问题',
    relatedHeading: '类似问题',
    sourcesHeading: '资料来源',
    reviewed: '最近一次对照来源核实',
    independent: '本站是独立的帮助网站，不由币安运营，与币安无任何关联，也未获其认可。只有币安 App 和 binance.com 能处理你的身份认证。',
    scamTitle: '当心假客服',
    scamBody: [
      '骗子专门盯着身份认证失败或提现被暂停的人：他们会在帖子下留言，通过 Telegram、WhatsApp、社交媒体私信或电话联系你，声称可以“解锁”或“加急”认证。',
      '真正的币安客服绝不会索要你的密码、2FA 验证码或备份密钥，不会让你把加密货币转到任何地址，也不会让你修改 API 设置或扫描别人发来的二维码。',
      '只在币安 App 或 binance.com 里联系币安。收到任何链接、邮箱或账号，先用 Binance Verify 核实。',
    ],
    triageSymptom: '你看到的情况',
    triageReason: '可能的原因',
    triageFirstFix: '先试试',
    commonReasons: '最常见的问题',
    allReasons: '按你看到的情况查找全部问题',
    guides: '指南',
    landingIntro: '币安身份认证（KYC）被拒或一直卡住？把你看到的提示粘贴到搜索框，或在下面找到你的问题。',
    searchHint: '提示：直接粘贴认证页面上的原话，最容易找到。',
    search: {
      button: '搜索',
      label: '搜索帮助文章',
      placeholder: '粘贴你看到的提示，或描述遇到的问题',
      close: '关闭',
      empty: '输入或粘贴提示文字即可搜索。',
      noResults: '没有找到结果。试试少用几个词，或在原因列表里找你的问题。',
      results: '共 {n} 条结果',
      matchedIn: '匹配自{lang}版本',
      loading: '正在搜索…',
      failed: '搜索加载失败，请改用原因列表。',
      pageLink: '把这组搜索结果生成可分享的链接',
    },
    copyLink: '复制链接',
    copySection: '复制本节链接',
    copied: '链接已复制',
    copyFailed: '无法自动复制，请选中下面的地址手动复制：',
    share: '分享',
    otherLanguages: '本页的其他语言版本',
    notFoundTitle: '找不到页面',
    notFoundText: '这个地址不存在（或已不再使用）。请搜索你的问题，或从原因列表开始找。',
  },
  ja: {
    kind: { reason: '原因', fix: '対処法', guide: 'ガイド', hub: '一覧' },
    category: {
      document: '書類の問題',
      'personal-details': '入力した個人情報',
      'face-and-camera': '顔認証とカメラ',
      'account-status': 'アカウントの状態・待ち時間・制限',
    },
    verbatim: '画面の表示どおり',
    paraphrase: '要旨',
    verbatimHelp: '「画面の表示どおり」は公式の資料にこの文言が載っているものです。「要旨」はメッセージの内容を説明したもので、実際の文言とは異なる場合があります。',
    englishOnScreen: '英語の画面表示',
    fixesHeading: '対処法',
    solvesHeading: 'この対処法で解決できる問題',
    relatedHeading: '似ている問題',
    sourcesHeading: '出典',
    reviewed: '出典と最後に照合した日',
    independent: '当サイトは独立したヘルプサイトです。Binanceが運営・提携・公認しているものではありません。本人確認の手続きができるのはBinanceのアプリとbinance.comだけです。',
    scamTitle: '偽サポートに注意',
    scamBody: [
      '本人確認に失敗した人や出金が止まっている人は、詐欺師に狙われやすい状態です。投稿への返信、Telegram・WhatsApp・SNSのメッセージ、電話などで近づき、「認証を解除できる」「早く通せる」と持ちかけてきます。',
      '本物のBinanceサポートが、パスワード・2FAコード・バックアップキーを聞いたり、暗号資産をどこかへ送るよう求めたり、API設定の変更や送られてきたQRコードの読み取りを求めたりすることはありません。',
      'Binanceへの連絡は、必ずBinanceアプリかbinance.comの中から行ってください。リンクやメールアドレス、アカウントは、まずBinance Verifyで確かめましょう。',
    ],
    triageSymptom: '起きていること',
    triageReason: '考えられる原因',
    triageFirstFix: 'まず試すこと',
    commonReasons: 'よくある問題',
    allReasons: '症状からすべての問題を探す',
    guides: 'ガイド',
    landingIntro: 'Binanceの本人確認（KYC）が通らない、または審査中のまま進まない場合は、表示されたメッセージを検索ボックスに貼り付けるか、下の一覧から探してください。',
    searchHint: 'ヒント：本人確認画面のメッセージをそのまま貼り付けると見つかりやすくなります。',
    search: {
      button: '検索',
      label: 'ヘルプ記事を検索',
      placeholder: '表示されたメッセージを貼り付けるか、困っていることを入力',
      close: '閉じる',
      empty: 'メッセージを入力するか貼り付けると検索できます。',
      noResults: '見つかりませんでした。言葉を減らすか、原因の一覧から探してください。',
      results: '{n} 件',
      matchedIn: '{lang}版で一致',
      loading: '検索しています…',
      failed: '検索を読み込めませんでした。原因の一覧をご利用ください。',
      pageLink: 'この検索結果を共有できるリンクとして開く',
    },
    copyLink: 'リンクをコピー',
    copySection: 'この見出しへのリンクをコピー',
    copied: 'リンクをコピーしました',
    copyFailed: 'コピーできませんでした。下のアドレスを選択してコピーしてください：',
    share: '共有',
    otherLanguages: 'このページの他の言語版',
    notFoundTitle: 'ページが見つかりません',
    notFoundText: 'このアドレスは存在しないか、使われなくなりました。問題を検索するか、原因の一覧から探してください。',
  },
  ko: {
    kind: { reason: '원인', fix: '해결 방법', guide: '가이드', hub: '개요' },
    category: {
      document: '신분증 문제',
      'personal-details': '입력한 개인 정보',
      'face-and-camera': '얼굴 인증과 카메라',
      'account-status': '계정 상태, 대기, 제한',
    },
    verbatim: '화면 문구 그대로',
    paraphrase: '요지',
    verbatimHelp: '‘화면 문구 그대로’는 공식 자료에 그 문구가 실려 있다는 뜻입니다. ‘요지’는 메시지의 뜻을 풀어 쓴 것으로, 실제 문구와 다를 수 있습니다.',
    englishOnScreen: '영어 화면 문구',
    fixesHeading: '해결 방법',
    solvesHeading: '이 방법으로 해결되는 문제',
    relatedHeading: '비슷한 문제',
    sourcesHeading: '출처',
    reviewed: '출처와 마지막으로 대조한 날짜',
    independent: '이 사이트는 독립적인 도움말 사이트이며, 바이낸스가 운영하거나 제휴·보증한 사이트가 아닙니다. 신원 인증은 바이낸스 앱과 binance.com에서만 처리할 수 있습니다.',
    scamTitle: '가짜 고객지원을 조심하세요',
    scamBody: [
      '사기꾼은 신원 인증에 실패했거나 출금이 막힌 사람을 노립니다. 게시글에 댓글을 달거나 텔레그램, 왓츠앱, SNS 메시지, 전화로 접근해 인증을 ‘풀어 주겠다’, ‘빨리 통과시켜 주겠다’고 합니다.',
      '진짜 바이낸스 고객지원은 비밀번호, 2FA 코드, 백업 키를 묻지 않고, 암호화폐를 어떤 주소로도 보내라고 하지 않으며, API 설정을 바꾸거나 남이 보낸 QR 코드를 스캔하라고 하지 않습니다.',
      '바이낸스에는 반드시 바이낸스 앱이나 binance.com 안에서만 연락하세요. 링크, 이메일 주소, 계정은 먼저 Binance Verify로 확인하세요.',
    ],
    triageSymptom: '겪고 있는 증상',
    triageReason: '가능한 원인',
    triageFirstFix: '먼저 해 볼 것',
    commonReasons: '가장 흔한 문제',
    allReasons: '증상별로 모든 문제 보기',
    guides: '가이드',
    landingIntro: '바이낸스 신원 인증(KYC)이 거절되었거나 진행되지 않나요? 화면에 나온 메시지를 검색창에 붙여 넣거나, 아래에서 내 문제를 찾아보세요.',
    searchHint: '팁: 인증 화면에 나온 문구를 그대로 붙여 넣으면 가장 잘 찾아집니다.',
    search: {
      button: '검색',
      label: '도움말 검색',
      placeholder: '화면에 나온 메시지를 붙여 넣거나 문제를 적어 보세요',
      close: '닫기',
      empty: '메시지를 입력하거나 붙여 넣으면 검색돼요.',
      noResults: '검색 결과가 없어요. 단어를 줄이거나 원인 목록에서 찾아보세요.',
      results: '결과 {n}개',
      matchedIn: '{lang} 문서에서 찾음',
      loading: '검색 중…',
      failed: '검색을 불러오지 못했어요. 원인 목록을 이용해 주세요.',
      pageLink: '이 검색 결과를 공유할 수 있는 링크로 열기',
    },
    copyLink: '링크 복사',
    copySection: '이 섹션 링크 복사',
    copied: '링크를 복사했어요',
    copyFailed: '자동으로 복사하지 못했어요. 아래 주소를 선택해 복사하세요:',
    share: '공유',
    otherLanguages: '이 페이지의 다른 언어',
    notFoundTitle: '페이지를 찾을 수 없어요',
    notFoundText: '없는 주소이거나 더 이상 쓰지 않는 주소예요. 문제를 검색하거나 원인 목록에서 시작하세요.',
  },
};

/** What the search box script needs, as one object (passed to it in a data attribute). */
export function searchStrings(locale: Locale) {
  const t = ui[locale];
  return { ...t.search, kinds: t.kind, languages: Object.fromEntries(Object.entries(locales).map(([k, l]) => [k, l.label])) };
}
