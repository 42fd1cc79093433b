-- Probabilistic matching requested over HTTP runs in the background; each request is a job.
-- tenant_id is the identity scope the match ran over, so tenants of a group share their jobs.
create table identity_match_job (
    id                    bigint generated always as identity primary key,
    tenant_id             bigint           not null references tenant (id),
    requested_by          text             not null,
    auto_link_probability double precision not null,
    review_probability    double precision not null,
    status                text             not null default 'running' check (status in ('running', 'succeeded', 'failed')),
    persons               bigint,
    candidate_pairs       bigint,
    auto_linked           bigint,
    queued_for_review     bigint,
    forbidden             bigint,
    failure               text,
    started_at            timestamptz      not null default now(),
    finished_at           timestamptz
);
create index identity_match_job_tenant on identity_match_job (tenant_id, id desc);
-- one run per identity scope at a time
create unique index identity_match_job_running on identity_match_job (tenant_id) where status = 'running';
