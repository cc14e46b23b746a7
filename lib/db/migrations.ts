/** Schema changes, applied in order and never edited once shipped: add a new version instead. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** One SQL statement per entry (PGlite's extended protocol runs a single statement per query). */
  readonly statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts and tenancy',
    statements: [
      `create table organizations (
        id uuid primary key default gen_random_uuid(),
        name text not null check (length(name) between 1 and 200),
        slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        timezone text not null default 'UTC',
        created_at timestamptz not null default now()
      )`,
      `create table users (
        id uuid primary key default gen_random_uuid(),
        email text not null unique check (email = lower(email) and length(email) between 3 and 254),
        name text not null check (length(name) between 1 and 200),
        password_hash text not null,
        failed_sign_ins integer not null default 0 check (failed_sign_ins >= 0),
        locked_until timestamptz,
        created_at timestamptz not null default now()
      )`,
      `create table memberships (
        user_id uuid not null references users (id) on delete cascade,
        organization_id uuid not null references organizations (id) on delete cascade,
        role text not null check (role in ('viewer', 'finance', 'admin')),
        created_at timestamptz not null default now(),
        primary key (user_id, organization_id)
      )`,
      `create index memberships_organization_id_idx on memberships (organization_id)`,
    ],
  },
  {
    version: 2,
    name: 'provider connections',
    statements: [
      `create table provider_connections (
        id text primary key check (id ~ '^conn_[0-9a-f]{32}$'),
        organization_id uuid not null references organizations (id) on delete cascade,
        provider text not null check (provider in ('genpayment', 'shopline', 'neox')),
        label text not null check (length(label) between 1 and 100),
        base_url text not null,
        settings jsonb not null default '{}'::jsonb,
        credentials_ciphertext text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (organization_id, label)
      )`,
    ],
  },
];
