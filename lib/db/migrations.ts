import 'server-only';

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
    version: 5,
    name: 'admin: sessions, invitations, connection status, admin audit',
    statements: [
      // Bumped by "sign out everywhere": every token issued under an older version stops working.
      `alter table users add column session_version integer not null default 1 check (session_version >= 1)`,
      `alter table users add column last_sign_in_at timestamptz`,
      `create table user_sessions (
        id text primary key check (id ~ '^sess_[0-9a-f]{32}$'),
        user_id uuid not null references users (id) on delete cascade,
        user_agent text not null default '' check (length(user_agent) <= 300),
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      )`,
      `create index user_sessions_user_id_idx on user_sessions (user_id, created_at desc)`,
      `create table invitations (
        id uuid primary key default gen_random_uuid(),
        organization_id uuid not null references organizations (id) on delete cascade,
        email text not null check (email = lower(email) and length(email) between 3 and 254),
        role text not null check (role in ('viewer', 'finance', 'admin')),
        token_hash text not null unique,
        invited_by uuid references users (id) on delete set null,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        accepted_at timestamptz,
        revoked_at timestamptz
      )`,
      `create index invitations_organization_id_idx on invitations (organization_id, created_at desc)`,
      // Providers are validated by the application's registry, so a new provider needs no migration.
      `alter table provider_connections drop constraint if exists provider_connections_provider_check`,
      `alter table provider_connections add column disabled_at timestamptz`,
      `alter table provider_connections add column credentials_changed_at timestamptz not null default now()`,
      `alter table provider_connections add column last_success_at timestamptz`,
      `alter table provider_connections add column last_error_at timestamptz`,
      `alter table provider_connections add column last_error_message text`,
      `alter table provider_connections add column last_error_trace_id text`,
      // No foreign keys to the actor or the target: the record outlives both. Never holds a secret.
      `create table admin_audits (
        id uuid primary key default gen_random_uuid(),
        seq integer generated always as identity unique,
        organization_id uuid not null references organizations (id) on delete cascade,
        actor_user_id uuid,
        actor_email text not null,
        action text not null check (length(action) between 1 and 100),
        target_type text not null,
        target_id text not null,
        target_label text not null default '',
        before jsonb,
        after jsonb,
        created_at timestamptz not null default now()
      )`,
      `create index admin_audits_organization_seq_idx on admin_audits (organization_id, seq desc)`,
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
  {
    version: 7,
    name: 'kept days of flows',
    statements: [
      // One row per closed, settled day an account's walk covered completely, in the organization's zone at the
      // time. `source` fingerprints the provider account (base URL, settings): a connection pointed elsewhere
      // stops matching. The ids are the day's first and last rows in the provider's newest-first list.
      `create table kept_days (
        connection_id text not null references provider_connections (id) on delete cascade,
        time_zone text not null,
        day date not null,
        source text not null,
        row_count integer not null check (row_count >= 0),
        newest_id text,
        oldest_id text,
        newest_at timestamptz,
        oldest_at timestamptz,
        kept_at timestamptz not null default now(),
        primary key (connection_id, time_zone, day),
        check ((row_count = 0) = (oldest_id is null) and (oldest_id is null) = (newest_id is null))
      )`,
      `create index kept_days_anchor_idx on kept_days (connection_id, oldest_at)`,
      // Exact sums per type and currency, amounts and fees split by sign; minor units, never floats.
      `create table kept_day_totals (
        connection_id text not null,
        time_zone text not null,
        day date not null,
        raw_type text not null,
        type text not null,
        currency text not null check (currency ~ '^[A-Z]{3}$'),
        row_count integer not null check (row_count > 0),
        amount_in numeric(40, 0) not null check (amount_in >= 0),
        amount_out numeric(40, 0) not null check (amount_out <= 0),
        fee_in numeric(40, 0) not null check (fee_in >= 0),
        fee_out numeric(40, 0) not null check (fee_out <= 0),
        primary key (connection_id, time_zone, day, raw_type, currency),
        foreign key (connection_id, time_zone, day) references kept_days (connection_id, time_zone, day) on delete cascade
      )`,
    ],
  },
  {
    version: 8,
    name: 'running export jobs by heartbeat',
    statements: [
      // Every instance on BullMQ looks twice a second for running jobs whose worker stopped beating. Not on
      // alive_at itself: a heartbeat then changes no indexed column, and PostgreSQL updates the row in place.
      `create index export_jobs_running_idx on export_jobs (seq) where state = 'running'`,
    ],
  },
  {
    version: 9,
    name: 'export jobs run under their session lock',
    statements: [
      // True while the attempt's worker holds the job's session lock (lib/jobs/exclusive): once that lock is free,
      // the worker's database session has ended (its process died) and the job is taken over at once.
      `alter table export_jobs add column run_locked boolean not null default false`,
    ],
  },
];
