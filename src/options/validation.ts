/**
 * Checks of what the user types, in plain words, before anything is sent: the background checks
 * again, but a mistake is clearer next to the field that has it.
 */
import { MAX_WINDOW_DAYS } from '../shared/pair-validation.ts';
import { t } from '../shared/ui/i18n.ts';

const GOOGLE_CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9-]*\.apps\.googleusercontent\.com$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT_NAMES = ['common', 'organizations', 'consumers'];
const DOMAIN = /^(?=.{1,200}$)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

/** An empty id is fine: the build's default (if any) is used. */
export function googleClientIdProblem(value: string): string | null {
  const id = value.trim();
  if (id === '' || GOOGLE_CLIENT_ID.test(id)) return null;
  return t('errorGoogleClientId');
}

export function microsoftClientIdProblem(value: string): string | null {
  const id = value.trim();
  if (id === '' || GUID.test(id)) return null;
  return t('errorMicrosoftClientId');
}

export function tenantProblem(value: string): string | null {
  const tenant = value.trim();
  if (tenant === '' || TENANT_NAMES.includes(tenant.toLowerCase()) || GUID.test(tenant) || DOMAIN.test(tenant)) return null;
  return t('errorTenant');
}

/** A title filter must compile as a JavaScript regular expression (matched case-insensitively). */
export function regexProblem(value: string): string | null {
  if (value === '') return null;
  if (value.length > 500) return t('errorRegexLength');
  try {
    new RegExp(value, 'i');
    return null;
  } catch (error) {
    return t('errorRegex', error instanceof Error ? error.message : String(error));
  }
}

export function wholeNumberProblem(value: string, min: number, max: number): string | null {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed) && Number(trimmed) >= min && Number(trimmed) <= max) return null;
  return t('errorWholeNumber', min, max);
}

export function windowDaysProblem(value: string): string | null {
  return wholeNumberProblem(value, 0, MAX_WINDOW_DAYS);
}

export function lengthProblem(value: string, max: number): string | null {
  return value.length <= max ? null : t('errorTooLong', max);
}
