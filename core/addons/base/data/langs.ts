// res.lang seed data, transcribed from Odoo 17.0's odoo/addons/base/data/res.lang.csv and res_lang_data.xml.
// Odoo loads every language inactive and `install_lang` then activates en_US (the default load_language).
// url_code is not in the CSV: res.lang's create() defaults it to iso_code, and res_lang_data.xml sets
// lang_my's to 'mya'. Empty thousands separators are cells the CSV leaves empty.
// Records are noupdate so that an upgrade does not undo a language the user activated.
import { type DataRecord } from '../../../modules/data.ts';

type Direction = 'ltr' | 'rtl';
type WeekStart = '1' | '2' | '3' | '4' | '5' | '6' | '7';
/** [external id, name, code, iso_code, direction, grouping, decimal_point, thousands_sep, date_format, time_format, week_start] */
type LangRow = [string, string, string, string, Direction, string, string, string, string, string, WeekStart];

const LANGS: LangRow[] = [
  ['lang_en', 'English (US)', 'en_US', 'en', 'ltr', '[3,0]', '.', ',', '%m/%d/%Y', '%H:%M:%S', '7'],
  ['lang_am_ET', 'Amharic / አምሃርኛ', 'am_ET', 'am_ET', 'ltr', '[3,0]', '.', ',', '%d/%m/%Y', '%I:%M:%S', '7'],
  ['lang_ar', 'Arabic / الْعَرَبيّة', 'ar_001', 'ar', 'rtl', '[3,0]', '.', ',', '%d %b, %Y', '%I:%M:%S', '6'],
  ['lang_ar_SY', 'Arabic (Syria) / الْعَرَبيّة', 'ar_SY', 'ar_SY', 'rtl', '[3,0]', '.', ',', '%d %b, %Y', '%I:%M:%S', '6'],
  ['lang_az', 'Azerbaijani / Azərbaycanca', 'az_AZ', 'az', 'ltr', '[3,0]', ',', ' ', '%d.%m.%Y', '%H:%M:%S', '1'],
  ['lang_eu_ES', 'Basque / Euskara', 'eu_ES', 'eu_ES', 'ltr', '[]', ',', '', '%a, %Y.eko %bren %da', '%H:%M:%S', '1'],
  ['lang_bn_IN', 'Bengali / বাংলা', 'bn_IN', 'bn_IN', 'ltr', '[]', ',', '', '%A %d %b %Y', '%I:%M:%S', '1'],
  ['lang_bs_BA', 'Bosnian / bosanski jezik', 'bs_BA', 'bs', 'ltr', '[3,0]', ',', '.', '%d.%m.%Y', '%H:%M:%S', '1'],
  ['lang_bg', 'Bulgarian / български език', 'bg_BG', 'bg', 'ltr', '[3,0]', ',', '', '%d.%m.%Y', '%H,%M,%S', '1'],
  ['lang_ca_ES', 'Catalan / Català', 'ca_ES', 'ca_ES', 'ltr', '[3,0]', ',', '.', '%d/%m/%Y', '%H:%M:%S', '1'],
  ['lang_zh_CN', 'Chinese (Simplified) / 简体中文', 'zh_CN', 'zh_CN', 'ltr', '[3,0]', '.', ',', '%Y年%m月%d日', '%H时%M分%S秒', '7'],
  ['lang_zh_HK', 'Chinese (HK)', 'zh_HK', 'zh_HK', 'ltr', '[3,0]', '.', ',', '%Y年%m月%d日 %A', '%I時%M分%S秒', '7'],
  ['lang_zh_TW', 'Chinese (Traditional) / 繁體中文', 'zh_TW', 'zh_TW', 'ltr', '[3,0]', '.', ',', '%Y年%m月%d日', '%H時%M分%S秒', '7'],
  ['lang_hr', 'Croatian / hrvatski jezik', 'hr_HR', 'hr', 'ltr', '[3,0]', ',', '.', '%d.%m.%Y', '%H:%M:%S', '1'],
  ['lang_cs_CZ', 'Czech / Čeština', 'cs_CZ', 'cs_CZ', 'ltr', '[3,0]', ',', ' ', '%d.%m.%Y', '%H:%M:%S', '1'],
  ['lang_da_DK', 'Danish / Dansk', 'da_DK', 'da_DK', 'ltr', '[3,0]', ',', '.', '%d-%m-%Y', '%H:%M:%S', '1'],
  ['lang_nl_BE', 'Dutch (BE) / Nederlands (BE)', 'nl_BE', 'nl_BE', 'ltr', '[3,0]', ',', '.', '%d-%m-%Y', '%H:%M:%S', '1'],
  ['lang_nl', 'Dutch / Nederlands', 'nl_NL', 'nl', 'ltr', '[3,0]', ',', '.', '%d-%m-%Y', '%H:%M:%S', '1'],
  ['lang_en_AU', 'English (AU)', 'en_AU', 'en_AU', 'ltr', '[3,0]', '.', ',', '%d/%m/%Y', '%H:%M:%S', '7'],
  ['lang_en_CA', 'English (CA)', 'en_CA', 'en_CA', 'ltr', '[3,0]', '.', ',', '%Y-%m-%d', '%H:%M:%S', '7'],
  ['lang_en_GB', 'English (UK)', 'en_GB', 'en_GB', 'ltr', '[3,0]', '.', ',', '%d/%m/%Y', '%H:%M:%S', '1'],
  ['lang_en_IN', 'English (IN)', 'en_IN', 'en_IN', 'ltr', '[3,2,0]', '.', ',', '%d/%m/%Y', '%H:%M:%S', '7'],
  ['lang_en_NZ', 'English (NZ)', 'en_NZ', 'en_NZ', 'ltr', '[3,0]', '.', ',', '%d/%m/%Y', '%H:%M:%S', '7'],
  ['lang_et_EE', 'Estonian / Eesti keel', 'et_EE', 'et', 'ltr', '[3,0]', ',', ' ', '%d.%m.%Y', '%H:%M:%S', '1'],
  ['lang_fi', 'Finnish / Suomi', 'fi_FI', 'fi', 'ltr', '[3,0]', ',', ' ', '%d.%m.%Y', '%H.%M.%S', '1'],
  ['lang_fr_BE', 'French (BE) / Français (BE)', 'fr_BE', 'fr_BE', 'ltr', '[3,0]', ',', '.', '%d/%m/%Y', '%H:%M:%S', '1'],
  ['lang_fr_CA', 'French (CA) / Français (CA)', 'fr_CA', 'fr_CA', 'ltr', '[3,0]', ',', ' ', '%Y-%m-%d', '%H:%M:%S', '7'],
  ['lang_fr_CH', 'French (CH) / Français (CH)', 'fr_CH', 'fr_CH', 'ltr', '[3,0]', '.', '\'', '%d.%m.%Y', '%H:%M:%S', '1'],
  ['lang_fr', 'French / Français', 'fr_FR', 'fr', 'ltr', '[3,0]', ',', ' ', '%d/%m/%Y', '%H:%M:%S', '1'],
  ['lang_gl_ES', 'Galician / Galego', 'gl_ES', 'gl', 'ltr', '[]', ',', '', '%d/%m/%Y', '%H:%M:%S', '1'],
  ['lang_ka_GE', 'Georgian / ქართული ენა', 'ka_GE', 'ka', 'ltr', '[3,0]', ',', '.', '%m/%d/%Y', '%H:%M:%S', '1'],
  ['lang_de', 'German / Deutsch', 'de_DE', 'de', 'ltr', '[3,0]', ',', '.', '%d.%m.%Y', '%H:%M:%S', '1'],
  ['lang_de_CH', 'German (CH) / Deutsch (CH)', 'de_CH', 'de_CH', 'ltr', '[3,0]', '.', '\'', '%d.%m.%Y', '%H:%M:%S', '1'],
  ['lang_el_GR', 'Greek / Ελληνικά', 'el_GR', 'el_GR', 'ltr', '[]', ',', '.', '%d/%m/%Y', '%I:%M:%S %p', '1'],
  ['lang_gu_IN', 'Gujarati / ગુજરાતી', 'gu_IN', 'gu', 'ltr', '[]', '.', ',', '%A %d %b %Y', '%I:%M:%S', '7'],
  ['lang_he_IL', 'Hebrew / עִבְרִי', 'he_IL', 'he', 'rtl', '[3,0]', '.', ',', '%d/%m/%Y', '%H:%M:%S', '7'],
  ['lang_hi_IN', 'Hindi / हिंदी', 'hi_IN', 'hi', 'ltr', '[]', '.', ',', '%A %d %b %Y', '%I:%M:%S', '7'],
  ['lang_hu', 'Hungarian / Magyar', 'hu_HU', 'hu', 'ltr', '[3,0]', ',', '.', '%Y-%m-%d', '%H:%M:%S', '1'],
  ['lang_id', 'Indonesian / Bahasa Indonesia', 'id_ID', 'id', 'ltr', '[3,0]', ',', '.', '%d/%m/%Y', '%H:%M:%S', '7'],
  ['lang_it', 'Italian / Italiano', 'it_IT', 'it', 'ltr', '[3,0]', ',', '.', '%d/%m/%Y', '%H:%M:%S', '1'],
  ['lang_ja_JP', 'Japanese / 日本語', 'ja_JP', 'ja', 'ltr', '[3,0]', '.', ',', '%Y年%m月%d日', '%H時%M分%S秒', '7'],
  ['lang_kab_DZ', 'Kabyle / Taqbaylit', 'kab_DZ', 'kab', 'ltr', '[]', '.', ',', '%m/%d/%Y', '%I:%M:%S %p', '6'],
  ['lang_km', 'Khmer / ភាសាខ្មែរ', 'km_KH', 'km', 'ltr', '[3,0]', '.', ',', '%d %B %Y', '%H:%M:%S', '7'],
  ['lang_ko_KP', 'Korean (KP) / 한국어 (KP)', 'ko_KP', 'ko_KP', 'ltr', '[3,0]', '.', ',', '%m/%d/%Y', '%I:%M:%S %p', '1'],
  ['lang_ko_KR', 'Korean (KR) / 한국어 (KR)', 'ko_KR', 'ko_KR', 'ltr', '[3,0]', '.', ',', '%Y년 %m월 %d일', '%H시 %M분 %S초', '7'],
  ['lang_lo_LA', 'Lao / ພາສາລາວ', 'lo_LA', 'lo', 'ltr', '[3,0]', '.', ',', '%d/%m/y', '%H:%M:%S', '7'],
  ['lang_lv', 'Latvian / latviešu valoda', 'lv_LV', 'lv', 'ltr', '[3,0]', ',', ' ', '%Y.%m.%d.', '%H:%M:%S', '1'],
  ['lang_lt', 'Lithuanian / Lietuvių kalba', 'lt_LT', 'lt', 'ltr', '[3,0]', ',', '.', '%Y-%m-%d', '%H:%M:%S', '1'],
  ['lang_lb', 'Luxembourgish', 'lb_LU', 'lb', 'ltr', '[3,0]', ',', ' ', '%d/%m/%Y', '%H:%M:%S', '1'],
  ['lang_mk', 'Macedonian / македонски јазик', 'mk_MK', 'mk', 'ltr', '[3,0]', ',', ' ', '%d.%m.%Y', '%H:%M:%S', '1'],
  ['lang_ml', 'Malayalam / മലയാളം', 'ml_IN', 'ml', 'ltr', '[3,0]', ',', ' ', '%d/%m/%Y', '%H:%M:%S', '1'],
  ['lang_mn', 'Mongolian / монгол', 'mn_MN', 'mn', 'ltr', '[3,0]', '.', '\'', '%Y-%m-%d', '%H:%M:%S', '7'],
  ['lang_ms', 'Malay / Bahasa Melayu', 'ms_MY', 'ms', 'ltr', '[3,0]', '.', ',', '%d/%m/%Y', '%H:%M:%S', '1'],
  ['lang_my', 'Burmese / ဗမာစာ', 'my_MM', 'my', 'ltr', '[3,3]', '.', ',', '%Y %b %d %A', '%I:%M:%S %p', '7'],
  ['lang_nb_NO', 'Norwegian Bokmål / Norsk bokmål', 'nb_NO', 'nb_NO', 'ltr', '[3,0]', ',', ' ', '%d.%m.%Y', '%H:%M:%S', '1'],
  ['lang_fa_IR', 'Persian / فارسی', 'fa_IR', 'fa', 'rtl', '[3,0]', '.', ',', '%Y/%m/%d', '%H:%M:%S', '6'],
  ['lang_pl', 'Polish / Język polski', 'pl_PL', 'pl', 'ltr', '[]', ',', '', '%d.%m.%Y', '%H:%M:%S', '1'],
  ['lang_pt_AO', 'Portuguese (AO) / Português (AO)', 'pt_AO', 'pt_AO', 'ltr', '[]', ',', '', '%d-%m-%Y', '%H:%M:%S', '1'],
  ['lang_pt_BR', 'Portuguese (BR) / Português (BR)', 'pt_BR', 'pt_BR', 'ltr', '[3,0]', ',', '.', '%d/%m/%Y', '%H:%M:%S', '7'],
  ['lang_pt', 'Portuguese / Português', 'pt_PT', 'pt', 'ltr', '[]', ',', '', '%d-%m-%Y', '%H:%M:%S', '1'],
  ['lang_ro', 'Romanian / română', 'ro_RO', 'ro', 'ltr', '[3,0]', ',', '.', '%d.%m.%Y', '%H:%M:%S', '1'],
  ['lang_ru', 'Russian / русский язык', 'ru_RU', 'ru', 'ltr', '[3,0]', ',', ' ', '%d.%m.%Y', '%H:%M:%S', '1'],
  ['lang_sr_RS', 'Serbian (Cyrillic) / српски', 'sr_RS', 'sr_RS', 'ltr', '[]', ',', '', '%d.%m.%Y.', '%H:%M:%S', '7'],
  ['lang_sr@latin', 'Serbian (Latin) / srpski', 'sr@latin', 'sr@latin', 'ltr', '[]', '.', ',', '%m/%d/%Y', '%I:%M:%S %p', '7'],
  ['lang_sk', 'Slovak / Slovenský jazyk', 'sk_SK', 'sk', 'ltr', '[3,0]', ',', ' ', '%d.%m.%Y', '%H:%M:%S', '1'],
  ['lang_sl_SI', 'Slovenian / slovenščina', 'sl_SI', 'sl', 'ltr', '[]', ',', ' ', '%d. %m. %Y', '%H:%M:%S', '1'],
  ['lang_es_419', 'Spanish (Latin America) / Español (América Latina)', 'es_419', 'es_419', 'ltr', '[3,0]', ',', '.', '%d/%m/%Y', '%H:%M:%S', '1'],
  ['lang_es_AR', 'Spanish (AR) / Español (AR)', 'es_AR', 'es_AR', 'ltr', '[3,0]', ',', '.', '%d/%m/%Y', '%H:%M:%S', '7'],
  ['lang_es_BO', 'Spanish (BO) / Español (BO)', 'es_BO', 'es_BO', 'ltr', '[3,0]', ',', '.', '%d/%m/%Y', '%H:%M:%S', '1'],
  ['lang_es_CL', 'Spanish (CL) / Español (CL)', 'es_CL', 'es_CL', 'ltr', '[3,0]', ',', '.', '%d/%m/%Y', '%H:%M:%S', '1'],
  ['lang_es_CO', 'Spanish (CO) / Español (CO)', 'es_CO', 'es_CO', 'ltr', '[3,0]', ',', '.', '%d-%m-%Y', '%H:%M:%S', '7'],
  ['lang_es_CR', 'Spanish (CR) / Español (CR)', 'es_CR', 'es_CR', 'ltr', '[3,0]', '.', ',', '%d/%m/%Y', '%H:%M:%S', '1'],
  ['lang_es_DO', 'Spanish (DO) / Español (DO)', 'es_DO', 'es_DO', 'ltr', '[3,0]', '.', ',', '%d/%m/%Y', '%I:%M:%S %p', '1'],
  ['lang_es_EC', 'Spanish (EC) / Español (EC)', 'es_EC', 'es_EC', 'ltr', '[3,0]', ',', '.', '%d/%m/%Y', '%H:%M:%S', '1'],
  ['lang_es_GT', 'Spanish (GT) / Español (GT)', 'es_GT', 'es_GT', 'ltr', '[3,0]', '.', ',', '%d/%m/%Y', '%H:%M:%S', '7'],
  ['lang_es_MX', 'Spanish (MX) / Español (MX)', 'es_MX', 'es_MX', 'ltr', '[3,0]', '.', ',', '%d/%m/%Y', '%H:%M:%S', '7'],
  ['lang_es_PA', 'Spanish (PA) / Español (PA)', 'es_PA', 'es_PA', 'ltr', '[3,0]', '.', ',', '%d/%m/%Y', '%H:%M:%S', '7'],
  ['lang_es_PE', 'Spanish (PE) / Español (PE)', 'es_PE', 'es_PE', 'ltr', '[3,0]', '.', ',', '%d/%m/%Y', '%H:%M:%S', '7'],
  ['lang_es_PY', 'Spanish (PY) / Español (PY)', 'es_PY', 'es_PY', 'ltr', '[3,0]', ',', '.', '%d/%m/%Y', '%H:%M:%S', '7'],
  ['lang_es_UY', 'Spanish (UY) / Español (UY)', 'es_UY', 'es_UY', 'ltr', '[3,0]', ',', '.', '%d/%m/%Y', '%H:%M:%S', '1'],
  ['lang_es_VE', 'Spanish (VE) / Español (VE)', 'es_VE', 'es_VE', 'ltr', '[3,0]', ',', '.', '%d/%m/%Y', '%H:%M:%S', '7'],
  ['lang_es', 'Spanish / Español', 'es_ES', 'es', 'ltr', '[3,0]', ',', '.', '%d/%m/%Y', '%H:%M:%S', '1'],
  ['lang_sw', 'Swahili / Kiswahili', 'sw', 'sw', 'ltr', '[3,0]', '.', ',', '%d/%m/%Y', '%H:%M:%S', '1'],
  ['lang_sv_SE', 'Swedish / Svenska', 'sv_SE', 'sv', 'ltr', '[3,0]', ',', ' ', '%Y-%m-%d', '%H:%M:%S', '1'],
  ['lang_th', 'Thai / ภาษาไทย', 'th_TH', 'th', 'ltr', '[3,0]', '.', ',', '%d/%m/%Y', '%H:%M:%S', '7'],
  ['lang_tl', 'Tagalog / Filipino', 'tl_PH', 'tl', 'ltr', '[3,0]', '.', ',', '%m/%d/%y', '%H:%M:%S', '1'],
  ['lang_tr', 'Turkish / Türkçe', 'tr_TR', 'tr', 'ltr', '[3,0]', ',', '.', '%d-%m-%Y', '%H:%M:%S', '1'],
  ['lang_uk_UA', 'Ukrainian / українська', 'uk_UA', 'uk', 'ltr', '[3,0]', ',', ' ', '%d.%m.%Y', '%H:%M:%S', '1'],
  ['lang_vi_VN', 'Vietnamese / Tiếng Việt', 'vi_VN', 'vi', 'ltr', '[3,0]', ',', '.', '%d/%m/%Y', '%H:%M:%S', '1'],
  ['lang_sq_AL', 'Albanian / Shqip', 'sq_AL', 'sq', 'ltr', '[3,0]', ',', '.', '%Y-%b-%d', '%I.%M.%S.', '1'],
  ['lang_te_IN', 'Telugu / తెలుగు', 'te_IN', 'te', 'ltr', '[]', '.', ',', '%B %d %A %Y', '%p%I.%M.%S', '7'],
];

const URL_CODES: Record<string, string> = { lang_my: 'mya' };
// Unlike Odoo (en_US only), Persian is active too: this product's reference guide and first users
// work in Persian, and the web client ships its Persian translation.
const ACTIVE = new Set(['en_US', 'fa_IR']);

const records: DataRecord[] = LANGS.map(
  ([id, name, code, isoCode, direction, grouping, decimalPoint, thousandsSep, dateFormat, timeFormat, weekStart]) => ({
    id,
    model: 'res.lang',
    noupdate: true,
    values: {
      name,
      code,
      iso_code: isoCode,
      url_code: URL_CODES[id] ?? isoCode,
      direction,
      date_format: dateFormat,
      time_format: timeFormat,
      decimal_point: decimalPoint,
      thousands_sep: thousandsSep,
      grouping,
      week_start: weekStart,
      active: ACTIVE.has(code),
    },
  }),
);

export default records;
