package dev.siyu.identity;

import java.util.List;

import dev.siyu.shared.TenantId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deterministic One ID at ingestion: registers accounts and identifiers and links
 * accounts that share a strong identifier into one person, unless the identifier is
 * shared by so many accounts (a shop's own phone, an office address) that it is
 * quarantined instead.
 */
@Service
public class IdentityResolution {

	private final JdbcClient jdbc;

	private final DeterministicLinking linking;

	private final int hubThreshold;

	IdentityResolution(JdbcClient jdbc, DeterministicLinking linking,
			@Value("${siyu.identity.hub-threshold:20}") int hubThreshold) {
		this.jdbc = jdbc;
		this.linking = linking;
		this.hubThreshold = hubThreshold;
	}

	/**
	 * Takes the accounts and identifiers staged in {@link IdentityStage}'s tables for one
	 * platform, in the caller's transaction, and brings persons up to date.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public LinkSummary absorb(TenantId scope, String platform, String madeBy) {
		long scopeId = scope.value();
		this.jdbc.sql("select pg_advisory_xact_lock(7301, ?::int)").param((int) scopeId).query().singleRow();
		long accountsCreated = this.jdbc.sql("""
				insert into account (tenant_id, platform, account_key)
				select ?, ?, account_key from account_stage
				on conflict (tenant_id, platform, account_key) do nothing""").params(scopeId, platform).update();
		long identifiersCreated = this.jdbc.sql("""
				insert into identifier (tenant_id, kind, value_hash, value_enc, masked, strong)
				select distinct on (kind, value_hash) ?, kind, value_hash, value_enc, masked, strong
				from identity_stage order by kind, value_hash, value_enc nulls last
				on conflict (tenant_id, kind, value_hash) do nothing""").param(scopeId).update();
		this.jdbc.sql("drop table if exists touched_account; drop table if exists touched_identifier").update();
		this.jdbc.sql("""
				create temp table touched_account on commit drop as
				select a.id from account a join account_stage s
				  on a.tenant_id = ? and a.platform = ? and a.account_key = s.account_key""")
			.params(scopeId, platform)
			.update();
		this.jdbc.sql("""
				create temp table touched_identifier on commit drop as
				select distinct a.id as account_id, i.id as identifier_id
				from identity_stage s
				join account a on a.tenant_id = ? and a.platform = ? and a.account_key = s.account_key
				join identifier i on i.tenant_id = ? and i.kind = s.kind and i.value_hash = s.value_hash""")
			.params(scopeId, platform, scopeId)
			.update();
		this.jdbc.sql("""
				insert into account_identifier (account_id, identifier_id, tenant_id)
				select account_id, identifier_id, ? from touched_identifier
				on conflict do nothing""").param(scopeId).update();
		this.jdbc.sql("""
				update identifier i set account_count = c.n
				from (select identifier_id, count(*) as n from account_identifier
				      where identifier_id in (select identifier_id from touched_identifier)
				      group by identifier_id) c
				where i.id = c.identifier_id and i.account_count <> c.n""").update();
		List<Long> quarantined = this.jdbc.sql("""
				update identifier set quarantined_at = now()
				where tenant_id = ? and strong and quarantined_at is null and account_count > ?
				  and id in (select identifier_id from touched_identifier)
				returning id""").params(scopeId, this.hubThreshold).query(Long.class).list();
		DeterministicLinking.Result linked = this.linking.link(scopeId, quarantined, madeBy);
		return new LinkSummary(accountsCreated, identifiersCreated, linked.personsCreated(), linked.personsMerged(),
				linked.accountsMoved(), quarantined.size());
	}

	/** Count of persons (One IDs) in a scope that hold at least one account. */
	public long persons(TenantId scope) {
		return this.jdbc.sql("select count(*) from person where tenant_id = ? and merged_into is null")
			.param(scope.value())
			.query(Long.class)
			.single();
	}

	public long accounts(TenantId scope) {
		return this.jdbc.sql("select count(*) from account where tenant_id = ?")
			.param(scope.value())
			.query(Long.class)
			.single();
	}

}
