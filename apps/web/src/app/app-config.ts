/** Where and how to sign in, served by the api at /app-config.json (apps/api/src/web/web-app.ts). */
export interface AppConfig {
  authMode: 'dev' | 'oidc';
  issuer: string | null;
  clientId: string;
  audience: string | null;
  scope: string;
}

export async function loadAppConfig(): Promise<AppConfig> {
  const response = await fetch('/app-config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`app-config.json: ${response.status}`);
  return (await response.json()) as AppConfig;
}
