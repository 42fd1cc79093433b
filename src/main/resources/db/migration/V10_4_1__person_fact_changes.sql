-- The bitmap index follows facts written by other modules and processes by reading what
-- changed since its last look (0025): each table is read by scope and time of change.
create index person_profile_changed on person_profile (tenant_id, updated_at);
create index person_score_changed on person_score (tenant_id, computed_at);
create index person_reach_changed on person_reach (tenant_id, updated_at);
create index person_tag_change_at on person_tag_change (tenant_id, at);
