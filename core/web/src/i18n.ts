// Every string of the client goes through t(). English is the source text; other languages map
// it. Persian also switches the page to right-to-left.

const fa: Record<string, string> = {
  'Log in': 'ورود',
  'Login': 'نام کاربری',
  'Password': 'رمز عبور',
  'Database': 'پایگاه داده',
  'Wrong login/password': 'نام کاربری یا رمز عبور نادرست است',
  'Log out': 'خروج',
  'Leads': 'سرنخ‌ها',
  'Loading…': 'در حال بارگذاری…',
  'No application is installed.': 'هیچ برنامه‌ای نصب نشده است.',
  'Previous': 'قبلی',
  'Next': 'بعدی',
  'This view type is not available yet.': 'این نما هنوز در دسترس نیست.',
  'List': 'فهرست',
  'New': 'جدید',
  'Main menu': 'منوی اصلی',
  'Home': 'خانه',
  'Breadcrumbs': 'مسیر',
  'Kanban': 'کانبان',
  'Form': 'فرم',
  'Pivot': 'محوری',
  'Graph': 'نمودار',
  'Calendar': 'تقویم',
  'Activity': 'فعالیت',
};

const catalogs: Record<string, Record<string, string>> = { fa };

/** Each part of the client brings its own strings: `addTranslations('fa', { 'Save': 'ذخیره' })`. */
export function addTranslations(lang: string, entries: Record<string, string>): void {
  catalogs[lang] = { ...(catalogs[lang] ?? {}), ...entries };
}

export function currentLanguage(): string {
  return current;
}

let current = 'en_US';

export function setLanguage(code: string): void {
  current = code || 'en_US';
  const iso = current.split('_')[0];
  document.documentElement.lang = iso;
  document.documentElement.dir = iso === 'fa' || iso === 'ar' || iso === 'he' ? 'rtl' : 'ltr';
}

export function t(text: string, values: Record<string, string | number> = {}): string {
  const translated = catalogs[current.split('_')[0]]?.[text] ?? text;
  return translated.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}
