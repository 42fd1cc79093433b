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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Members as rows for people to read: personal fields only in their masked forms (the
 * stored masked name and phone), never decrypted here.
 */
@Component
public class MemberExport {

	private static final String[] COLUMNS = { "person_id", "name", "phone", "gender", "province", "city", "member_tier",
			"lifecycle_stage", "clv" };

	private static final String SELECT = """
			select p.id, pp.name_masked, pp.phone_masked, pp.gender, pp.province, pp.city, pp.member_tier,
			       ps.lifecycle_stage, ps.clv
			from person p left join person_profile pp on pp.person_id = p.id left join person_score ps on ps.person_id = p.id
			where p.tenant_id = ? and p.id = any(?) order by p.id""";

	private final JdbcClient jdbc;

	MemberExport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Map<String, Object>> rows(long scope, List<Long> personIds) {
		return this.jdbc.sql(SELECT).params(scope, personIds.toArray(Long[]::new)).query((rs, n) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			for (int i = 0; i < COLUMNS.length; i++) {
				row.put(COLUMNS[i], rs.getObject(i + 1));
			}
			return row;
		}).list();
	}

	/** Writes a CSV with a header, in batches of 10,000 persons. */
	public void csv(long scope, long[] personIds, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		writer.write(String.join(",", COLUMNS) + "\r\n");
		for (int from = 0; from < personIds.length; from += 10_000) {
			long[] batch = Arrays.copyOfRange(personIds, from, Math.min(personIds.length, from + 10_000));
			List<Long> ids = new ArrayList<>(batch.length);
			for (long id : batch) {
				ids.add(id);
			}
			for (Map<String, Object> row : rows(scope, ids)) {
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
