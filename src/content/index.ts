/**
 * Content script for Google Calendar and Outlook on the web. It runs in the calendar pages listed
 * in the manifest; the synced-event badges it will draw are built on this entry point. It holds no
 * state and reads nothing from storage (storage.local is locked to trusted contexts).
 */
export {};
