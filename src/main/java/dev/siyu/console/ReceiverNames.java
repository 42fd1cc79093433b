package dev.siyu.console;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.siyu.ingest.OrdersImported;
import dev.siyu.ingest.Receiver;
import dev.siyu.privacy.PersonalData;
import dev.siyu.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Blind index of receivers' names, so that a customer is found by name without decrypting
 * anything at search time. Kept current from each import's orders; re-indexing the same
 * import adds nothing.
 */
@Component
class ReceiverNames {

	static final String KIND = "name";

	private static final int BATCH = 5_000;

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	ReceiverNames(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	@ApplicationModuleListener
	void on(OrdersImported imported) {
		index(imported.tenant(), imported.importId());
	}

	void index(TenantId tenant, long importId) {
		Set<String> pairs = new LinkedHashSet<>();
		List<String> hashes = new ArrayList<>();
		List<Long> accounts = new ArrayList<>();
		HexFormat hex = HexFormat.of();
		this.jdbc.sql("""
				select distinct account_id, receiver from orders
				where tenant_id = ? and last_import_id = ? and receiver is not null and account_id is not null""")
			.params(tenant.value(), importId)
			.query(rs -> {
				String name = normalized(Receiver.decode(this.personalData.decrypt(rs.getBytes(2))).name());
				if (name.isEmpty()) {
					return;
				}
				String hash = hex.formatHex(this.personalData.blindIndex(KIND, name));
				long account = rs.getLong(1);
				if (pairs.add(hash + account)) {
					hashes.add(hash);
					accounts.add(account);
				}
				if (hashes.size() == BATCH) {
					insert(tenant, hashes, accounts);
					pairs.clear();
				}
			});
		insert(tenant, hashes, accounts);
	}

	/** The blind index of a name as typed into a search box. */
	byte[] indexOf(String name) {
		String normalized = normalized(name);
		return normalized.isEmpty() ? null : this.personalData.blindIndex(KIND, normalized);
	}

	static String normalized(String name) {
		return (name == null) ? "" : name.strip().replaceAll("\\s+", " ");
	}

	private void insert(TenantId tenant, List<String> hashes, List<Long> accounts) {
		if (hashes.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into receiver_name (tenant_id, name_hash, account_id)
				select ?, decode(h, 'hex'), a from unnest(?::text[], ?::bigint[]) as n (h, a)
				on conflict do nothing""")
			.params(tenant.value(), hashes.toArray(String[]::new), accounts.toArray(Long[]::new))
			.update();
		hashes.clear();
		accounts.clear();
	}

}
