package dev.siyu.audience;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.privacy.PersonalData;
import dev.siyu.privacy.Reveals;
import dev.siyu.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Members as rows for people to read: personal fields in their masked forms (the stored
 * masked name and phone), or in clear for a viewer the caller has found allowed to see
 * them, after the reveal is recorded in the privacy module's audit log.
 */
@Component
public class MemberExport {

	private static final String[] COLUMNS = { "person_id", "name", "phone", "gender", "province", "city", "member_tier",
			"lifecycle_stage", "clv" };

	private static final String SELECT = """
			select p.id, pp.name_masked, pp.phone_masked, pp.gender, pp.province, pp.city, pp.member_tier,
			       ps.lifecycle_stage, ps.clv, pp.name_enc, pp.phone_enc
			from person p left join person_profile pp on pp.person_id = p.id left join person_score ps on ps.person_id = p.id
			where p.tenant_id = ? and p.id = any(?) order by p.id""";

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final Reveals reveals;

	MemberExport(JdbcClient jdbc, PersonalData personalData, Reveals reveals) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.reveals = reveals;
	}

	/**
	 * Who sees the names and phones in clear: the caller has checked that this user may
	 * reveal personal data; {@code subject} says what was exported, for the audit log.
	 */
	public record Viewer(TenantId tenant, String username, String subject) {

	}

	public List<Map<String, Object>> rows(long scope, List<Long> personIds) {
		return rows(scope, personIds, false);
	}

	private List<Map<String, Object>> rows(long scope, List<Long> personIds, boolean clear) {
		return this.jdbc.sql(SELECT).params(scope, personIds.toArray(Long[]::new)).query((rs, n) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			for (int i = 0; i < COLUMNS.length; i++) {
				row.put(COLUMNS[i], rs.getObject(i + 1));
			}
			if (clear) {
				byte[] name = rs.getBytes("name_enc");
				byte[] phone = rs.getBytes("phone_enc");
				row.put("name", (name != null) ? this.personalData.decrypt(name) : null);
				row.put("phone", (phone != null) ? this.personalData.decrypt(phone) : null);
			}
			return row;
		}).list();
	}

	/**
	 * Writes a CSV with a header, personal fields masked, in batches of 10,000 persons.
	 */
	public void csv(long scope, long[] personIds, OutputStream out) throws IOException {
		csv(scope, personIds, out, false);
	}

	/**
	 * The same with names and phones in clear; the reveal is recorded (user, what, how
	 * many persons) before anything is decrypted, and nothing is written if it cannot be.
	 */
	public void csvInClear(long scope, long[] personIds, Viewer viewer, OutputStream out) throws IOException {
		this.reveals.record(viewer.tenant(), viewer.username(),
				viewer.subject() + " (" + personIds.length + " persons)", List.of("name", "phone"));
		csv(scope, personIds, out, true);
	}

	private void csv(long scope, long[] personIds, OutputStream out, boolean clear) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		writer.write(String.join(",", COLUMNS) + "\r\n");
		for (int from = 0; from < personIds.length; from += 10_000) {
			long[] batch = Arrays.copyOfRange(personIds, from, Math.min(personIds.length, from + 10_000));
			List<Long> ids = new ArrayList<>(batch.length);
			for (long id : batch) {
				ids.add(id);
			}
			for (Map<String, Object> row : rows(scope, ids, clear)) {
				List<String> cells = new ArrayList<>();
				for (Object value : row.values()) {
					cells.add(cell(value));
				}
				writer.write(String.join(",", cells) + "\r\n");
			}
		}
		writer.flush();
	}

	private static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (text.startsWith("=") || text.startsWith("+") || text.startsWith("-") || text.startsWith("@")) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
