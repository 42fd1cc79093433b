package dev.siyu.privacy;

import java.time.OffsetDateTime;
import java.util.List;

import dev.siyu.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log of personal data shown in clear: who saw which fields of whom, and when.
 * A reveal is recorded before the data is shown, in a transaction of its own, so nothing
 * is shown that the log does not hold.
 */
@Service
public class Reveals {

	private final JdbcClient jdbc;

	Reveals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(TenantId tenant, String username, String subject, List<String> fields) {
		if (fields.isEmpty()) {
			throw new IllegalArgumentException("a reveal names at least one field");
		}
		this.jdbc.sql("insert into personal_data_reveal (tenant_id, username, subject, fields) values (?, ?, ?, ?)")
			.params(tenant.value(), username, subject, fields.toArray(String[]::new))
			.update();
	}

	public List<Reveal> recent(TenantId tenant, int limit) {
		return this.jdbc.sql("""
				select username, subject, fields, revealed_at from personal_data_reveal
				where tenant_id = ? order by id desc limit ?""")
			.params(tenant.value(), limit)
			.query((rs, row) -> new Reveal(rs.getString(1), rs.getString(2),
					List.of((String[]) rs.getArray(3).getArray()), rs.getObject(4, OffsetDateTime.class)))
			.list();
	}

	/** One entry of the audit log. */
	public record Reveal(String username, String subject, List<String> fields, OffsetDateTime revealedAt) {
	}

}
