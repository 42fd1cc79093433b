-- Customer value (module value): more per-person scores, the tenant's settings, lifecycle
-- transitions with their dates, and the scheduled lifetime-value fits with their holdout check.
alter table person_score
    add column purchases          integer,
    add column first_purchase     date,
    add column last_purchase      date,
    add column expected_spend     numeric(14, 2),
    add column lifecycle_since    date,
    add column next_purchase_from date,
    add column next_purchase_to   date;

create table value_settings (
    tenant_id           bigint primary key,
    recency_bounds      numeric(14, 2)[],       -- four cut points in days, fewer days scoring higher
    frequency_bounds    numeric(14, 2)[],       -- four cut points in orders
    monetary_bounds     numeric(14, 2)[],   -- four cut points in net spend
    new_days            integer not null default 30,
    active_days         integer not null default 90,
    silent_days         integer not null default 180,
    lost_days           integer not null default 365,
    at_risk_p_alive     real    not null default 0.3,
    horizon_days        integer not null default 365,
    annual_discount     real    not null default 0.1,
    updated_at          timestamptz not null default now()
);

create table lifecycle_transition (
    id          bigint generated always as identity primary key,
    tenant_id   bigint      not null,
    person_id   bigint      not null,
    from_stage  text,
    to_stage    text        not null,
    changed_on  date        not null,
    recorded_at timestamptz not null default now()
);
create index lifecycle_transition_tenant on lifecycle_transition (tenant_id, changed_on);
create index lifecycle_transition_person on lifecycle_transition (person_id);

create table clv_fit (
    id          bigint generated always as identity primary key,
    tenant_id   bigint      not null,
    fitted_at   timestamptz not null default now(),
    customers   integer     not null,
    bgnbd       jsonb,
    paretonbd   jsonb,
    gammagamma  jsonb,
    holdout     jsonb,
    fit_millis  bigint      not null
);
create index clv_fit_tenant on clv_fit (tenant_id, fitted_at desc);
