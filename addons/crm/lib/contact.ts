// Normalised contact data of a lead, as Odoo 17 keeps it for finding duplicates: the email's
// address part in lower case, the "domain criterion" (the domain, or the whole address for free
// mail providers), and phone numbers in E.164 using the lead's country (libphonenumber-js).

import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** Odoo's `_mail_domain_free` list (the providers where a shared domain says nothing). */
export const FREE_MAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.fr', 'yahoo.co.uk', 'yahoo.es', 'yahoo.de', 'ymail.com', 'rocketmail.com',
  'hotmail.com', 'hotmail.fr', 'hotmail.co.uk', 'hotmail.de', 'hotmail.it', 'outlook.com', 'outlook.fr', 'live.com', 'live.fr',
  'msn.com', 'aol.com', 'icloud.com', 'me.com', 'mac.com', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.com', 'mail.ru',
  'yandex.com', 'yandex.ru', 'protonmail.com', 'proton.me', 'zoho.com', 'qq.com', '163.com', '126.com', 'free.fr', 'orange.fr',
  'laposte.net', 'libero.it', 'naver.com', 'rediffmail.com', 'example.com',
]);

const EMAIL = /([^\s<>@,;"']+@[^\s<>@,;"']+\.[^\s<>@,;"']+)/;

/** `"Ann <Ann@Acme.COM>"` → `ann@acme.com`, or false when there is no address. */
export function normalizeEmail(value: unknown): string | false {
  if (typeof value !== 'string') return false;
  const match = EMAIL.exec(value);
  return match ? match[1].toLowerCase() : false;
}

/** The domain, or the whole address at a free mail provider; false without an address. */
export function emailDomainCriterion(value: unknown): string | false {
  const email = normalizeEmail(value);
  if (!email) return false;
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return FREE_MAIL_DOMAINS.has(domain) ? email : domain;
}

/** 'correct' or 'incorrect' for a given address, false when empty (Odoo's email_state). */
export function emailState(value: unknown): 'correct' | 'incorrect' | false {
  if (typeof value !== 'string' || !value.trim()) return false;
  return normalizeEmail(value) ? 'correct' : 'incorrect';
}

/** `+98 21 1234 5678` in E.164 (`+982112345678`) for the country code given (ISO, e.g. 'IR'). */
export function sanitizePhone(value: unknown, country?: string | false): string | false {
  if (typeof value !== 'string' || !value.trim()) return false;
  const parsed = parsePhoneNumberFromString(value, (country || undefined) as CountryCode | undefined);
  return parsed && parsed.isPossible() ? parsed.number : false;
}

/** 'correct' when the number is valid for its country, 'incorrect' otherwise, false when empty. */
export function phoneState(value: unknown, country?: string | false): 'correct' | 'incorrect' | false {
  if (typeof value !== 'string' || !value.trim()) return false;
  const parsed = parsePhoneNumberFromString(value, (country || undefined) as CountryCode | undefined);
  return parsed && parsed.isValid() ? 'correct' : 'incorrect';
}
