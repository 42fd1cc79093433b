package dev.siyu.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.siyu.identity.IdentityResolution;
import dev.siyu.privacy.PersonalData;
import dev.siyu.shared.TenantId;
import dev.siyu.storage.DataDirectory;
import dev.siyu.tenant.Tenant;
import dev.siyu.tenant.Tenants;

import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports export files into a tenant: checks every file's header first (a file that is
 * not a recognisable export changes nothing), streams the rows into staging with COPY,
 * and merges them in one transaction, so an interrupted import leaves nothing behind and
 * a re-run reaches the same state.
 */
@Service
public class Imports {

	private static final Logger log = LoggerFactory.getLogger(Imports.class);

	/**
	 * How many rows (a title, notes, an export date) may stand above the header of an
	 * export.
	 */
	private static final int MAX_TITLE_ROWS = 10;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transactions;

	private final PersonalData personalData;

	private final IdentityResolution identity;

	private final Tenants tenants;

	private final DataDirectory dataDirectory;

	private final ApplicationEventPublisher events;

	private final ImportJobs jobs;

	private final FirstLoad firstLoad;

	private volatile boolean firstLoads;

	private final AtomicLong firstLoadsDone = new AtomicLong();

	Imports(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, PersonalData personalData,
			IdentityResolution identity, Tenants tenants, DataDirectory dataDirectory, ApplicationEventPublisher events,
			ImportJobs jobs, @Value("${siyu.ingest.first-load:true}") boolean firstLoads) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transactions = transactions;
		this.personalData = personalData;
		this.identity = identity;
		this.tenants = tenants;
		this.dataDirectory = dataDirectory;
		this.events = events;
		this.jobs = jobs;
		this.firstLoad = new FirstLoad(jdbc, dataSource, personalData, identity);
		this.firstLoads = firstLoads;
	}

	/**
	 * Whether a first import of order files into an empty identity scope takes the
	 * {@link FirstLoad} path; off, every import takes the general one.
	 */
	void firstLoads(boolean on) {
		this.firstLoads = on;
	}

	/**
	 * From how many bytes of order files a first load writes the tenant's rows into
	 * partitions of its own.
	 */
	void ownPartitionsFrom(long bytes) {
		this.firstLoad.ownPartitionsFrom = bytes;
	}

	/** How many imports the {@link FirstLoad} path has completed since start. */
	long firstLoadsDone() {
		return this.firstLoadsDone.get();
	}

	/**
	 * Imports the files now and returns the counts; a failure leaves the tenant's data
	 * unchanged.
	 */
	public ImportResult importFiles(TenantId tenantId, String source, Path mappingFile, List<Path> files,
			ImportProgress progress) {
		Plan plan = plan(tenantId, source, mappingFile, files);
		long jobId = this.jobs.open(tenantId, plan.sourceName(), mappingFile, files);
		return run(plan, jobId, progress);
	}

	/**
	 * Checks the files and registers a job to be run by {@link #runJob}; errors are
	 * thrown now.
	 */
	Plan plan(TenantId tenantId, String source, Path mappingFile, List<Path> files) {
		if (files.isEmpty()) {
			throw new IllegalArgumentException("no files to import");
		}
		Tenant tenant = this.tenants.byId(tenantId)
			.orElseThrow(() -> new IllegalArgumentException("unknown tenant " + tenantId));
		Mapping mapping = (mappingFile != null) ? MappingFiles.read(mappingFile) : null;
		Sources sources = Sources.of(source, mapping);
		List<PlannedFile> planned = new ArrayList<>();
		String platform = null;
		for (Path file : files) {
			try {
				Located located = locate(file, sources);
				HeaderMatch match = located.match();
				if (platform != null && !platform.equals(match.mapping.platform())) {
					throw new IllegalArgumentException("files of one import must come from one platform: "
							+ file.getFileName() + " is " + match.mapping.platform() + ", the others " + platform);
				}
				platform = match.mapping.platform();
				planned.add(new PlannedFile(file.getFileName().toString(), match,
						() -> TabularFile.open(file, located.sheet(), located.rowsAboveHeader()), Files.size(file)));
			}
			catch (NoSuchFileException ex) {
				throw new IllegalArgumentException("cannot read " + file + ": there is no such file", ex);
			}
			catch (IOException ex) {
				throw new IllegalArgumentException("cannot read " + file + ": " + ex.getMessage(), ex);
			}
		}
		// order files before item files, so the items find their orders
		planned.sort((a, b) -> Boolean.compare(a.match().mapping.granularity() == Mapping.Granularity.ITEMS,
				b.match().mapping.granularity() == Mapping.Granularity.ITEMS));
		return new Plan(tenant, (source == null) ? mapping.name() : source, platform, planned, false);
	}

	/**
	 * Finds the header of an export: in the first sheet that has one, below at most
	 * {@link #MAX_TITLE_ROWS} rows of title or notes; else the error about the first row.
	 */
	private static Located locate(Path file, Sources sources) throws IOException {
		String description;
		List<String> firstRow;
		int sheets;
		try (TabularFile table = TabularFile.open(file)) {
			description = table.describe();
			firstRow = table.header();
			sheets = table.sheetCount();
			Located located = locate(table, 0, sources);
			if (located != null) {
				return located;
			}
		}
		for (int sheet = 1; sheet < sheets; sheet++) {
			try (TabularFile table = TabularFile.open(file, sheet, 0)) {
				Located located = locate(table, sheet, sources);
				if (located != null) {
					return located;
				}
			}
			catch (IOException ex) {
				// an empty sheet: look further
			}
		}
		return new Located(sources.match(file, description, firstRow), 0, 0);
	}

	private static Located locate(TabularFile table, int sheet, Sources sources) throws IOException {
		int titleRows = 0;
		HeaderMatch match = sources.find(table.header());
		while (match == null && titleRows < MAX_TITLE_ROWS && table.headerOneRowLower()) {
			titleRows++;
			match = sources.find(table.header());
		}
		return (match != null) ? new Located(match, sheet, titleRows) : null;
	}

	/** Where the header of a file is, and the mapping it follows. */
	private record Located(HeaderMatch match, int sheet, int rowsAboveHeader) {
	}

	ImportResult runJob(Plan plan, long jobId, ImportProgress progress) {
		return run(plan, jobId, progress);
	}

	long openJob(Plan plan, Path mappingFile) {
		return this.jobs.open(plan.tenant().id(), plan.sourceName(), mappingFile,
				plan.files().stream().map(file -> Path.of(file.label())).toList());
	}

	/**
	 * Imports orders pushed as JSON ({@code {"platform": ..., "orders": [...]}}, at most
	 * 10,000) and answers for each order whether it was imported, updated, unchanged or
	 * rejected, and why.
	 */
	public List<Map<String, Object>> importBatch(TenantId tenantId, JsonNode body) {
		OrderBatch batch = OrderBatch.of(body);
		Tenant tenant = this.tenants.byId(tenantId)
			.orElseThrow(() -> new IllegalArgumentException("unknown tenant " + tenantId));
		HeaderMatch match = HeaderMatch.of(batch.mapping(), batch.header());
		Plan plan = new Plan(tenant, "api", batch.mapping().platform(),
				List.of(new PlannedFile("orders:batch", match, () -> batch, 0)), true);
		long jobId = this.jobs.open(tenantId, "api", null, List.of(Path.of("orders:batch")));
		Map<String, Boolean> merged = new HashMap<>();
		List<ErrorReport.Rejection> rejections = new ArrayList<>();
		run(plan, jobId, ImportProgress.NONE, merged, rejections);
		return batch.outcomes(merged, rejections);
	}

	private ImportResult run(Plan plan, long jobId, ImportProgress progress) {
		return run(plan, jobId, progress, null, null);
	}

	private ImportResult run(Plan plan, long jobId, ImportProgress progress, Map<String, Boolean> merged,
			List<ErrorReport.Rejection> rejections) {
		Path errorsPath = this.dataDirectory.folder("imports").resolve("import-" + jobId + "-errors.csv");
		ImportProgress reporting = (fraction, phase) -> {
			this.jobs.progress(jobId, fraction);
			progress.report(fraction, phase);
		};
		if (this.firstLoads && merged == null && FirstLoad.suits(plan)) {
			try (ErrorReport errors = new ErrorReport(errorsPath)) {
				ImportResult result = this.transactions.execute(status -> {
					ImportResult loaded = this.firstLoad.load(plan, jobId, errors, reporting);
					publish(plan, loaded);
					return loaded;
				});
				this.jobs.succeed(jobId, result);
				this.firstLoadsDone.incrementAndGet();
				return result;
			}
			catch (FirstLoad.GivenWay ex) {
				log.info("Import {} takes the general path: {}", jobId, ex.getMessage());
				deleteQuietly(errorsPath);
			}
			catch (RuntimeException ex) {
				this.jobs.fail(jobId, ex);
				throw ex;
			}
		}
		try (ErrorReport errors = new ErrorReport(errorsPath).keeping((rejections != null) ? 100_000 : 0)) {
			ImportResult result = this.transactions.execute(status -> merge(plan, jobId, errors, reporting, merged));
			if (rejections != null) {
				rejections.addAll(errors.kept());
			}
			this.jobs.succeed(jobId, result);
			return result;
		}
		catch (RuntimeException ex) {
			this.jobs.fail(jobId, ex);
			throw ex;
		}
	}

	private ImportResult merge(Plan plan, long jobId, ErrorReport errors, ImportProgress progress,
			Map<String, Boolean> merged) {
		long tenant = plan.tenant().id().value();
		long scope = plan.tenant().identityScope().value();
		int identifierSlots = 0;
		for (PlannedFile file : plan.files()) {
			identifierSlots = Math.max(identifierSlots, file.match().identifiers.size());
		}
		StagingTables tables = new StagingTables(identifierSlots);
		this.jdbc.sql("set local work_mem = '256MB'").update();
		this.jdbc.sql(tables.create()).update();
		RepeatedOrders repeated = new RepeatedOrders();
		UnknownStatuses unknownStatuses = new UnknownStatuses();
		long rows = 0;
		int fileNo = 0;
		boolean hasOrders = false;
		boolean hasItems = false;
		boolean lineGranularity = false;
		boolean amountPerLine = false;
		int fileCount = plan.files().size();
		Set<String> rejectedOrders = new HashSet<>();
		for (PlannedFile file : plan.files()) {
			Mapping mapping = file.match().mapping;
			boolean items = mapping.granularity() == Mapping.Granularity.ITEMS;
			hasItems |= items;
			hasOrders |= !items;
			if (mapping.granularity() == Mapping.Granularity.LINE) {
				lineGranularity = true;
				amountPerLine = mapping.amountPerLine();
			}
			int current = fileNo++;
			String label = file.label();
			LineStager stager = new LineStager(file.match(), current, label, this.personalData, errors, identifierSlots,
					repeated, unknownStatuses);
			try (Rows table = file.opener().open();
					CopyRows copy = copyInto(items ? "stg_item" : "stg_line",
							items ? StagingTables.ITEM_COLUMNS : tables.lineColumns())) {
				rows += stager.stage(table, copy,
						fraction -> progress.report(0.7 * (current + fraction) / fileCount, "reading " + label));
				copy.finish();
				rejectedOrders.addAll(stager.rejectedOrders());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read " + label + ": " + ex.getMessage(), ex);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot stage " + label + ": " + ex.getMessage(), ex);
			}
		}
		if (!rejectedOrders.isEmpty()) {
			this.jdbc.sql("""
					create temp table stg_rejected on commit drop as select distinct unnest(?::text[]) as order_no;
					delete from stg_line l using stg_rejected r where l.order_no = r.order_no;
					delete from stg_item i using stg_rejected r where i.order_no = r.order_no""")
				.param(rejectedOrders.toArray(String[]::new))
				.update();
		}
		boolean suspects = !repeated.suspects().isEmpty();
		if (suspects) {
			this.jdbc.sql("insert into stg_suspect select distinct unnest(?::text[])")
				.param(repeated.suspects().toArray(String[]::new))
				.update();
		}
		OrderMerge merge = new OrderMerge(this.jdbc, tenant, scope, plan.platform(), jobId);
		long[] orders = { 0, 0 };
		long staged = 0;
		long repeatedRows = 0;
		if (hasItems) {
			repeatedRows += merge.stageItems();
		}
		if (hasOrders) {
			progress.report(0.72, "grouping orders");
			repeatedRows += merge.prepare(lineGranularity, amountPerLine, tables, suspects);
			staged = this.jdbc.sql("select count(*) from stg_order").query(Long.class).single();
			progress.report(0.8, "linking identities");
			this.identity.absorb(plan.tenant().identityScope(), plan.platform(), "import:" + jobId);
			progress.report(0.88, "merging orders");
			orders = merge.mergeOrders(lineGranularity, hasItems, lineGranularity || hasItems || merged != null);
			if (merged != null) {
				this.jdbc.sql("select order_no, inserted from merged_order").query(rs -> {
					merged.put(rs.getString(1), rs.getBoolean(2));
				});
			}
		}
		long itemRows = 0;
		if (hasItems) {
			progress.report(0.95, "merging items");
			itemRows = merge.mergeItems(errors, (file) -> plan.files().get(file).label());
		}
		ImportResult result = new ImportResult(jobId, rows, orders[0], orders[1], staged - orders[0] - orders[1],
				errors.count(), repeatedRows, itemRows, errors.path(), unknownStatuses.rows());
		publish(plan, result);
		progress.report(1.0, "done");
		return result;
	}

	private void publish(Plan plan, ImportResult result) {
		if (result.imported() + result.updated() + result.items() > 0) {
			this.events.publishEvent(new OrdersImported(plan.tenant().id(), result.importId(), plan.platform(),
					result.imported(), result.updated()));
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a report of rows the general path reads again; it writes its own
		}
	}

	private CopyRows copyInto(String table, String columns) throws SQLException {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		return new CopyRows(connection, table, columns);
	}

	public Optional<ImportJobs.Job> job(TenantId tenant, long id) {
		return this.jobs.find(tenant, id);
	}

	/** The files of an import, each with the mapping it follows. */
	record Plan(Tenant tenant, String sourceName, String platform, List<PlannedFile> files, boolean outcomes) {
	}

	record PlannedFile(String label, HeaderMatch match, Opener opener, long bytes) {
	}

	/** Opens the rows of a planned file (again) for staging. */
	@FunctionalInterface
	interface Opener {

		Rows open() throws IOException;

	}

}
