/**
 * The AADSTS errors the simulator produces, with Entra's codes, OAuth `error` values and texts
 * (from Microsoft's error-code reference and the messages quoted in MSAL / Azure issues).
 */
export interface EntraError {
  /** OAuth error value (`invalid_grant`, `login_required`, …). */
  readonly error: string;
  /** The AADSTS number. */
  readonly code: number;
  readonly message: string;
  /** Entra's `suberror` (`bad_token` tells MSAL the refresh token is dead: drop it, interact). */
  readonly suberror?: string;
  /** `error_subcode` on authorize redirects (`cancel` when the user backed out). */
  readonly subcode?: string;
}

const MSA_TENANT_NAME = 'Microsoft Services';

export const AADSTS = {
  tenantNotFound: (tenant: string): EntraError => ({
    error: 'invalid_request',
    code: 90002,
    message: `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  }),
  missingParameter: (name: string): EntraError => ({
    error: 'invalid_request',
    code: 900144,
    message: `The request body must contain the following parameter: '${name}'.`,
  }),
  appNotFound: (clientId: string, tenant: string): EntraError => ({
    error: 'unauthorized_client',
    code: 700016,
    message: `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  }),
  redirectUriMismatch: (redirectUri: string, clientId: string): EntraError => ({
    error: 'invalid_request',
    code: 50011,
    message: `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
  }),
  unsupportedResponseType: (responseType: string): EntraError => ({
    error: 'unsupported_response_type',
    code: 700051,
    message: `response_type '${responseType}' is not enabled for the application.`,
  }),
  invalidScope: (scope: string): EntraError => ({
    error: 'invalid_scope',
    code: 70011,
    message: `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`,
  }),
  pkceRequired: (): EntraError => ({
    error: 'invalid_request',
    code: 9002325,
    message: 'Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
  }),
  invalidChallengeMethod: (): EntraError => ({ error: 'invalid_request', code: 50149, message: 'Invalid Code_Challenge_method parameter.' }),
  loginRequired: (): EntraError => ({
    error: 'login_required',
    code: 50058,
    message: `A silent sign-in request was sent but no user is signed in. The cookies used to represent the user's session were not sent in the request to Azure AD. This can happen if the user is using Internet Explorer or Edge, and the web app sending the silent sign-in request is in different IE security zone than the Azure AD endpoint (login.microsoftonline.com).`,
  }),
  selectAccount: (): EntraError => ({
    error: 'interaction_required',
    code: 16000,
    message: 'Either multiple user identities are available for the current request or selected account is not supported for the scenario.',
  }),
  sessionNotFound: (): EntraError => ({ error: 'interaction_required', code: 16002, message: 'Application requested a user session which does not exist.' }),
  consentRequired: (clientId: string, name: string, error = 'consent_required'): EntraError => ({
    error,
    code: 65001,
    message: `The user or administrator has not consented to use the application with ID '${clientId}' named '${name}'. Send an interactive authorization request for this user and resource.`,
    ...(error === 'invalid_grant' ? { suberror: 'consent_required' } : {}),
  }),
  userDeclined: (): EntraError => ({ error: 'access_denied', code: 65004, message: 'User declined to consent to access the app.', subcode: 'cancel' }),
  personalAccountNotSupported: (upn: string): EntraError => ({
    error: 'invalid_request',
    code: 500200,
    message: `User account '${upn}' is a personal Microsoft account. Personal Microsoft accounts are not supported for this application unless explicitly invited to an organization. Try signing out and signing back in with an organizational account.`,
  }),
  userNotInTenant: (upn: string, identityProvider: string, tenant: string | undefined, clientId: string): EntraError => ({
    error: 'invalid_request',
    code: 50020,
    message: `User account '${upn}' from identity provider '${identityProvider}' does not exist in tenant '${tenant ?? MSA_TENANT_NAME}' and cannot access the application '${clientId}' in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.`,
  }),
  userNotFound: (upn: string, tenant: string): EntraError => ({
    error: 'invalid_request',
    code: 50034,
    message: `The user account ${upn} does not exist in the ${tenant} directory. To sign into this application, the account must be added to the directory.`,
  }),
  crossOriginNotSpa: (origin: string): EntraError => ({
    error: 'invalid_request',
    code: 9002326,
    message: `Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: '${origin}'.`,
  }),
  spaNeedsCrossOrigin: (): EntraError => ({
    error: 'invalid_request',
    code: 9002327,
    message: "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
  }),
  clientSecretMissing: (): EntraError => ({
    error: 'invalid_client',
    code: 7000218,
    message: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  }),
  clientSecretInvalid: (clientId: string): EntraError => ({
    error: 'invalid_client',
    code: 7000215,
    message: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
  }),
  unsupportedGrantType: (grantType: string): EntraError => ({
    error: 'unsupported_grant_type',
    code: 70003,
    message: `The app requested an unsupported grant type '${grantType}'.`,
  }),
  malformed: (): EntraError => ({ error: 'invalid_grant', code: 9002313, message: 'Invalid request. Request is malformed or invalid.' }),
  grantForAnotherClient: (parameter: string): EntraError => ({
    error: 'invalid_grant',
    code: 70000,
    message: `The provided value for the '${parameter}' parameter is not valid. It was issued to a different client.`,
  }),
  codeRedeemed: (): EntraError => ({
    error: 'invalid_grant',
    code: 54005,
    message: 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
  }),
  codeExpired: (): EntraError => ({
    error: 'invalid_grant',
    code: 70008,
    message: 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
  }),
  redirectUriNotOfCode: (): EntraError => ({
    error: 'invalid_grant',
    code: 70000,
    message: "The provided value for the 'redirect_uri' is not valid. The value must exactly match the redirect URI used to obtain the authorization code.",
  }),
  pkceMismatch: (): EntraError => ({
    error: 'invalid_grant',
    code: 501481,
    message: 'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
  }),
  spaRefreshTokenExpired: (lifetime: string, issuedOn: string): EntraError => ({
    error: 'invalid_grant',
    code: 700084,
    message: `The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of ${lifetime}, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page. The token was issued on ${issuedOn}.`,
    suberror: 'bad_token',
  }),
  refreshTokenInactive: (issuedOn: string, inactivity: string): EntraError => ({
    error: 'invalid_grant',
    code: 700082,
    message: `The refresh token has expired due to inactivity. The token was issued on ${issuedOn} and was inactive for ${inactivity}.`,
    suberror: 'bad_token',
  }),
  grantRevoked: (issuedOn: string, validFrom: string): EntraError => ({
    error: 'invalid_grant',
    code: 50173,
    message: `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${issuedOn}' and the TokensValidFrom date (before which tokens are not valid) for this user is '${validFrom}'.`,
    suberror: 'bad_token',
  }),
  unknownInstance: (): EntraError => ({ error: 'invalid_instance', code: 50049, message: 'Unknown or invalid instance.' }),
  methodNotAllowed: (message: string): EntraError => ({ error: 'invalid_request', code: 900561, message }),
  transient: (): EntraError => ({ error: 'temporarily_unavailable', code: 90033, message: 'A transient error has occurred. Please try again.' }),
};

/** Entra's duration format in messages: "1.00:00:00" (d.hh:mm:ss). */
export function entraDuration(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const days = Math.floor(totalSeconds / 86400);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const rest = totalSeconds % 86400;
  return `${days}.${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}`;
}

/** Entra's instant format in messages: "2023-12-11T12:31:44.1947275Z"-style ISO. */
export function entraInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
