-- The console finds a customer by a platform nick or buyer id without knowing the platform:
-- the unique (tenant_id, platform, account_key) index cannot serve that without scanning the tenant.
create index account_key_lookup on account (account_key);
