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
  {
    version: 3,
    name: 'export audit',
    statements: [
      // No foreign key to the connection or a required user: the record outlives both.
      `create table export_audits (
        id uuid primary key default gen_random_uuid(),
        seq integer generated always as identity unique,
        organization_id uuid not null references organizations (id) on delete cascade,
        user_id uuid references users (id) on delete set null,
        user_email text not null,
        connection_id text not null,
        connection_label text not null,
        filters jsonb not null,
        options jsonb not null,
        file_name text not null,
        outcome text not null default 'running' check (outcome in ('running', 'completed', 'failed', 'cancelled')),
        row_count integer not null default 0 check (row_count >= 0),
        provider_pages integer not null default 0 check (provider_pages >= 0),
        error_message text,
        error_trace_id text,
        started_at timestamptz not null default now(),
        finished_at timestamptz,
        check ((outcome = 'running') = (finished_at is null))
      )`,
      `create index export_audits_organization_seq_idx on export_audits (organization_id, seq desc)`,
    ],
  },
  {
    version: 4,
    name: 'export heartbeat',
    statements: [
      // A running export's server writes its progress here every few seconds; a running export whose
      // heartbeat stopped was cut off by its server stopping, and is shown as interrupted.
      `alter table export_audits add column alive_at timestamptz not null default now()`,
    ],
  },
  {
    version: 6,
    name: 'export jobs and files',
    statements: [
      // One row per export job: its state, progress and the provider cursor where its next page starts.
      // `attempt` fences workers: only the worker holding the current attempt may write progress.
      `create table export_jobs (
        id uuid primary key default gen_random_uuid(),
        seq integer generated always as identity unique,
        organization_id uuid not null references organizations (id) on delete cascade,
        user_id uuid not null references users (id) on delete cascade,
        user_email text not null,
        connection_id text not null,
        connection_label text not null,
        provider text not null,
        format text not null check (format in ('csv', 'xlsx')),
        request_query text not null,
        filters jsonb not null,
        options jsonb not null,
        file_name text not null,
        state text not null default 'queued' check (state in ('queued', 'running', 'completed', 'failed', 'cancelled')),
        attempt integer not null default 0 check (attempt >= 0),
        cursor text,
        started_walk boolean not null default false,
        page_size integer not null check (page_size > 0),
        row_count integer not null default 0 check (row_count >= 0),
        provider_pages integer not null default 0 check (provider_pages >= 0),
        chunk_count integer not null default 0 check (chunk_count >= 0),
        byte_count bigint not null default 0 check (byte_count >= 0),
        stored_bytes bigint not null default 0 check (stored_bytes >= 0),
        oldest_row_at timestamptz,
        walk_from timestamptz,
        walk_to timestamptz,
        sha256 text,
        error_message text,
        error_trace_id text,
        created_at timestamptz not null default now(),
        started_at timestamptz,
        finished_at timestamptz,
        alive_at timestamptz not null default now(),
        expires_at timestamptz not null default now() + interval '7 days',
        check ((state in ('queued', 'running')) = (finished_at is null))
      )`,
      `create index export_jobs_organization_seq_idx on export_jobs (organization_id, seq desc)`,
      `create index export_jobs_user_state_idx on export_jobs (user_id, state)`,
      `create index export_jobs_expires_idx on export_jobs (expires_at)`,
      // The file as it is produced: each chunk is one gzip member, written with the progress it covers.
      `create table export_file_chunks (
        job_id uuid not null references export_jobs (id) on delete cascade,
        seq integer not null check (seq >= 0),
        data bytea not null,
        raw_bytes integer not null check (raw_bytes >= 0),
        primary key (job_id, seq)
      )`,
    ],
  },
];
