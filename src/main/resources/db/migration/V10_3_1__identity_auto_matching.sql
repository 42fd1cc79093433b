-- Probabilistic matching after imports: whether a tenant wants it, and the persons an import
-- touched that still wait to be matched against their candidates.
create table identity_setting (
    tenant_id  bigint primary key,
    auto_match boolean not null
);

create table identity_match_pending (
    tenant_id bigint not null,
    person_id bigint not null,
    primary key (tenant_id, person_id)
);
