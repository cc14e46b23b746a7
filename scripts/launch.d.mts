export const DEMO_ENV: Record<string, string>;
export function demoSecrets(dataDir: string): { NEXTAUTH_SECRET: string; FUNDSIGHT_ENCRYPTION_KEY: string };
export function build(): Promise<void>;
export function launch(options: {
  appPort: number;
  sandboxPort: number;
  dataDir: string;
  extraEnv?: Record<string, string>;
  sandboxArgs?: string[];
}): Promise<{
  stop: () => void;
  sandboxUrl: string;
  appUrl: string;
  appPid: number | undefined;
  /** SIGKILL to the app's process group, then the app again on the same data; its new group leader's pid. */
  killAndRestartApp: () => Promise<number | undefined>;
}>;
