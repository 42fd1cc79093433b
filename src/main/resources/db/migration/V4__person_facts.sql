-- Facts about a person that several modules read and exactly one module writes:
--   person_profile  the best attributes chosen by survivorship (identity)
--   person_score    RFM, lifecycle and lifetime value (value)
--   person_reach    through which owned channels the person can be reached, and consent (channels)
-- Audiences read all three. Rows follow the person: when persons merge, the survivor's row is
-- recomputed and the merged person's row is deleted by the module that writes the table.
create table person_profile (
    person_id    bigint primary key,
    tenant_id    bigint      not null,
    name_enc     bytea,
    name_masked  text,
    phone_enc    bytea,
    phone_masked text,
    gender       text check (gender in ('female', 'male')),
    birth_date   date,
    province     text,
    city         text,
    member_tier  text,
    sources      jsonb       not null default '{}', -- attribute -> where its value came from
    updated_at   timestamptz not null default now()
);
create index person_profile_tenant on person_profile (tenant_id);

create table person_score (
    person_id          bigint primary key,
    tenant_id          bigint      not null,
    recency_days       integer,
    frequency          integer,
    monetary           numeric(14, 2),
    r_score            smallint,
    f_score            smallint,
    m_score            smallint,
    rfm_class          text,
    lifecycle_stage    text,
    p_alive            real,
    expected_purchases real,
    clv                numeric(14, 2),
    computed_at        timestamptz not null default now()
);
create index person_score_tenant on person_score (tenant_id);

create table person_reach (
    person_id         bigint primary key,
    tenant_id         bigint      not null,
    wecom_friend      boolean     not null default false,
    in_group          boolean     not null default false,
    official_account  boolean     not null default false,
    sms_consent       boolean     not null default false,
    marketing_opt_out boolean     not null default false,
    updated_at        timestamptz not null default now()
);
create index person_reach_tenant on person_reach (tenant_id);
