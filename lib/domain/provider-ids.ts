/** The providers Fundsight can connect; shared by server and browser (filters, DTO schemas). */
export const PROVIDER_IDS = ['genpayment', 'shopline', 'neox'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];
