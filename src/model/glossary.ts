/**
 * The glossary: one term per key concept and language. Articles use `use`; the content gate
 * flags every `avoid` variant found in article text (not in code or frontmatter).
 * Readers' own words (实名认证, 본인인증, …) still find articles: search handles synonyms.
 */
import type { Locale } from './locales.ts';

export interface Term {
  concept: string;
  use: string;
  avoid: string[];
}

export const glossary: Record<Locale, Term[]> = {
  en: [
    { concept: 'KYC / identity verification', use: 'identity verification', avoid: ['KYC-verification', 'identity-verification'] },
    { concept: 'proof of address', use: 'proof of address', avoid: ['address proof document', 'proof-of-address document'] },
    { concept: 'face verification / liveness', use: 'face verification', avoid: ['liveliness', 'facial-recognition check'] },
    { concept: 'withdraw-only', use: 'Withdraw Only', avoid: ['Withdraw-Only', 'withdrawal-only mode'] },
    { concept: 'Verified / Verified Plus', use: '[Verified] / [Verified Plus]', avoid: ['Verified+', 'Verified-Plus'] },
    { concept: '2FA', use: 'two-factor authentication (2FA)', avoid: ['2-FA', 'two factor authentification'] },
    { concept: 'anti-phishing code', use: 'anti-phishing code', avoid: ['antiphishing code', 'anti phishing code'] },
    { concept: 'withdrawal whitelist', use: 'withdrawal whitelist', avoid: ['withdraw whitelist', 'white-list'] },
    { concept: 'support', use: 'Binance Support', avoid: ['Binance customer service hotline', 'Binance helpline'] },
  ],
  zh: [
    { concept: 'KYC / identity verification', use: '身份认证', avoid: ['身份验证', '实名验证', 'KYC验证'] },
    { concept: 'proof of address', use: '地址证明', avoid: ['住址证明', '居住证明文件'] },
    { concept: 'face verification / liveness', use: '人脸验证', avoid: ['刷脸认证', '面部识别验证', '活体检验'] },
    { concept: 'withdraw-only', use: '仅提现', avoid: ['只能提现模式', '仅限提币', '只提现'] },
    { concept: 'Verified / Verified Plus', use: '[Verified] / [Verified Plus]', avoid: ['高级认证+', '已认证Plus'] },
    { concept: '2FA', use: '双重验证（2FA）', avoid: ['两步验证', '二步验证'] },
    { concept: 'anti-phishing code', use: '防钓鱼码', avoid: ['反钓鱼码', '防网钓码'] },
    { concept: 'withdrawal whitelist', use: '提现白名单', avoid: ['提币白名单', '提款白名单'] },
    { concept: 'support', use: '币安客服', avoid: ['客服热线', '客服电话'] },
  ],
  ja: [
    { concept: 'KYC / identity verification', use: '本人確認', avoid: ['身元確認', '本人認証', '身分確認'] },
    { concept: 'proof of address', use: '住所証明書類', avoid: ['住所確認書', '住所証明書類書'] },
    { concept: 'face verification / liveness', use: '顔認証', avoid: ['顔認識', '顔照合認証'] },
    { concept: 'withdraw-only', use: '出金のみ', avoid: ['出金限定', '出金専用'] },
    { concept: 'Verified / Verified Plus', use: '[Verified] / [Verified Plus]', avoid: ['Verified＋', 'ベリファイドプラス'] },
    { concept: '2FA', use: '二段階認証（2FA）', avoid: ['２段階認証', '2段階認証', '二要素認証'] },
    { concept: 'anti-phishing code', use: 'フィッシング対策コード', avoid: ['アンチフィッシングコード', 'フィッシング防止コード'] },
    { concept: 'withdrawal whitelist', use: '出金ホワイトリスト', avoid: ['出金許可リスト', '出金アドレスホワイトリスト'] },
    { concept: 'support', use: 'Binanceサポート', avoid: ['サポートセンター電話', 'カスタマーサービス電話'] },
  ],
  ko: [
    { concept: 'KYC / identity verification', use: '신원 인증', avoid: ['신원인증', '신분 인증', '본인 확인 인증'] },
    { concept: 'proof of address', use: '주소 증명', avoid: ['주소증명', '거주지 증명서류'] },
    { concept: 'face verification / liveness', use: '얼굴 인증', avoid: ['안면 인증', '안면인증', '얼굴인증'] },
    { concept: 'withdraw-only', use: '출금 전용', avoid: ['출금전용', '출금 한정'] },
    { concept: 'Verified / Verified Plus', use: '[Verified] / [Verified Plus]', avoid: ['Verified+', '베리파이드 플러스'] },
    { concept: '2FA', use: '2단계 인증(2FA)', avoid: ['2단계인증', '이중 인증', '투팩터 인증'] },
    { concept: 'anti-phishing code', use: '피싱 방지 코드', avoid: ['안티피싱 코드', '피싱방지 코드', '피싱방지코드'] },
    { concept: 'withdrawal whitelist', use: '출금 화이트리스트', avoid: ['출금화이트리스트', '출금 허용 목록'] },
    { concept: 'support', use: '바이낸스 고객지원', avoid: ['고객센터 전화번호', '바이낸스 콜센터'] },
  ],
};
