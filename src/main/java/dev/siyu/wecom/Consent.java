package dev.siyu.wecom;

import java.util.List;

import dev.siyu.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marketing consent of WeCom contacts: an opt-out takes effect at once, for every send
 * (welcome messages included) and in person_reach, which audiences read.
 */
@Service
public class Consent {

	private final JdbcClient jdbc;

	private final Reach reach;

	Consent(JdbcClient jdbc, Reach reach) {
		this.jdbc = jdbc;
		this.reach = reach;
	}

	@Transactional
	public void set(TenantId tenant, String externalUserId, boolean optOut) {
		int updated = this.jdbc.sql("""
				update wecom_contact set marketing_opt_out = ?, opt_out_at = case when ? then now() end
				where tenant_id = ? and external_userid = ?""")
			.params(optOut, optOut, tenant.value(), externalUserId)
			.update();
		if (updated == 0) {
			throw new IllegalArgumentException("'" + externalUserId + "' is not a WeCom contact of this tenant");
		}
		this.reach.recompute(tenant, List.of(externalUserId));
	}

	/** Of the given contacts, those that may receive marketing. */
	public List<String> sendable(TenantId tenant, List<String> externalUserIds) {
		return this.jdbc.sql("""
				select external_userid from wecom_contact
				where tenant_id = ? and external_userid = any(?) and not marketing_opt_out""")
			.params(tenant.value(), externalUserIds.toArray(String[]::new))
			.query(String.class)
			.list();
	}

}
