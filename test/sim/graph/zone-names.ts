/**
 * Which time-zone names Graph accepts in `dateTimeTimeZone.timeZone` and `Prefer: outlook.timezone`:
 * every Windows zone (CLDR windowsZones.xml, via windows-iana) plus the fixed list of IANA names in
 * the dateTimeTimeZone reference (microsoft-graph-docs-contrib api-reference/v1.0/resources/
 * datetimetimezone.md, "M-DTTZ"). Any other IANA name is rejected with TimeZoneNotSupportedException,
 * as the real service does (microsoftgraph/microsoft-graph-docs#4758).
 */
import { findIana, findWindows, WINDOWS_TO_IANA_MAP } from 'windows-iana';

/**
 * The M-DTTZ list, in the document's order. Where the document gives an alternative spelling in
 * parentheses ("Europe/Kyiv (Kiev)"), both spellings are listed as one entry.
 */
const DOCUMENTED_IANA_NAMES: readonly (readonly string[])[] = [
  ['Etc/GMT+12'], ['Etc/GMT+11'], ['Pacific/Honolulu'], ['America/Anchorage'], ['America/Santa_Isabel'],
  ['America/Los_Angeles'], ['America/Phoenix'], ['America/Chihuahua'], ['America/Denver'], ['America/Guatemala'],
  ['America/Chicago'], ['America/Mexico_City'], ['America/Regina'], ['America/Bogota'], ['America/New_York'],
  ['America/Indiana/Indianapolis'], ['America/Caracas'], ['America/Asuncion'], ['America/Halifax'], ['America/Cuiaba'],
  ['America/La_Paz'], ['America/Santiago'], ['America/St_Johns'], ['America/Sao_Paulo'],
  ['America/Argentina/Buenos_Aires'], ['America/Cayenne'], ['America/Godthab'], ['America/Montevideo'],
  ['America/Bahia'], ['Etc/GMT+2'], ['Atlantic/Azores'], ['Atlantic/Cape_Verde'], ['Africa/Casablanca'], ['Etc/GMT'],
  ['Europe/London'], ['Atlantic/Reykjavik'], ['Europe/Berlin'], ['Europe/Budapest'], ['Europe/Paris'], ['Europe/Warsaw'],
  ['Africa/Lagos'], ['Africa/Windhoek'], ['Europe/Bucharest'], ['Asia/Beirut'], ['Africa/Cairo'], ['Asia/Damascus'],
  ['Africa/Johannesburg'], ['Europe/Kyiv', 'Europe/Kiev'], ['Europe/Istanbul'], ['Asia/Jerusalem'], ['Asia/Amman'],
  ['Asia/Baghdad'], ['Europe/Kaliningrad'], ['Asia/Riyadh'], ['Africa/Nairobi'], ['Asia/Tehran'], ['Asia/Dubai'],
  ['Asia/Baku'], ['Europe/Moscow'], ['Indian/Mauritius'], ['Asia/Tbilisi'], ['Asia/Yerevan'], ['Asia/Kabul'],
  ['Asia/Karachi'], ['Asia/Toshkent', 'Asia/Tashkent'], ['Asia/Kolkata'], ['Asia/Colombo'], ['Asia/Kathmandu'],
  ['Asia/Astana', 'Asia/Almaty'], ['Asia/Dhaka'], ['Asia/Yekaterinburg'], ['Asia/Yangon', 'Asia/Rangoon'],
  ['Asia/Bangkok'], ['Asia/Novosibirsk'], ['Asia/Shanghai'], ['Asia/Krasnoyarsk'], ['Asia/Singapore'],
  ['Australia/Perth'], ['Asia/Taipei'], ['Asia/Ulaanbaatar'], ['Asia/Irkutsk'], ['Asia/Tokyo'], ['Asia/Seoul'],
  ['Australia/Adelaide'], ['Australia/Darwin'], ['Australia/Brisbane'], ['Australia/Sydney'], ['Pacific/Port_Moresby'],
  ['Australia/Hobart'], ['Asia/Yakutsk'], ['Pacific/Guadalcanal'], ['Asia/Vladivostok'], ['Pacific/Auckland'],
  ['Etc/GMT-12'], ['Pacific/Fiji'], ['Asia/Magadan'], ['Pacific/Tongatapu'], ['Pacific/Apia'], ['Pacific/Kiritimati'],
];

const WINDOWS_NAMES: ReadonlySet<string> = new Set(WINDOWS_TO_IANA_MAP.map((entry) => entry.windowsName));

/** Documented IANA name → all spellings of its entry (the first is the one Temporal resolves first). */
const IANA_ENTRIES: ReadonlyMap<string, readonly string[]> = new Map(
  DOCUMENTED_IANA_NAMES.flatMap((entry) => entry.map((name) => [name, entry] as const)),
);

export function isWindowsZone(name: string): boolean {
  return WINDOWS_NAMES.has(name);
}

export function isSupportedZoneName(name: string): boolean {
  return WINDOWS_NAMES.has(name) || IANA_ENTRIES.has(name);
}

/** The IANA spellings that may stand for a supported name (CLDR territory 001 for Windows names). */
export function ianaCandidates(name: string): readonly string[] {
  if (WINDOWS_NAMES.has(name)) return findIana(name, '001');
  return IANA_ENTRIES.get(name) ?? [];
}

/**
 * The Windows name Outlook stores for a zone (`originalStartTimeZone`): Windows names as given,
 * documented IANA names mapped through CLDR, and "tzone://Microsoft/Custom" when CLDR has no match.
 */
const windowsNames = new Map<string, string>();

export function windowsNameOf(name: string): string {
  if (WINDOWS_NAMES.has(name)) return name;
  let windows = windowsNames.get(name);
  if (windows === undefined) {
    const spellings = IANA_ENTRIES.get(name) ?? [];
    windows = spellings.map((spelling) => findWindows(spelling)[0]).find((w) => w !== undefined) ?? 'tzone://Microsoft/Custom';
    windowsNames.set(name, windows);
  }
  return windows;
}
