import { WEBHOOK_EVENT_TYPES } from '@chancery/webhooks';
import de from '../../apps/web/src/i18n/locales/portal/de';
import en from '../../apps/web/src/i18n/locales/portal/en';
import fr from '../../apps/web/src/i18n/locales/portal/fr';
import nl from '../../apps/web/src/i18n/locales/portal/nl';

// The portal offers an event only if its messages describe it (WebhooksPage): an event the API adds
// without a description would silently never be offered, and a description of an event the API
// dropped would be dead text.
describe('the portal’s webhook events', () => {
  const API_EVENT_TYPES = Object.keys(WEBHOOK_EVENT_TYPES);

  it.each(Object.entries({ en, nl, fr, de }))('%s describes every event type the API has, and no other', (_language, messages) => {
    const described = messages.webhooks.eventTypes as Record<string, string>;
    expect(Object.keys(described).sort()).toEqual([...API_EVENT_TYPES].sort());
    expect(API_EVENT_TYPES.filter((type) => !described[type]?.trim())).toEqual([]);
  });
});
