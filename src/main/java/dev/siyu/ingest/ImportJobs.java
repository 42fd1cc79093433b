package dev.siyu.ingest;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

import dev.siyu.shared.TenantId;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of every import: its files, progress, counts and error report. Written in
 * transactions of its own, so progress is visible while the import's transaction is still
 * open.
 */
@Component
public class ImportJobs {

	private static final TypeReference<LinkedHashMap<String, Long>> COUNTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Map<Long, Long> lastProgressWrite = new ConcurrentHashMap<>();

	ImportJobs(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public long open(TenantId tenant, String source, Path mapping, List<Path> files) {
		return this.jdbc
			.sql("insert into import_job (tenant_id, source, mapping, files) values (?, ?, ?, ?) returning id")
			.params(tenant.value(), source, (mapping != null) ? mapping.toString() : null,
					files.stream().map(p -> p.getFileName().toString()).toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void progress(long id, double fraction) {
		long now = System.nanoTime();
		Long last = this.lastProgressWrite.get(id);
		if (last != null && now - last < 500_000_000L && fraction < 1.0) {
			return;
		}
		this.lastProgressWrite.put(id, now);
		this.jdbc.sql("update import_job set progress = ? where id = ?").params((float) fraction, id).update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeed(long id, ImportResult result) {
		this.lastProgressWrite.remove(id);
		this.jdbc.sql("""
				update import_job set status = 'succeeded', progress = 1, rows = ?, imported = ?, updated = ?,
				       unchanged = ?, rejected = ?, repeated = ?, unknown_statuses = cast(? as jsonb), errors_file = ?,
				       finished_at = now()
				where id = ?""")
			.params(result.rows(), result.imported(), result.updated(), result.unchanged(), result.rejected(),
					result.repeated(), this.json.writeValueAsString(result.unknownStatuses()),
					(result.errorsFile() != null) ? result.errorsFile().toString() : null, id)
			.update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void fail(long id, Throwable failure) {
		this.lastProgressWrite.remove(id);
		String reason = (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName();
		this.jdbc.sql("update import_job set status = 'failed', failure = ?, finished_at = now() where id = ?")
			.params(reason, id)
			.update();
	}

	public Optional<Job> find(TenantId tenant, long id) {
		return this.jdbc.sql("select * from import_job where tenant_id = ? and id = ?")
			.params(tenant.value(), id)
			.query(this::job)
			.optional();
	}

	public List<Job> recent(TenantId tenant, int limit) {
		return this.jdbc.sql("select * from import_job where tenant_id = ? order by id desc limit ?")
			.params(tenant.value(), limit)
			.query(this::job)
			.list();
	}

	private Job job(ResultSet rs, int row) throws SQLException {
		return new Job(rs.getLong("id"), rs.getString("source"),
				Arrays.asList((String[]) rs.getArray("files").getArray()), rs.getString("status"),
				rs.getFloat("progress"), rs.getLong("rows"), rs.getLong("imported"), rs.getLong("updated"),
				rs.getLong("unchanged"), rs.getLong("rejected"), rs.getLong("repeated"),
				this.json.readValue(rs.getString("unknown_statuses"), COUNTS), rs.getString("errors_file"),
				rs.getString("failure"), rs.getObject("started_at", OffsetDateTime.class),
				rs.getObject("finished_at", OffsetDateTime.class));
	}

	/** An import as recorded. */
	public record Job(long id, String source, List<String> files, String status, double progress, long rows,
			long imported, long updated, long unchanged, long rejected, long repeated,
			Map<String, Long> unknownStatuses, String errorsFile, String failure, OffsetDateTime startedAt,
			OffsetDateTime finishedAt) {
	}

}
