import type { StatusSnapshot } from '../shared/messaging/protocol.ts';
import { t } from '../shared/ui/i18n.ts';

/** The facts of this installation: version, build, where it sends requests. */
export function AboutSection({ status }: { readonly status: StatusSnapshot }) {
  return (
    <section id="about" class="section" aria-labelledby="about-title">
      <h2 id="about-title">{t('aboutTitle')}</h2>
      <dl class="card facts">
        <dt>{t('aboutVersion')}</dt>
        <dd>{status.version}</dd>
        <dt>{t('aboutBuild')}</dt>
        <dd>{status.simulatorBuild ? t('aboutBuildSimulator') : t('aboutBuildProduction')}</dd>
        <dt>{t('registrationRedirectUri')}</dt>
        <dd>
          <code data-testid="redirect-uri">{status.redirectUri}</code>
        </dd>
        <dt>{t('aboutGoogleApi')}</dt>
        <dd>
          <code>{status.endpoints.googleApi}</code>
        </dd>
        <dt>{t('aboutGraphApi')}</dt>
        <dd>
          <code>{status.endpoints.graphApi}</code>
        </dd>
      </dl>
    </section>
  );
}
